import { runsText } from '../content/blocks.js';
import { codeLineHeight } from './mathCodeMeasure.js';
import type { Paragraph } from './types.js';

/**
 * Text measurement for fitting. Widths are estimates from an average glyph
 * width, kept on the wide side so that text measured to fit does fit in
 * PowerPoint and in LibreOffice's substitute fonts.
 */
const AVERAGE_GLYPH_EM = 0.52;
const MONO_GLYPH_EM = 0.6;
/** Line height as a multiple of the font size (PowerPoint's single spacing). */
export const LINE_HEIGHT = 1.2;
/** Space after each paragraph, as a multiple of the font size. */
export const PARAGRAPH_SPACING = 0.35;
/** Left indent per list level, in inches. */
export const INDENT_PER_LEVEL = 0.4;
/** Inner margins of a text box, in inches (PowerPoint's defaults). */
export const INSET = { x: 0.1, y: 0.05 } as const;

/** How many lines `text` takes in a box `width` inches wide at `size` points. */
export function wrappedLines(text: string, width: number, size: number, mono = false): number {
  const perLine = Math.max(1, Math.floor((width * 72) / (size * (mono ? MONO_GLYPH_EM : AVERAGE_GLYPH_EM))));
  // Far more than any slide holds: an estimate is enough, and word-wrapping megabytes is slow.
  if (text.length > perLine * 400) return Math.ceil(text.length / perLine);
  let lines = 0;
  for (const hardLine of text.split('\n')) {
    if (mono) {
      lines += Math.max(1, Math.ceil(hardLine.length / perLine));
      continue;
    }
    let used = 0;
    lines++;
    for (const word of hardLine.split(/\s+/)) {
      if (word === '') continue;
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else if (word.length > perLine) {
        lines += Math.floor((used === 0 ? word.length : used + 1 + word.length) / perLine);
        used = word.length % perLine;
      } else {
        lines++;
        used = word.length;
      }
    }
  }
  return lines;
}

/** Font size of a paragraph relative to the element's size. */
export function paragraphScale(p: Paragraph): number {
  if (p.style === 'heading') return 1.1;
  if (p.style === 'caption') return 0.6;
  if (p.style === 'code') return 0.8;
  return 1;
}

/** Height in inches of one paragraph in a text box `width` inches wide. */
export function paragraphHeight(p: Paragraph, width: number, size: number): number {
  const s = size * paragraphScale(p);
  if (p.style === 'code' && p.hanging !== undefined)
    return codeLineHeight(p, s, Math.max(1, Math.floor(((width - 2 * INSET.x) * 72) / (s * MONO_GLYPH_EM))));
  const indent = p.level * INDENT_PER_LEVEL + (p.bullet ? 0.1 : 0);
  const lines = wrappedLines(runsText(p.runs), width - 2 * INSET.x - indent, s, p.style === 'code');
  return (lines * s * LINE_HEIGHT + s * PARAGRAPH_SPACING) / 72;
}

/** Height in inches of a text box holding `paragraphs`. */
export function textHeight(paragraphs: Paragraph[], width: number, size: number): number {
  return paragraphs.reduce((h, p) => h + paragraphHeight(p, width, size), 2 * INSET.y);
}

/** Height in inches of one table row whose cells are `cells` in columns `widths` wide. */
export function tableRowHeight(cells: string[], widths: number[], size: number): number {
  const lines = cells.reduce((most, c, i) => Math.max(most, wrappedLines(c, widths[i] - 0.2, size)), 1);
  return (lines * size * LINE_HEIGHT) / 72 + 0.16;
}
