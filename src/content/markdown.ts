import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Token } from 'markdown-it';
import container from 'markdown-it-container';
import {
  runsText,
  type Align,
  type Block,
  type ImageBlock,
  type ListBlock,
  type ListItem,
  type MathSource,
  type Run,
  type TypesetDisplayMath,
} from './blocks.js';
import { parseCodeInfo } from './codeInfo.js';
import type { Footnotes } from './footnotes.js';
import { inlineHtml, type HtmlTag } from './inlineHtml.js';
import { parseAttributes } from './dialects/attributes.js';
import { normalizeFencedDivs } from './dialects/fencedDivs.js';
import { readImage } from './dialects/imageOptions.js';
import { attributeLists, pandocPauses, unusedHeadingAttributes, type AttributeMeta } from './dialects/markdownPlugins.js';
import { commentDirectives } from './dialects/commentDirectives.js';
import type { Dialect } from './dialects/dialect.js';
import { mathSyntax } from './mathSyntax.js';
import { spacedPictureNames } from './spacedPictureNames.js';

/** The `:::` containers lectern knows; any other name is reported, and its content kept. */
const CONTAINERS = ['notes', 'columns', 'column', 'incremental', 'nonincremental', 'smaller', 'r-fit-text'] as const;
const containerName = (params: string) => params.trim().split(/\s+/, 1)[0];

/** CommonMark with the GFM table, strikethrough and autolink extensions, and `:::` containers. */
const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
  .use(container, 'notes')
  .use(container, 'columns')
  .use(container, 'column')
  .use(container, 'incremental')
  .use(container, 'nonincremental')
  .use(container, 'smaller')
  .use(container, 'r-fit-text')
  .use(pandocPauses)
  .use(attributeLists)
  .use(container, 'unknown', { validate: (params: string) => containerName(params) !== '' })
  .use(mathSyntax)
  .use(spacedPictureNames)
  .use(linkifyOnlyWhereText);

/**
 * markdown-it's linkify rule first asks linkify-it about each paragraph's whole
 * source, the addresses of `[text](url)` links included, and the first address
 * linkify-it looks at costs it some 7 ms to compile its patterns. Only text
 * outside a link's address can become a link, so the rule runs only when
 * linkify-it finds something in the text of a paragraph: the same links, and a
 * deck whose every address is written as a link never pays for the patterns.
 */
function linkifyOnlyWhereText(parser: Parser): void {
  // markdown-it's own list of rules; should a version not have this one, it is left as it is.
  const linkify = parser.core.ruler.__rules__.find((rule) => rule.name === 'linkify')?.fn;
  if (!linkify) return;
  parser.core.ruler.at('linkify', (state) => {
    const text = (token: Token) => token.type === 'text' && parser.linkify.test(token.content);
    return state.tokens.some((token) => token.type === 'inline' && token.children!.some(text)) ? linkify(state) : false;
  });
}

/** Directive names recognised in `<!-- name: value -->` comments. */
export const DIRECTIVES = ['layout'] as const;

/** Where a warning about the Markdown points: the deck file's 1-based line and column. */
export interface MarkdownPosition {
  line: number;
  column?: number;
}

/** What parsing a slide needs besides its Markdown. */
export interface SlideParseOptions {
  /** Reports Markdown that lectern cannot render as written (its text is kept). */
  warn?: (rule: string, message: string, at: MarkdownPosition) => void;
  /** The deck's footnote definitions, which `[^label]` refers to. */
  footnotes?: Footnotes;
  /** The tool the deck was written for: Marp's `*` lists appear an item a click. */
  dialect?: Dialect;
}

/**
 * Parses one slide's Markdown into blocks. `lineOf(i)` turns a 0-based line of
 * `markdown` into the 1-based line of the deck file. The footnotes the slide
 * refers to follow its other blocks.
 */
export function parseSlideMarkdown(markdown: string, lineOf: (index: number) => number, options: SlideParseOptions = {}): Block[] {
  const source = nestContainers(normalizeFencedDivs(markdown));
  const tokens = md.parse(source, {});
  const reader = new BlockReader(tokens, source.split('\n'), lineOf, options);
  const blocks = reader.blocks(tokens.length);
  return [...blocks, ...reader.footnoteBlocks()];
}

/** The inline Markdown of a footnote's definition as runs (its own footnote references are left as written). */
export function inlineMarkdownRuns(markdown: string): Run[] {
  return inlineRuns(md.parseInline(markdown, {})[0]);
}

const CONTAINER = /^(\s*):{3,}(\s*)(\S*)(.*)$/;
const CODE_FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Lets `:::` containers nest with markers of the same length (`::: columns`
 * holding `::: column` blocks) by lengthening each marker by the depth of the
 * containers inside it, as markdown-it-container expects. Lines keep their places.
 */
export function nestContainers(markdown: string): string {
  const lines = markdown.split('\n');
  const stack: { line: number; height: number }[] = [];
  const pairs: { open: number; close: number; height: number }[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = CODE_FENCE.exec(line)?.[1];
    if (f && (fence === undefined || (f[0] === fence[0] && f.length >= fence.length))) {
      fence = fence === undefined ? f : undefined;
      return;
    }
    if (fence !== undefined) return;
    const m = CONTAINER.exec(line);
    if (!m) return;
    if (m[3] !== '') stack.push({ line: i, height: 0 });
    else if (stack.length > 0) {
      const open = stack.pop()!;
      pairs.push({ open: open.line, close: i, height: open.height });
      if (stack.length) stack[stack.length - 1].height = Math.max(stack[stack.length - 1].height, open.height + 1);
    }
  });
  if (pairs.every((p) => p.height === 0)) return markdown;
  for (const { open, close, height } of pairs) {
    for (const i of [open, close]) lines[i] = lines[i].replace(/:{3,}/, ':'.repeat(3 + height));
  }
  return lines.join('\n');
}

class BlockReader {
  private i = 0;
  /** Labels of the footnotes this slide refers to, in order. */
  private readonly referred = new Set<string>();

  constructor(
    private readonly tokens: Token[],
    private readonly lines: string[],
    private readonly lineOf: (index: number) => number,
    private readonly options: SlideParseOptions,
  ) {}

  /** Reads blocks until the token index `end` or an unmatched closing token. */
  blocks(end: number, closer?: string): Block[] {
    const out: Block[] = [];
    while (this.i < end) {
      const t = this.tokens[this.i];
      if (closer && t.type === closer) {
        this.i++;
        break;
      }
      const block = this.block(t);
      if (Array.isArray(block)) out.push(...block);
      else if (block) out.push(block);
    }
    return out;
  }

  /** A footnote block for each footnote the slide referred to. */
  footnoteBlocks(): Block[] {
    const footnotes = this.options.footnotes;
    if (!footnotes) return [];
    return [...this.referred].map((label) => {
      const note = footnotes.get(label)!;
      return { kind: 'footnote', number: note.number!, runs: inlineMarkdownRuns(note.markdown), line: note.line };
    });
  }

  private line(t: Token): number {
    return this.lineOf(t.map?.[0] ?? 0);
  }

  /** The runs of an inline token, with its HTML tags and footnote references resolved and reported. */
  private runs(inline: Token | undefined, block: Token, skipImages = false): Run[] {
    const from = block.map?.[0] ?? 0;
    let cursor = { line: from, column: 0 };
    let mathCursor = { line: from, column: 0 };
    return inlineRuns(inline, {
      skipImages,
      footnotes: this.options.footnotes,
      referred: this.referred,
      mathAt: (tex) => {
        // The equation's place: its first line searched for from the last one found, within the block's lines.
        const first = tex.split('\n')[0];
        for (let l = mathCursor.line; l < Math.max(block.map?.[1] ?? from + 1, from + 1) && l < this.lines.length; l++) {
          const at = this.lines[l].indexOf(first, l === mathCursor.line ? mathCursor.column : 0);
          if (at >= 0) {
            mathCursor = { line: l, column: at + first.length };
            return { line: this.lineOf(l), column: at + 1 };
          }
        }
        return { line: this.lineOf(from), column: 1 };
      },
      unknownHtml: (tag) => {
        // The tag's place: searched for from the last one found, within the block's lines.
        for (let l = cursor.line; l < Math.max(block.map?.[1] ?? from + 1, from + 1) && l < this.lines.length; l++) {
          const at = this.lines[l].indexOf(tag.source, l === cursor.line ? cursor.column : 0);
          if (at >= 0) {
            cursor = { line: l, column: at + tag.source.length };
            return this.warnHtml(tag, { line: this.lineOf(l), column: at + 1 });
          }
        }
        this.warnHtml(tag, { line: this.lineOf(from) });
      },
    });
  }

  /** Where display TeX inside a paragraph is: searched for in the paragraph's lines. */
  private mathPlace(tex: string, block: Token): { line: number; column: number } {
    const first = tex.split('\n')[0];
    for (let l = block.map?.[0] ?? 0; l < (block.map?.[1] ?? 0) && l < this.lines.length; l++) {
      const at = this.lines[l].indexOf(first);
      if (at >= 0) return { line: this.lineOf(l), column: at + 1 };
    }
    return { line: this.line(block), column: 1 };
  }

  /** A code block: its language, line numbers and highlighted lines from the fence's info string. */
  private code(t: Token, text: string, line: number): Block {
    const info = parseCodeInfo(t.info);
    if (info.unknown.length > 0) {
      this.options.warn?.(
        'code/unknown-option',
        `lectern does not know the code block option ${info.unknown.map((u) => `"${u}"`).join(', ')}; it knows a language, {numbers}, line ranges such as {3-5}, and pandoc's {.numberLines startFrom="5"}`,
        { line, column: indentOf(this.lines[t.map?.[0] ?? 0]) + 1 },
      );
    }
    return {
      kind: 'code',
      lang: info.lang,
      text,
      line,
      ...(info.numbers ? { numbers: true } : {}),
      ...(info.startFrom !== undefined ? { startFrom: info.startFrom } : {}),
      ...(info.highlight.length ? { highlight: info.highlight } : {}),
    };
  }

  private warnHtml(tag: HtmlTag, at: MarkdownPosition): void {
    if (tag.closing) return;
    this.options.warn?.(
      'markdown/html',
      `the HTML ${tag.source} is not something lectern can draw on a slide; its text is kept without it (use Markdown, or <sub>, <sup>, <u>, <mark>, <kbd>, <br>)`,
      at,
    );
  }

  private block(t: Token): Block | Block[] | undefined {
    const line = this.line(t);
    switch (t.type) {
      case 'heading_open': {
        const runs = this.runs(this.tokens[this.i + 1], t);
        this.i += 3;
        const list = (t.meta as AttributeMeta | null)?.attributes;
        const attributes = list && { classes: list.classes, attributes: list.attributes };
        for (const unused of unusedHeadingAttributes(list)) {
          this.options.warn?.('markdown/attributes', `lectern does not use ${unused} on a heading; the heading is shown without it`, {
            line,
          });
        }
        return { kind: 'heading', depth: Number(t.tag.slice(1)), runs, line, ...attributes };
      }
      case 'paragraph_open': {
        const inline = this.tokens[this.i + 1];
        this.i += 3;
        if (/^:{3,}$/.test(inline.content.trim())) {
          this.options.warn?.('markdown/unknown-container', 'this ::: line closes no ::: block, so it is left out', {
            line,
            column: indentOf(this.lines[t.map?.[0] ?? 0]) + 1,
          });
          return undefined;
        }
        return this.paragraph(inline, t, line);
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(t);
      case 'fence':
      case 'code_block': {
        this.i++;
        const info = t.info.trim().split(/\s+/)[0] ?? '';
        const text = t.content.replace(/\n$/, '');
        if (info === 'chart') return { kind: 'chart', yaml: text, line };
        if (info === 'table') return { kind: 'datatable', yaml: text, line };
        if (info === 'math')
          return { kind: 'math', math: { tex: text, line: line + 1, column: indentOf(this.lines[(t.map?.[0] ?? 0) + 1]) + 1 }, line };
        return this.code(t, text, line);
      }
      case 'math_block': {
        this.i++;
        const first = this.lines[t.map?.[0] ?? 0] ?? '';
        const math: MathSource<TypesetDisplayMath> = { tex: t.content, line, column: indentOf(first) + 3 };
        // The TeX's first line, where it starts after the `$$` or on the next line.
        if (!first.slice(indentOf(first) + 2).trim())
          Object.assign(math, { line: line + 1, column: indentOf(this.lines[(t.map?.[0] ?? 0) + 1]) + 1 });
        return { kind: 'math', math, line };
      }
      case 'table_open':
        return this.table(line);
      case 'blockquote_open': {
        this.i++;
        const blocks = this.blocks(this.tokens.length, 'blockquote_close');
        // pandoc's older way to flip a list's incremental default: the list alone in a block quote.
        if (this.options.dialect === 'pandoc' && blocks.length === 1 && blocks[0].kind === 'list')
          return { ...blocks[0], againstDefault: true };
        return { kind: 'quote', blocks, line };
      }
      case 'container_notes_open': {
        this.i++;
        const inner = this.blocks(this.tokens.length, 'container_notes_close');
        return { kind: 'notes', text: notesText(inner), line };
      }
      case 'container_columns_open': {
        this.i++;
        const inner = this.blocks(this.tokens.length, 'container_columns_close');
        const parts = inner.flatMap((b) => (b.kind === 'columns' ? [b] : []));
        const widths = parts.flatMap((b) => b.columns.map((_, i) => b.widths?.[i]));
        return { kind: 'columns', columns: parts.flatMap((b) => b.columns), line, ...(widths.some(Boolean) ? { widths } : {}) };
      }
      case 'container_column_open': {
        this.i++;
        const width = columnWidth(t.info);
        const column = this.blocks(this.tokens.length, 'container_column_close');
        return { kind: 'columns', columns: [column], line, ...(width ? { widths: [width] } : {}) };
      }
      case 'container_incremental_open':
      case 'container_nonincremental_open': {
        this.i++;
        const incremental = t.type === 'container_incremental_open';
        const inner = this.blocks(this.tokens.length, t.type.replace('_open', '_close'));
        return inner.map((b) => (b.kind === 'list' ? { ...b, incremental } : b));
      }
      case 'container_smaller_open':
      case 'container_r-fit-text_open': {
        this.i++;
        const blocks = this.blocks(this.tokens.length, t.type.replace('_open', '_close'));
        return { kind: 'sized', size: t.type === 'container_smaller_open' ? 'smaller' : 'fit', blocks, line };
      }
      case 'pause':
        this.i++;
        return { kind: 'pause', line };
      case 'container_unknown_open': {
        this.i++;
        const name = containerName(t.info);
        this.options.warn?.(
          'markdown/unknown-container',
          `lectern does not know the block "::: ${name}" (it knows ::: ${CONTAINERS.join(', ::: ')}), so its content is shown as ordinary text`,
          { line, column: indentOf(this.lines[t.map?.[0] ?? 0]) + 1 },
        );
        return this.blocks(this.tokens.length, 'container_unknown_close');
      }
      case 'html_block': {
        this.i++;
        return this.htmlBlock(t, line);
      }
      default:
        this.i++;
        return undefined;
    }
  }

  /**
   * A paragraph: its text, then its pictures. One picture alone is an image block,
   * several side by side an image row; text around pictures stays a paragraph.
   */
  private paragraph(inline: Token, t: Token, line: number): Block[] {
    const children = inline.children ?? [];
    const display = children.findIndex((c) => c.type === 'math_display');
    if (display >= 0) {
      // `$$...$$` inside a paragraph: the text before it, the equation on its own, then the rest.
      const part = (from: number, to: number): Token =>
        Object.assign(Object.create(Object.getPrototypeOf(inline) as object) as Token, inline, { children: children.slice(from, to) });
      const before = display > 0 ? this.paragraph(part(0, display), t, line) : [];
      const runs = inlineRuns(part(display, display + 1), { mathAt: () => this.mathPlace(children[display].content, t) });
      const after = display + 1 < children.length ? this.paragraph(part(display + 1, children.length), t, line) : [];
      const { tex, line: at, column } = runs[0].math!;
      return [...before, { kind: 'math', math: { tex, line: at, column }, line: at, inParagraph: true }, ...after];
    }
    const images: ImageBlock[] = children.filter((c) => c.type === 'image').map((c) => this.image(c, line));
    const runs = this.runs(inline, t, images.length > 0);
    const blocks: Block[] = runsText(runs).trim() ? [{ kind: 'paragraph', runs, line }] : [];
    if (images.length === 1) blocks.push(images[0]);
    else if (images.length > 1) blocks.push({ kind: 'images', images, line });
    return blocks;
  }

  /** A picture, with the size and placement its attributes or Marp's keywords ask for. */
  private image(c: Token, line: number): ImageBlock {
    const src = String(c.attrGet('src') ?? '');
    const read = readImage(plainText(c.children ?? []), (c.meta as AttributeMeta | null)?.attributes);
    if (read.ignored.length > 0) {
      this.options.warn?.(
        'image/options',
        `lectern does not draw the picture options ${read.ignored.join(', ')} of "${src}"; the picture is shown without them`,
        { line },
      );
    }
    return { kind: 'image', src, alt: read.alt, line, ...(read.options ? { options: read.options } : {}) };
  }

  /**
   * Raw HTML: a comment is speaker notes or a directive; anything else is read
   * as inline Markdown, so that known tags are rendered, entities decoded and
   * unknown tags reported and dropped, keeping their text.
   */
  private htmlBlock(t: Token, line: number): Block | Block[] | undefined {
    const comment = /^\s*<!--([\s\S]*?)-->\s*$/.exec(t.content);
    if (!comment) {
      const runs = this.runs(md.parseInline(t.content.trim(), {})[0], t);
      return runsText(runs).trim() ? { kind: 'paragraph', runs, line } : undefined;
    }
    const inner = comment[1].trim();
    const directive = /^([a-zA-Z][\w-]*)\s*:\s*(\S.*)$/.exec(inner);
    if (directive && (DIRECTIVES as readonly string[]).includes(directive[1])) {
      return { kind: 'directive', name: directive[1], value: directive[2].trim(), line };
    }
    // Marp's directives (`_class: lead`, `paginate: true`), lectern's `<!-- incremental -->` and `<!-- pause -->`.
    const directives = commentDirectives(inner, line);
    if (directives) return directives;
    return inner ? { kind: 'notes', text: inner, line } : undefined;
  }

  private list(open: Token): ListBlock {
    const line = this.line(open);
    const closeType = open.type.replace('_open', '_close');
    const items: ListItem[] = [];
    this.i++;
    while (this.i < this.tokens.length && this.tokens[this.i].type !== closeType) {
      // list_item_open
      this.i++;
      const inner = this.blocks(this.tokens.length, 'list_item_close');
      const runs: Run[] = [];
      const children: ListBlock[] = [];
      for (const b of inner) {
        if (b.kind === 'list') children.push(b);
        // A display equation in a list item is an equation in the item's text.
        else if (b.kind === 'math') runs.push(...withBreak([{ text: b.math.tex, math: b.math }], runs.length > 0));
        else runs.push(...withBreak('runs' in b ? b.runs : [{ text: blockText(b) }], runs.length > 0));
      }
      items.push({ runs: withTaskBox(runs), children });
    }
    this.i++;
    const start = Number(open.attrGet('start') ?? 1);
    // Marp's fragmented lists: `*` bullets and `1)` numbers appear an item a click.
    const fragmented = this.options.dialect === 'marp' && (open.markup === '*' || open.markup === ')');
    return { kind: 'list', ordered: open.type === 'ordered_list_open', start, items, line, ...(fragmented ? { incremental: true } : {}) };
  }

  private table(line: number): Block {
    const align: (Align | undefined)[] = [];
    const header: Run[][] = [];
    const rows: Run[][][] = [];
    let row: Run[][] | undefined;
    for (this.i++; this.i < this.tokens.length; this.i++) {
      const t = this.tokens[this.i];
      if (t.type === 'table_close') break;
      if (t.type === 'tr_open') row = [];
      else if (t.type === 'th_open') align.push(/text-align:(\w+)/.exec(String(t.attrGet('style') ?? ''))?.[1] as Align | undefined);
      else if (t.type === 'inline' && row) row.push(this.runs(t, t));
      else if (t.type === 'tr_close' && row) {
        if (header.length === 0) header.push(...row);
        else rows.push(row);
        row = undefined;
      }
    }
    this.i++;
    return { kind: 'table', align, header, rows, line };
  }
}

/** What reading inline Markdown may resolve or report. */
interface InlineContext {
  /** Leave pictures out (they become blocks of their own), rather than writing their descriptions. */
  skipImages?: boolean;
  footnotes?: Footnotes;
  /** Collects the labels of the footnotes referred to. */
  referred?: Set<string>;
  /** Called for each HTML tag lectern does not render; the tag is dropped, the text around it kept. */
  unknownHtml?: (tag: HtmlTag) => void;
  /** Where an equation's TeX is in the deck file. */
  mathAt?: (tex: string) => { line: number; column: number };
}

/** A style opened by Markdown (`**`) or an HTML tag (`<sub>`), closed by its closing token or tag. */
interface OpenStyle {
  key: string;
  style: Partial<Run>;
}

const MARKDOWN_STYLES: Record<string, Partial<Run>> = {
  strong: { bold: true },
  em: { italic: true },
  s: { strike: true },
};
/** The opening and closing tokens of those marks (`strong_open`, `strong_close`, …), by token type. */
const MARK_TOKENS = new Map(
  Object.entries(MARKDOWN_STYLES).flatMap(([key, style]) => [
    [`${key}_open`, { key, style, opens: true }],
    [`${key}_close`, { key, style, opens: false }],
  ]),
);

/** Properties of a run that make it look different from its neighbours. */
const STYLE_KEYS = ['bold', 'italic', 'strike', 'code', 'link', 'underline', 'highlight', 'baseline', 'math', 'color'] as const;

/** A footnote reference, `[^label]`, in text. */
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;

/** The formatted runs of an inline token. */
export function inlineRuns(inline: Token | undefined, ctx: InlineContext = {}): Run[] {
  const runs: Run[] = [];
  const open: OpenStyle[] = [];
  const links: string[] = [];
  let pendingBreak = false;
  // Where a picture was left out, the spaces on either side of it make one.
  let afterPicture = false;
  const push = (text: string, extra: Partial<Run> = {}) => {
    if (afterPicture && /\s$/.test(runs[runs.length - 1]?.text ?? '')) text = text.replace(/^\s+/, '');
    afterPicture = false;
    if (!text) return;
    const run: Run = { text };
    for (const { style } of open) Object.assign(run, style);
    if (links.length) run.link = links[links.length - 1];
    if (pendingBreak) run.break = true;
    pendingBreak = false;
    Object.assign(run, extra);
    const last = runs[runs.length - 1];
    if (last && !run.break && sameStyle(last, run)) last.text += run.text;
    else runs.push(run);
  };
  const close = (key: string) => {
    const at = open.map((o) => o.key).lastIndexOf(key);
    if (at >= 0) open.splice(at, 1);
  };
  const text = (content: string) => {
    if (!ctx.footnotes || !content.includes('[^')) return content && push(content);
    let from = 0;
    for (const m of content.matchAll(FOOTNOTE_REF)) {
      const number = ctx.footnotes.refer(m[1]);
      if (number === undefined) continue;
      ctx.referred?.add(m[1]);
      if (m.index > from) push(content.slice(from, m.index));
      push(String(number), { baseline: 'sup' });
      from = m.index + m[0].length;
    }
    if (from < content.length) push(content.slice(from));
  };
  for (const c of inline?.children ?? []) {
    const mark = MARK_TOKENS.get(c.type);
    if (mark?.opens) open.push({ key: mark.key, style: mark.style });
    else if (mark) close(mark.key);
    switch (c.type) {
      case 'text':
        text(c.content); // markdown-it leaves empty text around emphasis
        break;
      case 'code_inline':
        push(c.content, { code: true });
        break;
      case 'math_inline':
      case 'math_display':
        // The TeX stands as the run's text until typesetting gives its linear form.
        push(c.content, { math: { tex: c.content, ...(ctx.mathAt?.(c.content) ?? { line: 0, column: 0 }) } });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        pendingBreak = true;
        break;
      case 'link_open':
        links.push(String(c.attrGet('href') ?? ''));
        break;
      case 'link_close':
        links.pop();
        break;
      case 'image':
        if (ctx.skipImages) afterPicture = true;
        else push(plainText(c.children ?? []));
        break;
      case 'html_inline': {
        const html = inlineHtml(c.content);
        if (html.kind === 'break') pendingBreak = true;
        else if (html.kind === 'text') push(html.text);
        else if (html.kind === 'style' && html.tag.closing) close(`<${html.tag.name}`);
        else if (html.kind === 'style') open.push({ key: `<${html.tag.name}`, style: html.style });
        else if (html.kind === 'unknown') ctx.unknownHtml?.(html.tag);
        break;
      }
    }
  }
  return runs;
}

function sameStyle(a: Run, b: Run): boolean {
  return STYLE_KEYS.every((key) => a[key] === b[key]);
}

/** GFM task list items: `[ ]` and `[x]` at the start of an item become ☐ and ☑. */
function withTaskBox(runs: Run[]): Run[] {
  const box = runs[0] && !runs[0].code ? /^\[([ xX])\](?=\s|$)/.exec(runs[0].text) : null;
  if (!box) return runs;
  return [{ ...runs[0], text: (box[1] === ' ' ? '☐' : '☑') + runs[0].text.slice(3) }, ...runs.slice(1)];
}

/** A `::: column width="40%"` column's width as a fraction, if it names one in percent. */
function columnWidth(info: string): number | undefined {
  const width = parseAttributes(info.trim().replace(/^column\b/, ''))?.attributes.width;
  const m = width ? /^(\d+(?:\.\d+)?)%$/.exec(width) : null;
  return m && Number(m[1]) > 0 && Number(m[1]) <= 100 ? Number(m[1]) / 100 : undefined;
}

function indentOf(line: string | undefined): number {
  return /^\s*/.exec(line ?? '')![0].length;
}

function withBreak(runs: Run[], needed: boolean): Run[] {
  if (!needed || runs.length === 0) return runs;
  return [{ ...runs[0], break: true }, ...runs.slice(1)];
}

function plainText(children: Token[]): string {
  return children.map((c) => (c.type === 'softbreak' ? ' ' : c.content)).join('');
}

/** Blocks as speaker notes, a line each; an equation written inside a paragraph stays on the paragraph's line. */
function notesText(blocks: Block[]): string {
  const inParagraph = (b: Block | undefined) => b?.kind === 'math' && b.inParagraph === true;
  return blocks.map((b, i) => (i === 0 ? '' : inParagraph(b) || inParagraph(blocks[i - 1]) ? '' : '\n') + blockText(b)).join('');
}

/** A block as plain text, for speaker notes. */
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'list':
      return b.items
        .map(
          (item, n) =>
            `${b.ordered ? `${b.start + n}.` : '•'} ${runsText(item.runs)}${item.children.map((c) => `\n${indent(blockText(c))}`).join('')}`,
        )
        .join('\n');
    case 'code':
    case 'chart':
    case 'datatable':
      return 'text' in b ? b.text : b.yaml;
    case 'notes':
      return b.text;
    case 'math':
      return `$$${b.math.tex}$$`;
    case 'table':
      return [b.header, ...b.rows].map((r) => r.map(runsText).join(' | ')).join('\n');
    case 'image':
      return b.alt;
    case 'images':
      return b.images.map((image) => image.alt).join('\n');
    case 'quote':
      return b.blocks.map(blockText).join('\n');
    case 'footnote':
      return `${b.number} ${runsText(b.runs)}`;
    case 'columns':
      return b.columns.map((col) => col.map(blockText).join('\n')).join('\n');
    case 'directive':
    case 'pause':
      return '';
    case 'sized':
      return b.blocks.map(blockText).join('\n');
    default:
      return runsText(b.runs);
  }
}

function indent(s: string): string {
  return s.replace(/^/gm, '  ');
}
