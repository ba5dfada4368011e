import type { Block, SlideSource } from '../content/blocks.js';
import { runsText } from '../content/blocks.js';
import { blockText } from '../content/markdown.js';
import type { FrontMatter } from '../content/source.js';
import { fail, type Diagnostics } from '../diagnostics.js';
import type { Layout, Template } from '../templates/types.js';
import { chooseLayout } from './chooseLayout.js';
import { blocksToPieces, type PieceContext } from './pieces.js';
import { INSET, LINE_HEIGHT, wrappedLines } from './measure.js';
import { paginate, placePieces } from './place.js';
import type { Deck, DeckMeta, Element, Slide } from './types.js';

/** Everything the model stage needs for one deck. */
export interface DeckInput extends Omit<PieceContext, 'palette' | 'warn'> {
  frontMatter: FrontMatter;
  slides: SlideSource[];
  template: Template;
  /** The front matter's `footer`, already rendered. */
  footer?: string;
  diagnostics: Diagnostics;
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
  };
  const ctx: SlideContext = {
    ...input,
    noted: new Set(),
    palette: template.theme.colors.chart,
    warn: (rule, message, line) => input.diagnostics.warn(rule, message, { file: input.file, line }),
  };
  const slides: Slide[] = [titleSlide(meta, template, ctx)];
  let previousTitle = meta.title;
  for (const source of input.slides) {
    const built = buildSlides(source, previousTitle, template, ctx);
    for (const slide of built) slides.push(slide);
    previousTitle = built[0]?.title ?? previousTitle;
  }
  return {
    file: input.file,
    meta,
    template: template.name,
    footer: input.footer,
    slideNumbers: fm.slideNumbers ?? true,
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
function buildSlides(source: SlideSource, previousTitle: string, template: Template, ctx: SlideContext): Slide[] {
  let title: { text: string; depth: number } | undefined;
  let requested: { name: string; line: number } | undefined;
  const notes: string[] = [];
  const content: Block[] = [];
  for (const block of source.blocks) {
    if (block.kind === 'heading' && !title) title = { text: runsText(block.runs), depth: block.depth };
    else if (block.kind === 'directive') requested = { name: unquoted(block.value), line: block.line };
    else if (block.kind === 'notes') notes.push(block.text);
    else content.push(block);
  }
  const layoutName = chooseLayout(
    { file: ctx.file, line: source.line, requested, titleDepth: title?.depth, content },
    new Set(template.layouts.keys()),
  );
  const layout = template.layouts.get(layoutName)!;
  const nearest = layout.fileLayout?.nearest;
  if (nearest && !ctx.noted.has(nearest)) {
    ctx.noted.add(nearest);
    ctx.warn('layout/nearest', nearest, source.line);
  }
  const slideTitle = title?.text ?? `${previousTitle} (continued)`;
  const base = {
    layout: layoutName,
    ...titled(slideTitle, layout, template),
    line: source.line,
    ...(notes.length ? { notes: notes.join('\n\n') } : {}),
  };

  const columnBlocks = content.filter((b) => b.kind === 'columns');
  if (columnBlocks.length > 0) {
    // Several ::: columns blocks on one slide fill the same columns, one after the other.
    const columns: Block[][] = [];
    for (const block of columnBlocks) block.columns.forEach((column, i) => (columns[i] ??= []).push(...column));
    const placed = placeColumns(
      columns,
      content.filter((b) => b.kind !== 'columns'),
      layout,
      template,
      ctx,
      source.line,
    );
    const moved = placed.leftOut.map(blockText);
    return [{ ...base, elements: placed.elements, ...(moved.length ? { notes: [...notes, ...moved].join('\n\n') } : {}) }];
  }
  const [regionName, region] = mainRegion(layout);
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
  const placed = placePieces(pieces, region, regionName, sizes);
  if (placed.fits) return [{ ...base, elements: placed.elements }];
  return paginate(pieces, region, sizes).map((page, i) => {
    const fitted = placePieces(page, region, regionName, sizes);
    if (!fitted.fits) {
      throw fail(
        'layout/too-long',
        `slide "${slideTitle}" has a paragraph, list item or table row too long for one slide even at ${template.theme.sizes.minBody} pt; split it into shorter ones`,
        { file: ctx.file, line: source.line },
      );
    }
    return i === 0
      ? { ...base, elements: fitted.elements }
      : { layout: layoutName, ...titled(`${slideTitle} (continued)`, layout, template), line: source.line, elements: fitted.elements };
  });
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
  const fits = (size: number) => (wrappedLines(title, box.w - 2 * INSET.x, size) * size * LINE_HEIGHT) / 72 <= box.h;
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
      `the slide has ${columns.length} columns but layout "${layout.name}" has ${regions.length} content areas; the extra columns are moved to the speaker notes`,
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
    const placed = placePieces(blocksToPieces(blocks, ctx), region, name, template.theme.sizes);
    if (!placed.fits) ctx.warn('layout/overflow', `column ${i + 1} is too long for the slide; shorten it`, line);
    return placed.elements;
  });
  // A layout without content areas leaves out everything, not only the extra columns.
  const unplaced = regions.length === 0 ? [...before, ...footnotes] : [];
  return { elements, leftOut: [...unplaced, ...columns.slice(regions.length).flat()] };
}
