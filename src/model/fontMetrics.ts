import { CJK_WIDTHS, FONT_WIDTHS } from './fontWidths.js';

/** How wide a font's characters are, for measuring text before PowerPoint or LibreOffice lays it out. */
export interface FontMetrics {
  /** The font whose widths these are (`Carlito` for Calibri), and whether the template's font has a table. */
  table: string;
  known: boolean;
  /** Single line spacing, in em. */
  lineHeight: number;
  /** Advance width of code point `cp` in em. */
  advance(cp: number, bold: boolean): number;
  /** Advance widths in em by code point, for the Latin characters, below U+0250 (the fast path of `advance`). */
  widths(bold: boolean): Float32Array;
}

/** PowerPoint's fonts (and the open fonts themselves) by the open font with their metrics, lower case. */
const METRIC_TWINS: Record<string, string> = {
  calibri: 'Carlito',
  carlito: 'Carlito',
  cambria: 'Caladea',
  caladea: 'Caladea',
  arial: 'Liberation Sans',
  helvetica: 'Liberation Sans',
  arimo: 'Liberation Sans',
  'liberation sans': 'Liberation Sans',
  'times new roman': 'Liberation Serif',
  times: 'Liberation Serif',
  tinos: 'Liberation Serif',
  'liberation serif': 'Liberation Serif',
  'courier new': 'Liberation Mono',
  courier: 'Liberation Mono',
  cousine: 'Liberation Mono',
  'liberation mono': 'Liberation Mono',
  'dejavu sans': 'DejaVu Sans',
  verdana: 'DejaVu Sans',
  'dejavu serif': 'DejaVu Serif',
  'dejavu sans mono': 'DejaVu Sans Mono',
  // Monospaced at 0.55 em; measured at the 0.6 em of DejaVu Sans Mono, which LibreOffice draws it with.
  consolas: 'DejaVu Sans Mono',
};

/**
 * The table for a font no table has, by its class: the widest open font of that
 * class, so that text measured to fit fits in whatever font stands in for it.
 */
const NEAREST_CLASS: [RegExp, string][] = [
  [/mono|code|consol|courier|menlo|typewriter|fixed/i, 'DejaVu Sans Mono'],
  [/^(?!.*sans).*(serif|times|georgia|garamond|cambria|palatino|book|roman|minion|baskerville)/i, 'DejaVu Serif'],
  [/./, 'DejaVu Sans'],
];

/** Where characters a font lacks are drawn from: DejaVu Sans covers Greek, Cyrillic, Hebrew and Arabic. */
const FALLBACK = 'DejaVu Sans';

const decoded = new Map<string, Uint16Array>();

/**
 * A `start:w,w*n,...;...` table as widths by code point below `end` (thousandths of
 * an em; 0 = no glyph). The ranges are in order: those from `end` on are not read.
 */
function decode(key: string, table: string, end: number): Uint16Array {
  let widths = decoded.get(`${key}/${end}`);
  if (widths) return widths;
  widths = new Uint16Array(end);
  for (const range of table.split(';')) {
    const [start, list] = range.split(':');
    let cp = parseInt(start, 16);
    if (cp >= end) break;
    for (const item of list.split(',')) {
      const [w, n] = item.split('*');
      const width = Number(w);
      for (let i = Number(n ?? 1); i > 0 && cp < end; i--) widths[cp++] = width;
    }
  }
  decoded.set(`${key}/${end}`, widths);
  return widths;
}

let cjkSpans: { regular: Uint32Array; bold: Uint32Array } | undefined;

/** The East Asian spans as [start, end, width] triples, read the first time such text is measured. */
function cjkTable(bold: boolean): Uint32Array {
  cjkSpans ??= { regular: spans(CJK_WIDTHS.regular), bold: spans(CJK_WIDTHS.bold) };
  return bold ? cjkSpans.bold : cjkSpans.regular;
}

function spans(text: string): Uint32Array {
  const list = text.split(';');
  const out = new Uint32Array(list.length * 3);
  list.forEach((span, i) => {
    const [range, w] = span.split(':');
    const [start, end] = range.split('-');
    out.set([parseInt(start, 16), parseInt(end, 16), Number(w)], i * 3);
  });
  return out;
}

/** Width in thousandths of an em of an East Asian character, or 0 outside the spans. */
function cjkWidth(cp: number, bold: boolean): number {
  const table = cjkTable(bold);
  let lo = 0;
  let hi = table.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[mid * 3]) hi = mid - 1;
    else if (cp > table[mid * 3 + 1]) lo = mid + 1;
    else return table[mid * 3 + 2];
  }
  return 0;
}

/** Whether `cp` is East Asian Wide or Fullwidth (CJK, kana, Hangul, full-width forms). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Width in em of a character no table has, by its Unicode class. */
function classWidth(cp: number): number {
  // Combining marks, zero-width joiners and spaces, variation selectors: nothing of their own.
  if (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  )
    return 0;
  // East Asian Wide and Fullwidth, and emoji: a square em.
  if (isWide(cp) || (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf)) return 1;
  return 0.6;
}

/** Single line spacing of the tightest fonts, in em. */
const MIN_LINE_HEIGHT = 1.2;

const cache = new Map<string, FontMetrics>();

/** The metrics of font `name` (as a template names it): its own table, its metric twin's, or its class's. */
export function fontMetrics(name: string): FontMetrics {
  let metrics = cache.get(name);
  if (metrics) return metrics;
  const twin = METRIC_TWINS[name.trim().toLowerCase()];
  const table = twin ?? NEAREST_CLASS.find(([pattern]) => pattern.test(name))![1];
  metrics = makeMetrics(table, twin !== undefined);
  cache.set(name, metrics);
  return metrics;
}

function makeMetrics(table: string, known: boolean): FontMetrics {
  const own = FONT_WIDTHS[table];
  // Each table is made the first time it is needed: the Latin characters' for most text, the whole for the rest.
  let latin: Float32Array | undefined;
  let latinBold: Float32Array | undefined;
  let all: Float32Array | undefined;
  let allBold: Float32Array | undefined;
  const latinWidths = (isBold: boolean) =>
    isBold ? (latinBold ??= tableWidths(table, 'bold', LATIN_END)) : (latin ??= tableWidths(table, 'regular', LATIN_END));
  return {
    table,
    known,
    // PowerPoint and LibreOffice give a line at least 1.2 em, whatever the font says.
    lineHeight: Math.max(own.lineHeight, MIN_LINE_HEIGHT),
    widths: latinWidths,
    advance(cp, isBold) {
      if (cp < LATIN_END) return latinWidths(isBold)[cp];
      if (cp < TABLE_END)
        return (isBold ? (allBold ??= tableWidths(table, 'bold', TABLE_END)) : (all ??= tableWidths(table, 'regular', TABLE_END)))[cp];
      if (cp >= 0x3000 && cp <= 0xffef) {
        const w = cjkWidth(cp, isBold);
        if (w) return w / 1000;
      }
      return classWidth(cp);
    },
  };
}

/** Where the per-font tables end: characters from here on are East Asian, or measured by class. */
const TABLE_END = 0x2300;
/** Where the Latin characters end (Basic Latin to Latin Extended-B): most text has no others. */
const LATIN_END = 0x250;

/** A font's widths in em below `end`, what it lacks filled from the fallback font, else by Unicode class. */
function tableWidths(table: string, weight: 'regular' | 'bold', end: number): Float32Array {
  const own = decode(`${table}/${weight}`, FONT_WIDTHS[table][weight], end);
  const fallback = decode(`${FALLBACK}/${weight}`, FONT_WIDTHS[FALLBACK][weight], end);
  const widths = new Float32Array(end);
  for (let cp = 0; cp < end; cp++) widths[cp] = own[cp] ? own[cp] / 1000 : fallback[cp] ? fallback[cp] / 1000 : classWidth(cp);
  return widths;
}

/**
 * Line spacing, in em, of a line with East Asian text. LibreOffice keeps the
 * Latin font's (1.2 em for Calibri's stand-in) when it draws the characters in
 * Noto Sans CJK (whose own is 1.448 em); PowerPoint's East Asian fonts take 1.3
 * (Microsoft YaHei) and more: 1.3 keeps both within reach.
 */
export const CJK_LINE_HEIGHT = Math.min(CJK_WIDTHS.lineHeight, 1.3);
