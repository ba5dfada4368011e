import type { Run } from './blocks.js';

/** An HTML tag as written in the Markdown. */
export interface HtmlTag {
  /** Lower-case element name, e.g. `sub`. */
  name: string;
  closing: boolean;
  /** The tag as written, e.g. `<span style="color:red">`. */
  source: string;
}

/** What one piece of inline HTML means for the text around it. */
export type InlineHtml =
  | { kind: 'comment' }
  | { kind: 'break' }
  | { kind: 'text'; text: string }
  | { kind: 'style'; tag: HtmlTag; style: Partial<Run> }
  | { kind: 'unknown'; tag: HtmlTag };

/** The HTML tags lectern renders, and the run style each gives its text. */
const TAG_STYLES: Record<string, Partial<Run>> = {
  sub: { baseline: 'sub' },
  sup: { baseline: 'sup' },
  u: { underline: true },
  ins: { underline: true },
  mark: { highlight: true },
  kbd: { code: true },
  code: { code: true },
  samp: { code: true },
  b: { bold: true },
  strong: { bold: true },
  i: { italic: true },
  em: { italic: true },
  s: { strike: true },
  del: { strike: true },
  strike: { strike: true },
};

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?\/?>$/s;
const CDATA = /^<!\[CDATA\[([\s\S]*)\]\]>$/;

/** Reads one piece of inline HTML as markdown-it hands it over: a tag, a comment, CDATA or a declaration. */
export function inlineHtml(source: string): InlineHtml {
  if (source.startsWith('<!--')) return { kind: 'comment' };
  const cdata = CDATA.exec(source);
  if (cdata) return { kind: 'text', text: cdata[1] };
  const m = TAG.exec(source);
  const tag: HtmlTag = { name: m ? m[2].toLowerCase() : '', closing: m?.[1] === '/', source };
  if (tag.name === 'br') return { kind: 'break' };
  const style = Object.hasOwn(TAG_STYLES, tag.name) ? TAG_STYLES[tag.name] : undefined;
  return style ? { kind: 'style', tag, style } : { kind: 'unknown', tag };
}
