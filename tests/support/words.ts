import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type { Diagnostic } from '../../src/diagnostics.js';
import { openPptx } from './pptx.js';

/**
 * The property "what the teacher wrote is what they get", word by word: every
 * word a reader sees in a deck's Markdown (after Handlebars) is in the built
 * .pptx — slide text, speaker notes, pictures' and tables' descriptions, chart
 * data — or a warning names it.
 *
 * The built file, not the Deck model, is what is checked: the words must
 * survive the renderer and the repair stage too. The Markdown side is read by
 * a markdown-it of its own (not lectern's block reader), rendered to HTML and
 * stripped of its tags, so that the oracle shares no code with what it checks.
 */

/** A word: letters, marks and digits, in any script. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The oracle's reader: CommonMark + GFM, with every `::: name` fence line hidden (lectern's containers, or reported). */
const reader = new MarkdownIt('default', { html: true, linkify: true, typographer: false }).use(container, 'any', {
  validate: () => true,
  render: () => '',
});
/**
 * TeX between dollars (pandoc's rule, written again here so that the oracle shares no code with
 * lectern): its characters are text to the reader, never HTML (`$a<sub>b$` shows `<sub>`), and its spaces none.
 */
reader.inline.ruler.after('escape', 'math', (state, silent) => {
  const { src, pos, posMax } = state;
  if (src[pos] !== '$') return false;
  const display = src[pos + 1] === '$';
  const from = pos + (display ? 2 : 1);
  const end = display ? src.indexOf('$$', from) : closingDollar(src, from, posMax);
  if (end < 0 || end >= posMax || end === from) return false;
  // Spaces in TeX separate nothing: `$a 1$` reads "a1". A display equation stands apart from the text
  // around it in a paragraph, and in line with it in a table cell: the caller says which it reads.
  const tex = src.slice(from, end).replace(/\s+/g, '');
  if (!silent) state.push('text', '', 0).content = display && state.env.displayApart ? ` ${tex} ` : tex;
  state.pos = end + (display ? 2 : 1);
  return true;
});

function closingDollar(src: string, from: number, max: number): number {
  if (/\s/.test(src[from] ?? ' ')) return -1;
  for (let i = from + 1; i < max; i++) {
    if (src[i] === '\\' && src.startsWith('\\text{', i)) i = src.indexOf('}', i);
    else if (src[i] === '\\') i++;
    else if (src[i] === '$') return /\d/.test(src[i + 1] ?? '') ? -1 : i;
    else if (/\s/.test(src[i]) && /^\s*\$/.test(src.slice(i, i + 50))) return -1;
    if (i < 0) return -1;
  }
  return -1;
}
const fence = reader.renderer.rules.fence!;
// ```chart and ```table fences are specifications of data, not text; comments are notes and directives.
reader.renderer.rules.fence = (tokens, i, ...rest) => (/^(chart|table)\b/.test(tokens[i].info.trim()) ? '' : fence(tokens, i, ...rest));
reader.renderer.rules.html_block = (tokens, i) => tokens[i].content.replace(/<!--[\s\S]*?-->/g, ' ');
reader.renderer.rules.html_inline = (tokens, i) => (tokens[i].content.startsWith('<!--') ? '' : tokens[i].content);
reader.renderer.rules.image = (tokens, i) => ` ${tokens[i].children!.map((c) => c.content).join('')} `;

/** Splits text into its words. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/** A footnote reference or definition's label: lectern numbers it, so the label is not a word the reader sees. */
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;

/**
 * A GFM task box at the start of a list item (in a quote or not): markup, shown as ☐ or ☑. The oracle
 * reads it as three marks of no word (`···`), so that the item's content keeps its column and the lines
 * indented under it mean what they mean to lectern (a code block, or a nested list).
 */
const TASK_BOX = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d+[.)])[ \t]+)\[[ xX]\](?=\s|$)/gm;

/** Characters XML 1.0 cannot hold, which lectern leaves out (a YAML escape can put them in a title, and so in the body). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The words a reader of `markdown` sees, in order. */
export function markdownWords(markdown: string, displayApart = false): string[] {
  const html = reader.render(markdown.replace(NOT_XML, '').replace(FOOTNOTE_REF, '').replace(TASK_BOX, '$1···'), { displayApart });
  // Block-level tags end words; inline ones (<b>, <sub>, …) may sit inside one, as in H<sub>2</sub>O.
  const text = html
    .replace(/<\/?(?:p|li|h\d|tr|td|th|pre|blockquote|div|ul|ol|table|thead|tbody|br|hr)\b[^<>]*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[/!?]?[a-zA-Z][^<>]*>/g, '');
  return wordsOf(decodeHTML(text));
}

/** A run raised as a footnote's number is: digits only. */
const MARKER = /^<a:r><a:rPr[^>]* baseline="30000"[^>]*>(?:(?!<a:t>)[\s\S])*<a:t>\d+<\/a:t><\/a:r>$/;

/**
 * The text of each paragraph (`a:p`) of some DrawingML: its runs joined as they
 * read, line breaks as newlines; `withoutMarkers` leaves out raised numbers
 * (footnote markers), which the word before them would otherwise swallow.
 */
export function paragraphTexts(xml: string, withoutMarkers = false): string[] {
  return (xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []).map((p) =>
    // A break is `<a:br/>`, or `<a:br>` with its run properties (a code block's lines).
    [...p.matchAll(/<a:r>(?:(?!<\/a:r>)[\s\S])*<\/a:r>|<a:br\/>|<a:br>(?:(?!<\/a:br>)[\s\S])*<\/a:br>/g)]
      .map(([part]) => {
        if (part.startsWith('<a:br')) return '\n';
        if (withoutMarkers && MARKER.test(part)) return '';
        return decodeHTML(/<a:t>([^<]*)<\/a:t>/.exec(part)?.[1] ?? '');
      })
      .join(''),
  );
}

/** Every word in a built .pptx that a person can see or hear: slides, notes, descriptions, chart data. */
export async function pptxWords(file: string): Promise<Set<string>> {
  const pptx = await openPptx(file);
  const parts = pptx.names.filter((n) => /^ppt\/(slides|notesSlides|charts)\/[^/]+\.xml$/.test(n));
  const words = new Set<string>();
  for (const name of parts) {
    const xml = await pptx.xml(name);
    // A paragraph's runs make one text: a word may be split over runs of different styles.
    for (const text of [...paragraphTexts(xml), ...paragraphTexts(xml, true)]) wordsOf(text).forEach((w) => words.add(w));
    for (const m of xml.matchAll(/ descr="([^"]*)"|<c:v>([^<]*)<\/c:v>/g)) wordsOf(decodeHTML(m[1] ?? m[2])).forEach((w) => words.add(w));
    // An equation's text (`$x_1$`) is a word of its own, beside the text around it: each of its pieces,
    // and all of them together, as the oracle reads TeX (`$'^aa$` → aa).
    for (const m of xml.matchAll(/<m:t[^>]*>([^<]*)<\/m:t>/g)) wordsOf(decodeHTML(m[1])).forEach((w) => words.add(w));
    for (const [math] of xml.matchAll(/<m:oMath\b[\s\S]*?<\/m:oMath>/g)) {
      const pieces = [...math.matchAll(/<m:t[^>]*>([^<]*)<\/m:t>/g)].map((m) => decodeHTML(m[1]));
      wordsOf(pieces.join('')).forEach((w) => words.add(w));
    }
  }
  return words;
}

/**
 * The words of `markdown` that are neither in the built deck `file` nor named
 * by a warning, each once: empty when the property holds.
 */
export async function missingWords(markdown: string, file: string, warnings: Diagnostic[]): Promise<string[]> {
  const found = await pptxWords(file);
  // A warning may quote the Markdown it is about: its words count as written and as read.
  for (const w of warnings) [...wordsOf(w.message), ...markdownWords(w.message)].forEach((word) => found.add(word));
  // Read with display equations in line with the text around them, and apart from it: the deck may do either.
  const [inLine, apart] = [false, true].map((displayApart) =>
    [...new Set(markdownWords(markdown, displayApart))].filter((word) => !found.has(word)),
  );
  return inLine.length <= apart.length ? inLine : apart;
}
