import type { SlideSource } from './blocks.js';
import { expandBody } from './expand.js';
import { parseSlideMarkdown } from './markdown.js';
import { splitSlides } from './slides.js';
import type { DeckSource } from './source.js';

/**
 * The body of a deck, expanded with Handlebars and split into slides, each
 * parsed to blocks that remember their line in the deck file.
 */
export function parseDeckBody(source: DeckSource, context: object): SlideSource[] {
  const { text, sourceLines } = expandBody(source.body, context, source.file, source.bodyLine);
  return splitSlides(text).map(({ markdown, firstLine }) => {
    const lineOf = (index: number) => sourceLines[Math.min(firstLine + index, sourceLines.length - 1)];
    const firstText = markdown.split('\n').findIndex((l) => l.trim() !== '');
    return { blocks: parseSlideMarkdown(markdown, lineOf), line: lineOf(Math.max(firstText, 0)) };
  });
}
