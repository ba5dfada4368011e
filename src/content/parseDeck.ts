import type { SlideSource } from './blocks.js';
import { expandBody } from './expand.js';
import { takeFootnotes } from './footnotes.js';
import { parseSlideMarkdown, type SlideParseOptions } from './markdown.js';
import { splitSlides } from './slides.js';
import type { DeckSource } from './source.js';

/** A deck's body: its Markdown after Handlebars, and the slides made from it. */
export interface ParsedBody {
  markdown: string;
  slides: SlideSource[];
}

/**
 * The body of a deck, expanded with Handlebars and split into slides, each
 * parsed to blocks that remember their line in the deck file. Footnote
 * definitions may be anywhere in the body; each slide shows those it refers to.
 */
export function parseDeckBody(source: DeckSource, context: object, warn?: SlideParseOptions['warn']): ParsedBody {
  const expanded = expandBody(source.body, context, source.file, source.bodyLine);
  const sourceLines = expanded.sourceLines;
  const { text, footnotes } = takeFootnotes(expanded.text, (i) => sourceLines[i]);
  const slides = splitSlides(text).map(({ markdown, firstLine }) => {
    const lineOf = (index: number) => sourceLines[Math.min(firstLine + index, sourceLines.length - 1)];
    const firstText = markdown.split('\n').findIndex((l) => l.trim() !== '');
    return { blocks: parseSlideMarkdown(markdown, lineOf, { warn, footnotes }), line: lineOf(Math.max(firstText, 0)) };
  });
  for (const note of footnotes.unused()) {
    warn?.(
      'markdown/footnote-unused',
      `no slide refers to the footnote [^${note.label}] ("${note.markdown}"), so it is not shown; refer to it with [^${note.label}] where it belongs`,
      { line: note.line, column: 1 },
    );
  }
  for (const note of footnotes.duplicates) {
    warn?.(
      'markdown/footnote-duplicate',
      `the footnote [^${note.label}] is defined again here ("${note.markdown}"); the first definition is the one shown, so give this one another label`,
      { line: note.line, column: 1 },
    );
  }
  return { markdown: expanded.text, slides };
}
