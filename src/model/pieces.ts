import type { Block, CodeBlock, ImageBlock, ImageOptions, ListBlock, Run, TypesetDisplayMath } from '../content/blocks.js';
import { mix } from '../templates/colors.js';
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
  /** Text; code on a panel of its own colour; a table's source line, `under` the table, as wide as it. */
  | { kind: 'text'; paragraphs: Paragraph[]; fill?: string; under?: 'table' }
  /** A display equation. */
  | { kind: 'math'; math: TypesetDisplayMath; line: number; step?: number }
  | { kind: 'table'; table: TableContent; line: number; step?: number }
  | { kind: 'chart'; chart: ChartContent; line: number; step?: number }
  | { kind: 'image'; image: ImageInfo; alt: string; line: number; options?: ImageOptions; step?: number }
  /** Pictures side by side, each in an equal share of the width. */
  | { kind: 'images'; images: Picture[]; line: number; step?: number };

/** A picture, its description and the size it asks for. */
export interface Picture {
  image: ImageInfo;
  alt: string;
  options?: ImageOptions;
}

/** What turning blocks into pieces needs from outside the model. */
export interface PieceContext {
  file: string;
  datasets: Map<string, DataEntry>;
  palette: string[];
  /** The template's accent colour, for highlighted chart categories. */
  accent?: string;
  /** The words lectern writes, in the deck's language (whose numbers table cells and charts write). */
  messages: Messages;
  /** Finds a picture relative to the deck and reads its size; throws a diagnostic if it cannot. */
  image(src: string, line: number): ImageInfo;
  warn(rule: string, message: string, line: number): void;
}

/** Turns a content area's blocks into pieces, resolving charts, data tables and pictures. */
export function blocksToPieces(blocks: Block[], ctx: PieceContext): Piece[] {
  const pieces: Piece[] = [];
  // The click the block being read appears on: its paragraphs and pieces take it.
  let step: number | undefined;
  const stepped = (paragraphs: Paragraph[]) => (step ? paragraphs.map((p) => (p.step === undefined ? { ...p, step } : p)) : paragraphs);
  const text = (paragraphs: Paragraph[]) => {
    paragraphs = stepped(paragraphs);
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text' && !last.fill && !last.under) for (const p of paragraphs) last.paragraphs.push(p);
    else pieces.push({ kind: 'text', paragraphs });
  };
  const push = (piece: Exclude<Piece, { kind: 'text' }>) => pieces.push(step && piece.step === undefined ? { ...piece, step } : piece);
  for (const b of blocks) {
    step = b.step;
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
          else push(piece);
        }
        break;
      case 'columns':
        // Columns inside a quote or a column: their content, one column after the other.
        for (const piece of blocksToPieces(b.columns.flat(), ctx)) {
          if (piece.kind === 'text') text(piece.paragraphs);
          else push(piece);
        }
        break;
      case 'sized':
        for (const piece of blocksToPieces(b.blocks, ctx)) {
          if (piece.kind === 'text') text(piece.paragraphs);
          else push(piece);
        }
        break;
      case 'footnote':
        text([{ runs: [{ text: String(b.number), baseline: 'sup' }, { text: ' ' }, ...b.runs], style: 'caption', level: 0 }]);
        break;
      case 'code':
        if (b.lines && b.panel) pieces.push({ kind: 'text', paragraphs: stepped(codeParagraphs(b)), fill: b.panel.background });
        else text([{ runs: [{ text: b.text, code: true }], style: 'code', level: 0 }]);
        break;
      case 'math':
        if (b.math.typeset) push({ kind: 'math', math: b.math.typeset, line: b.line });
        break;
      case 'list':
        text(listParagraphs(b, 1));
        break;
      case 'table':
        push({ kind: 'table', table: { header: b.header, rows: b.rows, align: b.align.map((a) => a ?? 'left') }, line: b.line });
        break;
      case 'datatable': {
        const table = tableFromBlock(b, ctx.file, ctx.datasets, ctx.messages);
        push({ kind: 'table', table, line: b.line });
        if (table.source) pieces.push({ kind: 'text', paragraphs: stepped([caption(table.source, ctx.messages)]), under: 'table' });
        break;
      }
      case 'chart': {
        const chart = chartFromBlock(b, ctx.file, ctx.datasets, { palette: ctx.palette, accent: ctx.accent, messages: ctx.messages });
        push({ kind: 'chart', chart, line: b.line });
        if (chart.source) text([caption(chart.source, ctx.messages)]);
        break;
      }
      case 'image':
        push({ kind: 'image', ...picture(b, ctx), line: b.line });
        break;
      case 'images':
        push({ kind: 'images', images: b.images.map((image) => picture(image, ctx)), line: b.line });
        break;
      default:
        break;
    }
  }
  return pieces;
}

/**
 * A code block as one paragraph per line (exact spacing, a hanging indent where a
 * long line wraps), with its line numbers and highlighted lines.
 */
function codeParagraphs(b: CodeBlock): Paragraph[] {
  const lines = b.lines!;
  const first = b.startFrom ?? 1;
  const width = String(first + lines.length - 1).length;
  const marked = new Set(b.highlight ?? []);
  const numberColor = mix(b.panel!.background, b.panel!.foreground, 0.55);
  return lines.map((runs, i) => {
    const text = runs.map((r) => r.text).join('');
    const number: Run[] = b.numbers ? [{ text: `${String(first + i).padStart(width)}  `, code: true, color: numberColor }] : [];
    const line = marked.has(i + 1) ? runs.map((r) => ({ ...r, highlight: true })) : runs;
    const all = [...number, ...line];
    return {
      // An empty line keeps its height.
      runs: all.length ? all : [{ text: '', code: true }],
      style: 'code' as const,
      level: 0,
      hanging: (b.numbers ? width + 2 : 0) + (/^\s*/.exec(text)?.[0].length ?? 0),
    };
  });
}

/** A picture read from disk, described; one without a description is described by its file name, with a warning. */
function picture(b: ImageBlock, ctx: PieceContext): Picture {
  if (!b.alt.trim())
    ctx.warn('image/alt', `the picture "${b.src}" has no description for screen readers: write ![what it shows](${b.src})`, b.line);
  return { image: ctx.image(b.src, b.line), alt: b.alt.trim() || b.src, ...(b.options ? { options: b.options } : {}) };
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

/** A list's paragraphs; an incremental list's items each on their own click, with their sublists. */
function listParagraphs(list: ListBlock, level: number): Paragraph[] {
  return list.items.flatMap((item, n) => {
    const paragraphs: Paragraph[] = [
      {
        runs: item.runs,
        style: 'body' as const,
        level,
        bullet: list.ordered ? ('number' as const) : ('bullet' as const),
        ...(list.ordered && n === 0 ? { numberFrom: list.start } : {}),
      },
      ...item.children.flatMap((child) => listParagraphs(child, Math.min(level + 1, MAX_LIST_LEVEL))),
    ];
    return list.incremental && list.step ? paragraphs.map((p) => ({ ...p, step: list.step! + n })) : paragraphs;
  });
}
