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

/** The words a reader of `markdown` sees, in order. */
export function markdownWords(markdown: string): string[] {
  const html = reader.render(markdown);
  // Block-level tags end words; inline ones (<b>, <sub>, …) may sit inside one, as in H<sub>2</sub>O.
  const text = html
    .replace(/<\/?(?:p|li|h\d|tr|td|th|pre|blockquote|div|ul|ol|table|thead|tbody|br|hr)\b[^>]*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]*>/g, '');
  return wordsOf(decodeHTML(text));
}

/** The text of each paragraph (`a:p`) of some DrawingML: its runs joined as they read, line breaks as newlines. */
export function paragraphTexts(xml: string): string[] {
  return (xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []).map((p) =>
    [...p.matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decodeHTML(m[1]))).join(''),
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
    for (const text of paragraphTexts(xml)) wordsOf(text).forEach((w) => words.add(w));
    for (const m of xml.matchAll(/ descr="([^"]*)"|<c:v>([^<]*)<\/c:v>/g)) wordsOf(decodeHTML(m[1] ?? m[2])).forEach((w) => words.add(w));
  }
  return words;
}

/**
 * The words of `markdown` that are neither in the built deck `file` nor named
 * by a warning, each once: empty when the property holds.
 */
export async function missingWords(markdown: string, file: string, warnings: Diagnostic[]): Promise<string[]> {
  const found = await pptxWords(file);
  for (const w of warnings) wordsOf(w.message).forEach((word) => found.add(word));
  return [...new Set(markdownWords(markdown))].filter((word) => !found.has(word));
}
