import path from 'node:path';
import pptxgenModule from 'pptxgenjs';
import type PptxGenJS from 'pptxgenjs';
import type { Deck, Element, ChartElement, Run, Slide, TableElement, TextElement } from '../model/types.js';
import { mix, readableOn, readableOnAll } from '../templates/colors.js';
import { streamParts, type PartListener } from './jszipShim.js';
import { MASTER_LAYOUT } from './master.js';
import { RELATIONSHIP_TYPE, withRelationships } from './packageParts.js';
import { renderSvgFallbacks } from './svgFallbacks.js';
import type { TemplateFill } from './templatePackage.js';
import { HIGHLIGHT, textBodyXml } from './textBody.js';
import { SLIDE, type Layout, type Styled, type Template, type TextStyle, type Theme } from '../templates/types.js';

// pptxgenjs's types describe a CommonJS module; under ESM its default export is the class itself.
type PptxGenJSClass = typeof pptxgenModule.default;
const PptxGenJSCtor = ((pptxgenModule as unknown as { default?: PptxGenJSClass }).default ?? pptxgenModule) as unknown as PptxGenJSClass;
type Pptx = InstanceType<PptxGenJSClass>;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type TextProps = PptxGenJS.default.TextProps;

const LAYOUT_NAME = 'LECTERN_16x9';

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
  await streamParts(withChartsFromOne(withTextBodies(onPart, writer.bodies)), (outputType) =>
    pptx.write({ outputType: outputType as 'uint8array' }),
  );
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
}

/** The text bodies of one slide, and the hyperlinks they use, by relationship id. */
interface SlideBodies {
  bodies: TextBody[];
  links: Map<string, string>;
}

/** Puts each text body in place of its shape's marker text, and each slide's hyperlinks in its relationships. */
function withTextBodies(onPart: PartListener, bodies: Map<number, SlideBodies>): PartListener {
  return (name, content) => {
    const n = Number(/^ppt\/slides\/(?:_rels\/)?slide(\d+)\.xml(\.rels)?$/.exec(name)?.[1]);
    const slide = bodies.get(n);
    if (!slide || typeof content !== 'string') return onPart(name, content);
    if (name.endsWith('.rels')) {
      const links = [...slide.links].map(([id, url]) => ({ id, type: RELATIONSHIP_TYPE.hyperlink, target: url, external: true }));
      return onPart(name, withRelationships(content, name, links));
    }
    let xml = content;
    for (const { marker, xml: body } of slide.bodies) {
      const at = xml.indexOf(marker);
      const start = xml.lastIndexOf('<p:txBody>', at);
      const end = xml.indexOf('</p:txBody>', at) + '</p:txBody>'.length;
      if (at < 0 || start < 0) throw new Error(`the text body ${marker} is missing from ${name}`);
      xml = xml.slice(0, start) + body + xml.slice(end);
    }
    onPart(name, xml);
  };
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
  const layouts = [...template.layouts.values()].flatMap((l) =>
    l.fileLayout
      ? [
          [
            ids.get(l.name)!,
            { file: l.fileLayout, slots: fileLayoutSlots(l, template.size).map(([slot]) => slot), footer: l.footer },
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
  private readonly size: Template['size'];

  constructor(
    private readonly deck: Deck,
    template: Template,
  ) {
    this.theme = template.theme;
    this.size = template.size;
    this.lang = deck.meta.lang;
    this.master = template.master;
  }

  /** The text bodies lectern writes itself, by slide number. */
  readonly bodies = new Map<number, SlideBodies>();
  /** Makes the markers unlike any text a deck could hold (Node's crypto would cost a small build 6 ms to load). */
  private readonly markerId = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);

  write(s: PptxSlide, slide: Slide, layout: Layout, slideNumber: number): void {
    const texts: SlideBodies = { bodies: [], links: new Map() };
    // LibreOffice (7.x) draws slides of a layout named "table" on white, ignoring the layout's and
    // the master's background; the slide's own background works around it.
    if (layout.name === 'table' && !layout.fileLayout)
      s.background = background(layout) ?? background(this.master, this.theme.colors.background)!;
    // A layout with a subtitle and no byline (a PowerPoint file's title slide) shows the byline under the subtitle.
    const byline = slide.byline && !layout.byline && layout.subtitle ? slide.byline : undefined;
    const subtitle = [slide.subtitle, byline].filter(Boolean).join('\n');
    if (layout.fileLayout) {
      // On a PowerPoint file's layout, the title and subtitle take their look from the file's placeholders;
      // on one with no subtitle (the title slide on the nearest layout), the subtitle and byline fill its content placeholder.
      const size = slide.titleSize ?? layout.title?.size ?? this.theme.sizes.title;
      this.placeholderText(s, layout, 'title', slide.title, size, texts);
      const under = layout.subtitle ? subtitle : [slide.subtitle, slide.byline].filter(Boolean).join('\n');
      const area = layout.subtitle ? 'subtitle' : layout.fileLayout.placeholders.body && slide.elements.length === 0 ? 'body' : undefined;
      const box = area === 'subtitle' ? layout.subtitle : layout.regions.get('body');
      if (under && area && box) this.placeholderText(s, layout, area, under, box.size ?? this.theme.sizes.body, texts);
    } else {
      // Run options, not shape options: pptxgenjs lets a placeholder's own options override the shape's.
      s.addText([{ text: slide.title, options: { lang: this.lang, ...(slide.titleSize ? { fontSize: slide.titleSize } : {}) } }], {
        placeholder: 'title',
        lang: this.lang,
      });
      if (subtitle && layout.subtitle) s.addText(this.lines(subtitle), { placeholder: 'subtitle', lang: this.lang });
    }
    if (slide.byline && layout.byline) s.addText(this.lines(slide.byline), { placeholder: 'byline', lang: this.lang });
    for (const element of slide.elements) this.element(s, element, layout, texts);
    if (texts.bodies.length > 0) this.bodies.set(slideNumber, texts);
    // On a PowerPoint file the footer and slide number fill the layout's placeholders (src/render/templatePackage.ts).
    if (this.deck.footer && layout.footer && !layout.fileLayout) {
      s.addText(this.deck.footer, {
        ...box(layout.footer),
        ...textStyle({ color: this.theme.colors.muted, ...layout.footer }, this.theme.fonts.body),
        lang: this.lang,
      });
    }
    // A slide shows its number where its layout puts it, else where the master does.
    const number = layout.slideNumber ?? (layout.showMaster ? this.master?.slideNumber : undefined);
    if (this.deck.slideNumbers && number && !layout.fileLayout) {
      s.slideNumber = {
        ...box(number),
        ...textStyle({ color: this.theme.colors.muted, ...number }, this.theme.fonts.body),
      } as PptxGenJS.default.SlideNumberProps;
    }
    if (slide.notes) s.addNotes(slide.notes);
  }

  /** Text in a placeholder of a PowerPoint file's layout, one paragraph a line, through `text` (lectern's own text body). */
  private placeholderText(s: PptxSlide, layout: Layout, placeholder: string, text: string, size: number, texts: SlideBodies): void {
    const paragraphs = text.split('\n').map((line) => ({ runs: [{ text: line }], style: 'body' as const, level: 0 }));
    this.text(s, { kind: 'text', x: 0, y: 0, w: 0, h: 0, region: placeholder, placeholder, paragraphs, fontSize: size }, layout, texts);
  }

  private lines(text: string): TextProps[] {
    return text.split('\n').map((line, i, all) => ({ text: line, options: { lang: this.lang, breakLine: i < all.length - 1 } }));
  }

  private element(s: PptxSlide, e: Element, layout: Layout, texts: SlideBodies): void {
    switch (e.kind) {
      case 'text':
        return this.text(s, e, layout, texts);
      case 'table':
        return this.table(s, e);
      case 'chart':
        return this.chart(s, e);
      case 'image':
        s.addImage({ path: e.path, ...box(e), altText: e.altText });
        return;
    }
  }

  /**
   * A text element: pptxgenjs writes the shape (a placeholder of the layout, or a
   * box) with a marker for its text, and lectern the text body (`textBodyXml`).
   */
  private text(s: PptxSlide, e: TextElement, layout: Layout, texts: SlideBodies): void {
    const region = layout.regions.get(e.region);
    // On a PowerPoint file's layout, only the parts that fill one of its placeholders are placeholders.
    const filled = !layout.fileLayout || fileLayoutSlots(layout, this.size).some(([slot]) => slot === e.placeholder);
    const placeholder = e.placeholder && filled ? e.placeholder : undefined;
    const links = texts.links;
    // Unguessable, so that no text on the slide can be taken for it; it never reaches the file.
    const marker = `LECTERN-TEXT-${this.markerId}-${texts.bodies.length + 1}`;
    const xml = textBodyXml(e, {
      lang: this.lang,
      font: region?.font ?? this.theme.fonts.body,
      color: region?.color ?? this.theme.colors.text,
      placeholder: Boolean(placeholder),
      inherit: Boolean(placeholder && layout.fileLayout),
      inheritBullets: Boolean(placeholder && layout.fileLayout?.bullets),
      headingFont: this.theme.fonts.heading,
      codeFont: this.theme.fonts.code,
      mutedColor: this.theme.colors.muted,
      align: region?.align ?? 'left',
      link(url) {
        const known = [...links].find(([, u]) => u === url)?.[0];
        if (known) return known;
        const id = `rIdLink${links.size + 1}`;
        links.set(id, url);
        return id;
      },
    });
    texts.bodies.push({ marker, xml });
    s.addText(marker, placeholder ? { placeholder } : { ...box(e) });
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

  private table(s: PptxSlide, e: TableElement): void {
    const { colors, fonts } = this.theme;
    // Header in the primary colour, zebra rows a tint of the background: readable on light and dark templates.
    const headerText = readableOn(colors.primary, [colors.background, colors.text, 'FFFFFF', '000000']);
    const stripe = mix(colors.background, colors.text, 0.08);
    const cell = (runs: Run[], c: number, header: boolean, zebra: boolean): PptxGenJS.default.TableCell => ({
      text: runs.map((r) => ({ text: r.text, options: { ...this.runStyle(r), lang: this.lang } })),
      options: {
        align: header && e.align[c] !== 'right' ? 'left' : e.align[c],
        bold: header,
        color: header ? headerText : colors.text,
        fill: { color: header ? colors.primary : zebra ? stripe : colors.background },
      },
    });
    const rows = [
      e.header.map((runs, c) => cell(runs, c, true, false)),
      ...e.rows.map((row, r) => row.map((runs, c) => cell(runs, c, false, r % 2 === 1))),
    ];
    s.addTable(rows, {
      ...box(e),
      // pptxgenjs writes no description for tables; the repair stage copies this name into one.
      objectName: `Table: ${e.header.map((runs) => runs.map((r) => r.text).join('')).join(', ')} (${e.rows.length} rows)`,
      colW: e.columnWidths,
      fontSize: e.fontSize,
      fontFace: fonts.body,
      valign: 'middle',
      margin: [0.04 * 72, 0.1 * 72, 0.04 * 72, 0.1 * 72],
      border: { type: 'solid', pt: 0.75, color: mix(colors.background, colors.text, 0.3) },
      autoPage: false,
    });
  }

  private chart(s: PptxSlide, e: ChartElement): void {
    const { colors, fonts } = this.theme;
    const round = e.chartType === 'pie' || e.chartType === 'doughnut';
    const type = CHART_TYPES[e.chartType];
    const data =
      e.chartType === 'scatter'
        ? [{ name: 'X', values: e.labels.map(Number) }, ...e.series.map((sr) => ({ name: sr.name, values: sr.values }))]
        : e.series.map((sr) => ({ name: sr.name, labels: e.labels, values: sr.values }));
    const suffix = e.unit === '%' ? '"%"' : e.unit ? `" ${e.unit.replace(/"/g, '')}"` : '';
    const format = `#,##0${e.decimals > 0 ? `.${'0'.repeat(e.decimals)}` : ''}${suffix}`;
    const axisText = { fontFace: fonts.body, fontSize: 14, color: colors.text };
    s.addChart(type, data, {
      ...box(e),
      altText: e.altText,
      chartColors: round ? e.colors.slice(0, Math.max(1, e.labels.length)) : e.colors.slice(0, e.series.length),
      ...(e.chartType === 'bar' ? { barDir: 'bar', catAxisOrientation: 'maxMin', valGridLine: { style: 'none' } } : {}),
      ...(e.chartType === 'column' ? { barDir: 'col' } : {}),
      ...(e.chartType === 'bar' || e.chartType === 'column' ? { barGapWidthPct: 60 } : {}),
      showTitle: Boolean(e.title),
      ...(e.title ? { title: e.title, titleFontFace: fonts.heading, titleFontSize: 18, titleColor: colors.text } : {}),
      showLegend: round || e.series.length > 1,
      legendPos: round ? 'r' : 'b',
      legendFontSize: 14,
      legendFontFace: fonts.body,
      legendColor: colors.text,
      showValue: e.showValues,
      // Pie labels sit outside the slices, on the slide's background, where the text colour reads.
      ...(round ? { showPercent: false, showLeaderLines: true, dataLabelPosition: e.chartType === 'pie' ? 'outEnd' : 'ctr' } : {}),
      ...(e.showValues && !round && e.chartType !== 'line' && e.chartType !== 'area' && e.chartType !== 'scatter'
        ? { dataLabelPosition: 'outEnd' }
        : {}),
      dataLabelFormatCode: format,
      dataLabelFontSize: 14,
      dataLabelFontFace: fonts.body,
      // Doughnut labels sit on the slices; others on the slide.
      dataLabelColor: e.chartType === 'doughnut' ? readableOnAll(e.colors.slice(0, e.labels.length), ['FFFFFF', '000000']) : colors.text,
      valAxisLabelFormatCode: `#,##0${suffix}`,
      ...(e.valueAxis.min !== undefined ? { valAxisMinVal: e.valueAxis.min } : {}),
      ...(e.valueAxis.max !== undefined ? { valAxisMaxVal: e.valueAxis.max } : {}),
      catAxisLabelFontFace: axisText.fontFace,
      catAxisLabelFontSize: axisText.fontSize,
      catAxisLabelColor: axisText.color,
      valAxisLabelFontFace: axisText.fontFace,
      valAxisLabelFontSize: axisText.fontSize,
      valAxisLabelColor: axisText.color,
      ...(e.chartType === 'line' || e.chartType === 'scatter' ? { lineSize: 3, lineDataSymbolSize: 8 } : {}),
      ...(e.chartType === 'scatter' ? { lineSize: 0 } : {}),
      ...(e.chartType === 'doughnut' ? { holeSize: 55 } : {}),
    } as PptxGenJS.default.IChartOpts);
  }
}

const CHART_TYPES: Record<ChartElement['chartType'], PptxGenJS.default.CHART_NAME> = {
  bar: 'bar',
  column: 'bar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  doughnut: 'doughnut',
  scatter: 'scatter',
};

function box(b: { x: number; y: number; w: number; h: number }) {
  return { x: b.x, y: b.y, w: b.w, h: b.h };
}
