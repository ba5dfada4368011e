import type { Block, DirectiveBlock, HeadingBlock, SlideSource } from '../content/blocks.js';
import type { DialectSettings } from '../content/dialects/dialect.js';
import { SLIDE } from '../templates/types.js';
import { placeBackgrounds, squeezeBox, takeBackgrounds } from './backgrounds.js';
import { revealSteps } from './reveal.js';
import { SlideDirectives, type SlideLook } from './slideLook.js';
import { runsText } from '../content/blocks.js';
import { blockText } from '../content/markdown.js';
import type { FrontMatter } from '../content/source.js';
import { fail, type Diagnostics } from '../diagnostics.js';
import type { Layout, Styled, Template } from '../templates/types.js';
import { chooseLayout } from './chooseLayout.js';
import { blocksToPieces, type PieceContext } from './pieces.js';
import { INSET, textMeasure, type TextMeasure } from './measure.js';
import { fontMetrics } from './fontMetrics.js';
import { messagesFor } from '../i18n/messages.js';
import { textDirection } from '../i18n/direction.js';
import { englishCount } from '../i18n/plural.js';
import { paginate, placePieces } from './place.js';
import type { Deck, DeckMeta, Element, Slide } from './types.js';

/** Everything the model stage needs for one deck. */
export interface DeckInput extends Omit<PieceContext, 'palette' | 'accent' | 'messages' | 'warn'> {
  frontMatter: FrontMatter;
  slides: SlideSource[];
  template: Template;
  /** The front matter's `footer`, already rendered. */
  footer?: string;
  /** The tool the deck was written for, and its settings (lectern's own when not given). */
  dialect?: DialectSettings;
  diagnostics: Diagnostics;
}

/** What each slide is built with besides its blocks. */
interface SlideSettings {
  directives: SlideDirectives;
  /** Lists appear an item a click unless they say otherwise. */
  incremental: boolean;
}

/** Turns parsed slides and a template into the Deck model: layouts chosen, content placed and paginated. */
export function buildDeck(input: DeckInput): Deck {
  const { frontMatter: fm, template } = input;
  const meta: DeckMeta = {
    title: fm.title,
    subtitle: fm.subtitle,
    author: fm.author,
    date: fm.date,
    organization: fm.organization,
    subject: fm.subject,
    keywords: fm.keywords ?? [],
    lang: fm.lang ?? 'en-US',
    dir: textDirection(fm.lang ?? 'en-US', fm.dir),
    ...(fm.strings ? { strings: fm.strings } : {}),
  };
  const ctx: SlideContext = {
    ...input,
    noted: new Set(),
    palette: template.theme.colors.chart,
    accent: template.theme.colors.accent,
    messages: messagesFor(meta.lang, template.strings, fm.strings),
    warn: (rule, message, line) => input.diagnostics.warn(rule, message, { file: input.file, line }),
  };
  noteUnmeasuredFonts(template, input);
  const dialect = input.dialect ?? { dialect: 'lectern', incremental: false };
  const marp = dialect.dialect === 'marp';
  const settings: SlideSettings = {
    directives: new SlideDirectives(fm, input.footer, marp, ctx.warn),
    incremental: dialect.incremental,
  };
  // A Marp deck's first slide is its title slide, as written.
  const slides: Slide[] = marp ? [] : [titleSlide(meta, template, ctx)];
  // pandoc's speaker notes for the title slide: a `notes` field in the metadata.
  if (dialect.dialect === 'pandoc' && typeof fm.notes === 'string' && fm.notes.trim()) slides[0].notes = fm.notes.trim();
  let previousTitle = meta.title;
  for (const source of input.slides) {
    const title = titleOf(source);
    for (const slide of buildSlides(source, title, previousTitle, template, ctx, settings)) slides.push(slide);
    // The title an untitled slide after it continues: its own, else the one it continued itself (never "(continued) (continued)").
    previousTitle = title?.text ?? previousTitle;
  }
  return {
    file: input.file,
    meta,
    template: template.name,
    // A Marp deck's footer is each slide's own (it may change from slide to slide).
    footer: marp ? undefined : input.footer,
    // A Marp deck numbers the slides its `paginate` directives name.
    slideNumbers: marp ? false : (fm.slideNumbers ?? true),
    slides,
  };
}

function titleSlide(meta: DeckMeta, template: Template, ctx: PieceContext): Slide {
  const byline = [meta.author, [meta.organization, meta.date].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
  const layout = template.layouts.has('title') ? 'title' : template.layouts.has('section') ? 'section' : 'content';
  const slide: Slide = { layout, title: meta.title, subtitle: meta.subtitle, byline: byline || undefined, elements: [], line: 1 };
  // A PowerPoint file's layout with no subtitle and no content placeholder has no place for them.
  const own = template.layouts.get(layout)!;
  const under = [meta.subtitle, byline].filter(Boolean).join('\n');
  if (under && own.fileLayout && !own.subtitle && !own.fileLayout.placeholders.body) {
    ctx.warn(
      'layout/no-subtitle',
      `the title slide's layout "${own.fileLayout.name}" has no place for the subtitle and author, so they are in its speaker notes`,
      1,
    );
    return { ...slide, notes: under };
  }
  return slide;
}

/** What building a deck's slides shares: the pieces' context, and the notes about layouts already given. */
interface SlideContext extends PieceContext {
  noted: Set<string>;
}

/** One slide of Markdown becomes one slide, or several when its content does not fit. */
/** A slide's title: its first heading. */
interface SlideTitle {
  text: string;
  depth: number;
  heading: HeadingBlock;
}

function titleOf(source: SlideSource): SlideTitle | undefined {
  const heading = source.blocks.find((b): b is HeadingBlock => b.kind === 'heading');
  return heading && { text: runsText(heading.runs), depth: heading.depth, heading };
}

function buildSlides(
  source: SlideSource,
  title: SlideTitle | undefined,
  previousTitle: string,
  template: Template,
  ctx: SlideContext,
  settings: SlideSettings,
): Slide[] {
  const heading = title?.heading;
  let requested: { name: string; line: number } | undefined;
  const notes: string[] = [];
  const written: Block[] = [];
  const directives: DirectiveBlock[] = [];
  for (const block of source.blocks) {
    if (block === heading) continue;
    else if (block.kind === 'directive' && block.name === 'layout') requested = { name: unquoted(block.value), line: block.line };
    else if (block.kind === 'directive' && block.name !== 'incremental') directives.push(block);
    else if (block.kind === 'notes') notes.push(block.text);
    else written.push(block);
  }
  const look = settings.directives.next(directives);
  const backgroundSources = [
    ...(heading?.attributes?.['background-image'] ? [{ src: heading.attributes['background-image'], line: heading.line }] : []),
    ...(look.backgroundImage ? [{ src: look.backgroundImage, line: source.line }] : []),
  ];
  const taken = takeBackgrounds(written, backgroundSources, ctx.image);
  const placedBackgrounds = placeBackgrounds(taken.pictures, SLIDE);
  let content = revealSteps(taken.content, settings.incremental);
  let lead: Pick<Slide, 'subtitle' | 'byline'> = {};
  if (look.className === 'lead' && !requested) {
    const led = leadSlide(content, template);
    if (led) requested = { name: led.layout, line: source.line };
    if (led?.layout === 'title') {
      lead = led.lines;
      content = [];
    }
  }
  const layoutName = chooseLayout(
    { file: ctx.file, line: source.line, requested, titleDepth: title?.depth, content },
    new Set(template.layouts.keys()),
  );
  const original = template.layouts.get(layoutName)!;
  for (const [rule, note] of [
    ['layout/nearest', original.fileLayout?.nearest],
    ['layout/ambiguous', original.fileLayout?.ambiguous],
  ] as const) {
    if (!note || ctx.noted.has(note)) continue;
    ctx.noted.add(note);
    ctx.warn(rule, note, source.line);
  }
  const layout = restyled(original, heading, content, placedBackgrounds.content, template.theme.sizes.body);
  const continued = (title: string) => ctx.messages.text('continued', { title });
  const ownTitle = title?.text ?? previousTitle;
  const slideTitle = title?.text ?? continued(previousTitle);
  const extras = {
    ...slideExtras(look, placedBackgrounds.elements),
    ...(layout.title && layout.title !== original.title ? { titleBox: boxOf(layout.title) } : {}),
  };
  const base = {
    layout: layoutName,
    ...titled(slideTitle, layout, template),
    ...lead,
    line: source.line,
    ...(notes.length ? { notes: notes.join('\n\n') } : {}),
    ...extras,
  };

  const columnBlocks = content.filter((b) => b.kind === 'columns');
  if (columnBlocks.length > 0) {
    // Several ::: columns blocks on one slide fill the same columns, one after the other.
    const columns: Block[][] = [];
    const widths: (number | undefined)[] = [];
    for (const block of columnBlocks) {
      block.columns.forEach((column, i) => {
        (columns[i] ??= []).push(...column);
        widths[i] ??= block.widths?.[i];
      });
    }
    const columnLayout = withColumnWidths(layout, widths);
    const placed = placeColumns(
      columns,
      content.filter((b) => b.kind !== 'columns'),
      columnLayout,
      template,
      ctx,
      source.line,
    );
    const moved = placed.leftOut.map(blockText);
    const elements = columnLayout === original ? placed.elements : inOwnBoxes(placed.elements);
    return [{ ...base, elements, ...(moved.length ? { notes: [...notes, ...moved].join('\n\n') } : {}) }];
  }
  const [regionName, fullRegion] = mainRegion(layout);
  const region = fullRegion && clearOfBands(fullRegion, layout, template.master);
  if (!region) {
    if (content.length === 0) return [{ ...base, elements: [] }];
    ctx.warn(
      'layout/no-body',
      `layout "${layoutName}" has no <body> area, so this slide's content is moved to its speaker notes`,
      source.line,
    );
    return [{ ...base, notes: [...notes, ...content.map(blockText)].join('\n\n'), elements: [] }];
  }
  const pieces = blocksToPieces(content, ctx);
  const sizes = template.theme.sizes;
  const measure = regionMeasure(region, template);
  const placed = placePieces(pieces, region, regionName, sizes, measure);
  const own = (elements: Element[]) => (layout === original ? elements : inOwnBoxes(elements));
  if (placed.fits) return [{ ...base, elements: own(placed.elements) }];
  return paginate(pieces, region, sizes, measure).map((page, i) => {
    const fitted = placePieces(page, region, regionName, sizes, measure);
    if (!fitted.fits) {
      throw fail(
        'layout/too-long',
        `slide "${slideTitle}" has a paragraph, list item or table row too long for one slide even at ${template.theme.sizes.minBody} pt; split it into shorter ones`,
        { file: ctx.file, line: source.line },
      );
    }
    return i === 0
      ? { ...base, elements: own(fitted.elements) }
      : {
          layout: layoutName,
          ...titled(continued(ownTitle), layout, template),
          line: source.line,
          elements: own(fitted.elements),
          ...extras,
        };
  });
}

/** The slide's own look (Marp's directives) and background pictures, on each of its slides. */
function slideExtras(look: SlideLook, backgrounds: Slide['backgrounds']): Partial<Slide> {
  return {
    ...(look.background ? { background: look.background } : {}),
    ...(look.color ? { textColor: look.color } : {}),
    ...(backgrounds?.length ? { backgrounds } : {}),
    ...(look.header ? { header: look.header } : {}),
    ...(look.footer !== undefined ? { footer: look.footer } : {}),
    ...(look.slideNumber !== undefined ? { slideNumber: look.slideNumber } : {}),
  };
}

/**
 * Marp's `lead` slide: with only a paragraph or two under its heading, a title
 * slide (the paragraphs its subtitle and byline); with nothing, a section slide;
 * otherwise its usual layout.
 */
function leadSlide(content: Block[], template: Template): { layout: string; lines: Pick<Slide, 'subtitle' | 'byline'> } | undefined {
  if (content.length === 0) return { layout: 'section', lines: {} };
  const text = content.every((b) => b.kind === 'paragraph') && content.length <= 2 && template.layouts.has('title');
  if (!text) return undefined;
  const [subtitle, byline] = content.map((b) => (b.kind === 'paragraph' ? runsText(b.runs) : ''));
  return { layout: 'title', lines: { subtitle, ...(byline ? { byline } : {}) } };
}

/** How much larger than the template's size text starts on a slide marked `.smaller` or `.r-fit-text` (it then shrinks to fit). */
const SIZE_SCALE = { smaller: 0.8, fit: 1.75 } as const;

/**
 * A layout with its content areas moved into the part a split background
 * leaves, and its text size changed by Quarto's `{.smaller}` / `{.r-fit-text}`.
 */
function restyled(
  layout: Layout,
  heading: HeadingBlock | undefined,
  content: Block[],
  area: { x: number; w: number },
  bodySize: number,
): Layout {
  const classes = heading?.classes ?? [];
  const sized = content.find((b) => b.kind === 'sized');
  const size = classes.includes('smaller')
    ? 'smaller'
    : classes.includes('r-fit-text')
      ? 'fit'
      : sized?.kind === 'sized'
        ? sized.size
        : undefined;
  if (!size && area.w === SLIDE.width) return layout;
  const regions = new Map(
    [...layout.regions].map(([name, region]) => {
      const squeezed = squeezeBox(region, area, SLIDE.width);
      return [name, size ? { ...squeezed, size: Math.round((region.size ?? bodySize) * SIZE_SCALE[size]) } : squeezed];
    }),
  );
  return { ...layout, regions, ...(layout.title ? { title: squeezeBox(layout.title, area, SLIDE.width) } : {}) };
}

/**
 * A layout whose content areas, side by side, take the fractions of their
 * combined width that `::: {.column width="40%"}` asks for (columns that name
 * none share what is left), keeping the gaps between them.
 */
function withColumnWidths(layout: Layout, widths: (number | undefined)[]): Layout {
  const regions = [...layout.regions];
  if (regions.length < 2 || !widths.some((w) => w !== undefined)) return layout;
  const total = regions.reduce((sum, [, r]) => sum + r.w, 0);
  const named = regions.reduce((sum, _, i) => sum + (widths[i] ?? 0), 0);
  const unnamed = regions.filter((_, i) => widths[i] === undefined).length;
  const fractions = regions.map((_, i) => widths[i] ?? Math.max(0, 1 - named) / unnamed);
  const sum = fractions.reduce((a, b) => a + b, 0);
  let x = regions[0][1].x;
  const resized = regions.map(([name, region], i): [string, Styled] => {
    const w = (total * fractions[i]) / (sum || 1);
    const placed = { ...region, x, w };
    const next = regions[i + 1]?.[1];
    x += w + (next ? next.x - (region.x + region.w) : 0);
    return [name, placed];
  });
  return { ...layout, regions: new Map(resized) };
}

function boxOf(b: Styled): { x: number; y: number; w: number; h: number } {
  return { x: b.x, y: b.y, w: b.w, h: b.h };
}

/** Text in boxes of its own where a slide's areas are not its layout's (a placeholder would stay where the layout puts it). */
function inOwnBoxes(elements: Element[]): Element[] {
  return elements.map((e) => (e.kind === 'text' && e.placeholder ? { ...e, placeholder: undefined } : e));
}

/** The measure of text in a content area: its own font, else the template's. */
function regionMeasure(region: Styled, template: Template): TextMeasure {
  let measure = measures.get(region);
  if (!measure) {
    const { fonts } = template.theme;
    measure = textMeasure({ body: region.font ?? fonts.body, heading: fonts.heading, code: fonts.code });
    measures.set(region, measure);
  }
  return measure;
}

const measures = new WeakMap<Styled, TextMeasure>();

/**
 * A content area less what the layout (or the master it shows) reserves across
 * it: body text, code and tables end above the footer and the slide number.
 */
function clearOfBands(region: Styled, layout: Layout, master: Layout | undefined): Styled {
  let clear = cleared.get(region);
  if (!clear) {
    clear = belowBands(region, layout, master);
    cleared.set(region, clear);
  }
  return clear;
}

/** Content areas clear of their layout's bands, worked out once per area. */
const cleared = new WeakMap<Styled, Styled>();

function belowBands(region: Styled, layout: Layout, master: Layout | undefined): Styled {
  const shown = layout.showMaster && master ? [master.footer, master.slideNumber] : [];
  let bottom = region.y + region.h;
  for (const band of [layout.footer, layout.slideNumber, ...shown]) {
    if (!band || band.x >= region.x + region.w || band.x + band.w <= region.x) continue;
    if (band.y > region.y && band.y < bottom) bottom = band.y;
  }
  return bottom === region.y + region.h ? region : { ...region, h: bottom - region.y };
}

/** One note per font of the template that lectern has no widths for, naming what it measures it as. */
function noteUnmeasuredFonts(template: Template, input: DeckInput): void {
  const regions = [...template.layouts.values()].flatMap((l) => [...l.regions.values()]);
  const fonts = new Set([...Object.values(template.theme.fonts), ...regions.flatMap((r) => (r.font ? [r.font] : []))]);
  for (const font of fonts) {
    const metrics = fontMetrics(font);
    if (metrics.known) continue;
    input.diagnostics.note(
      'font/no-metrics',
      `lectern has no character widths for the font "${font}" of template "${template.name}", so it measures text in it as ${metrics.table}, a font of its kind; text may fit a little differently in PowerPoint`,
      { file: input.file },
    );
  }
}

/** A layout name as a directive writes it, in quotes or not: `"Title Only"`, `'Title Only'`, `Title Only`. */
function unquoted(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value.trim());
  return quoted ? quoted[2] : value.trim();
}

/** The smallest size a title shrinks to before it may wrap past its box. */
const MIN_TITLE_SIZE = 24;

/** A title, with a smaller size when it does not fit its layout's title box at the template's size. */
function titled(title: string, layout: Layout, template: Template): { title: string; titleSize?: number } {
  const box = layout.title;
  if (!box) return { title };
  const measure = regionMeasure(box, template);
  const fits = (size: number) => measure.linesHeight(measure.lines(title, box.w - 2 * INSET.x, size, 'heading'), size, 'heading') <= box.h;
  const start = box.size ?? template.theme.sizes.title;
  for (let size = start; size >= MIN_TITLE_SIZE; size -= 2) if (fits(size)) return size === start ? { title } : { title, titleSize: size };
  return { title, titleSize: MIN_TITLE_SIZE };
}

function mainRegion(layout: Layout): [string, Layout['regions'] extends Map<string, infer R> ? R | undefined : never] {
  const entry = layout.regions.get('body') ? (['body', layout.regions.get('body')] as const) : [...layout.regions.entries()][0];
  return entry ? [entry[0], entry[1]] : ['body', undefined];
}

/**
 * Places each column in a content area of the layout, content outside the
 * columns in the first one (footnotes at the foot of the last). Columns beyond
 * the layout's areas are left out, to go in the speaker notes.
 */
function placeColumns(
  columns: Block[][],
  outside: Block[],
  layout: Layout,
  template: Template,
  ctx: PieceContext,
  line: number,
): { elements: Element[]; leftOut: Block[] } {
  const regions = [...layout.regions.entries()];
  if (columns.length > regions.length) {
    ctx.warn(
      'layout/columns',
      `the slide has ${englishCount(columns.length, 'column')} but layout "${layout.name}" has ${englishCount(regions.length, 'content area')}; the extra ${columns.length - regions.length === 1 ? 'column is' : 'columns are'} moved to the speaker notes`,
      line,
    );
  }
  const footnotes = outside.filter((b) => b.kind === 'footnote');
  const before = outside.filter((b) => b.kind !== 'footnote');
  if (before.length > 0) {
    ctx.warn('layout/columns', 'content outside ::: columns on a two-column slide is placed in the first column', line);
  }
  const elements = regions.flatMap(([name, region], i) => {
    const blocks = [...(i === 0 ? before : []), ...(columns[i] ?? []), ...(i === regions.length - 1 ? footnotes : [])];
    const area = clearOfBands(region, layout, template.master);
    const placed = placePieces(blocksToPieces(blocks, ctx), area, name, template.theme.sizes, regionMeasure(area, template));
    if (!placed.fits) ctx.warn('layout/overflow', `column ${i + 1} is too long for the slide; shorten it`, line);
    return placed.elements;
  });
  // A layout without content areas leaves out everything, not only the extra columns.
  const unplaced = regions.length === 0 ? [...before, ...footnotes] : [];
  return { elements, leftOut: [...unplaced, ...columns.slice(regions.length).flat()] };
}
