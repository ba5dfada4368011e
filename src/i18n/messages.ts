import { fail, type SourcePosition } from '../diagnostics.js';

/**
 * Every word lectern writes into a deck itself, in English: `{name}` marks where a
 * value goes. A deck's `strings:` (or its template's) can replace any of them.
 */
const ENGLISH = {
  continued: '{title} (continued)',
  source: 'Source: {source}',
  total: 'Total',
  table: 'Table: {columns} ({rows} rows)',
  more: 'and {count} more',
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

/** The name of one generated word or phrase. */
export type MessageKey = keyof typeof ENGLISH;
type Catalogue = Record<MessageKey, string>;

/** The catalogue: the same words in each language lectern ships, by primary language subtag. */
const CATALOGUES: Record<string, Catalogue> = {
  en: ENGLISH,
  de: {
    continued: '{title} (Fortsetzung)',
    source: 'Quelle: {source}',
    total: 'Summe',
    table: 'Tabelle: {columns} ({rows} Zeilen)',
    more: 'und {count} weitere',
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
    table: 'Tableau\u00a0: {columns} ({rows} lignes)',
    more: 'et {count} autres',
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
    table: 'Tabla: {columns} ({rows} filas)',
    more: 'y {count} más',
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
    table: 'Tabela: {columns} ({rows} linhas)',
    more: 'e mais {count}',
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
    table: 'Tabella: {columns} ({rows} righe)',
    more: 'e altri {count}',
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
    table: 'Tablo: {columns} ({rows} satır)',
    more: 've {count} tane daha',
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
    table: 'Таблица: {columns} (строк: {rows})',
    more: 'и ещё {count}',
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
    table: 'Таблиця: {columns} (рядків: {rows})',
    more: 'і ще {count}',
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
    table: 'Кесте: {columns} (жолдар: {rows})',
    more: 'және тағы {count}',
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
    table: '表格：{columns}（{rows} 行）',
    more: '另有 {count} 项',
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
    table: '表：{columns}（{rows} 行）',
    more: 'ほか {count} 件',
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
    table: 'جدول: {columns} (عدد الصفوف: {rows})',
    more: 'و{count} أخرى',
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
    table: 'טבלה: {columns} ({rows} שורות)',
    more: 'ועוד {count}',
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
export const MESSAGE_KEYS = Object.keys(ENGLISH) as MessageKey[];

/** Overrides of the catalogue's words, as a deck's or template's `strings:` gives them. */
export type Strings = Partial<Record<MessageKey, string>>;

/** The words of one deck: its language's catalogue under the template's and the deck's `strings:`. */
export interface Messages {
  /** The deck's language tag. */
  lang: string;
  /** The phrase `key` with each `{name}` replaced by `values[name]`. */
  text(key: MessageKey, values?: Record<string, string>): string;
}

/** The catalogue of `lang` (its primary subtag's; English if lectern has none) under `overrides`, later ones winning. */
export function messagesFor(lang: string, ...overrides: (Strings | undefined)[]): Messages {
  const catalogue: Catalogue = { ...(CATALOGUES[lang.split(/[-_]/)[0].toLowerCase()] ?? ENGLISH) };
  for (const strings of overrides) Object.assign(catalogue, strings);
  return {
    lang,
    // A function replacement: what a deck writes is never read as a replacement pattern ($&).
    text: (key, values = {}) => catalogue[key].replace(/\{(\w+)\}/g, (mark, name: string) => values[name] ?? mark),
  };
}

/** A `strings:` mapping checked: known names, text values; a fault is an error at `at(key)`. */
export function checkStrings(value: unknown, at: (key?: string) => SourcePosition): Strings {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw fail('strings/type', '"strings" must be a mapping of names to text, e.g. "continued: {title} (cont.)"', at());
  const out: Strings = {};
  for (const [key, text] of Object.entries(value)) {
    if (!(MESSAGE_KEYS as string[]).includes(key))
      throw fail('strings/unknown', `"strings" has no "${key}"; the names are ${MESSAGE_KEYS.join(', ')}`, at(key));
    if (typeof text === 'object' && text !== null) throw fail('strings/type', `"strings.${key}" must be text`, at(key));
    out[key as MessageKey] = String(text ?? '');
  }
  return out;
}
