import { fail, type SourcePosition } from '../diagnostics.js';
import { formatNumber } from '../format.js';
import { didYouMean } from '../suggest.js';
import { PLURAL_CATEGORIES, pluralCategories, pluralCategory, type PluralCategory } from './plural.js';

/**
 * Every word lectern writes into a deck itself, in English: `{name}` marks where a
 * value goes. A phrase with a count has a form for each plural category its language
 * uses (see plural.ts). A deck's `strings:` (or its template's) can replace any of them.
 */
const ENGLISH = {
  continued: '{title} (continued)',
  source: 'Source: {source}',
  total: 'Total',
  table: { one: 'Table: {columns} ({rows} row)', other: 'Table: {columns} ({rows} rows)' },
  more: { one: 'and {count} more', other: 'and {count} more' },
  barChart: 'Bar chart',
  columnChart: 'Column chart',
  lineChart: 'Line chart',
  areaChart: 'Area chart',
  pieChart: 'Pie chart',
  doughnutChart: 'Doughnut chart',
  scatterChart: 'Scatter chart',
  histogram: 'Histogram',
  stacked: 'stacked',
  percentStacked: 'stacked to 100%',
  trend: 'linear trend y = {slope}x {intercept}, R² = {r2}',
  highlighted: '{what} highlighted',
  secondaryAxis: 'right axis',
};

/** The phrases with a count, and the `{name}` in them that the count fills. */
const COUNTED = { table: 'rows', more: 'count' } as const;

/** The name of a phrase with a count: its form follows the count (`table`, `more`). */
export type CountedKey = keyof typeof COUNTED;
/** The name of one generated word or phrase without a count. */
export type MessageKey = Exclude<keyof typeof ENGLISH, CountedKey>;
/** A phrase's forms by plural category: one for each category its language uses, `other` always. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };
type Catalogue = Record<MessageKey, string> & Record<CountedKey, PluralForms>;

/** The catalogue: the same words in each language lectern ships, by primary language subtag. */
const CATALOGUES: Record<string, Catalogue> = {
  en: ENGLISH,
  de: {
    continued: '{title} (Fortsetzung)',
    source: 'Quelle: {source}',
    total: 'Summe',
    table: { one: 'Tabelle: {columns} ({rows} Zeile)', other: 'Tabelle: {columns} ({rows} Zeilen)' },
    more: { one: 'und {count} weitere', other: 'und {count} weitere' },
    barChart: 'Balkendiagramm',
    columnChart: 'Säulendiagramm',
    lineChart: 'Liniendiagramm',
    areaChart: 'Flächendiagramm',
    pieChart: 'Kreisdiagramm',
    doughnutChart: 'Ringdiagramm',
    scatterChart: 'Punktdiagramm',
    histogram: 'Histogramm',
    stacked: 'gestapelt',
    percentStacked: 'gestapelt auf 100 %',
    trend: 'lineare Trendlinie y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} hervorgehoben',
    secondaryAxis: 'rechte Achse',
  },
  fr: {
    continued: '{title} (suite)',
    source: 'Source\u00a0: {source}',
    total: 'Total',
    table: {
      one: 'Tableau\u00a0: {columns} ({rows} ligne)',
      many: 'Tableau\u00a0: {columns} ({rows} de lignes)',
      other: 'Tableau\u00a0: {columns} ({rows} lignes)',
    },
    more: { one: 'et {count} autre', many: 'et {count} autres', other: 'et {count} autres' },
    barChart: 'Graphique à barres',
    columnChart: 'Histogramme',
    lineChart: 'Graphique en courbes',
    areaChart: 'Graphique en aires',
    pieChart: 'Graphique en secteurs',
    doughnutChart: 'Graphique en anneau',
    scatterChart: 'Nuage de points',
    histogram: 'Histogramme de distribution',
    stacked: 'empilé',
    percentStacked: 'empilé à 100 %',
    trend: 'tendance linéaire y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} mis en évidence',
    secondaryAxis: 'axe de droite',
  },
  es: {
    continued: '{title} (continuación)',
    source: 'Fuente: {source}',
    total: 'Total',
    table: { one: 'Tabla: {columns} ({rows} fila)', many: 'Tabla: {columns} ({rows} de filas)', other: 'Tabla: {columns} ({rows} filas)' },
    more: { one: 'y {count} más', many: 'y {count} más', other: 'y {count} más' },
    barChart: 'Gráfico de barras',
    columnChart: 'Gráfico de columnas',
    lineChart: 'Gráfico de líneas',
    areaChart: 'Gráfico de áreas',
    pieChart: 'Gráfico circular',
    doughnutChart: 'Gráfico de anillos',
    scatterChart: 'Gráfico de dispersión',
    histogram: 'Histograma',
    stacked: 'apilado',
    percentStacked: 'apilado al 100 %',
    trend: 'tendencia lineal y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} resaltado',
    secondaryAxis: 'eje derecho',
  },
  pt: {
    continued: '{title} (continuação)',
    source: 'Fonte: {source}',
    total: 'Total',
    table: {
      one: 'Tabela: {columns} ({rows} linha)',
      many: 'Tabela: {columns} ({rows} de linhas)',
      other: 'Tabela: {columns} ({rows} linhas)',
    },
    more: { one: 'e mais {count}', many: 'e mais {count}', other: 'e mais {count}' },
    barChart: 'Gráfico de barras',
    columnChart: 'Gráfico de colunas',
    lineChart: 'Gráfico de linhas',
    areaChart: 'Gráfico de área',
    pieChart: 'Gráfico circular',
    doughnutChart: 'Gráfico de rosca',
    scatterChart: 'Gráfico de dispersão',
    histogram: 'Histograma',
    stacked: 'empilhado',
    percentStacked: 'empilhado a 100%',
    trend: 'tendência linear y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} em destaque',
    secondaryAxis: 'eixo direito',
  },
  it: {
    continued: '{title} (continua)',
    source: 'Fonte: {source}',
    total: 'Totale',
    table: {
      one: 'Tabella: {columns} ({rows} riga)',
      many: 'Tabella: {columns} ({rows} di righe)',
      other: 'Tabella: {columns} ({rows} righe)',
    },
    more: { one: 'e {count} altro', many: 'e altri {count}', other: 'e altri {count}' },
    barChart: 'Grafico a barre',
    columnChart: 'Grafico a colonne',
    lineChart: 'Grafico a linee',
    areaChart: 'Grafico ad area',
    pieChart: 'Grafico a torta',
    doughnutChart: 'Grafico ad anello',
    scatterChart: 'Grafico a dispersione',
    histogram: 'Istogramma',
    stacked: 'in pila',
    percentStacked: 'in pila al 100%',
    trend: 'tendenza lineare y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} evidenziato',
    secondaryAxis: 'asse destro',
  },
  tr: {
    continued: '{title} (devam)',
    source: 'Kaynak: {source}',
    total: 'Toplam',
    table: { one: 'Tablo: {columns} ({rows} satır)', other: 'Tablo: {columns} ({rows} satır)' },
    more: { one: 've {count} tane daha', other: 've {count} tane daha' },
    barChart: 'Çubuk grafik',
    columnChart: 'Sütun grafik',
    lineChart: 'Çizgi grafik',
    areaChart: 'Alan grafik',
    pieChart: 'Pasta grafik',
    doughnutChart: 'Halka grafik',
    scatterChart: 'Dağılım grafiği',
    histogram: 'Histogram',
    stacked: 'yığılmış',
    percentStacked: '%100 yığılmış',
    trend: 'doğrusal eğilim y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} vurgulandı',
    secondaryAxis: 'sağ eksen',
  },
  ru: {
    continued: '{title} (продолжение)',
    source: 'Источник: {source}',
    total: 'Итого',
    table: {
      one: 'Таблица: {columns} ({rows} строка)',
      few: 'Таблица: {columns} ({rows} строки)',
      many: 'Таблица: {columns} ({rows} строк)',
      other: 'Таблица: {columns} ({rows} строки)',
    },
    more: { one: 'и ещё {count}', few: 'и ещё {count}', many: 'и ещё {count}', other: 'и ещё {count}' },
    barChart: 'Линейчатая диаграмма',
    columnChart: 'Гистограмма',
    lineChart: 'График',
    areaChart: 'Диаграмма с областями',
    pieChart: 'Круговая диаграмма',
    doughnutChart: 'Кольцевая диаграмма',
    scatterChart: 'Точечная диаграмма',
    histogram: 'Гистограмма распределения',
    stacked: 'с накоплением',
    percentStacked: 'нормированная с накоплением',
    trend: 'линейный тренд y = {slope}x {intercept}, R² = {r2}',
    highlighted: 'выделено: {what}',
    secondaryAxis: 'правая ось',
  },
  uk: {
    continued: '{title} (продовження)',
    source: 'Джерело: {source}',
    total: 'Разом',
    table: {
      one: 'Таблиця: {columns} ({rows} рядок)',
      few: 'Таблиця: {columns} ({rows} рядки)',
      many: 'Таблиця: {columns} ({rows} рядків)',
      other: 'Таблиця: {columns} ({rows} рядка)',
    },
    more: { one: 'і ще {count}', few: 'і ще {count}', many: 'і ще {count}', other: 'і ще {count}' },
    barChart: 'Лінійчата діаграма',
    columnChart: 'Гістограма',
    lineChart: 'Графік',
    areaChart: 'Діаграма з областями',
    pieChart: 'Кругова діаграма',
    doughnutChart: 'Кільцева діаграма',
    scatterChart: 'Точкова діаграма',
    histogram: 'Гістограма розподілу',
    stacked: 'з накопиченням',
    percentStacked: 'нормована з накопиченням',
    trend: 'лінійний тренд y = {slope}x {intercept}, R² = {r2}',
    highlighted: 'виділено: {what}',
    secondaryAxis: 'права вісь',
  },
  kk: {
    continued: '{title} (жалғасы)',
    source: 'Дереккөз: {source}',
    total: 'Барлығы',
    table: { one: 'Кесте: {columns} ({rows} жол)', other: 'Кесте: {columns} ({rows} жол)' },
    more: { one: 'және тағы {count}', other: 'және тағы {count}' },
    barChart: 'Жолақты диаграмма',
    columnChart: 'Бағаналы диаграмма',
    lineChart: 'Сызықтық диаграмма',
    areaChart: 'Аудандық диаграмма',
    pieChart: 'Дөңгелек диаграмма',
    doughnutChart: 'Сақиналы диаграмма',
    scatterChart: 'Нүктелік диаграмма',
    histogram: 'Таралу гистограммасы',
    stacked: 'жинақталған',
    percentStacked: '100%-ға жинақталған',
    trend: 'сызықтық тренд y = {slope}x {intercept}, R² = {r2}',
    highlighted: 'ерекшеленген: {what}',
    secondaryAxis: 'оң жақ ось',
  },
  zh: {
    continued: '{title}（续）',
    source: '来源：{source}',
    total: '合计',
    table: { other: '表格：{columns}（{rows} 行）' },
    more: { other: '另有 {count} 项' },
    barChart: '条形图',
    columnChart: '柱形图',
    lineChart: '折线图',
    areaChart: '面积图',
    pieChart: '饼图',
    doughnutChart: '圆环图',
    scatterChart: '散点图',
    histogram: '直方图',
    stacked: '堆积',
    percentStacked: '百分比堆积',
    trend: '线性趋势 y = {slope}x {intercept}，R² = {r2}',
    highlighted: '突出显示：{what}',
    secondaryAxis: '右侧坐标轴',
  },
  ja: {
    continued: '{title}（続き）',
    source: '出典：{source}',
    total: '合計',
    table: { other: '表：{columns}（{rows} 行）' },
    more: { other: 'ほか {count} 件' },
    barChart: '横棒グラフ',
    columnChart: '縦棒グラフ',
    lineChart: '折れ線グラフ',
    areaChart: '面グラフ',
    pieChart: '円グラフ',
    doughnutChart: 'ドーナツグラフ',
    scatterChart: '散布図',
    histogram: 'ヒストグラム',
    stacked: '積み上げ',
    percentStacked: '100% 積み上げ',
    trend: '線形近似 y = {slope}x {intercept}、R² = {r2}',
    highlighted: '強調表示: {what}',
    secondaryAxis: '右の軸',
  },
  ar: {
    continued: '{title} (تابع)',
    source: 'المصدر: {source}',
    total: 'المجموع',
    table: {
      zero: 'جدول: {columns} (لا صفوف)',
      one: 'جدول: {columns} (صف واحد)',
      two: 'جدول: {columns} (صفان)',
      few: 'جدول: {columns} ({rows} صفوف)',
      many: 'جدول: {columns} ({rows} صفًا)',
      other: 'جدول: {columns} ({rows} صف)',
    },
    more: {
      zero: 'ولا عناصر أخرى',
      one: 'وعنصر آخر',
      two: 'وعنصران آخران',
      few: 'و{count} عناصر أخرى',
      many: 'و{count} عنصرًا آخر',
      other: 'و{count} عنصر آخر',
    },
    barChart: 'مخطط شريطي',
    columnChart: 'مخطط عمودي',
    lineChart: 'مخطط خطي',
    areaChart: 'مخطط مساحي',
    pieChart: 'مخطط دائري',
    doughnutChart: 'مخطط حلقي',
    scatterChart: 'مخطط مبعثر',
    histogram: 'مدرج تكراري',
    stacked: 'مكدس',
    percentStacked: 'مكدس بنسبة 100%',
    trend: 'اتجاه خطي y = {slope}x {intercept}، R² = {r2}',
    highlighted: 'تم تمييز {what}',
    secondaryAxis: 'المحور الأيمن',
  },
  he: {
    continued: '{title} (המשך)',
    source: 'מקור: {source}',
    total: 'סה״כ',
    table: { one: 'טבלה: {columns} (שורה אחת)', two: 'טבלה: {columns} (שתי שורות)', other: 'טבלה: {columns} ({rows} שורות)' },
    more: { one: 'ועוד {count}', two: 'ועוד {count}', other: 'ועוד {count}' },
    barChart: 'תרשים פסים',
    columnChart: 'תרשים עמודות',
    lineChart: 'תרשים קו',
    areaChart: 'תרשים שטח',
    pieChart: 'תרשים עוגה',
    doughnutChart: 'תרשים טבעת',
    scatterChart: 'תרשים פיזור',
    histogram: 'היסטוגרמה',
    stacked: 'מוערם',
    percentStacked: 'מוערם ל-100%',
    trend: 'מגמה ליניארית y = {slope}x {intercept}, R² = {r2}',
    highlighted: '{what} מודגש',
    secondaryAxis: 'ציר ימני',
  },
};

/** The languages the catalogue has, by primary subtag. */
export const CATALOGUE_LANGUAGES = Object.keys(CATALOGUES);
/** The names a `strings:` mapping may use. */
export const MESSAGE_KEYS = Object.keys(ENGLISH) as (MessageKey | CountedKey)[];
/** The names of the phrases with a count, whose `strings:` may give a form per plural category. */
export const COUNTED_KEYS = Object.keys(COUNTED) as CountedKey[];

/** The catalogue's forms of phrase `key` in language `lang` (its primary subtag's; English's if lectern has none). */
export function catalogueForms(lang: string, key: CountedKey): PluralForms {
  return (catalogueOf(lang) ?? ENGLISH)[key];
}

function catalogueOf(lang: string): Catalogue | undefined {
  return CATALOGUES[lang.split(/[-_]/)[0].toLowerCase()];
}

/**
 * Overrides of the catalogue's words, as a deck's or template's `strings:` gives them:
 * text, or for a phrase with a count, text for every count or its forms by category.
 */
export type Strings = Partial<Record<MessageKey, string> & Record<CountedKey, string | PluralForms>>;

/** The words of one deck: its language's catalogue under the template's and the deck's `strings:`. */
export interface Messages {
  /** The deck's language tag. */
  lang: string;
  /** The phrase `key` with each `{name}` replaced by `values[name]`. */
  text(key: MessageKey, values?: Record<string, string>): string;
  /**
   * The form of phrase `key` for `count` things, in the deck's language, its count
   * written as the language writes numbers: "Table: Party, Votes (1 row)", "(5 строк)".
   */
  count(key: CountedKey, count: number, values?: Record<string, string>): string;
}

/** A phrase's forms, and the language whose plural rules choose among them. */
interface Counted {
  forms: PluralForms;
  rules: string;
}

/**
 * The catalogue of `lang` (its primary subtag's; English if lectern has none) under
 * `overrides`, later ones winning. The catalogue's forms are chosen by the rules of
 * their own language (English's when lectern has none for `lang`), a deck's or
 * template's by the rules of `lang`, the language they are written for.
 */
export function messagesFor(lang: string, ...overrides: (Strings | undefined)[]): Messages {
  const own = catalogueOf(lang);
  const catalogue = own ?? ENGLISH;
  const words: Record<MessageKey, string> = { ...catalogue };
  const counted = {} as Record<CountedKey, Counted>;
  for (const key of COUNTED_KEYS) counted[key] = { forms: catalogue[key], rules: own ? lang : 'en' };
  for (const strings of overrides) {
    for (const [key, value] of Object.entries(strings ?? {}) as [MessageKey | CountedKey, string | PluralForms][]) {
      if (isCounted(key)) counted[key] = { forms: typeof value === 'string' ? { other: value } : value, rules: lang };
      else words[key] = value as string;
    }
  }
  return {
    lang,
    text: (key, values = {}) => fill(words[key], values),
    count: (key, count, values = {}) => {
      const { forms, rules } = counted[key];
      // A `zero` form is for 0 in every language, as a teacher writing one means it; the others follow the language's rules.
      const form = (count === 0 ? forms.zero : undefined) ?? forms[pluralCategory(rules, count)] ?? forms.other;
      return fill(form, { ...values, [COUNTED[key]]: formatNumber(count, undefined, lang) });
    },
  };
}

/**
 * The forms in a deck's `strings` that its language `lang` never shows, each with its
 * path under `strings` and a warning: those of plural categories `lang` does not use
 * (`few` in English). `zero` is shown for 0 in every language.
 */
export function unusedForms(strings: Strings, lang: string): { path: string[]; message: string }[] {
  const counted = COUNTED_KEYS.flatMap((key) => {
    const forms = strings[key];
    return typeof forms === 'object' ? [[key, forms] as const] : [];
  });
  if (counted.length === 0) return [];
  const used = pluralCategories(lang);
  return counted.flatMap(([key, forms]) =>
    (Object.keys(forms) as PluralCategory[])
      .filter((category) => category !== 'zero' && !used.includes(category))
      .map((category) => ({
        path: [key, category],
        message: `"strings.${key}" has a "${category}" form, which the deck's language (${lang}) does not use, so it is never shown; its forms are ${used.join(', ')} (and zero, for 0)`,
      })),
  );
}

/** `phrase` with each `{name}` replaced by `values[name]`; a function replacement, so that what a deck writes is never read as a pattern ($&). */
function fill(phrase: string, values: Record<string, string>): string {
  return phrase.replace(/\{(\w+)\}/g, (mark, name: string) => values[name] ?? mark);
}

function isCounted(key: string): key is CountedKey {
  return key in COUNTED;
}

/**
 * A `strings:` mapping checked: known names, text values, and for a phrase with a
 * count either text or forms by CLDR plural category with `other` among them. A
 * fault is an error at `at(path)`: `[]` for the mapping, `[name]`, `[name, category]`.
 */
export function checkStrings(value: unknown, at: (path: string[]) => SourcePosition): Strings {
  if (!isMapping(value))
    throw fail('strings/type', '"strings" must be a mapping of names to text, e.g. "continued: {title} (cont.)"', at([]));
  const out: Record<string, string | PluralForms> = {};
  for (const [key, text] of Object.entries(value)) {
    if (!(MESSAGE_KEYS as string[]).includes(key))
      throw fail('strings/unknown', `"strings" has no "${key}"; the names are ${MESSAGE_KEYS.join(', ')}`, at([key]));
    if (isCounted(key) && isMapping(text)) out[key] = checkForms(key, text, at);
    else if (typeof text === 'object' && text !== null)
      throw fail(
        'strings/type',
        isCounted(key)
          ? `"strings.${key}" must be text, or a mapping of plural categories to text, e.g. {one: "${ENGLISH[key].one}", other: "${ENGLISH[key].other}"}`
          : `"strings.${key}" must be text; only ${COUNTED_KEYS.join(' and ')} have a count, and so a form for each plural category`,
        at([key]),
      );
    else out[key] = String(text ?? '');
  }
  return out as Strings;
}

/** A phrase's forms by plural category, checked: known categories, text, `other` among them. */
function checkForms(key: CountedKey, forms: Record<string, unknown>, at: (path: string[]) => SourcePosition): PluralForms {
  const out: Partial<Record<PluralCategory, string>> = {};
  for (const [category, text] of Object.entries(forms)) {
    if (!(PLURAL_CATEGORIES as readonly string[]).includes(category))
      throw fail(
        'strings/plural-category',
        `"strings.${key}" has a form "${category}", which is not a plural category${didYouMean(category, PLURAL_CATEGORIES)}; the categories are ${PLURAL_CATEGORIES.join(', ')}, and each language uses some of them (English: one, other; Russian: one, few, many, other)`,
        at([key, category]),
      );
    if (typeof text === 'object' && text !== null)
      throw fail('strings/type', `"strings.${key}.${category}" must be text`, at([key, category]));
    out[category as PluralCategory] = String(text ?? '');
  }
  if (out.other === undefined)
    throw fail(
      'strings/plural-other',
      `"strings.${key}" needs an "other" form, the one for every count its other forms do not cover, e.g. other: "${ENGLISH[key].other}"`,
      at([key]),
    );
  return out as PluralForms;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
