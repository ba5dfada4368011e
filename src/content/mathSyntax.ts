import type { MarkdownIt as Parser, StateBlock, StateInline } from 'markdown-it';

/**
 * TeX math in Markdown, by pandoc's rules (`tex_math_dollars`): `$...$` inline,
 * `$$...$$` display. An opening `$` has a non-space character right after it; a
 * closing `$` has a non-space character right before it and no digit right
 * after it, so "$5 and $10" stays text. `\$` is a dollar sign (markdown-it's
 * escape rule, which runs first). A `$$` line opens a display equation that runs
 * to the line ending in `$$`, so that its lines are never read as Markdown.
 *
 * Inline math becomes a `math_inline` token, display math a `math_display`
 * token inside a paragraph or a `math_block` block token; each holds the TeX.
 */
export function mathSyntax(parser: Parser): void {
  parser.inline.ruler.after('escape', 'math', mathInline);
  parser.block.ruler.before('paragraph', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const close = display ? closingDisplay(src, pos + 2, posMax) : closingInline(src, pos + 1, posMax);
  if (close < 0) return false;
  const open = display ? 2 : 1;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = src.slice(pos + open, close);
    token.markup = display ? '$$' : '$';
  }
  state.pos = close + open;
  return true;
}

/** Where the `$$` closing display math opened before `from` is, or -1. */
function closingDisplay(src: string, from: number, max: number): number {
  for (let i = from; i < max - 1; i++) {
    if (src.charCodeAt(i) === BACKSLASH) i++;
    else if (src.charCodeAt(i) === DOLLAR && src.charCodeAt(i + 1) === DOLLAR) return src.slice(from, i).trim() ? i : -1;
  }
  return -1;
}

/**
 * Where the `$` closing inline math opened before `from` is, or -1, as pandoc reads
 * it: the first `$` after the first character closes, unless white space comes
 * right before it (then it is no equation at all) or a digit right after it
 * (nor then: `$5 and $10`).
 */
function closingInline(src: string, from: number, max: number): number {
  if (from >= max || isSpace(src.charCodeAt(from))) return -1;
  for (let i = src.charCodeAt(from) === BACKSLASH ? textEnd(src, from, max) : from + 1; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) i = textEnd(src, i, max) - 1;
    else if (c === DOLLAR) return isDigit(src.charCodeAt(i + 1)) ? -1 : i;
    else if (isSpace(c)) {
      while (i + 1 < max && isSpace(src.charCodeAt(i + 1))) i++;
      if (src.charCodeAt(i + 1) === DOLLAR) return -1;
    }
  }
  return -1;
}

/** Where the escape at `i` ends: after `\\x`, or after the balanced braces of `\\text{...}`, which may hold a `$`. */
function textEnd(src: string, i: number, max: number): number {
  if (!src.startsWith('\\text{', i)) return i + 2;
  let depth = 0;
  for (let j = i + 5; j < max; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return max;
}

/** A display equation whose `$$` starts a line: to the line that ends with `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = state.src.slice(start, state.eMarks[startLine]);
  if (!first.startsWith('$$')) return false;
  const rest = first.slice(2);
  // `$$ x $$` on one line, or `$$ x $$ and text`: inline, read with the paragraph.
  if (rest.includes('$$') && !rest.trimEnd().endsWith('$$')) return false;
  let last = startLine;
  let body: string;
  if (rest.trimEnd().endsWith('$$') && rest.trim().length > 2) {
    body = rest.trimEnd().slice(0, -2);
  } else {
    const lines = [rest];
    let closed = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (state.sCount[line] < state.blkIndent) break;
      if (text.trimEnd().endsWith('$$')) {
        lines.push(text.trimEnd().slice(0, -2));
        last = line;
        closed = true;
        break;
      }
      lines.push(text);
    }
    if (!closed) return false;
    body = lines.join('\n');
  }
  if (!body.trim()) return false;
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = body.trim();
  token.markup = '$$';
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}
