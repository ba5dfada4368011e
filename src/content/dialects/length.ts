import type { Length } from '../blocks.js';

/** Inches in one unit of each length pandoc and Marp accept (CSS pixels are 1/96 in; Marp's 1280 px slide is lectern's 13.33 in). */
const INCHES: Record<string, number> = { in: 1, px: 1 / 96, cm: 1 / 2.54, mm: 1 / 25.4, pt: 1 / 72, pc: 1 / 6, em: 1 / 6 };

/** Reads `50%`, `3in`, `300px`, `7.5cm` or a bare number of pixels (`200`); undefined when it is none of these. */
export function parseLength(text: string): Length | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|[a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = m[2].toLowerCase() || 'px';
  if (unit === '%') return value > 0 ? { unit: '%', value } : undefined;
  const inches = INCHES[unit];
  return inches !== undefined && value > 0 ? { unit: 'in', value: value * inches } : undefined;
}
