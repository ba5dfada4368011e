import { runsText, type Run } from '../content/blocks.js';
import { CELL_MARGIN, type TextMeasure } from './measure.js';

/** Room added to each column so that text measured to fit on one line does (fonts differ between programs). */
const SLACK = 0.12;
/** The widest a column of long text grows before it wraps, as a share of the table's room. */
const MAX_COLUMN_SHARE = 0.5;
/** Cells measured per column: its longest texts, so that a long table costs no more than a short one. */
const MEASURED_PER_COLUMN = 3;

/**
 * Column widths in inches fitted to their content at `size` points: each column as wide
 * as its longest line (a column of long text at most half the room, wrapping within it),
 * and, when they do not all fit in `room`, the widest columns narrowed to equal shares
 * of what the narrower ones leave. A short table is as wide as it needs, not the room.
 */
export function fittedColumnWidths(header: Run[][], rows: Run[][][], room: number, size: number, measure: TextMeasure): number[] {
  // The width a cell needs to hold its text with each of its lines on one line, with the cell's margins.
  const needs = (text: string, bold = false) => measure.lineWidth(text, size, bold) + 2 * CELL_MARGIN.x;
  const natural = header.map((_, c) => {
    const cells = longest(rows.map((row) => runsText(row[c] ?? []))).map((text) => needs(text));
    const widest = Math.min(room, Math.max(needs(runsText(header[c] ?? []), true), ...cells));
    return Math.min(widest + SLACK, room * MAX_COLUMN_SHARE);
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return natural;
  // Water-filling: columns narrower than an equal share keep their width; the others share the rest equally.
  const order = natural.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  const widths = [...natural];
  let left = room;
  order.forEach(({ w, i }, k) => {
    const share = left / (order.length - k);
    widths[i] = Math.min(w, share);
    left -= widths[i];
  });
  return widths;
}

/** The few longest texts of a column. */
function longest(texts: string[]): string[] {
  const top: string[] = [];
  for (const t of texts) {
    if (top.length < MEASURED_PER_COLUMN) top.push(t);
    else {
      const shortest = top.reduce((s, x, i) => (x.length < top[s].length ? i : s), 0);
      if (t.length > top[shortest].length) top[shortest] = t;
    }
  }
  return top;
}
