import type { Block, ImageBlock, ListBlock } from '../content/blocks.js';
import type { DataEntry } from '../data/datasets.js';
import { chartFromBlock, type ChartContent } from './charts.js';
import { tableFromBlock, type TableContent } from './dataTables.js';
import type { Paragraph } from './types.js';
import type { Messages } from '../i18n/messages.js';

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
  | { kind: 'image'; image: ImageInfo; alt: string; line: number }
  /** Pictures side by side, each in an equal share of the width. */
  | { kind: 'images'; images: Picture[]; line: number };

/** A picture and its description. */
export interface Picture {
  image: ImageInfo;
  alt: string;
}

/** What turning blocks into pieces needs from outside the model. */
export interface PieceContext {
  file: string;
  datasets: Map<string, DataEntry>;
  palette: string[];
  /** The words lectern writes, in the deck's language. */
  messages: Messages;
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
        // What a quote holds, its text in italics; tables, charts and pictures in it stay what they are.
        for (const piece of blocksToPieces(b.blocks, ctx)) {
          if (piece.kind === 'text') text(piece.paragraphs.map(quoted));
          else pieces.push(piece);
        }
        break;
      case 'columns':
        // Columns inside a quote or a column: their content, one column after the other.
        for (const piece of blocksToPieces(b.columns.flat(), ctx)) {
          if (piece.kind === 'text') text(piece.paragraphs);
          else pieces.push(piece);
        }
        break;
      case 'footnote':
        text([{ runs: [{ text: String(b.number), baseline: 'sup' }, { text: ' ' }, ...b.runs], style: 'caption', level: 0 }]);
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
        const table = tableFromBlock(b, ctx.file, ctx.datasets, ctx.messages.lang);
        pieces.push({ kind: 'table', table, line: b.line });
        if (table.source) text([caption(table.source, ctx.messages)]);
        break;
      }
      case 'chart': {
        const chart = chartFromBlock(b, ctx.file, ctx.datasets, ctx.palette, ctx.messages);
        pieces.push({ kind: 'chart', chart, line: b.line });
        if (chart.source) text([caption(chart.source, ctx.messages)]);
        break;
      }
      case 'image':
        pieces.push({ kind: 'image', ...picture(b, ctx), line: b.line });
        break;
      case 'images':
        pieces.push({ kind: 'images', images: b.images.map((image) => picture(image, ctx)), line: b.line });
        break;
      default:
        break;
    }
  }
  return pieces;
}

/** A picture read from disk, described; one without a description is described by its file name, with a warning. */
function picture(b: ImageBlock, ctx: PieceContext): Picture {
  if (!b.alt.trim())
    ctx.warn('image/alt', `the picture "${b.src}" has no description for screen readers: write ![what it shows](${b.src})`, b.line);
  return { image: ctx.image(b.src, b.line), alt: b.alt.trim() || b.src };
}

/** A paragraph inside a block quote: in italics, in the quote style unless it is a heading, caption or code. */
function quoted(p: Paragraph): Paragraph {
  return { ...p, style: p.style === 'body' ? 'quote' : p.style, runs: p.runs.map((r) => ({ ...r, italic: true })) };
}

/** "Source: …" under a chart or table, in the deck's language, unless the source already says so. */
function caption(source: string, messages: Messages): Paragraph {
  const word = messages.text('source', { source: '' }).trim().toLowerCase();
  const said = /^source/i.test(source) || (word !== '' && source.toLowerCase().startsWith(word.replace(/[:：\s]+$/u, '')));
  return { runs: [{ text: said ? source : messages.text('source', { source }) }], style: 'caption', level: 0 };
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
