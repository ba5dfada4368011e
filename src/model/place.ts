import type { Styled } from '../templates/types.js';
import type { Theme } from '../templates/types.js';
import { runsText } from '../content/blocks.js';
import { tableRowHeight, textHeight, paragraphHeight } from './measure.js';
import type { Picture, Piece } from './pieces.js';
import type { TableContent } from './dataTables.js';
import type { Element, ImageElement, Paragraph, Placement, Run, TableElement } from './types.js';

/** Space between stacked pieces, in inches. */
const GAP = 0.2;
/** The smallest height a chart or picture is given, in inches. */
const MIN_VISUAL = { chart: 2.6, image: 1.6, images: 1.6 } as const;

/** Pieces that share the height left by text and tables. */
const isVisual = (p: Piece): p is Extract<Piece, { kind: keyof typeof MIN_VISUAL }> => p.kind in MIN_VISUAL;

type Sizes = Theme['sizes'];

/** Elements placed in one content area, and whether they fitted. */
export interface Placed {
  elements: Element[];
  fits: boolean;
}

/**
 * Places pieces top to bottom in a content area: text and tables at their
 * measured height (shrinking text from the body size down to the minimum
 * until everything fits), charts and pictures sharing the height left.
 */
export function placePieces(pieces: Piece[], region: Styled, regionName: string, sizes: Sizes): Placed {
  const bodySize = region.size ?? sizes.body;
  let last: Placed | undefined;
  for (let size = bodySize; size >= Math.min(sizes.minBody, bodySize); size -= 2) {
    const tableSize = Math.max(sizes.minTable, sizes.table - (bodySize - size));
    last = layoutAt(pieces, region, regionName, size, tableSize);
    if (last.fits) return last;
  }
  return last ?? layoutAt(pieces, region, regionName, bodySize, sizes.table);
}

function layoutAt(pieces: Piece[], region: Styled, regionName: string, size: number, tableSize: number): Placed {
  const w = region.w;
  const fixed = pieces.map((p) =>
    p.kind === 'text' ? textHeight(p.paragraphs, w, size) : p.kind === 'table' ? tableHeight(p, w, tableSize) : 0,
  );
  const flexible = pieces.filter(isVisual);
  const used = fixed.reduce((a, b) => a + b, 0) + GAP * (pieces.length - 1);
  // A chart or picture alone in a smaller area (a PowerPoint template's) takes the area it has.
  const minFlexible = flexible.reduce((h, p) => h + (pieces.length === 1 ? Math.min(MIN_VISUAL[p.kind], region.h) : MIN_VISUAL[p.kind]), 0);
  const fits = used + minFlexible <= region.h + 1e-6;
  const share = flexible.length ? Math.max(0, region.h - used) / flexible.length : 0;
  const onlyText = pieces.length === 1 && pieces[0].kind === 'text';

  const elements: Element[] = [];
  let y = region.y;
  pieces.forEach((p, i) => {
    const base = { x: region.x, y, w, region: regionName };
    switch (p.kind) {
      case 'text':
        elements.push({
          kind: 'text',
          ...base,
          h: onlyText ? region.h : fixed[i],
          paragraphs: p.paragraphs,
          fontSize: size,
          ...(onlyText ? { placeholder: regionName } : {}),
        });
        y += fixed[i];
        break;
      case 'table': {
        elements.push(tableElement(p, base, tableSize));
        y += fixed[i];
        break;
      }
      case 'chart':
        elements.push({ ...base, h: share, ...withoutSource(p.chart) });
        y += share;
        break;
      case 'image':
      case 'images': {
        const row = pictureRow(p.kind === 'image' ? [p] : p.images, { ...base, h: share });
        elements.push(...row);
        y += Math.max(...row.map((e) => e.h));
        break;
      }
    }
    y += GAP;
  });
  return { elements, fits };
}

/**
 * Pictures side by side in `box`: each gets an equal share of the width (less
 * the gaps), is fitted into it at its own aspect ratio, and sits centred in its
 * share; the row starts at the top of the box, and shorter pictures sit centred
 * on the tallest one's height.
 */
export function pictureRow(pictures: Picture[], box: Placement): ImageElement[] {
  const cell = (box.w - GAP * (pictures.length - 1)) / pictures.length;
  const heights = pictures.map(({ image }) => Math.min(box.h, (cell * image.height) / image.width));
  const row = Math.max(...heights);
  return pictures.map(({ image, alt }, i) => {
    const h = heights[i];
    const w = (h * image.width) / image.height;
    const x = box.x + i * (cell + GAP) + (cell - w) / 2;
    return { kind: 'image', x, y: box.y + (row - h) / 2, w, region: box.region, h, path: image.path, altText: alt };
  });
}

function withoutSource<T extends { source?: string }>(chart: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = chart;
  return rest;
}

/** A table's column widths at `width`: its fixed fractions if it was split, else from its content. */
function tableWidths(table: TableContent, width: number): number[] {
  return table.fractions ? table.fractions.map((f) => f * width) : columnWidths(table.header, table.rows, width);
}

function tableHeight(p: Extract<Piece, { kind: 'table' }>, width: number, size: number): number {
  const widths = tableWidths(p.table, width);
  return [p.table.header, ...p.table.rows].reduce((h, row) => h + tableRowHeight(row.map(runsText), widths, size), 0);
}

function tableElement(
  p: Extract<Piece, { kind: 'table' }>,
  base: { x: number; y: number; w: number; region: string },
  size: number,
): TableElement {
  const widths = tableWidths(p.table, base.w);
  const rowHeight = tableRowHeight(['x'], [base.w], size);
  const h = [p.table.header, ...p.table.rows].reduce((sum, row) => sum + tableRowHeight(row.map(runsText), widths, size), 0);
  return {
    kind: 'table',
    ...base,
    h,
    header: p.table.header,
    rows: p.table.rows,
    align: p.table.align,
    columnWidths: widths,
    fontSize: size,
    rowHeight,
  };
}

/** Column widths in proportion to each column's longest line (within limits), filling `width`. */
export function columnWidths(header: Run[][], rows: Run[][][], width: number): number[] {
  // A reduce, not Math.max(...rows): a dataset's rows are too many to pass as arguments.
  const longest = header.map((_, c) =>
    Math.min(
      40,
      rows.reduce((most, row) => Math.max(most, runsText(row[c] ?? []).length), Math.max(4, runsText(header[c] ?? []).length)),
    ),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  return longest.map((l) => (l / total) * width);
}

/**
 * Splits pieces into pages that each fit the area at the body size: text by
 * paragraphs, tables by rows (each page repeats the header), charts and
 * pictures whole.
 */
export function paginate(pieces: Piece[], region: Styled, sizes: Sizes): Piece[][] {
  const size = region.size ?? sizes.body;
  const pages: Piece[][] = [[]];
  let room = region.h;
  const newPage = () => {
    if (pages[pages.length - 1].length > 0) pages.push([]);
    room = region.h;
  };
  const add = (piece: Piece, height: number) => {
    pages[pages.length - 1].push(piece);
    room -= height + GAP;
  };
  for (const piece of pieces) {
    if (isVisual(piece)) {
      if (room < MIN_VISUAL[piece.kind]) newPage();
      add(piece, MIN_VISUAL[piece.kind]);
    } else if (piece.kind === 'text') {
      const numbers = listNumbers(piece.paragraphs);
      let chunk: Paragraph[] = [];
      let chunkHeight = textHeight([], region.w, size);
      // The levels at which the chunk has a numbered item: the first one of each says its number,
      // so that a list that runs onto the next page numbers on there.
      let numbered = new Set<number>();
      piece.paragraphs.forEach((paragraph, i) => {
        const h = paragraphHeight(paragraph, region.w, size);
        if (chunkHeight + h > room && (chunk.length > 0 || pages[pages.length - 1].length > 0)) {
          if (chunk.length) add({ kind: 'text', paragraphs: chunk }, chunkHeight);
          newPage();
          chunk = [];
          chunkHeight = textHeight([], region.w, size);
          numbered = new Set();
        }
        const first = paragraph.bullet === 'number' && !numbered.has(paragraph.level) && paragraph.numberFrom === undefined;
        chunk.push(first ? { ...paragraph, numberFrom: numbers[i] } : paragraph);
        if (paragraph.bullet === 'number') numbered.add(paragraph.level);
        chunkHeight += h;
      });
      if (chunk.length) add({ kind: 'text', paragraphs: chunk }, chunkHeight);
    } else {
      const fractions = columnWidths(piece.table.header, piece.table.rows, 1);
      const widths = fractions.map((f) => f * region.w);
      const headerHeight = tableRowHeight(piece.table.header.map(runsText), widths, sizes.table);
      let rows: typeof piece.table.rows = [];
      let height = headerHeight;
      for (const row of piece.table.rows) {
        const h = tableRowHeight(row.map(runsText), widths, sizes.table);
        if (height + h > room && (rows.length > 0 || pages[pages.length - 1].length > 0)) {
          if (rows.length) add({ ...piece, table: { ...piece.table, rows, fractions } }, height);
          newPage();
          rows = [];
          height = headerHeight;
        }
        rows.push(row);
        height += h;
      }
      add({ ...piece, table: { ...piece.table, rows, fractions } }, height);
    }
  }
  return pages.filter((p) => p.length > 0);
}

/** The number of each item of a numbered list (undefined for other paragraphs), counting on through its sublists. */
function listNumbers(paragraphs: Paragraph[]): (number | undefined)[] {
  const counts: number[] = [];
  return paragraphs.map((p) => {
    if (!p.bullet) counts.length = 0;
    // An item ends the lists nested deeper; a bulleted one also ends a numbered list at its level.
    else counts.length = p.bullet === 'number' ? p.level + 1 : p.level;
    if (p.bullet !== 'number') return undefined;
    counts[p.level] = p.numberFrom ?? (counts[p.level] ?? 0) + 1;
    return counts[p.level];
  });
}
