import type { MarkdownIt as Parser, Token } from 'markdown-it';
import { leadingAttributes, trailingAttributes, type AttributeList } from './attributes.js';

/** pandoc's pause, a paragraph of three dots with spaces between: a `pause` token. */
export function pandocPauses(parser: Parser): void {
  parser.block.ruler.before('paragraph', 'pandoc_pause', (state, startLine, _endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const line = state.src.slice(start, state.eMarks[startLine]);
    if (state.sCount[startLine] - state.blkIndent >= 4 || line.trim() !== '. . .') return false;
    if (silent) return true;
    const token = state.push('pause', '', 0);
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  });
}

/** What the attribute rule leaves on a heading's or a picture's token, in `meta`. */
export interface AttributeMeta {
  attributes?: AttributeList;
}

/**
 * pandoc's attribute lists on headings (`## Title {.smaller}`) and pictures
 * (`![a map](map.png){width=50%}`), and Marp's `<!-- fit -->` in a heading: taken
 * out of the text and left in the token's `meta.attributes`.
 */
export function attributeLists(parser: Parser): void {
  parser.core.ruler.after('inline', 'attribute_lists', (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== 'inline' || !token.children) return;
      if (state.tokens[i - 1]?.type === 'heading_open') headingAttributes(state.tokens[i - 1], token.children);
      if (token.children.some((c) => c.type === 'image')) imageAttributes(token.children);
    });
    return false;
  });
}

function headingAttributes(open: Token, children: Token[]): void {
  const classes: string[] = [];
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].type === 'html_inline' && /^<!--\s*fit\s*-->$/.test(children[i].content)) {
      classes.push('fit');
      children.splice(i, 1);
    }
  }
  const last = children[children.length - 1];
  const found = last?.type === 'text' ? trailingAttributes(last.content) : undefined;
  if (found) last.content = found.text;
  if (children[0]?.type === 'text') children[0].content = children[0].content.replace(/^\s+/, '');
  if (!found && classes.length === 0) return;
  const list = found?.list ?? { classes: [], attributes: {} };
  open.meta = { ...open.meta, attributes: { ...list, classes: [...list.classes, ...classes] } } satisfies AttributeMeta;
}

function imageAttributes(children: Token[]): void {
  children.forEach((child, i) => {
    const next = children[i + 1];
    if (child.type !== 'image' || next?.type !== 'text') return;
    const found = leadingAttributes(next.content);
    if (!found) return;
    next.content = found.rest;
    child.meta = { ...child.meta, attributes: found.list } satisfies AttributeMeta;
  });
}

/** The heading classes and attributes lectern draws: Quarto's text sizes and background, Marp's `fit`; ids are harmless. */
const HEADING_CLASSES = new Set(['smaller', 'r-fit-text', 'fit']);
const HEADING_ATTRIBUTES = new Set(['background-image']);

/** What a heading's attribute list asks for that lectern does not draw, as written (`.fragment`, `data-x="1"`), to report. */
export function unusedHeadingAttributes(list: AttributeList | undefined): string[] {
  if (!list) return [];
  return [
    ...list.classes.filter((c) => !HEADING_CLASSES.has(c)).map((c) => `the class .${c}`),
    ...Object.entries(list.attributes)
      .filter(([key]) => !HEADING_ATTRIBUTES.has(key))
      .map(([key, value]) => `the attribute ${key}="${value}"`),
  ];
}
