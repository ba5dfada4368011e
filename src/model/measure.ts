import type { Run } from '../content/blocks.js';
import { CJK_LINE_HEIGHT, fontMetrics, isWide, type FontMetrics } from './fontMetrics.js';
import { codeLineHeight } from './mathCodeMeasure.js';
import type { Paragraph } from './types.js';

/**
 * Text measurement for fitting: each character at its font's advance width
 * (fontMetrics.ts), lines broken where the Unicode line-breaking rules allow
 * (after spaces and hyphens, between East Asian characters but not before
 * closing punctuation or after opening), lines as tall as the font's single
 * spacing. Kerning is ignored: it only narrows text.
 */

/** Space after each paragraph, as a multiple of the font size. */
export const PARAGRAPH_SPACING = 0.35;
/** Left indent per list level, in inches. */
export const INDENT_PER_LEVEL = 0.4;
/** Inner margins of a text box, in inches (PowerPoint's defaults). */
export const INSET = { x: 0.1, y: 0.05 } as const;
/** Inner margins of a table cell, in inches, left and right / top and bottom (what the renderer writes). */
export const CELL_MARGIN = { x: 0.1, y: 0.04 } as const;

/** The fonts a text box's paragraphs are set in. */
export interface TextFonts {
  body: string;
  heading: string;
  code: string;
}

/** Font size of a paragraph relative to the element's size. */
export function paragraphScale(p: Paragraph): number {
  if (p.style === 'heading') return 1.1;
  if (p.style === 'caption') return 0.6;
  if (p.style === 'code') return 0.8;
  return 1;
}

/**
 * Text as lines of unbreakable pieces: for each piece its width and the width of
 * the spaces after it (which may hang past the end of a line), in em.
 */
interface Segmented {
  /** Per hard line (a line break or a code line), alternating piece width and space width. */
  lines: number[][];
  /** Single line spacing, in em. */
  lineHeight: number;
}

/** Characters no line starts with (UAX #14 classes CL, CP, EX, IS, NS: closing punctuation, small kana). */
const NO_BREAK_BEFORE = new Set(
  [
    ...'、。，．・：；？！）」』】〕〉》〙〗｝］｠〟ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ‐〜～！％），．：；？］｝｡｣､･ｰ,.:;!?)]}%',
  ].map((c) => c.codePointAt(0)!),
);
/** Characters no line ends with (class OP: opening punctuation). */
const NO_BREAK_AFTER = new Set([...'（「『【〔〈《〘〖｛［｟〝（［｛｢([{'].map((c) => c.codePointAt(0)!));

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const HYPHEN = 0x2d;

/** Measures text in one set of fonts; what it measured once it remembers. */
export class TextMeasure {
  private readonly body: FontMetrics;
  private readonly heading: FontMetrics;
  private readonly code: FontMetrics;
  private readonly paragraphs = new WeakMap<Paragraph, Segmented>();
  private readonly cells = new Map<string, Segmented>();

  constructor(readonly fonts: TextFonts) {
    this.body = fontMetrics(fonts.body);
    this.heading = fontMetrics(fonts.heading);
    this.code = fontMetrics(fonts.code);
  }

  /** Height in inches of one paragraph in a text box `width` inches wide, at element size `size`. */
  paragraphHeight(p: Paragraph, width: number, size: number): number {
    const s = size * paragraphScale(p);
    // A highlighted code line: exact line spacing, wrapped with a hanging indent.
    if (p.style === 'code' && p.hanging !== undefined)
      return codeLineHeight(p, s, Math.max(1, Math.floor(((width - 2 * INSET.x) * 72) / (s * this.code.widths(false)[SPACE]))));
    const indent = p.level * INDENT_PER_LEVEL + (p.bullet ? 0.1 : 0);
    let text = this.paragraphs.get(p);
    if (!text) {
      const font = p.style === 'heading' ? this.heading : p.style === 'code' ? this.code : this.body;
      text = this.segment(p.runs, font, p.style === 'heading');
      this.paragraphs.set(p, text);
    }
    const lines = countLines(text, ((width - 2 * INSET.x - indent) * 72) / s);
    return (lines * s * text.lineHeight + s * PARAGRAPH_SPACING) / 72;
  }

  /** Height in inches of a text box holding `paragraphs`. */
  textHeight(paragraphs: Paragraph[], width: number, size: number): number {
    return paragraphs.reduce((h, p) => h + this.paragraphHeight(p, width, size), 2 * INSET.y);
  }

  /** How many lines plain `text` takes in `width` inches at `size` points, in the body font (or the heading font). */
  lines(text: string, width: number, size: number, font: 'body' | 'heading' = 'body', bold = false): number {
    return countLines(this.segment([{ text }], this[font], bold), (width * 72) / size);
  }

  /** Height in inches of `lines` lines of plain text at `size` points in the body font. */
  linesHeight(lines: number, size: number, font: 'body' | 'heading' = 'body'): number {
    return (lines * size * this[font].lineHeight) / 72;
  }

  /** Width in inches of the widest line of table cell text `text` at `size` points, each of its lines set on one line. */
  lineWidth(text: string, size: number, bold = false): number {
    let widest = 0;
    for (const pieces of this.cell(text, bold).lines) {
      let width = 0;
      // Pieces and the spaces between them; the spaces after the last hang past the line's end.
      for (let i = 0; i < pieces.length; i += 2) width += pieces[i] + (i + 2 < pieces.length ? pieces[i + 1] : 0);
      widest = Math.max(widest, width);
    }
    return (widest * size) / 72;
  }

  /** Height in inches of one table row whose cells are `cells` in columns `widths` wide. */
  tableRowHeight(cells: string[], widths: number[], size: number, bold = false): number {
    let lines = 1;
    let lineHeight = this.body.lineHeight;
    cells.forEach((c, i) => {
      const text = this.cell(c, bold);
      lines = Math.max(lines, countLines(text, ((widths[i] - 2 * CELL_MARGIN.x) * 72) / size));
      lineHeight = Math.max(lineHeight, text.lineHeight);
    });
    return (lines * size * lineHeight) / 72 + 2 * CELL_MARGIN.y + 0.08;
  }

  /** A table cell's text, measured once (a table is measured at several sizes, and split). */
  private cell(text: string, bold: boolean): Segmented {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let segmented = this.cells.get(key);
    if (!segmented) {
      if (this.cells.size > 100_000) this.cells.clear();
      segmented = this.segment([{ text, bold }], this.body, false);
      this.cells.set(key, segmented);
    }
    return segmented;
  }

  /** Runs cut into pieces a line may break between, with their widths in em. */
  private segment(runs: Run[], font: FontMetrics, bold: boolean): Segmented {
    const lines: number[][] = [[]];
    let line = lines[0];
    let piece = 0;
    let space = 0;
    let open = false;
    let lineHeight = font.lineHeight;
    const endPiece = () => {
      if (open || space > 0) line.push(piece, space);
      piece = 0;
      space = 0;
      open = false;
    };
    let previous = 0;
    for (const run of runs) {
      if (run.break) {
        endPiece();
        line = [];
        lines.push(line);
      }
      const runFont = run.code ? this.code : font;
      const runBold = bold || Boolean(run.bold);
      const widths = runFont.widths(runBold);
      const text = run.text;
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i);
        // A surrogate pair is one character; a lone surrogate stays one unit wide.
        if (cp >= 0xd800 && cp <= 0xdbff) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        if (cp === NEWLINE) {
          endPiece();
          line = [];
          lines.push(line);
        } else if (cp === SPACE || cp === TAB) {
          space += widths[SPACE] * (cp === TAB ? 4 : 1);
        } else {
          const wide = cp >= 0x1100 && isWide(cp);
          if (wide) lineHeight = Math.max(lineHeight, CJK_LINE_HEIGHT);
          // A break before this character: after spaces, after a hyphen, or beside East Asian text.
          const breakBefore =
            space > 0 ||
            (open && previous === HYPHEN) ||
            (open && (wide || (previous >= 0x1100 && isWide(previous))) && !NO_BREAK_BEFORE.has(cp) && !NO_BREAK_AFTER.has(previous));
          if (breakBefore) endPiece();
          piece += cp < widths.length ? widths[cp] : runFont.advance(cp, runBold);
          open = true;
          previous = cp;
        }
      }
    }
    endPiece();
    return { lines, lineHeight };
  }
}

/** Lines `text` takes when each line holds `width` em: greedy, as PowerPoint and LibreOffice fill lines. */
function countLines(text: Segmented, width: number): number {
  const room = Math.max(width, 0.5);
  let count = 0;
  for (const pieces of text.lines) {
    count++;
    let used = 0;
    for (let i = 0; i < pieces.length; i += 2) {
      const w = pieces[i];
      if (used > 0 && used + w > room) {
        count++;
        used = 0;
      }
      if (w > room) {
        // A piece longer than a line breaks between its characters.
        count += Math.ceil(w / room) - 1;
        used = w - (Math.ceil(w / room) - 1) * room;
      } else used += w;
      used += pieces[i + 1];
    }
  }
  return count;
}

const measures = new Map<string, TextMeasure>();

/** The measure for text set in `fonts`, one per set of fonts. */
export function textMeasure(fonts: TextFonts): TextMeasure {
  const key = `${fonts.body}\n${fonts.heading}\n${fonts.code}`;
  let measure = measures.get(key);
  if (!measure) {
    measure = new TextMeasure(fonts);
    measures.set(key, measure);
  }
  return measure;
}
