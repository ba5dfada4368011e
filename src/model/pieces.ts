import type { Block, ListBlock } from '../content/blocks.js';
import type { DataEntry } from '../data/datasets.js';
import { chartFromBlock, type ChartContent } from './charts.js';
import { tableFromBlock, type TableContent } from './dataTables.js';
import type { Paragraph } from './types.js';

/** A picture found on disk, with its size in pixels. */
export interface ImageInfo {
  path: string;
  width: number;
  height: number;
}

/**
 * What fills a content area, before placement: text (consecutive paragraphs
 * and lists together), tables, charts and pictures, in reading order.
 */
export type Piece =
  | { kind: 'text'; paragraphs: Paragraph[] }
  | { kind: 'table'; table: TableContent; line: number }
  | { kind: 'chart'; chart: ChartContent; line: number }
  | { kind: 'image'; image: ImageInfo; alt: string; line: number };

/** What turning blocks into pieces needs from outside the model. */
export interface PieceContext {
  file: string;
  datasets: Map<string, DataEntry>;
  palette: string[];
  /** Finds a picture relative to the deck and reads its size; throws a diagnostic if it cannot. */
  image(src: string, line: number): ImageInfo;
  warn(rule: string, message: string, line: number): void;
}

/** Turns a content area's blocks into pieces, resolving charts, data tables and pictures. */
export function blocksToPieces(blocks: Block[], ctx: PieceContext): Piece[] {
  const pieces: Piece[] = [];
  const text = (paragraphs: Paragraph[]) => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') for (const p of paragraphs) last.paragraphs.push(p);
    else pieces.push({ kind: 'text', paragraphs });
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        text([{ runs: b.runs.map((r) => ({ ...r, bold: true })), style: 'heading', level: 0 }]);
        break;
      case 'paragraph':
        text([{ runs: b.runs, style: 'body', level: 0 }]);
        break;
      case 'quote':
        text([{ runs: b.runs.map((r) => ({ ...r, italic: true })), style: 'quote', level: 0 }]);
        break;
      case 'code':
        text([{ runs: [{ text: b.text, code: true }], style: 'code', level: 0 }]);
        break;
      case 'list':
        text(listParagraphs(b, 1));
        break;
      case 'table':
        pieces.push({ kind: 'table', table: { header: b.header, rows: b.rows, align: b.align.map((a) => a ?? 'left') }, line: b.line });
        break;
      case 'datatable': {
        const table = tableFromBlock(b, ctx.file, ctx.datasets);
        pieces.push({ kind: 'table', table, line: b.line });
        if (table.source) text([caption(table.source)]);
        break;
      }
      case 'chart': {
        const chart = chartFromBlock(b, ctx.file, ctx.datasets, ctx.palette);
        pieces.push({ kind: 'chart', chart, line: b.line });
        if (chart.source) text([caption(chart.source)]);
        break;
      }
      case 'image':
        if (!b.alt.trim())
          ctx.warn('image/alt', `the picture "${b.src}" has no description for screen readers: write ![what it shows](${b.src})`, b.line);
        pieces.push({ kind: 'image', image: ctx.image(b.src, b.line), alt: b.alt.trim() || b.src, line: b.line });
        break;
      default:
        break;
    }
  }
  return pieces;
}

function caption(source: string): Paragraph {
  return { runs: [{ text: /^source/i.test(source) ? source : `Source: ${source}` }], style: 'caption', level: 0 };
}

/** PowerPoint has nine outline levels; deeper list items stay at the ninth. */
const MAX_LIST_LEVEL = 9;

function listParagraphs(list: ListBlock, level: number): Paragraph[] {
  return list.items.flatMap((item, n) => [
    {
      runs: item.runs,
      style: 'body' as const,
      level,
      bullet: list.ordered ? ('number' as const) : ('bullet' as const),
      ...(list.ordered && n === 0 ? { numberFrom: list.start } : {}),
    },
    ...item.children.flatMap((child) => listParagraphs(child, Math.min(level + 1, MAX_LIST_LEVEL))),
  ]);
}
