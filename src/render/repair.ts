import { stripControlCharacters } from '../input/readInput.js';
import { firstReadable, luminance, mix } from '../templates/colors.js';
import type { Theme } from '../templates/types.js';
import { liftMaster, type Parts } from './master.js';
import { buildOnTemplate, editedOnTemplate, type TemplateFill } from './templatePackage.js';
import { MEDIA_PART, MediaDedupe } from './media.js';
import { dropMissingOverrides, dropMissingTargets, retarget } from './packageParts.js';
import { childElements, createElement, escapeXml, insert, parseXml, remove, root, serializeXml, setText } from './xml.js';
import { EntryPacker, type PackablePart } from './packer.js';
import { nameShapes } from './shapeNames.js';
import { assembleZip, readZip, writeZip, type PackedEntry } from './zip.js';

/** Document properties that pptxgenjs cannot write, or writes wrong. */
export interface PackageProperties {
  title: string;
  subject?: string;
  author?: string;
  keywords: string[];
  company?: string;
  /** The deck's language, which pptxgenjs leaves as en-US on slide-number fields. */
  lang: string;
  /** Whether the deck reads right to left: its tables then do too. */
  rtl?: boolean;
  /** Layouts whose slides do not show the slide master's decoration. */
  hideMasterIn?: string[];
  /** The template's colours, written into the PowerPoint theme so that restyling in PowerPoint starts from them. */
  colors?: Theme['colors'];
  templateName?: string;
  /** The PowerPoint template file the deck is built on, and what its slides' date, footer and number placeholders show. */
  onTemplate?: TemplateFill;
  /** The time recorded as created and modified; also every zip entry's date. */
  time: Date;
  /** What docProps/app.xml lists: the theme's fonts, its name, each slide's title in order, and the slide size in inches. */
  parts?: { fonts: string[]; theme: string; slideTitles: string[]; size: { width: number; height: number } };
  /** How many slides the deck has: a big deck is compressed on a second thread from its first part. */
  slides?: number;
}

/** About how much XML a slide, its notes and relationships make (10 KB on the benchmark's slides). */
const XML_BYTES_PER_SLIDE = 10_000;

/** Parts repaired once all are in: the content types list every part; masters and layouts get the master surgery. */
const LAST = /^\[Content_Types\]\.xml$|^ppt\/slide(Masters|Layouts)\//;

/** Whether a part waits for the others: those above, and relationships to pictures, which may be copies of others. */
function repairedLast(name: string, content: string): boolean {
  return LAST.test(name) || (name.endsWith('.rels') && content.includes('/media/'));
}

/**
 * Repairs the package pptxgenjs 4.0.1 writes so that it passes the Open XML SDK
 * validator and opens cleanly everywhere, and makes it reproducible and small.
 * Each fix is a named, tested function of one part's XML. Parts are repaired and
 * compressed as they come (`add`), so that the XML of a big deck does not pile up.
 * `finish()` or `abandon()` must follow, to let the compressing thread go.
 */
export class PackageRepair {
  private readonly names: string[] = [];
  private readonly packed = new Map<string, PackedEntry | Promise<PackedEntry>>();
  private readonly packer: EntryPacker;
  /** The parts repaired last, by name; the master surgery may remove some. */
  private readonly last: Parts = new Map();
  private readonly media = new MediaDedupe();

  constructor(private readonly props: PackageProperties) {
    this.packer = new EntryPacker((props.slides ?? 0) * XML_BYTES_PER_SLIDE);
  }

  readonly add = (name: string, content: string | Uint8Array): void => {
    // pptxgenjs writes a picture shown twice on one slide twice, under one name: one entry it is.
    if (!this.packed.has(name) && !this.last.has(name)) this.names.push(name);
    if (typeof content === 'string' && (repairedLast(name, content) || (this.props.onTemplate && editedOnTemplate(name))))
      return void this.last.set(name, content);
    const part = repairEntry(name, content, this.props);
    if (!MEDIA_PART.test(name) || this.media.keep(part)) this.pack(part);
  };

  private pack(part: PackablePart): void {
    const packed = this.packer.pack(part);
    // A build that stops before finish() never awaits it: its failure is then nobody's.
    if (packed instanceof Promise) packed.catch(() => undefined);
    this.packed.set(part.name, packed);
  }

  /** The zipped package: its parts in the order they came, less those the master surgery and media dedupe removed. */
  async finish(): Promise<Uint8Array> {
    try {
      // A template file's parts go in as they are in the file: they are not lectern's to repair.
      const fromTemplate = this.props.onTemplate
        ? buildOnTemplate(this.last, new Set([...this.names, ...this.packed.keys()]), this.props.onTemplate)
        : new Map<string, string | Uint8Array>();
      if (!this.props.onTemplate) liftMaster(this.last, this.props.hideMasterIn ?? []);
      const named = new Set(this.names);
      for (const [name, content] of fromTemplate) {
        if (!named.has(name)) this.names.push(name);
        this.pack(typeof content === 'string' ? { name, text: content } : { name, data: content, store: /\.(png|jpe?g|gif)$/i.test(name) });
      }
      if (this.media.moved.size > 0) {
        for (const [name, xml] of this.last) if (name.endsWith('.rels')) this.last.set(name, retarget(xml, name, this.media.moved));
      }
      const names = this.names.filter((name) => this.packed.has(name) || this.last.has(name));
      const kept = new Set(names);
      for (const [name, xml] of this.last) this.pack(repairEntry(name, xml, this.props, kept));
      await this.packer.close();
      return assembleZip(await Promise.all(names.map((name) => this.packed.get(name)!)), this.props.time);
    } finally {
      await this.packer.close();
    }
  }

  /** Lets the compressing thread go without a package, when the build stopped. */
  abandon(): Promise<void> {
    return this.packer.close();
  }
}

/** One part repaired and ready to zip. `parts`, the final list of parts, is for `[Content_Types].xml`. */
function repairEntry(name: string, content: string | Uint8Array, props: PackageProperties, parts?: ReadonlySet<string>): PackablePart {
  if (typeof content === 'string') return { name, text: repairPart(name, content, props, parts) };
  if (name.startsWith('ppt/embeddings/') && name.endsWith('.xlsx')) return { name, data: repairWorkbook(content, props.time) };
  return { name, data: content, store: /\.(png|jpe?g|gif)$/i.test(name) };
}

/** Applies every fix that concerns one part. */
export function repairPart(name: string, raw: string, props: PackageProperties, parts?: ReadonlySet<string>): string {
  // Text from front matter escapes or data can hold control characters that XML 1.0 forbids.
  const xml = stripControlCharacters(raw);
  if (name === '[Content_Types].xml') {
    if (!parts) throw new Error('[Content_Types].xml is repaired last, with the final list of parts');
    return dropMissingOverrides(xml, parts);
  }
  if (name === 'ppt/presentation.xml') return orderNotesMasterList(xml);
  if (name === 'docProps/core.xml') return coreProperties(props);
  if (name === 'docProps/app.xml') return appProperties(xml, props);
  if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return repairChart(xml);
  if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
    const tables = xml.includes('<a:tbl>') ? describeTables(markTableHeaders(xml, props.rtl)) : xml;
    return nameShapes(uniqueShapeIds(deckLanguage(plainFonts(oneParagraphProperties(withoutEmptyPlaceholders(tables))), props.lang)));
  }
  if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) return notesPage(xml, props.lang);
  if (/^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(name)) return notesMasterDate(xml, props.time);
  if (/^ppt\/slideMasters\/\w+\.xml$/.test(name))
    return nameShapes(
      uniqueShapeIds(deckLanguage(plainFonts(slideNumberSign(props.colors ? darkColorMap(xml, props.colors) : xml)), props.lang)),
    );
  if (/^ppt\/slideLayouts\/\w+\.xml$/.test(name))
    return nameShapes(uniqueShapeIds(deckLanguage(plainFonts(slideNumberSign(xml)), props.lang)));
  if (name === 'ppt/theme/theme1.xml' && props.colors) return themeColors(xml, props.colors, props.templateName ?? 'lectern');
  return xml;
}

/** `p:notesMasterIdLst` must come right after `p:sldMasterIdLst`, before `p:sldIdLst` (#1444). */
export function orderNotesMasterList(xml: string): string {
  const list = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml)?.[0];
  if (!list) return xml;
  return xml.replace(list, '').replace('</p:sldMasterIdLst>', (end) => end + list);
}

/** Schema fixes for chart parts (#1449, #1457) and plain string categories for Google Slides (#1273). */
export function repairChart(xml: string): string {
  return categoriesAsStrings(fixValueAxes(fixLineAndAreaSeries(fixAxisIds(xml))));
}

/** A 2D bar, area or line chart has exactly two axis ids; pptxgenjs writes a third, for a series axis. */
function fixAxisIds(xml: string): string {
  return xml.replace(
    /(<c:(barChart|areaChart|lineChart)>[\s\S]*?)((?:<c:axId val="\d+"\/>\s*)+)(<\/c:\2>)/g,
    (_m, body: string, _kind, ids: string, close: string) => {
      const kept = ids
        .match(/<c:axId val="\d+"\/>/g)!
        .slice(0, 2)
        .join('');
      return `${body}${kept}${close}`;
    },
  );
}

/**
 * Line and area series take no `c:invertIfNegative`; a line series has its
 * `c:marker` before its data labels; a line chart needs `c:grouping` before `c:varyColors`.
 */
function fixLineAndAreaSeries(xml: string): string {
  return xml
    .replace(/<c:(lineChart|areaChart)>[\s\S]*?<\/c:\1>/g, (chart) => chart.replace(/<c:invertIfNegative val="\d"\/>/g, ''))
    .replace(/<c:lineChart>[\s\S]*?<\/c:lineChart>/g, (chart) => chart.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, markerFirst))
    .replace(/<c:lineChart>(\s*)<c:varyColors/g, '<c:lineChart>$1<c:grouping val="standard"/><c:varyColors');
}

function markerFirst(series: string): string {
  const marker = /<c:marker>[\s\S]*?<\/c:marker>/.exec(series)?.[0];
  if (!marker) return series;
  const rest = series.replace(marker, '');
  const at = rest.search(/<c:(dPt|dLbls|trendline|errBars|cat|val|smooth)\b/);
  return at < 0 ? series : `${rest.slice(0, at)}${marker}${rest.slice(at)}`;
}

/** A value axis has no `c:auto`, `c:lblAlgn`, `c:lblOffset` or `c:noMultiLvlLbl` (category-axis elements). */
function fixValueAxes(xml: string): string {
  return xml.replace(/<c:valAx>[\s\S]*?<\/c:valAx>/g, (axis) =>
    axis.replace(/\s*<c:(auto|lblAlgn|lblOffset|noMultiLvlLbl) val="[^"]*"\/>/g, ''),
  );
}

/** One-level `c:multiLvlStrRef` categories become `c:strRef`, which every client reads as text. */
function categoriesAsStrings(xml: string): string {
  return xml.replace(
    /<c:multiLvlStrRef>\s*<c:f>([^<]*)<\/c:f>\s*<c:multiLvlStrCache>\s*(<c:ptCount val="\d+"\/>)\s*<c:lvl>([\s\S]*?)<\/c:lvl>\s*<\/c:multiLvlStrCache>\s*<\/c:multiLvlStrRef>/g,
    '<c:strRef><c:f>$1</c:f><c:strCache>$2$3</c:strCache></c:strRef>',
  );
}

/**
 * A paragraph has at most one `a:pPr`, before its runs; pptxgenjs writes one
 * before every run of a paragraph with several runs (bold words in a table
 * cell), and before an empty run that it then leaves out. The first one written
 * holds the paragraph's own settings and is kept.
 */
export function oneParagraphProperties(xml: string): string {
  const pPr = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, body: string) => {
    // Most paragraphs have one at most; only those with a second are looked at again.
    if (body.indexOf('<a:pPr', body.startsWith('<a:pPr') ? 1 : 0) < 0) return paragraph;
    const all = body.match(pPr)!;
    return `<a:p>${all[0]}${body.replace(pPr, '')}</a:p>`;
  });
}

/** A shape's id, or the start or end of the fallback of alternate content. */
const SHAPE_ID = /<p:cNvPr id="(\d+)"|<(\/?)mc:Fallback>/g;

/**
 * Every shape of a slide, layout or master has its own id. pptxgenjs numbers a table
 * from the slide's number and other shapes from their place, so that they can meet;
 * a shape whose id came before keeps it, a later one gets the next number after the
 * highest. A shape in the fallback of `mc:AlternateContent` is the same shape as the
 * one in the choice (see nameShapes): its id is not a second one.
 */
export function uniqueShapeIds(xml: string): string {
  let seen = new Set<string>();
  let highest = 0;
  let clash = false;
  let inFallback = false;
  for (const m of xml.matchAll(SHAPE_ID)) {
    if (m[1] === undefined) inFallback = m[2] !== '/';
    else {
      highest = Math.max(highest, Number(m[1]));
      clash ||= !inFallback && seen.has(m[1]);
      if (!inFallback) seen.add(m[1]);
    }
  }
  if (!clash) return xml;
  let next = highest + 1;
  seen = new Set<string>();
  inFallback = false;
  return xml.replace(SHAPE_ID, (match, id: string | undefined, close: string | undefined) => {
    if (id === undefined) inFallback = close !== '/';
    else if (!inFallback && seen.has(id)) return `<p:cNvPr id="${next++}"`;
    else if (!inFallback) seen.add(id);
    return match;
  });
}

/**
 * The slide number on a master or layout shows ‹#›, as PowerPoint writes it, where
 * pptxgenjs writes its own number for the layout (1002, 1006, ...).
 */
export function slideNumberSign(xml: string): string {
  return xml.replace(/(<a:fld [^>]*type="slidenum"[^>]*>(?:(?!<\/a:fld>)[\s\S])*?<a:t>)[^<]*(<\/a:t>)/g, '$1‹#›$2');
}

/**
 * pptxgenjs puts every placeholder of a slide's layout on the slide, and leaves empty those
 * the slide does not fill (the content area of a slide whose table or chart stands in its
 * place): PowerPoint and LibreOffice show an empty placeholder as a box with a prompt
 * ("Click to add text") over the slide while it is edited. As in PowerPoint, a placeholder
 * the slide leaves empty is not on it; an empty title stays, for screen readers.
 */
export function withoutEmptyPlaceholders(xml: string): string {
  let out = '';
  let from = 0;
  // Only the shapes with a placeholder are looked at, found from their `p:ph`.
  for (let ph = xml.indexOf('<p:ph'); ph >= 0; ph = xml.indexOf('<p:ph', ph + 1)) {
    // The shape the placeholder is of: a `p:sp` that has not closed before it (a picture's or a frame's is kept).
    const start = xml.lastIndexOf('<p:sp>', ph);
    const close = start < 0 ? -1 : xml.indexOf('</p:sp>', start);
    if (start < from || close < ph) continue;
    const end = close + '</p:sp>'.length;
    const shape = xml.slice(start, end);
    if (
      /^<p:ph\b[^>]*\stype="(title|ctrTitle)"/.test(xml.slice(ph, xml.indexOf('>', ph) + 1)) ||
      /<a:r>|<a:fld\b|<a14:m>|<a:br\b/.test(shape)
    )
      continue;
    out += xml.slice(from, start);
    from = end;
  }
  return from === 0 ? xml : out + xml.slice(from);
}

/** A table's frame gets a description for screen readers: its name, which the renderer writes as one. */
export function describeTables(xml: string): string {
  return xml.replace(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g, (frame) =>
    /<a:tbl[\s>/]/.test(frame)
      ? frame.replace(/<p:cNvPr ([^>]*?)name="([^"]*)"(\s*\/?)>/, (tag, before: string, name: string, end: string) =>
          tag.includes('descr=') ? tag : `<p:cNvPr ${before}name="${name}" descr="${name}"${end}>`,
        )
      : frame,
  );
}

/**
 * Field runs (the slide number) and paragraph ends, which pptxgenjs tags en-US, carry the
 * deck's language like every other run: it is what PowerPoint spell-checks new text in.
 */
export function deckLanguage(xml: string, lang: string): string {
  if (lang === 'en-US') return xml;
  const value = `lang="${escapeXml(lang)}"`;
  return xml
    .replace(/(<a:fld [^>]*><a:rPr [^>]*?)lang="[^"]*"/g, (_m, start: string) => start + value)
    .replace(/<a:endParaRPr lang="[^"]*"/g, () => `<a:endParaRPr ${value}`);
}

/**
 * Fonts and languages as PowerPoint writes them. pptxgenjs tags every font as pitch family 34
 * (a sans serif) and its East Asian and complex-script fonts with Chinese character sets,
 * whatever the font, and gives every run an alternative language of en-US, whatever the deck's.
 * Without the tags PowerPoint uses the font's own.
 */
export function plainFonts(xml: string): string {
  return xml.replace(/ pitchFamily="34" charset="-?\d+"/g, '').replace(/ altLang="en-US"/g, '');
}

/**
 * A notes page: its text in the deck's language rather than en-US, and without the
 * `p14:creationId` pptxgenjs gives every notes page alike (ids must be unique).
 */
export function notesPage(xml: string, lang: string): string {
  return xml
    .replace(/<p:extLst>\s*<p:ext uri="\{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E\}">[\s\S]*?<\/p:extLst>/, '')
    .replace(/ lang="en-US"/g, () => ` lang="${escapeXml(lang)}"`);
}

/**
 * The notes master's date shows the deck's date, where pptxgenjs writes the day it was
 * written itself (7/23/19). It is a field: PowerPoint shows today's date in its place.
 */
export function notesMasterDate(xml: string, time: Date): string {
  const date = time.toISOString().slice(0, 10);
  return xml.replace(
    /(<a:fld [^>]*type="datetime\w*"[^>]*>(?:(?!<\/a:fld>)[\s\S])*?<a:t>)[^<]*(<\/a:t>)/g,
    (_m, start: string, end: string) => start + date + end,
  );
}

/**
 * The theme's colour scheme from the template: text and background, the
 * primary colour, the chart palette as accents, and a readable link colour;
 * the theme takes the template's name, as PowerPoint's Design tab shows it.
 */
export function themeColors(xml: string, colors: Theme['colors'], name: string): string {
  const [dark, light] =
    luminance(colors.text) < luminance(colors.background) ? [colors.text, colors.background] : [colors.background, colors.text];
  const accents = Array.from({ length: 6 }, (_, i) => colors.chart[i % colors.chart.length]);
  const link = firstReadable(colors.background, [colors.accent, colors.primary, colors.text]);
  const slot = (tag: string, hex: string) => `<a:${tag}><a:srgbClr val="${hex}"/></a:${tag}>`;
  const scheme =
    `<a:clrScheme name="${escapeXml(name)}">` +
    slot('dk1', dark) +
    slot('lt1', light) +
    slot('dk2', colors.primary) +
    slot('lt2', mix(colors.background, colors.text, 0.08)) +
    accents.map((c, i) => slot(`accent${i + 1}`, c)).join('') +
    slot('hlink', link) +
    slot('folHlink', colors.muted) +
    '</a:clrScheme>';
  return xml
    .replace(/<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/, () => scheme)
    .replace(/(<a:theme\b[^>]*?\sname=")[^"]*"/, (_m, start: string) => `${start}${escapeXml(name)}"`);
}

/** On a dark template the master maps background to the dark colour and text to the light one. */
export function darkColorMap(xml: string, colors: Theme['colors']): string {
  if (luminance(colors.background) >= luminance(colors.text)) return xml;
  return xml.replace(
    /<p:clrMap\b[^>]*\/>/,
    '<p:clrMap bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>',
  );
}

/** Tables mark their first row as a header row, for screen readers and table styles. */
export function markTableHeaders(xml: string, rtl = false): string {
  const attributes = `firstRow="1" bandRow="1"${rtl ? ' rtl="1"' : ''}`;
  return xml.replace(/<a:tblPr\/>/g, `<a:tblPr ${attributes}/>`).replace(/<a:tblPr>/g, `<a:tblPr ${attributes}>`);
}

const CORE_PROPERTIES = {
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** docProps/core.xml from the front matter, with a fixed time so that builds are reproducible. */
export function coreProperties(p: PackageProperties): string {
  const time = p.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const doc = parseXml(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<cp:coreProperties xmlns:cp="${CORE_PROPERTIES.cp}" xmlns:dc="${CORE_PROPERTIES.dc}" xmlns:dcterms="${CORE_PROPERTIES.dcterms}" ` +
      `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="${CORE_PROPERTIES.xsi}"/>`,
    'docProps/core.xml',
  );
  const properties = root(doc);
  const add = (tag: string, text: string | undefined, attributes: Record<string, string> = {}) => {
    if (text) insert(properties, createElement(tag, attributes, text), 'last');
  };
  add('dc:title', p.title);
  add('dc:subject', p.subject);
  add('dc:creator', p.author);
  add('cp:keywords', p.keywords.join(', '));
  add('cp:lastModifiedBy', p.author);
  add('cp:revision', '1');
  add('dcterms:created', time, { 'xsi:type': 'dcterms:W3CDTF' });
  add('dcterms:modified', time, { 'xsi:type': 'dcterms:W3CDTF' });
  return serializeXml(doc);
}

/**
 * lectern as the application, the organisation as the company, and the parts of the deck
 * as PowerPoint lists them (File > Info, and what search tools index): the fonts, the
 * theme and each slide's title, where pptxgenjs lists Arial, "Office Theme" and "Slide 1", "Slide 2", ...;
 * and the slide size by PowerPoint's name for it, where pptxgenjs always writes 16:9.
 */
export function appProperties(xml: string, p: PackageProperties): string {
  const doc = parseXml(xml, 'docProps/app.xml');
  const properties = root(doc);
  const property = (tag: string) => {
    const found = childElements(properties, tag)[0];
    if (found) return found;
    const added = createElement(tag);
    insert(properties, added, 'last');
    return added;
  };
  setText(property('Application'), 'lectern');
  setText(property('Company'), p.company ?? '');
  if (p.parts) {
    setText(property('PresentationFormat'), presentationFormat(p.parts.size));
    const titles = p.parts.slideTitles.map((title, i) => title.trim() || `Slide ${i + 1}`);
    const groups: [string, string[]][] = [
      ['Fonts Used', [...new Set(p.parts.fonts)]],
      ['Theme', [p.parts.theme]],
      ['Slide Titles', titles],
    ];
    const element = (tag: string, value: string, wrap?: string) => {
      const made = createElement(tag, {}, value);
      if (!wrap) return made;
      const wrapper = createElement(wrap);
      insert(wrapper, made, 'last');
      return wrapper;
    };
    const pairs = groups.flatMap(([heading, list]) => [
      element('vt:lpstr', heading, 'vt:variant'),
      element('vt:i4', String(list.length), 'vt:variant'),
    ]);
    const names = groups.flatMap(([, list]) => list.map((name) => element('vt:lpstr', name)));
    for (const [tag, items, baseType] of [
      ['HeadingPairs', pairs, 'variant'],
      ['TitlesOfParts', names, 'lpstr'],
    ] as const) {
      const vector = createElement('vt:vector', { size: String(items.length), baseType });
      items.forEach((item) => insert(vector, item, 'last'));
      const holder = property(tag);
      holder.children.slice().forEach(remove);
      insert(holder, vector, 'last');
    }
  }
  return serializeXml(doc);
}

/** PowerPoint's names for its slide sizes (in inches), as File > Info shows them; any other size is "Custom". */
const PRESENTATION_FORMATS = [
  { width: 13.333, height: 7.5, name: 'Widescreen' },
  { width: 10, height: 5.625, name: 'On-screen Show (16:9)' },
  { width: 10, height: 6.25, name: 'On-screen Show (16:10)' },
  { width: 10, height: 7.5, name: 'On-screen Show (4:3)' },
];

function presentationFormat(size: { width: number; height: number }): string {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
  return PRESENTATION_FORMATS.find((f) => near(f.width, size.width) && near(f.height, size.height))?.name ?? 'Custom';
}

/**
 * What pptxgenjs puts in a chart's workbook that nothing needs to edit the data: document
 * properties (which would carry the clock's time), a theme, and a table part no sheet uses.
 */
const UNUSED_WORKBOOK_PARTS = /^docProps\/|^xl\/(theme|tables)\/|^xl\/worksheets\/_rels\//;

/**
 * Re-zips an embedded workbook without its unused parts and with fixed entry dates, so that its
 * bytes do not depend on the clock. Its entries are stored: the package deflates the workbook
 * whole, which is smaller and faster than deflating its small parts one by one.
 */
function repairWorkbook(bytes: Uint8Array, time: Date): Uint8Array {
  const decoder = new TextDecoder();
  const entries = readZip(bytes).filter(({ name }) => !UNUSED_WORKBOOK_PARTS.test(name));
  const parts = new Set(entries.map((e) => e.name));
  return writeZip(
    entries.map(({ name, data }) => {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) return { name, data, store: true };
      let xml = stripControlCharacters(decoder.decode(data));
      if (name === '[Content_Types].xml') xml = dropMissingOverrides(xml, parts);
      if (name.endsWith('.rels')) xml = dropMissingTargets(xml, name, parts);
      return { name, data: Buffer.from(xml), store: true };
    }),
    time,
  );
}
