/**
 * Which layout of a PowerPoint file each of lectern's layout kinds uses. One rule:
 * 1. the template's `layouts:` names one (`chart: "Title Only"`);
 * 2. else a layout with the name PowerPoint gives that kind, in any language
 *    PowerPoint ships in the table below, or LibreOffice's name;
 * 3. else a layout with the placeholders the kind needs;
 * 4. else the nearest layout, which `lectern check` reports.
 * Charts and tables go on the content layout, pictures on "Picture with Caption"
 * when the file has one with a picture placeholder, else on the content layout.
 */
import type { FileLayout, FilePlaceholder } from './readLayouts.js';

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

/**
 * Maps every kind to a layout of the file. `chosen` holds the template's own choices
 * (kind → layout, already checked to exist). Only layouts of the first master are matched.
 */
export function mapLayouts(all: FileLayout[], chosen: Partial<Record<LayoutKind, FileLayout>>): Map<LayoutKind, LayoutMatch> {
  const layouts = all.filter((l) => l.master === all[0].master);
  const map = new Map<LayoutKind, LayoutMatch>();
  const byName = (kind: LayoutKind) =>
    KIND_NAMES[kind].flatMap((english) => POWERPOINT_LAYOUT_NAMES[english].map((n) => layoutNamed(layouts, n))).find(Boolean);
  for (const kind of LAYOUT_KINDS) {
    const set = chosen[kind];
    if (set) {
      map.set(kind, { layout: set, how: 'set' });
      continue;
    }
    const named = byName(kind);
    // A picture layout with no picture placeholder is not one.
    if (named && (kind !== 'image' || named.placeholders.some((p) => p.type === 'pic'))) {
      map.set(kind, { layout: named, how: 'name' });
      continue;
    }
    const test = BY_PLACEHOLDERS[kind];
    const fitting = test && layouts.find(test);
    if (fitting && kind !== 'image') {
      map.set(kind, { layout: fitting, how: 'placeholders' });
      continue;
    }
    map.set(kind, nearest(kind, layouts, map));
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
