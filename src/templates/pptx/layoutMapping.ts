/**
 * Which layout of a PowerPoint file each of lectern's layout kinds uses. One rule:
 * 1. the template's `layouts:` names one (`chart: "Title Only"`);
 * 2. else a layout with the name PowerPoint gives that kind, in any language
 *    PowerPoint ships in the table below, or LibreOffice's name;
 * 3. else a layout with the placeholders the kind needs;
 * 4. else the nearest layout, which `lectern check` reports.
 * Charts and tables go on the content layout, pictures on "Picture with Caption"
 * when the file has one with a picture placeholder, else on the content layout.
 * A file with several masters is matched across all of them: at each step the
 * layout of the master that suits the kind best wins (see rankMasters).
 */
import { contrast } from '../colors.js';
import { MIN_CONTRAST, type FileLayout, type FilePlaceholder, type FilePresentation } from './readLayouts.js';

/** lectern's layout kinds, in the order they are matched. */
export const LAYOUT_KINDS = ['content', 'title', 'section', 'two-column', 'image', 'chart', 'table'] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

/**
 * PowerPoint's names for its built-in layouts: English, German, French, Spanish, Italian, Portuguese (Brazil, Portugal),
 * Dutch, Swedish, Danish, Norwegian, Finnish, Polish, Czech, Russian, Turkish, Japanese, Chinese, Korean; then LibreOffice's.
 */
export const POWERPOINT_LAYOUT_NAMES: Record<string, string[]> = {
  'Title Slide': [
    'Title Slide',
    'Titelfolie',
    'Diapositive de titre',
    'Diapositiva de título',
    'Diapositiva titolo',
    'Slide de Título',
    'Diapositivo de Título',
    'Titeldia',
    'Rubrikbild',
    'Titelslide',
    'Tittellysbilde',
    'Otsikkodia',
    'Slajd tytułowy',
    'Úvodní snímek',
    'Титульный слайд',
    'Başlık Slaydı',
    'タイトル スライド',
    '标题幻灯片',
    '제목 슬라이드',
  ],
  'Title and Content': [
    'Title and Content',
    'Titel und Inhalt',
    'Titre et contenu',
    'Título y objetos',
    'Titolo e contenuto',
    'Título e Conteúdo',
    'Titel en object',
    'Rubrik och innehåll',
    'Titel og indhold',
    'Tittel og innhold',
    'Otsikko ja sisältö',
    'Tytuł i zawartość',
    'Nadpis a obsah',
    'Заголовок и объект',
    'Başlık ve İçerik',
    'タイトルとコンテンツ',
    '标题和内容',
    '제목 및 내용',
    'Title, Content',
  ],
  'Section Header': [
    'Section Header',
    'Abschnittsüberschrift',
    'En-tête de section',
    'Encabezado de sección',
    'Intestazione sezione',
    'Cabeçalho da Seção',
    'Cabeçalho de Secção',
    'Sectiekop',
    'Avsnittsrubrik',
    'Afsnitsoverskrift',
    'Deloverskrift',
    'Osan ylätunniste',
    'Nagłówek sekcji',
    'Záhlaví oddílu',
    'Заголовок раздела',
    'Bölüm Üst Bilgisi',
    'セクション見出し',
    '节标题',
    '구역 머리글',
  ],
  'Two Content': [
    'Two Content',
    'Zwei Inhalte',
    'Deux contenus',
    'Dos objetos',
    'Due contenuti',
    'Duas Partes de Conteúdo',
    'Dois Conteúdos',
    'Twee objecten',
    'Två delar',
    'To indholdsdele',
    'To innholdsdeler',
    'Kaksi sisältökohdetta',
    'Dwa elementy zawartości',
    'Dva obsahy',
    'Два объекта',
    'İki İçerik',
    '2 つのコンテンツ',
    '两栏内容',
    '콘텐츠 2개',
    'Title, 2 Content',
  ],
  Comparison: [
    'Comparison',
    'Vergleich',
    'Comparaison',
    'Comparación',
    'Confronto',
    'Comparação',
    'Vergelijking',
    'Jämförelse',
    'Sammenligning',
    'Vertailu',
    'Porównanie',
    'Porovnání',
    'Сравнение',
    'Karşılaştırma',
    '比較',
    '比较',
    '비교',
  ],
  'Picture with Caption': [
    'Picture with Caption',
    'Bild mit Überschrift',
    'Image avec légende',
    'Imagen con título',
    'Immagine con didascalia',
    'Imagem com Legenda',
    'Afbeelding met bijschrift',
    'Bild med bildtext',
    'Billede med billedtekst',
    'Bilde med tekst',
    'Kuva ja kuvateksti',
    'Obraz z podpisem',
    'Obrázek s titulkem',
    'Рисунок с подписью',
    'Resim Yazılı Resim',
    'タイトル付きの図',
    '图片与标题',
    '캡션 있는 그림',
  ],
  'Title Only': [
    'Title Only',
    'Nur Titel',
    'Titre seul',
    'Solo el título',
    'Solo titolo',
    'Somente Título',
    'Apenas Título',
    'Alleen titel',
    'Endast rubrik',
    'Kun titel',
    'Bare tittel',
    'Vain otsikko',
    'Tylko tytuł',
    'Pouze nadpis',
    'Только заголовок',
    'Yalnızca Başlık',
    'タイトルのみ',
    '仅标题',
    '제목만',
  ],
  Blank: [
    'Blank',
    'Leer',
    'Vide',
    'En blanco',
    'Vuota',
    'Em branco',
    'Leeg',
    'Tom',
    'Tyhjä',
    'Pusty',
    'Prázdný',
    'Пустой слайд',
    'Boş',
    '白紙',
    '空白',
    '빈 화면',
    'Blank Slide',
  ],
};

/** The PowerPoint layout names each kind looks for, in order. */
const KIND_NAMES: Record<LayoutKind, string[]> = {
  title: ['Title Slide'],
  section: ['Section Header'],
  content: ['Title and Content'],
  'two-column': ['Two Content', 'Comparison'],
  image: ['Picture with Caption'],
  chart: [],
  table: [],
};

/** PowerPoint's layout types (`p:sldLayout type`) made for each kind, as a renamed layout still carries them. */
const KIND_TYPES: Record<LayoutKind, string[]> = {
  title: ['title'],
  section: ['secHead'],
  content: ['obj'],
  'two-column': ['twoObj', 'twoTxTwoObj'],
  image: ['picTx'],
  chart: [],
  table: [],
};

/** How a kind was matched: by the template's `layouts:`, by name, by placeholders, by the rule for charts and tables, or as the nearest. */
export type MatchKind = 'set' | 'name' | 'placeholders' | 'rule' | 'nearest';

export interface LayoutMatch {
  layout: FileLayout;
  how: MatchKind;
}

/** Placeholders that hold text or content: not the date, footer or slide number. */
export function contentPlaceholders(layout: FileLayout): FilePlaceholder[] {
  return layout.placeholders.filter((p) => ['body', 'obj', 'subTitle', 'pic', 'tbl', 'chart', 'media', 'clipArt', 'dgm'].includes(p.type));
}

export const isTitle = (p: FilePlaceholder) => p.type === 'title' || p.type === 'ctrTitle';
const area = (p: FilePlaceholder) => (p.box ? p.box.w * p.box.h : 0);

/** Content placeholders of a layout, largest first. */
export function largest(layout: FileLayout): FilePlaceholder[] {
  return contentPlaceholders(layout)
    .filter((p) => p.type !== 'subTitle' && p.type !== 'pic')
    .sort((a, b) => area(b) - area(a));
}

const normal = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The layout of `layouts` named `name`, compared as PowerPoint users read names (case and spaces aside). */
export function layoutNamed(layouts: FileLayout[], name: string): FileLayout | undefined {
  return layouts.find((l) => l.name === name) ?? layouts.find((l) => normal(l.name) === normal(name));
}

/** What each kind's placeholders must be, for the third step of the rule. */
const BY_PLACEHOLDERS: Partial<Record<LayoutKind, (l: FileLayout) => boolean>> = {
  title: (l) =>
    l.placeholders.some((p) => p.type === 'ctrTitle') ||
    (l.placeholders.some(isTitle) && l.placeholders.some((p) => p.type === 'subTitle')),
  content: (l) => l.placeholders.some(isTitle) && largest(l).length === 1,
  'two-column': (l) => l.placeholders.some(isTitle) && largest(l).length >= 2,
  image: (l) => l.placeholders.some(isTitle) && l.placeholders.some((p) => p.type === 'pic'),
};

/** Kinds whose slides carry a title and content, which want a master with a content look; the others want the title look. */
const CONTENT_KINDS: readonly LayoutKind[] = ['content', 'two-column', 'image', 'chart', 'table'];

/** Whether a layout's title and text read where lectern leaves their colour to it (unknown backdrops read). */
function readable(layout: FileLayout, content: boolean): boolean {
  const parts = layout.placeholders.filter((p) => (content ? largest(layout).includes(p) : isTitle(p) || p.type === 'subTitle'));
  return parts.every((p) => !p.text || !p.backdrop || contrast(p.text, p.backdrop) >= MIN_CONTRAST);
}

/**
 * The masters in the order a kind prefers them: for slides with content, first those whose content
 * layout's text reads on its background, then those the file's own slides use with content, then those
 * whose content area is clearest of decoration; for
 * title and section slides, those the file's own slides use as title slides; then the file's order.
 */
export function rankMasters(presentation: Pick<FilePresentation, 'layouts' | 'examples'>, content: boolean): string[] {
  const masters = [...new Set(presentation.layouts.map((l) => l.master))];
  const looks = (l: FileLayout) => (content ? BY_PLACEHOLDERS.content!(l) || BY_PLACEHOLDERS['two-column']!(l) : BY_PLACEHOLDERS.title!(l));
  const score = (master: string) => {
    const own = presentation.layouts.filter((l) => l.master === master);
    const used = presentation.examples.filter((part) => own.some((l) => l.part === part && looks(l))).length;
    const reads = own.some((l) => looks(l) && readable(l, content)) ? 1 : 0;
    // How clear of decoration its content layout's text area is, 0–99.
    const clear = Math.round((largest(own.find(BY_PLACEHOLDERS.content!) ?? own[0])[0]?.clear ?? 0) * 99);
    return content ? reads * 100000 + used * 100 + clear : used;
  };
  const scores = new Map(masters.map((m) => [m, score(m)]));
  return masters
    .map((m, i) => ({ m, i }))
    .sort((a, b) => scores.get(b.m)! - scores.get(a.m)! || a.i - b.i)
    .map(({ m }) => m);
}

/**
 * Maps every kind to a layout of the file. `chosen` holds the template's own choices
 * (kind → layout, already checked to exist).
 */
export function mapLayouts(
  presentation: Pick<FilePresentation, 'layouts' | 'examples'>,
  chosen: Partial<Record<LayoutKind, FileLayout>>,
): Map<LayoutKind, LayoutMatch> {
  const all = presentation.layouts;
  const ranked = (content: boolean) => rankMasters(presentation, content).map((m) => all.filter((l) => l.master === m));
  const byMaster = { content: ranked(true), title: ranked(false) };
  const map = new Map<LayoutKind, LayoutMatch>();
  for (const kind of LAYOUT_KINDS) {
    const set = chosen[kind];
    if (set) {
      map.set(kind, { layout: set, how: 'set' });
      continue;
    }
    const masters = CONTENT_KINDS.includes(kind) ? byMaster.content : byMaster.title;
    // By name, then by type, master by master in the kind's order (a picture layout with no picture placeholder is not one).
    const named = masters
      .map(
        (layouts) =>
          KIND_NAMES[kind].flatMap((english) => POWERPOINT_LAYOUT_NAMES[english].map((n) => layoutNamed(layouts, n))).find(Boolean) ??
          layouts.find((l) => l.type && KIND_TYPES[kind].includes(l.type)),
      )
      .find((l) => l && (kind !== 'image' || l.placeholders.some((p) => p.type === 'pic')));
    if (named) {
      map.set(kind, { layout: named, how: 'name' });
      continue;
    }
    const test = BY_PLACEHOLDERS[kind];
    const fitting = test && masters.map((layouts) => layouts.find(test)).find(Boolean);
    if (fitting && kind !== 'image') {
      map.set(kind, { layout: fitting, how: 'placeholders' });
      continue;
    }
    map.set(kind, nearest(kind, masters.flat(), map));
  }
  return map;
}

/** The layout a kind uses when the file has none made for it. */
function nearest(kind: LayoutKind, layouts: FileLayout[], map: Map<LayoutKind, LayoutMatch>): LayoutMatch {
  const content = map.get('content')?.layout;
  if ((kind === 'chart' || kind === 'table' || kind === 'image') && content) return { layout: content, how: 'rule' };
  if (kind === 'section') return { layout: map.get('title')?.layout ?? content ?? layouts[0], how: 'nearest' };
  if (kind === 'content') {
    // The layout with a title and the largest content area; else one with a title; else the first.
    const withBody = layouts.filter((l) => l.placeholders.some(isTitle) && largest(l).length > 0);
    const best = withBody.sort((a, b) => area(largest(b)[0]) - area(largest(a)[0]))[0];
    const titled = layoutNamed(layouts, 'Title Only') ?? layouts.find((l) => l.placeholders.some(isTitle));
    return { layout: best ?? titled ?? layouts[0], how: 'nearest' };
  }
  return { layout: content ?? layouts[0], how: 'nearest' };
}

/** A layout found by the name a teacher writes, and the masters' layouts of that name it was chosen among. */
export interface NamedLayout {
  layout: FileLayout;
  /** The other layouts of the same name, on other masters, where the name alone does not say which. */
  others: FileLayout[];
}

/**
 * The layout a teacher names: `"Title and Content"`, or `"Master 2 / Title and Content"` (a master by its
 * name or place) where several masters have a layout of that name. A name several masters have, without its
 * master, is the layout on `preferred` (the master content slides use), else on the first master that has it.
 */
export function findLayout(
  presentation: Pick<FilePresentation, 'layouts' | 'masters'>,
  name: string,
  preferred?: string,
): NamedLayout | undefined {
  const split = name.indexOf(' / ');
  if (split > 0) {
    const master = presentation.masters.find((m, i) => [m.name, `Master ${i + 1}`].some((n) => normal(n) === normal(name.slice(0, split))));
    const layout =
      master &&
      layoutNamed(
        presentation.layouts.filter((l) => l.master === master.part),
        name.slice(split + 3),
      );
    if (layout) return { layout, others: [] };
  }
  const same = presentation.layouts.filter((l) => l.name === name);
  const all = same.length ? same : presentation.layouts.filter((l) => normal(l.name) === normal(name));
  if (all.length === 0) return undefined;
  const layout = all.find((l) => l.master === preferred) ?? all[0];
  return { layout, others: all.filter((l) => l !== layout) };
}

/** `Master 2 / Title, Content`: a layout's name with its master's, as findLayout reads it. */
export function qualifiedName(presentation: Pick<FilePresentation, 'masters'>, layout: FileLayout): string {
  return `${masterName(presentation, layout)} / ${layout.name}`;
}

/** The name lectern gives a layout's master (see FileMaster). */
export function masterName(presentation: Pick<FilePresentation, 'masters'>, layout: FileLayout): string {
  return presentation.masters.find((m) => m.part === layout.master)?.name ?? 'Master 1';
}
