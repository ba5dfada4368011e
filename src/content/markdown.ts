import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { runsText, type Align, type Block, type ListBlock, type ListItem, type Run } from './blocks.js';

/** CommonMark with the GFM table, strikethrough and autolink extensions, and `:::` containers. */
const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
  .use(container, 'notes')
  .use(container, 'columns')
  .use(container, 'column')
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

/**
 * Parses one slide's Markdown into blocks. `lineOf(i)` turns a 0-based line of
 * `markdown` into the 1-based line of the deck file.
 */
export function parseSlideMarkdown(markdown: string, lineOf: (index: number) => number): Block[] {
  const tokens = md.parse(nestContainers(markdown), {});
  return new BlockReader(tokens, lineOf).blocks(tokens.length);
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

  constructor(
    private readonly tokens: Token[],
    private readonly lineOf: (index: number) => number,
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
      if (block) out.push(block);
    }
    return out;
  }

  private line(t: Token): number {
    return this.lineOf(t.map?.[0] ?? 0);
  }

  private block(t: Token): Block | undefined {
    const line = this.line(t);
    switch (t.type) {
      case 'heading_open': {
        const runs = inlineRuns(this.tokens[this.i + 1]);
        this.i += 3;
        return { kind: 'heading', depth: Number(t.tag.slice(1)), runs, line };
      }
      case 'paragraph_open': {
        const inline = this.tokens[this.i + 1];
        this.i += 3;
        const only = inline.children?.filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
        if (only?.length === 1 && only[0].type === 'image') {
          return { kind: 'image', src: String(only[0].attrGet('src') ?? ''), alt: plainText(only[0].children ?? []), line };
        }
        return { kind: 'paragraph', runs: inlineRuns(inline), line };
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
        return { kind: 'code', lang: info, text, line };
      }
      case 'table_open':
        return this.table(line);
      case 'blockquote_open': {
        this.i++;
        const inner = this.blocks(this.tokens.length, 'blockquote_close');
        const runs = inner.flatMap((b, n) => withBreak('runs' in b ? b.runs : [], n > 0));
        return { kind: 'quote', runs, line };
      }
      case 'container_notes_open': {
        this.i++;
        const inner = this.blocks(this.tokens.length, 'container_notes_close');
        return { kind: 'notes', text: inner.map(blockText).join('\n'), line };
      }
      case 'container_columns_open': {
        this.i++;
        const inner = this.blocks(this.tokens.length, 'container_columns_close');
        const columns = inner.filter((b) => b.kind === 'columns').flatMap((b) => (b.kind === 'columns' ? b.columns : []));
        return { kind: 'columns', columns, line };
      }
      case 'container_column_open': {
        this.i++;
        return { kind: 'columns', columns: [this.blocks(this.tokens.length, 'container_column_close')], line };
      }
      case 'html_block': {
        this.i++;
        return htmlBlock(t.content, line);
      }
      default:
        this.i++;
        return undefined;
    }
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
        else runs.push(...withBreak('runs' in b ? b.runs : [{ text: blockText(b) }], runs.length > 0));
      }
      items.push({ runs, children });
    }
    this.i++;
    const start = Number(open.attrGet('start') ?? 1);
    return { kind: 'list', ordered: open.type === 'ordered_list_open', start, items, line };
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
      else if (t.type === 'inline' && row) row.push(inlineRuns(t));
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

function htmlBlock(content: string, line: number): Block | undefined {
  const comment = /^\s*<!--([\s\S]*?)-->\s*$/.exec(content);
  if (!comment) return { kind: 'paragraph', runs: [{ text: content.trim() }], line };
  const inner = comment[1].trim();
  const directive = /^([a-zA-Z][\w-]*)\s*:\s*(\S.*)$/.exec(inner);
  if (directive && (DIRECTIVES as readonly string[]).includes(directive[1])) {
    return { kind: 'directive', name: directive[1], value: directive[2].trim(), line };
  }
  return inner ? { kind: 'notes', text: inner, line } : undefined;
}

/** The formatted runs of an inline token. */
export function inlineRuns(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  const style = { bold: 0, italic: 0, strike: 0 };
  const links: string[] = [];
  let pendingBreak = false;
  const push = (text: string, extra: Partial<Run> = {}) => {
    const run: Run = { text };
    if (style.bold) run.bold = true;
    if (style.italic) run.italic = true;
    if (style.strike) run.strike = true;
    if (links.length) run.link = links[links.length - 1];
    if (pendingBreak) run.break = true;
    pendingBreak = false;
    Object.assign(run, extra);
    const last = runs[runs.length - 1];
    if (last && !run.break && sameStyle(last, run)) last.text += run.text;
    else runs.push(run);
  };
  for (const c of inline?.children ?? []) {
    switch (c.type) {
      case 'text':
        if (c.content) push(c.content); // markdown-it leaves empty text around emphasis
        break;
      case 'code_inline':
        push(c.content, { code: true });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        pendingBreak = true;
        break;
      case 'strong_open':
      case 'strong_close':
        style.bold += c.nesting;
        break;
      case 'em_open':
      case 'em_close':
        style.italic += c.nesting;
        break;
      case 's_open':
      case 's_close':
        style.strike += c.nesting;
        break;
      case 'link_open':
        links.push(String(c.attrGet('href') ?? ''));
        break;
      case 'link_close':
        links.pop();
        break;
      case 'image':
        push(plainText(c.children ?? []));
        break;
      case 'html_inline':
        if (!c.content.startsWith('<!--')) push(c.content);
        break;
    }
  }
  return runs;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.link === b.link;
}

function withBreak(runs: Run[], needed: boolean): Run[] {
  if (!needed || runs.length === 0) return runs;
  return [{ ...runs[0], break: true }, ...runs.slice(1)];
}

function plainText(children: Token[]): string {
  return children.map((c) => (c.type === 'softbreak' ? ' ' : c.content)).join('');
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
    case 'table':
      return [b.header, ...b.rows].map((r) => r.map(runsText).join(' | ')).join('\n');
    case 'image':
      return b.alt;
    case 'columns':
      return b.columns.map((col) => col.map(blockText).join('\n')).join('\n');
    case 'directive':
      return '';
    default:
      return runsText(b.runs);
  }
}

function indent(s: string): string {
  return s.replace(/^/gm, '  ');
}
