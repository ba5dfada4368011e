import path from 'node:path';
import pptxgenModule from 'pptxgenjs';
import type PptxGenJS from 'pptxgenjs';
import type { Deck, Element, ChartElement, ImageElement, Run, Slide, TableElement, TextElement } from '../model/types.js';
import { mix, readableOn, readableOnAll } from '../templates/colors.js';
import { chartCall } from './charts.js';
import { withChartEdits, type ChartPartEdit } from './chartXml.js';
import { streamParts, type PartListener } from './jszipShim.js';
import { MASTER_LAYOUT } from './master.js';
import { RELATIONSHIP_TYPE, withRelationships } from './packageParts.js';
import { renderSvgFallbacks } from './svgFallbacks.js';
import { withTiming, type Reveal } from './timing.js';
import { moveShapes, type ShapeMove } from './moveShapes.js';
import { HIGHLIGHT, hasMath, textBodyXml, type TextLook } from './textBody.js';
import { alternateContentXml, displayMathParagraphXml, equationPictureXml, inlineMathXml, MATH_CHOICE } from './mathXml.js';
import { escapeXml } from './xml.js';
import { mathPicture } from './mathPicture.js';
import type { MathElement } from '../model/types.js';
import { MATH_PADDING } from '../model/mathCodeMeasure.js';
import { tableName } from '../model/dataText.js';
import { INSET, textMeasure, type TextMeasure } from '../model/measure.js';
import { MIRRORED } from './textBody.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { percentSign } from '../format.js';
import type { TemplateFill } from './templatePackage.js';
import { SLIDE, type Layout, type Styled, type Template, type TextStyle, type Theme } from '../templates/types.js';

// pptxgenjs's types describe a CommonJS module; under ESM its default export is the class itself.
type PptxGenJSClass = typeof pptxgenModule.default;
const PptxGenJSCtor = ((pptxgenModule as unknown as { default?: PptxGenJSClass }).default ?? pptxgenModule) as unknown as PptxGenJSClass;
type Pptx = InstanceType<PptxGenJSClass>;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type TextProps = PptxGenJS.default.TextProps;

const LAYOUT_NAME = 'LECTERN_16x9';
/** Where a slide's header line (Marp's `header`) goes: a line across the top, above the title. */
const HEADER_BOX = { x: 0.5, y: 0.05, w: SLIDE.width - 1, h: 0.4 } as const;
const HEADER_SIZE = 14;

/** Writes the Deck model with pptxgenjs, handing each part of the package (before repair) to `onPart` as it is written. */
export async function deckToPptx(deck: Deck, template: Template, onPart: PartListener): Promise<void> {
  const pptx = new PptxGenJSCtor();
  pptx.defineLayout({ name: LAYOUT_NAME, width: template.size.width, height: template.size.height });
  pptx.layout = LAYOUT_NAME;
  // The repair stage writes the document properties; pptxgenjs would write the company unescaped.
  pptx.company = '';
  pptx.theme = { headFontFace: template.theme.fonts.heading, bodyFontFace: template.theme.fonts.body };

  const ids = template.base ? fileLayoutIds(template) : undefined;
  if (ids) {
    // On a PowerPoint file, slides go on layouts of placeholders alone, which the repair stage
    // swaps for the file's own (src/render/templatePackage.ts).
    for (const layout of template.layouts.values()) defineFileLayout(pptx, ids.get(layout.name)!, layout, template);
  } else {
    // The master's decoration travels as one more layout, lifted onto the slide master by the repair stage.
    defineMaster(pptx, template, deck);
    // Every layout of the template, used or not, so that "New Slide" in PowerPoint offers them all.
    for (const layout of template.layouts.values()) defineLayout(pptx, layout, template.theme, deck.meta.lang);
  }
  const writer = new SlideWriter(deck, template);
  deck.slides.forEach((slide, i) =>
    writer.write(pptx.addSlide({ masterName: ids?.get(slide.layout) ?? slide.layout }), slide, template.layouts.get(slide.layout)!, i + 1),
  );
  // resvg is loaded only if some picture is an SVG.
  renderSvgFallbacks(pptx);
  // pptxgenjs zips through lectern's JSZip stand-in, which hands each part over as it is written.
  await streamParts(
    withChartsFromOne(withChartEdits(withTextBodies(withSlideEdits(onPart, writer.edits), writer.bodies), writer.chartEdits)),
    (outputType) => pptx.write({ outputType: outputType as 'uint8array' }),
  );
  for (const [png, part] of writer.equationPictures) onPart(part, png);
}

/**
 * Numbers the deck's charts and their workbooks from 1, in the order the package
 * names them. pptxgenjs counts charts over every deck a process builds, so a deck
 * built after another (in a batch, or again in watch mode) would have chart4.xml
 * and on: a valid file, but not the bytes of the same deck built on its own.
 * Only names of parts change: a part's own, and those in `[Content_Types].xml`
 * and in relationships within the package (a teacher's link stays as written).
 */
function withChartsFromOne(onPart: PartListener): PartListener {
  const numbers = new Map<string, number>();
  const renumber = (text: string) =>
    text.replace(CHART_PART, (_, at: string, stem: string, n: string) => {
      if (!numbers.has(n)) numbers.set(n, numbers.size + 1);
      return `${at}${stem}${numbers.get(n)}.`;
    });
  const content = (name: string, xml: string) => {
    if (name === '[Content_Types].xml') return renumber(xml);
    if (!name.endsWith('.rels')) return xml;
    return xml.replace(/<Relationship [^>]*>/g, (rel) => (rel.includes('TargetMode="External"') ? rel : renumber(rel)));
  };
  return (name, part) => onPart(renumber(name), typeof part === 'string' ? content(name, part) : part);
}

/** A chart's part, its relationships or its workbook, as a part name (`ppt/…`) or a reference (`"/ppt/…`, `"../…`). */
const CHART_PART = /(^ppt\/|"\/ppt\/|"\.\.\/)(charts\/(?:_rels\/)?chart|embeddings\/Microsoft_Excel_Worksheet)(\d+)\./g;

/** A text body lectern writes itself, for the shape pptxgenjs wrote with `marker` as its text. */
interface TextBody {
  marker: string;
  xml: string;
  /**
   * For a shape with equations, what programs without them show: the same text with
   * the equations as plain text, or (a display equation) its picture's XML.
   */
  fallback?: { body: string } | { picture: string };
}

/** The text bodies of one slide, and the hyperlinks and equation pictures they use, by relationship id. */
interface SlideBodies {
  bodies: TextBody[];
  links: Map<string, string>;
  /** Relationship id → the picture's part (`ppt/media/…`). */
  pictures: Map<string, string>;
  /** Equations in table cells: the marker pptxgenjs wrote as the run's text, the equation's XML, and its plain-text form. */
  cellMath: { marker: string; xml: string; text: string }[];
}

/** Puts each text body in place of its shape's marker text, and each slide's hyperlinks in its relationships. */
function withTextBodies(onPart: PartListener, bodies: Map<number, SlideBodies>): PartListener {
  return (name, content) => {
    const n = Number(/^ppt\/slides\/(?:_rels\/)?slide(\d+)\.xml(\.rels)?$/.exec(name)?.[1]);
    const slide = bodies.get(n);
    if (!slide || typeof content !== 'string') return onPart(name, content);
    if (name.endsWith('.rels')) {
      const links = [...slide.links].map(([id, url]) => ({ id, type: RELATIONSHIP_TYPE.hyperlink, target: url, external: true }));
      const pictures = [...slide.pictures].map(([id, part]) => ({
        id,
        type: RELATIONSHIP_TYPE.image,
        target: `../${part.slice('ppt/'.length)}`,
      }));
      return onPart(name, withRelationships(content, name, [...links, ...pictures]));
    }
    let xml = content;
    for (const { marker, xml: body, fallback } of slide.bodies) {
      const at = xml.indexOf(marker);
      const start = xml.lastIndexOf('<p:txBody>', at);
      const end = xml.indexOf('</p:txBody>', at) + '</p:txBody>'.length;
      if (at < 0 || start < 0) throw new Error(`the text body ${marker} is missing from ${name}`);
      if (!fallback) {
        xml = xml.slice(0, start) + body + xml.slice(end);
        continue;
      }
      const shapeStart = xml.lastIndexOf('<p:sp>', start);
      const shapeEnd = xml.indexOf('</p:sp>', end) + '</p:sp>'.length;
      const shape = (text: string) => xml.slice(shapeStart, start) + text + xml.slice(end, shapeEnd);
      const alternative = 'body' in fallback ? shape(fallback.body) : fallback.picture;
      // A display equation's shape LibreOffice draws natively; equations among text it would drop, so it shows their fallback.
      const requires = 'body' in fallback ? MATH_CHOICE.powerPointOnly : MATH_CHOICE.everyEquationProgram;
      xml = xml.slice(0, shapeStart) + alternateContentXml(shape(body), alternative, requires) + xml.slice(shapeEnd);
    }
    onPart(name, withCellMath(xml, slide.cellMath));
  };
}

/** What lectern changes in a slide's XML after pptxgenjs: shapes moved, and its click-by-click reveal. */
interface SlideEdits {
  moves: ShapeMove[];
  reveals: Reveal[];
}

/** Applies each slide's edits to its XML. */
function withSlideEdits(onPart: PartListener, edits: Map<number, SlideEdits>): PartListener {
  return (name, content) => {
    const slide = edits.get(Number(/^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1]));
    if (!slide || typeof content !== 'string') return onPart(name, content);
    const moved = slide.moves.length ? moveShapes(content, slide.moves) : content;
    onPart(name, slide.reveals.length ? withTiming(moved, slide.reveals) : moved);
  };
}

/**
 * Puts each table cell's equation in place of its marker run, and wraps each table
 * that has one in `mc:AlternateContent`, with the equations as plain text in the fallback.
 */
function withCellMath(xml: string, cellMath: SlideBodies['cellMath']): string {
  let out = xml;
  let pending = cellMath;
  while (pending.length > 0) {
    const at = out.indexOf(pending[0].marker);
    const start = out.lastIndexOf('<p:graphicFrame>', at);
    const end = out.indexOf('</p:graphicFrame>', at) + '</p:graphicFrame>'.length;
    if (at < 0 || start < 0) throw new Error(`the equation ${pending[0].marker} is missing from its table`);
    let frame = out.slice(start, end);
    const inFrame = pending.filter((m) => frame.includes(m.marker));
    let fallback = frame;
    for (const m of inFrame) {
      const run = (text: string) =>
        text.slice(text.lastIndexOf('<a:r>', text.indexOf(m.marker)), text.indexOf('</a:r>', text.indexOf(m.marker)) + '</a:r>'.length);
      frame = frame.replace(run(frame), () => m.xml);
      fallback = fallback.replace(m.marker, () => escapeXml(m.text));
    }
    out = out.slice(0, start) + alternateContentXml(frame, fallback, MATH_CHOICE.powerPointOnly) + out.slice(end);
    pending = pending.filter((m) => !inFrame.includes(m));
  }
  return out;
}

/** The slide master: the template's background, and `master.hbs`'s decoration, footer and slide number. */
function defineMaster(pptx: Pptx, template: Template, deck: Deck): void {
  const { master, theme } = template;
  const objects = decorations(master?.decorations ?? [], theme, deck.meta.lang);
  if (master?.footer && deck.footer) {
    objects.push({
      text: {
        text: deck.footer,
        options: {
          ...box(master.footer),
          ...textStyle({ color: theme.colors.muted, ...master.footer }, theme.fonts.body),
          lang: deck.meta.lang,
        },
      },
    });
  }
  pptx.defineSlideMaster({
    title: MASTER_LAYOUT,
    background: background(master, theme.colors.background),
    objects,
    ...(master?.slideNumber && deck.slideNumbers
      ? {
          slideNumber: {
            ...master.slideNumber,
            ...textStyle({ color: theme.colors.muted, ...master.slideNumber }, theme.fonts.body),
          } as PptxGenJS.default.SlideNumberProps,
        }
      : {}),
  });
}

function background(layout: Layout | undefined, fallback?: string): PptxGenJS.default.BackgroundProps | undefined {
  if (layout?.backgroundImage) return { path: layout.backgroundImage };
  const color = layout?.background ?? fallback;
  return color ? { color } : undefined;
}

function decorations(list: Layout['decorations'], theme: Theme, lang: string): NonNullable<PptxGenJS.default.SlideMasterProps['objects']> {
  return list.map((d) => {
    if (d.kind === 'rect') return { rect: { ...d.box, fill: { color: d.fill } } };
    if (d.kind === 'line') return { line: { ...d.box, line: { color: d.color, width: d.width } } };
    // Described by the file's name, never its path on the teacher's computer.
    if (d.kind === 'image') return { image: { ...d.box, path: d.path, altText: path.basename(d.path, path.extname(d.path)) } };
    return {
      text: { text: d.text, options: { ...d.box, ...textStyle({ color: theme.colors.text, ...d.style }, theme.fonts.body), lang } },
    };
  });
}

/** Each template layout becomes a PowerPoint slide layout with real placeholders. */
function defineLayout(pptx: Pptx, layout: Layout, theme: Theme, lang: string): void {
  const objects = decorations(layout.decorations, theme, lang);
  // Placeholders take the theme's fonts, colour and sizes where the layout does not say otherwise.
  const body: TextStyle = { font: theme.fonts.body, color: theme.colors.text, size: theme.sizes.body, align: 'left' };
  const placeholder = (name: string, type: 'title' | 'body', b: Styled, defaults: TextStyle) =>
    objects.push({
      placeholder: {
        options: { name, type, ...box(b), ...textStyle({ ...defaults, ...b }, defaults.font!), lang } as PptxGenJS.default.PlaceholderProps,
        text: '',
      },
    });
  // A layout without a visible title still gets a title placeholder, off the slide, for accessibility.
  placeholder('title', 'title', layout.title ?? { x: 0, y: -1.5, w: SLIDE.width, h: 1 }, {
    ...body,
    font: theme.fonts.heading,
    size: theme.sizes.title,
    valign: 'bottom',
  });
  if (layout.subtitle) placeholder('subtitle', 'body', layout.subtitle, body);
  if (layout.byline) placeholder('byline', 'body', layout.byline, { ...body, color: theme.colors.muted, size: theme.sizes.minBody });
  for (const [name, region] of layout.regions) placeholder(name, 'body', region, body);

  pptx.defineSlideMaster({
    title: layout.name,
    // Without its own background a layout shows the master's.
    ...(background(layout) ? { background: background(layout) } : {}),
    objects,
    ...(layout.slideNumber
      ? { slideNumber: { ...layout.slideNumber, ...textStyle(layout.slideNumber, theme.fonts.body) } as PptxGenJS.default.SlideNumberProps }
      : {}),
  });
}

/**
 * The placeholders a slide on a PowerPoint template file's layout fills, in the order
 * pptxgenjs writes them on its layout: the title (off the slide where the file's layout
 * has none), the subtitle, and each content area that is one of the file layout's placeholders.
 */
export function fileLayoutSlots(layout: Layout, size: Template['size']): [string, Styled][] {
  const filled = layout.fileLayout?.placeholders ?? {};
  const areas: [string, Styled | undefined][] = [
    ['title', layout.title ?? { x: 0, y: -1.5, w: size.width, h: 1 }],
    ['subtitle', layout.subtitle],
    ...[...layout.regions].filter(([name]) => filled[name]),
  ];
  return areas.filter((entry): entry is [string, Styled] => Boolean(entry[1]));
}

/**
 * The names pptxgenjs's layouts get on a PowerPoint template file, by lectern's layout name:
 * the file's layout names may hold any character, which pptxgenjs would write as they are.
 */
function fileLayoutIds(template: Template): Map<string, string> {
  return new Map([...template.layouts.keys()].map((name, i) => [name, `lectern-file-layout-${i + 1}`]));
}

/** What the repair stage needs to build a deck on its PowerPoint template file (see templatePackage.ts); undefined for a template folder. */
export function templateFill(deck: Deck, template: Template): TemplateFill | undefined {
  if (!template.base) return undefined;
  const ids = fileLayoutIds(template);
  const measure = textMeasure(template.theme.fonts);
  const footerSize = (box: Styled | undefined) => (box && deck.footer ? fittedFooterSize(deck.footer, box, measure) : undefined);
  const layouts = [...template.layouts.values()].flatMap((l) =>
    l.fileLayout
      ? [
          [
            ids.get(l.name)!,
            { file: l.fileLayout, slots: fileLayoutSlots(l, template.size).map(([slot]) => slot), footerSize: footerSize(l.footer) },
          ] as const,
        ]
      : [],
  );
  return {
    base: template.base,
    layouts: new Map(layouts),
    footer: deck.footer,
    date: deck.meta.date === undefined ? undefined : String(deck.meta.date),
    slideNumbers: deck.slideNumbers,
    lang: deck.meta.lang,
  };
}

/** The smallest footer size: below it a footer is not worth reading. */
const MIN_FOOTER_SIZE = 7;

/** Where a footer is too long for its placeholder at the placeholder's size, the size at which it fits (in points). */
function fittedFooterSize(text: string, box: Styled, measure: TextMeasure): number | undefined {
  const start = box.size ?? 12;
  const fits = (size: number) => measure.linesHeight(measure.lines(text, box.w - 2 * INSET.x, size), size) <= box.h + 0.01;
  if (fits(start)) return undefined;
  for (let size = start - 1; size > MIN_FOOTER_SIZE; size--) if (fits(size)) return size;
  return MIN_FOOTER_SIZE;
}

/**
 * A layout of a PowerPoint template file, as pptxgenjs needs it to write slides: its
 * slots as placeholders with no style of their own (slides take that from the file's layout).
 */
function defineFileLayout(pptx: Pptx, id: string, layout: Layout, template: Template): void {
  pptx.defineSlideMaster({
    title: id,
    objects: fileLayoutSlots(layout, template.size).map(([name, b]) => ({
      placeholder: { options: { name, type: name === 'title' ? 'title' : 'body', ...box(b) }, text: '' },
    })),
  });
}

function textStyle(s: Partial<Styled>, font: string) {
  return {
    fontFace: s.font ?? font,
    ...(s.size ? { fontSize: s.size } : {}),
    ...(s.color ? { color: s.color } : {}),
    ...(s.bold !== undefined ? { bold: s.bold } : {}),
    ...(s.italic !== undefined ? { italic: s.italic } : {}),
    ...(s.align ? { align: s.align } : {}),
    ...(s.valign ? { valign: s.valign } : {}),
  };
}

class SlideWriter {
  private readonly theme: Theme;
  private readonly lang: string;
  private readonly master?: Layout;
  private readonly rtl: boolean;
  private readonly messages: Messages;
  private readonly size: Template['size'];

  constructor(
    private readonly deck: Deck,
    template: Template,
  ) {
    this.theme = template.theme;
    this.size = template.size;
    this.lang = deck.meta.lang;
    this.master = template.master;
    this.rtl = deck.meta.dir === 'rtl';
    this.messages = messagesFor(deck.meta.lang, template.strings, deck.meta.strings);
  }

  /** The text bodies lectern writes itself, by slide number. */
  readonly bodies = new Map<number, SlideBodies>();
  /** The pictures of display equations: PNG → its part (`ppt/media/equationN.png`), written after pptxgenjs's parts. */
  readonly equationPictures = new Map<Uint8Array, string>();
  /** What lectern adds to each chart's part, by the chart's number from 1 less one. */
  readonly chartEdits: (ChartPartEdit | undefined)[] = [];
  /** Shapes moved and what appears click by click, by slide number. */
  readonly edits = new Map<number, SlideEdits>();
  /** How many shapes the slide being written has so far: the place of the next one. */
  private shapes = 0;
  /** Makes the markers unlike any text a deck could hold (Node's crypto would cost a small build 6 ms to load). */
  private readonly markerId = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);

  write(s: PptxSlide, slide: Slide, layout: Layout, slideNumber: number): void {
    const texts: SlideBodies = { bodies: [], links: new Map(), pictures: new Map(), cellMath: [] };
    const reveals: Reveal[] = [];
    this.shapes = 0;
    // LibreOffice (7.x) draws slides of a layout named "table" on white, ignoring the layout's and
    // the master's background; the slide's own background works around it.
    if (layout.name === 'table' && !layout.fileLayout)
      s.background = background(layout) ?? background(this.master, this.theme.colors.background)!;
    if (slide.background) s.background = { color: slide.background };
    // Background pictures first, so that everything else is drawn over them.
    for (const picture of slide.backgrounds ?? []) this.image(s, picture);
    const titleColor = slide.textColor ? { color: slide.textColor } : {};
    const moves: ShapeMove[] = slide.titleBox ? [{ shape: this.shapes, box: slide.titleBox }] : [];
    // A layout with a subtitle and no byline (a PowerPoint file's title slide) shows the byline under the subtitle.
    const byline = slide.byline && !layout.byline && layout.subtitle ? slide.byline : undefined;
    const subtitle = [slide.subtitle, byline].filter(Boolean).join('\n');
    if (layout.fileLayout) {
      // On a PowerPoint file's layout, the title and subtitle take their look from the file's placeholders;
      // on one with no subtitle (the title slide on the nearest layout), the subtitle and byline fill its content placeholder.
      const size = slide.titleSize ?? layout.title?.size ?? this.theme.sizes.title;
      this.add(() => this.placeholderText(s, layout, 'title', slide.title, size, texts));
      const under = layout.subtitle ? subtitle : [slide.subtitle, slide.byline].filter(Boolean).join('\n');
      const area = layout.subtitle ? 'subtitle' : layout.fileLayout.placeholders.body && slide.elements.length === 0 ? 'body' : undefined;
      const areaBox = area === 'subtitle' ? layout.subtitle : layout.regions.get('body');
      if (under && area && areaBox)
        this.add(() => this.placeholderText(s, layout, area, under, areaBox.size ?? this.theme.sizes.body, texts));
    } else {
      // Run options, not shape options: pptxgenjs lets a placeholder's own options override the shape's.
      const title = {
        lang: this.lang,
        ...titleColor,
        ...(slide.titleSize ? { fontSize: slide.titleSize } : {}),
        ...this.direction(layout.title?.align),
      };
      this.add(() => s.addText([{ text: slide.title, options: title }], { placeholder: 'title', lang: this.lang }));
      if (subtitle && layout.subtitle) {
        const lines = this.lines(subtitle, layout.subtitle.align).map((l) => ({ ...l, options: { ...l.options, ...titleColor } }));
        this.add(() => s.addText(lines, { placeholder: 'subtitle', lang: this.lang }));
      }
    }
    if (slide.byline && layout.byline)
      this.add(() => s.addText(this.lines(slide.byline!, layout.byline!.align), { placeholder: 'byline', lang: this.lang }));
    for (const element of slide.elements) {
      const shape = this.shapes;
      this.element(s, element, layout, texts, slide.textColor);
      if (element.kind === 'text' && element.paragraphs.some((p) => p.step))
        reveals.push({ shape, paragraphs: element.paragraphs.map((p) => p.step ?? 0) });
      else if (element.step) reveals.push({ shape, step: element.step });
    }
    if (texts.bodies.length > 0 || texts.cellMath.length > 0 || texts.pictures.size > 0) this.bodies.set(slideNumber, texts);
    if (reveals.length > 0 || moves.length > 0) this.edits.set(slideNumber, { moves, reveals });
    const footer = slide.footer ?? this.deck.footer;
    // A footer of the slide's own (Marp's) shows on every layout, where the master puts its footer if the layout has none.
    const footerBox = slide.footer !== undefined ? (layout.footer ?? this.master?.footer) : layout.footer;
    // On a PowerPoint file the footer and slide number fill the layout's placeholders (src/render/templatePackage.ts).
    if (footer && footerBox && !layout.fileLayout) {
      this.add(() =>
        s.addText(footer, {
          ...box(footerBox),
          ...textStyle(
            { color: this.theme.colors.muted, ...footerBox, ...(slide.textColor ? { color: slide.textColor } : {}) },
            this.theme.fonts.body,
          ),
          lang: this.lang,
        }),
      );
    }
    if (slide.header) {
      this.add(() =>
        s.addText(slide.header!, {
          ...HEADER_BOX,
          ...textStyle({ color: slide.textColor ?? this.theme.colors.muted, size: HEADER_SIZE }, this.theme.fonts.body),
          lang: this.lang,
        }),
      );
    }
    // A slide shows its number where its layout puts it, else where the master does.
    const number = layout.slideNumber ?? (layout.showMaster ? this.master?.slideNumber : undefined);
    if ((slide.slideNumber ?? this.deck.slideNumbers) && number && !layout.fileLayout) {
      s.slideNumber = {
        ...box(number),
        ...textStyle({ color: this.theme.colors.muted, ...number }, this.theme.fonts.body),
      } as PptxGenJS.default.SlideNumberProps;
    }
    if (slide.notes) s.addNotes(slide.notes);
  }

  /** A right-to-left deck's text options: rtl="1", and the alignment `align` (left by default) seen from the right. */
  private direction(align: TextStyle['align'] = 'left'): { rtlMode?: boolean; align?: TextStyle['align'] } {
    return this.rtl ? { rtlMode: true, align: MIRRORED[align] } : {};
  }

  /** Text in a placeholder of a PowerPoint file's layout, one paragraph a line, through `text` (lectern's own text body). */
  private placeholderText(s: PptxSlide, layout: Layout, placeholder: string, text: string, size: number, texts: SlideBodies): void {
    const paragraphs = text.split('\n').map((line) => ({ runs: [{ text: line }], style: 'body' as const, level: 0 }));
    this.text(s, { kind: 'text', x: 0, y: 0, w: 0, h: 0, region: placeholder, placeholder, paragraphs, fontSize: size }, layout, texts);
  }

  /** Lines of text for a placeholder, in the deck's direction (the run's options: pptxgenjs reads a paragraph's from its first run). */
  private lines(text: string, align: TextStyle['align']): TextProps[] {
    return text
      .split('\n')
      .map((line, i, all) => ({ text: line, options: { lang: this.lang, breakLine: i < all.length - 1, ...this.direction(align) } }));
  }

  /** Adds one shape to the slide, counting it: a reveal names a shape by its place. */
  private add(write: () => void): void {
    write();
    this.shapes++;
  }

  private element(s: PptxSlide, e: Element, layout: Layout, texts: SlideBodies, textColor?: string): void {
    switch (e.kind) {
      case 'text':
        return this.add(() => this.text(s, e, layout, texts, textColor));
      case 'table':
        return this.add(() => this.table(s, e, texts));
      case 'chart':
        return this.add(() => this.chart(s, e));
      case 'image':
        return this.image(s, e);
      case 'math':
        return this.add(() => this.math(s, e, texts));
    }
  }

  /** A picture; one that covers its box is cropped to it, around its centre. */
  private image(s: PptxSlide, e: ImageElement): void {
    const cover = e.cover ? { w: e.cover.width / 96, h: e.cover.height / 96, sizing: { type: 'cover' as const, w: e.w, h: e.h } } : {};
    this.add(() => s.addImage({ path: e.path, ...box(e), altText: e.altText, ...cover }));
  }

  /**
   * A display equation: a shape holding only the equation (so that LibreOffice, which
   * shows an equation only in a shape of its own, shows it), and a picture of it for
   * programs without equations.
   */
  private math(s: PptxSlide, e: MathElement, texts: SlideBodies): void {
    const marker = `LECTERN-TEXT-${this.markerId}-${texts.bodies.length + 1}`;
    const look = { size: e.fontSize, color: this.theme.colors.text, lang: this.lang };
    const body =
      '<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>' +
      `${displayMathParagraphXml(e.math, look)}</p:txBody>`;
    // The picture at the equation's own size, in the box less its padding; one part however many slides show it.
    const inner = { x: e.x + MATH_PADDING, y: e.y + MATH_PADDING, w: e.w - 2 * MATH_PADDING, h: e.h - 2 * MATH_PADDING };
    const png = mathPicture(e.math, inner, this.theme.colors.text);
    const part = this.equationPictures.get(png) ?? `ppt/media/equation${this.equationPictures.size + 1}.png`;
    this.equationPictures.set(png, part);
    const id = `rIdEquation${texts.pictures.size + 1}`;
    texts.pictures.set(id, part);
    texts.bodies.push({ marker, xml: body, fallback: { picture: equationPictureXml(id, e.math.linear, inner) } });
    s.addText(marker, { ...box(e) });
  }

  /**
   * A text element: pptxgenjs writes the shape (a placeholder of the layout, or a
   * box) with a marker for its text, and lectern the text body (`textBodyXml`).
   */
  private text(s: PptxSlide, e: TextElement, layout: Layout, texts: SlideBodies, textColor?: string): void {
    const region = layout.regions.get(e.region);
    // On a PowerPoint file's layout, only the parts that fill one of its placeholders are placeholders.
    const filled = !layout.fileLayout || fileLayoutSlots(layout, this.size).some(([slot]) => slot === e.placeholder);
    const placeholder = e.placeholder && filled ? e.placeholder : undefined;
    const links = texts.links;
    // Unguessable, so that no text on the slide can be taken for it; it never reaches the file.
    const marker = `LECTERN-TEXT-${this.markerId}-${texts.bodies.length + 1}`;
    const look: TextLook = {
      lang: this.lang,
      font: region?.font ?? this.theme.fonts.body,
      color: textColor ?? region?.color ?? this.theme.colors.text,
      placeholder: Boolean(placeholder) && !textColor,
      inherit: Boolean(placeholder && layout.fileLayout),
      inheritBullets: Boolean(placeholder && layout.fileLayout?.bullets),
      headingFont: this.theme.fonts.heading,
      codeFont: this.theme.fonts.code,
      mutedColor: this.theme.colors.muted,
      align: region?.align ?? 'left',
      rtl: this.rtl,
      link(url) {
        const known = [...links].find(([, u]) => u === url)?.[0];
        if (known) return known;
        const id = `rIdLink${links.size + 1}`;
        links.set(id, url);
        return id;
      },
    };
    const xml = textBodyXml(e, look);
    texts.bodies.push({ marker, xml, ...(hasMath(e) ? { fallback: { body: textBodyXml(e, { ...look, mathAsText: true }) } } : {}) });
    const fill = e.fill ? { fill: { color: e.fill } } : {};
    s.addText(marker, placeholder ? { placeholder, ...fill } : { ...box(e), ...fill });
  }

  private runStyle(r: Run): TextProps['options'] {
    return {
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
      ...(r.strike ? { strike: 'sngStrike' as const } : {}),
      ...(r.underline ? { underline: { style: 'sng' as const } } : {}),
      ...(r.highlight ? { highlight: HIGHLIGHT.fill, color: HIGHLIGHT.text } : {}),
      ...(r.baseline === 'sub' ? { subscript: true } : r.baseline === 'sup' ? { superscript: true } : {}),
      ...(r.code ? { fontFace: this.theme.fonts.code } : {}),
      ...(r.link ? { hyperlink: { url: r.link } } : {}),
      ...(r.break ? { softBreakBefore: true } : {}),
    };
  }

  private table(s: PptxSlide, e: TableElement, texts: SlideBodies): void {
    const { colors, fonts } = this.theme;
    // Header in the primary colour, zebra rows a tint of the background: readable on light and dark templates.
    const headerText = readableOn(colors.primary, [colors.background, colors.text, 'FFFFFF', '000000']);
    const stripe = mix(colors.background, colors.text, 0.08);
    // A highlighted row is filled with the accent colour, its text the readable one of the template's.
    const accentText = readableOn(colors.accent, [colors.background, colors.text, 'FFFFFF', '000000']);
    const line = { type: 'solid' as const, pt: 0.75, color: mix(colors.background, colors.text, 0.3) };
    type CellKind = 'header' | 'body' | 'stripe' | 'highlight' | 'total';
    const textColor = (kind: CellKind) => (kind === 'header' ? headerText : kind === 'highlight' ? accentText : colors.text);
    // An equation in a cell: pptxgenjs writes a marker, which becomes the equation (withTextBodies).
    const text = (r: Run, kind: CellKind) => {
      if (!r.math?.typeset) return r.text;
      const marker = `LECTERN-MATH-${this.markerId}-${texts.cellMath.length + 1}`;
      const look = { size: e.fontSize, color: textColor(kind), lang: this.lang };
      texts.cellMath.push({ marker, xml: inlineMathXml(r.math.typeset, look), text: r.text });
      return marker;
    };
    const cell = (runs: Run[], c: number, kind: CellKind): PptxGenJS.default.TableCell => ({
      text: runs.map((r) => ({
        text: text(r, kind),
        options: { ...this.runStyle(r), lang: this.lang, ...(this.rtl ? { rtlMode: true } : {}) },
      })),
      options: {
        ...this.direction(kind === 'header' && e.align[c] !== 'right' ? 'left' : e.align[c]),
        ...(this.rtl ? {} : { align: kind === 'header' && e.align[c] !== 'right' ? 'left' : e.align[c] }),
        bold: kind === 'header' || kind === 'total',
        color: textColor(kind),
        fill: { color: TABLE_FILLS[kind](colors, stripe) },
        // The totals row is set off by a rule in the text colour above it.
        ...(kind === 'total' ? { border: [{ type: 'solid', pt: 2, color: colors.text }, line, line, line] } : {}),
      },
    });
    const rows = [
      e.header.map((runs, c) => cell(runs, c, 'header')),
      ...e.rows.map((row, r) => row.map((runs, c) => cell(runs, c, e.rowStyles?.[r] ?? (r % 2 === 1 ? 'stripe' : 'body')))),
    ];
    s.addTable(rows, {
      ...box(e),
      // pptxgenjs writes no description for tables; the repair stage copies this name into one.
      objectName:
        e.altText ??
        tableName(
          e.header.map((runs) => runs.map((r) => r.text).join('')),
          e.rows.length,
          this.messages,
        ),
      colW: e.columnWidths,
      fontSize: e.fontSize,
      fontFace: fonts.body,
      valign: 'middle',
      margin: [0.04 * 72, 0.1 * 72, 0.04 * 72, 0.1 * 72],
      border: line,
      autoPage: false,
    });
  }

  /** A chart, and what lectern adds to its part afterwards (`chartEdits`, one entry per chart in the order added). */
  private chart(s: PptxSlide, e: ChartElement): void {
    const call = chartCall(e, this.theme, box(e));
    if (Array.isArray(call.type)) s.addChart(call.type as unknown as PptxGenJS.default.CHART_NAME, call.options as unknown as never[]);
    else s.addChart(call.type, call.data, call.options);
    const { pointColors, seriesColors } = call;
    this.chartEdits.push(
      e.trendline || pointColors || seriesColors
        ? { trendline: e.trendline, color: this.theme.colors.text, pointsBeforeLabels: pointColors, seriesColors }
        : undefined,
    );
  }
}

function box(b: { x: number; y: number; w: number; h: number }) {
  return { x: b.x, y: b.y, w: b.w, h: b.h };
}

/** The fill of a table cell, by the kind of row it is in. */
const TABLE_FILLS: Record<'header' | 'body' | 'stripe' | 'highlight' | 'total', (colors: Theme['colors'], stripe: string) => string> = {
  header: (colors) => colors.primary,
  body: (colors) => colors.background,
  stripe: (_, stripe) => stripe,
  highlight: (colors) => colors.accent,
  total: (colors) => colors.background,
};
