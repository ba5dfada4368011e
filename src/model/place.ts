import type { Styled } from '../templates/types.js';
import type { Theme } from '../templates/types.js';
import { runsText } from '../content/blocks.js';
import { INSET, PARAGRAPH_SPACING, paragraphScale, type TextMeasure } from './measure.js';
import { mathBox } from './mathCodeMeasure.js';
import type { Picture, Piece } from './pieces.js';
import type { TableContent } from './dataTables.js';
import { fittedColumnWidths } from './tableWidths.js';
import type { Element, ImageElement, Paragraph, Placement, Run, TableElement } from './types.js';
import type { Length } from '../content/blocks.js';

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
export function placePieces(pieces: Piece[], region: Styled, regionName: string, sizes: Sizes, measure: TextMeasure): Placed {
  const bodySize = region.size ?? sizes.body;
  let last: Placed | undefined;
  for (let size = bodySize; size >= Math.min(sizes.minBody, bodySize); size -= 2) {
    const tableSize = Math.max(sizes.minTable, sizes.table - (bodySize - size));
    last = layoutAt(pieces, region, regionName, size, tableSize, measure);
    if (last.fits) return last;
  }
  return last ?? layoutAt(pieces, region, regionName, bodySize, sizes.table, measure);
}

function layoutAt(pieces: Piece[], region: Styled, regionName: string, size: number, tableSize: number, measure: TextMeasure): Placed {
  const w = region.w;
  const boxes = pieces.map((_, i) => {
    const area = pieceArea(pieces, i, region, { size, tableSize }, measure);
    return { x: area.x, w: area.w };
  });
  const fixed = pieces.map((p, i) =>
    p.kind === 'text'
      ? measure.textHeight(p.paragraphs, boxes[i].w, size)
      : p.kind === 'table'
        ? tableHeight(p, w, tableSize, measure)
        : p.kind === 'math'
          ? mathBox(p.math, size, w).h
          : 0,
  );
  const flexible = pieces.filter(isVisual);
  const used = fixed.reduce((a, b) => a + b, 0) + GAP * (pieces.length - 1);
  // A chart or picture alone in a smaller area (a PowerPoint template's) takes the area it has.
  const minFlexible = flexible.reduce((h, p) => h + (pieces.length === 1 ? Math.min(MIN_VISUAL[p.kind], region.h) : MIN_VISUAL[p.kind]), 0);
  const fits = used + minFlexible <= region.h + 1e-6;
  const share = flexible.length ? Math.max(0, region.h - used) / flexible.length : 0;
  // Code keeps a box its own height, for its panel.
  const onlyText = pieces.length === 1 && pieces[0].kind === 'text' && !pieces[0].fill;

  const elements: Element[] = [];
  let y = region.y;
  pieces.forEach((p, i) => {
    const base = { x: boxes[i].x, y, w: boxes[i].w, region: regionName, ...(p.kind !== 'text' && p.step ? { step: p.step } : {}) };
    switch (p.kind) {
      case 'text':
        elements.push({
          kind: 'text',
          ...base,
          h: onlyText ? region.h : fixed[i],
          paragraphs: p.paragraphs,
          fontSize: size,
          ...(onlyText ? { placeholder: regionName } : {}),
          ...(p.fill ? { fill: p.fill } : {}),
        });
        y += fixed[i];
        break;
      case 'table': {
        elements.push(tableElement(p, base, tableSize, measure));
        y += fixed[i];
        break;
      }
      case 'math': {
        // Centred, in a box the equation's own size (LibreOffice stretches an equation to its box).
        const box = mathBox(p.math, size, w);
        elements.push({ kind: 'math', ...base, x: region.x + (w - box.w) / 2, w: box.w, h: box.h, math: p.math, fontSize: box.size });
        y += fixed[i];
        break;
      }
      case 'chart':
        elements.push({ ...base, h: share, ...withoutSource(p.chart) });
        y += share;
        break;
      case 'image':
      case 'images': {
        const row = pictureRow(p.kind === 'image' ? [p] : p.images, { ...base, h: share }).map((e) =>
          base.step ? { ...e, step: base.step } : e,
        );
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
  if (pictures.some((p) => p.options?.width || p.options?.height)) return sizedPictureRow(pictures, box);
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

/**
 * Pictures side by side when some ask for a size (`{width=50%}` of the area's
 * width, `{height=3in}`, Marp's `w:200` in pixels): those at their size, the
 * others fitted into an equal share of the width; the row is centred, and made
 * smaller as a whole when it does not fit the box.
 */
function sizedPictureRow(pictures: Picture[], box: Placement): ImageElement[] {
  const cell = (box.w - GAP * (pictures.length - 1)) / pictures.length;
  const length = (l: Length | undefined, whole: number) => (l ? (l.unit === '%' ? (l.value / 100) * whole : l.value) : undefined);
  const sizes = pictures.map(({ image, options }) => {
    const aspect = image.height / image.width;
    let w = length(options?.width, box.w);
    let h = length(options?.height, box.h);
    if (w === undefined && h === undefined) h = Math.min(box.h, cell * aspect);
    w ??= h! / aspect;
    h ??= w * aspect;
    return { w, h };
  });
  const total = sizes.reduce((sum, s) => sum + s.w, 0) + GAP * (pictures.length - 1);
  const tallest = Math.max(...sizes.map((s) => s.h));
  const scale = Math.min(1, box.w / total, box.h / tallest);
  let x = box.x + (box.w - total * scale) / 2;
  return pictures.map(({ image, alt }, i) => {
    const w = sizes[i].w * scale;
    const h = sizes[i].h * scale;
    const element: ImageElement = {
      kind: 'image',
      x,
      y: box.y + ((tallest - sizes[i].h) * scale) / 2,
      w,
      h,
      region: box.region,
      path: image.path,
      altText: alt,
    };
    x += w + GAP * scale;
    return element;
  });
}

function withoutSource<T extends { source?: string }>(chart: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = chart;
  return rest;
}

/** A table's column widths within `width`: its fixed fractions if it was split, else fitted to its content. */
function tableWidths(table: TableContent, width: number, size: number, measure: TextMeasure): number[] {
  return table.fractions ? table.fractions.map((f) => f * width) : fittedColumnWidths(table.header, table.rows, width, size, measure);
}

/** Height of a table's rows at `size`: the header (in bold) and every row. */
function rowHeights(table: TableContent, widths: number[], size: number, measure: TextMeasure): number[] {
  return [
    measure.tableRowHeight(table.header.map(runsText), widths, size, true),
    ...table.rows.map((row) => measure.tableRowHeight(row.map(runsText), widths, size)),
  ];
}

function tableHeight(p: Extract<Piece, { kind: 'table' }>, width: number, size: number, measure: TextMeasure): number {
  return rowHeights(p.table, tableWidths(p.table, width, size, measure), size, measure).reduce((a, b) => a + b, 0);
}

/**
 * The part of `region` piece `i` is placed across: all of it, but a table's source line
 * goes under the table, from its left edge to its right, where it fits there on as few
 * lines as across the whole area (a long source under a narrow table keeps the area's width).
 */
function pieceArea<R extends { x: number; w: number }>(
  pieces: Piece[],
  i: number,
  region: R,
  sizes: { size: number; tableSize: number },
  measure: TextMeasure,
): R {
  const p = pieces[i];
  const table = pieces[i - 1];
  if (p.kind !== 'text' || !p.under || table?.kind !== 'table') return region;
  const box = tableBox(table, region.x, region.w, sizes.tableSize, measure);
  const fits = measure.textHeight(p.paragraphs, box.w, sizes.size) <= measure.textHeight(p.paragraphs, region.w, sizes.size) + 1e-6;
  return fits ? { ...region, ...box } : region;
}

/** Where a table sits across an area `width` wide from `x`: a table narrower than its area sits centred in it. */
function tableBox(
  p: Extract<Piece, { kind: 'table' }>,
  x: number,
  width: number,
  size: number,
  measure: TextMeasure,
): { x: number; w: number } {
  const w = tableWidths(p.table, width, size, measure).reduce((a, b) => a + b, 0);
  return { x: x + Math.max(0, (width - w) / 2), w: Math.min(w, width) };
}

function tableElement(
  p: Extract<Piece, { kind: 'table' }>,
  base: { x: number; y: number; w: number; region: string },
  size: number,
  measure: TextMeasure,
): TableElement {
  const widths = tableWidths(p.table, base.w, size, measure);
  const rowHeight = measure.tableRowHeight(['x'], [base.w], size);
  const h = rowHeights(p.table, widths, size, measure).reduce((a, b) => a + b, 0);
  const styles = p.table.rowStyles;
  return {
    kind: 'table',
    ...base,
    ...tableBox(p, base.x, base.w, size, measure),
    h,
    ...(styles ? { rowStyles: p.table.rows.map((row) => styles.get(row) ?? null) } : {}),
    ...(p.table.altText ? { altText: p.table.altText } : {}),
    header: p.table.header,
    rows: p.table.rows,
    align: p.table.align,
    columnWidths: widths,
    fontSize: size,
    rowHeight,
  };
}

/**
 * Splits pieces into pages that each fit the area, as evenly as the content allows:
 * the fewest pages that hold it at the smallest sizes, at the largest size that needs
 * no more pages, then the smallest page height
 * that still needs no more pages (24 rows that need three slides go 8/8/8). Text
 * splits between paragraphs, a heading or lead-in staying with what follows it;
 * code at blank lines, else between lines; tables between rows (each page repeats
 * the header); charts and pictures stay whole.
 */
export function paginate(content: Piece[], region: Styled, sizes: Sizes, measure: TextMeasure): Piece[][] {
  const bodySize = region.size ?? sizes.body;
  // A table's columns keep the widths fitted to its whole content on every page.
  const pieces = content.map((p) =>
    p.kind === 'table' && !p.table.fractions
      ? { ...p, table: { ...p.table, fractions: tableWidths(p.table, region.w, sizes.table, measure).map((w) => w / region.w) } }
      : p,
  );
  const at = (size: number) => {
    const tableSize = Math.max(sizes.minTable, sizes.table - (bodySize - size));
    const units = pieces.flatMap((piece, i) =>
      unitsOf(piece, i, pieceArea(pieces, i, region, { size, tableSize }, measure), size, tableSize, measure),
    );
    const overheads = pieces.map((piece) => overheadOf(piece, region.w, size, tableSize, measure));
    return (capacity: number) => fillPages(units, overheads, capacity);
  };
  // The fewest pages the content takes at the smallest sizes, at the largest size that needs no more:
  // text shrinks before it takes another slide.
  const smallest = Math.min(sizes.minBody, bodySize);
  const pages = at(smallest)(region.h).length;
  let fill = at(smallest);
  for (let size = bodySize; size > smallest; size -= 2) {
    const candidate = at(size);
    if (candidate(region.h).length <= pages) {
      fill = candidate;
      break;
    }
  }
  // The smallest capacity that still fills no more pages (a page's height only shrinks as capacity does).
  let low = 0;
  let high = region.h;
  for (let i = 0; i < 24 && high - low > 0.01; i++) {
    const mid = (low + high) / 2;
    if (fill(mid).length <= pages) high = mid;
    else low = mid;
  }
  // Each list item's number, so that a list running onto the next page numbers on there.
  const numbers = new Map<Paragraph, number>();
  for (const piece of pieces)
    if (piece.kind === 'text') {
      const list = listNumbers(piece.paragraphs);
      piece.paragraphs.forEach((p, i) => list[i] !== undefined && numbers.set(p, list[i]!));
    }
  return fill(high).map((page) => piecesOf(page, pieces, numbers));
}

/** What a page is filled with: paragraphs that stay together, table rows, or a whole chart or picture. */
type Unit =
  | { piece: number; height: number; kind: 'text'; paragraphs: Paragraph[] }
  | { piece: number; height: number; kind: 'rows'; rows: Run[][][] }
  | { piece: number; height: number; kind: 'whole' };

/** The height a piece adds to a page besides its units: a text box's insets, a table's header row. */
function overheadOf(piece: Piece, width: number, size: number, tableSize: number, measure: TextMeasure): number {
  // A text box's insets, and the space after a code block rejoined from parts (see unitsOf).
  if (piece.kind === 'text') return 2 * INSET.y + (piece.paragraphs.some((p) => p.style === 'code') ? (size * PARAGRAPH_SPACING) / 72 : 0);
  if (piece.kind !== 'table') return 0;
  const widths = tableWidths(piece.table, width, tableSize, measure);
  return measure.tableRowHeight(piece.table.header.map(runsText), widths, tableSize, true);
}

function unitsOf(piece: Piece, index: number, region: Styled, size: number, tableSize: number, measure: TextMeasure): Unit[] {
  if (isVisual(piece)) return [{ piece: index, height: MIN_VISUAL[piece.kind], kind: 'whole' }];
  if (piece.kind === 'math') return [{ piece: index, height: mathBox(piece.math, size, region.w).h, kind: 'whole' }];
  if (piece.kind === 'table') {
    const widths = tableWidths(piece.table, region.w, tableSize, measure);
    const heights = piece.table.rows.map((row) => measure.tableRowHeight(row.map(runsText), widths, tableSize));
    // No slide ends on a table's first row or starts with its last: those stay with their neighbour.
    return withoutLoneEnds(piece.table.rows.length).map(([from, to]) => ({
      piece: index,
      height: heights.slice(from, to).reduce((a, b) => a + b, 0),
      kind: 'rows',
      rows: piece.table.rows.slice(from, to),
    }));
  }
  const room = region.h - 2 * INSET.y;
  const height = (p: Paragraph) => measure.paragraphHeight(p, region.w, size);
  if (piece.fill) return codePanelUnits(piece.paragraphs, index, room, height);
  // A part of a code block after the first adds its lines, and the blank lines that join it to the part
  // before, to one paragraph: without a paragraph's space after (the page allows for one, see overheadOf).
  const partHeight = (p: Paragraph) => {
    const join = codeJoins.get(p)?.join;
    if (!join) return height(p);
    const joined = { ...p, runs: [{ text: join.slice(1), code: true }, ...p.runs] };
    return height(joined) - (size * paragraphScale(p) * PARAGRAPH_SPACING) / 72;
  };
  const units: Unit[] = [];
  let glued: Paragraph[] = [];
  const paragraphs = piece.paragraphs.flatMap((p) => (p.style === 'code' ? codeParts(p, room, height) : [p]));
  const listEnds = listEndsKept(paragraphs);
  paragraphs.forEach((p, i) => {
    glued.push(p);
    const next = paragraphs[i + 1];
    // A heading, and a paragraph that leads into a list, stay with what follows them; so do a list's first and last items.
    const keep = next && (p.style === 'heading' || (!p.bullet && p.style !== 'code' && next.bullet !== undefined) || listEnds.has(i));
    if (keep) return;
    units.push({ piece: index, height: glued.reduce((h, g) => h + partHeight(g), 0), kind: 'text', paragraphs: glued });
    glued = [];
  });
  return units;
}

/**
 * A highlighted code block (a panel, one paragraph a line) as units: its blank-line-separated
 * sections whole where one fits a page, else line by line. A blank line stays with the
 * section before it (and is left out where a page ends on it, see piecesOf).
 */
function codePanelUnits(lines: Paragraph[], index: number, room: number, height: (p: Paragraph) => number): Unit[] {
  const sections: Paragraph[][] = [[]];
  lines.forEach((line, i) => {
    const blank = runsText(line.runs).trim() === '';
    sections[sections.length - 1].push(line);
    const next = lines[i + 1];
    if (blank && next && runsText(next.runs).trim() !== '') sections.push([]);
  });
  return sections.flatMap((section) => {
    const total = section.reduce((h, p) => h + height(p), 0);
    const parts = total <= room ? [section] : section.map((line) => [line]);
    return parts.map((paragraphs) => ({
      piece: index,
      height: paragraphs.reduce((h, p) => h + height(p), 0),
      kind: 'text' as const,
      paragraphs,
    }));
  });
}

/**
 * Where a page may break in a run of `n` rows or items, as [from, to) groups: not
 * after the first or before the last (a run of up to three stays whole).
 */
function withoutLoneEnds(n: number): [number, number][] {
  // A table of a header alone is one group too: it stays on its page.
  if (n <= 3) return [[0, n]];
  const groups: [number, number][] = [[0, 2]];
  for (let i = 2; i < n - 2; i++) groups.push([i, i + 1]);
  groups.push([n - 2, n]);
  return groups;
}

/** Indexes of list items that stay with the next one: so that no page ends on a list's first item or starts with its last. */
function listEndsKept(paragraphs: Paragraph[]): Set<number> {
  const kept = new Set<number>();
  for (let start = 0; start < paragraphs.length; start++) {
    if (!paragraphs[start].bullet) continue;
    let end = start;
    while (end + 1 < paragraphs.length && paragraphs[end + 1].bullet) end++;
    for (const [from, to] of withoutLoneEnds(end - start + 1)) for (let i = start + from; i < start + to - 1; i++) kept.add(i);
    start = end;
  }
  return kept;
}

/** The parts of a code block cut from one paragraph, with what joined each to the one before. */
const codeJoins = new WeakMap<Paragraph, { block: Paragraph; join: string }>();

/**
 * A code block as parts a page may end between: its blank-line-separated
 * sections, and a section taller than `room` line by line.
 */
function codeParts(code: Paragraph, room: number, height: (p: Paragraph) => number): Paragraph[] {
  if (height(code) <= room / 2) return [code];
  const sections: { lines: Run[][]; join: string }[] = [{ lines: [], join: '' }];
  let blanks = 0;
  for (const line of runLines(code.runs)) {
    const blank = runsText(line).trim() === '';
    const current = sections[sections.length - 1];
    if (blank && current.lines.length > 0) {
      blanks++;
      continue;
    }
    // A line after blank lines starts a section; blank lines at the start stay with the first.
    if (!blank && blanks > 0) sections.push({ lines: [line], join: '\n'.repeat(blanks + 1) });
    else current.lines.push(line);
    blanks = 0;
  }
  // Blank lines at the end stay with the last section.
  for (; blanks > 0; blanks--) sections[sections.length - 1].lines.push([]);
  return sections.flatMap(({ lines: section, join }) => {
    const whole = { ...code, runs: joinLines(section) };
    if (height(whole) <= room) {
      codeJoins.set(whole, { block: code, join });
      return [whole];
    }
    return section.map((line, i) => {
      const part = { ...code, runs: line.length ? line : [{ text: '', code: true }] };
      codeJoins.set(part, { block: code, join: i === 0 ? join : '\n' });
      return part;
    });
  });
}

/** Runs cut at their line breaks into the runs of each line. */
function runLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text) lines[lines.length - 1].push({ ...run, text });
    });
  }
  return lines;
}

/** Lines of runs as one paragraph's runs, `join` (a line break, or blank lines) between them. */
function joinLines(lines: Run[][], join = '\n'): Run[] {
  return lines.flatMap((line, i) => (i === 0 ? line : [{ text: join, code: true }, ...line]));
}

/** Units in order onto pages of `capacity` inches: each page as full as it can be before the next starts. */
function fillPages(units: Unit[], overheads: number[], capacity: number): Unit[][] {
  const pages: Unit[][] = [];
  let page: Unit[] = [];
  let used = 0;
  for (const unit of units) {
    // A unit that starts its piece on the page brings the piece's overhead, and a gap after what is there.
    const adds = (page: Unit[]) =>
      unit.height + (page[page.length - 1]?.piece === unit.piece ? 0 : overheads[unit.piece] + (page.length ? GAP : 0));
    if (page.length > 0 && used + adds(page) > capacity + 1e-9) {
      pages.push(page);
      page = [];
      used = 0;
    }
    used += adds(page);
    page.push(unit);
  }
  if (page.length) pages.push(page);
  return pages;
}

/** A page's units as pieces again: consecutive units of one piece as one text or table, code parts rejoined. */
function piecesOf(page: Unit[], pieces: Piece[], numbers: Map<Paragraph, number>): Piece[] {
  const out: Piece[] = [];
  let last = -1;
  for (const unit of page) {
    const piece = pieces[unit.piece];
    const same = unit.piece === last;
    last = unit.piece;
    if (unit.kind === 'whole') out.push(piece);
    else if (unit.kind === 'rows' && piece.kind === 'table') {
      const previous = out[out.length - 1];
      if (same && previous.kind === 'table') previous.table.rows.push(...unit.rows);
      else out.push({ ...piece, table: { ...piece.table, rows: [...unit.rows] } });
    } else if (unit.kind === 'text' && piece.kind === 'text') {
      const previous = out[out.length - 1];
      if (same && previous.kind === 'text') previous.paragraphs.push(...unit.paragraphs);
      else out.push({ ...piece, paragraphs: [...unit.paragraphs] });
    }
  }
  return out.map((piece) => {
    if (piece.kind !== 'text') return piece;
    if (piece.fill) return { ...piece, paragraphs: withoutBlankEnds(piece.paragraphs) };
    return { ...piece, paragraphs: numberedOn(rejoinCode(piece.paragraphs), numbers) };
  });
}

/** A code panel's lines on one page, without blank lines at its start or end (where the block was split). */
function withoutBlankEnds(lines: Paragraph[]): Paragraph[] {
  const blank = (p: Paragraph) => runsText(p.runs).trim() === '';
  let from = 0;
  let to = lines.length;
  while (from < to - 1 && blank(lines[from])) from++;
  while (to > from + 1 && blank(lines[to - 1])) to--;
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}

/** Parts of one code block that ended up on one page, as one paragraph again. */
function rejoinCode(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  let block: Paragraph | undefined;
  for (const p of paragraphs) {
    const part = codeJoins.get(p);
    const previous = out[out.length - 1];
    if (part && previous && part.block === block)
      out[out.length - 1] = { ...previous, runs: joinLines([previous.runs, p.runs], part.join) };
    else out.push(p);
    block = part?.block;
  }
  return out;
}

/**
 * The paragraphs of a page with the first numbered item of each level saying its
 * number, so that a list that runs onto the next page numbers on there.
 */
function numberedOn(paragraphs: Paragraph[], numbers: Map<Paragraph, number>): Paragraph[] {
  const numbered = new Set<number>();
  return paragraphs.map((p) => {
    const first = p.bullet === 'number' && !numbered.has(p.level) && p.numberFrom === undefined;
    if (p.bullet === 'number') numbered.add(p.level);
    return first ? { ...p, numberFrom: numbers.get(p) } : p;
  });
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
