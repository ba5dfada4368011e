import type { TypesetDisplayMath } from '../content/blocks.js';
import type { Paragraph } from './types.js';

/**
 * Heights of equations and code lines, beside measure.ts: an equation's size
 * comes from its typeset picture, a code line has exact line spacing.
 */

/** PowerPoint draws Cambria Math somewhat larger than TeX's fonts, in which equations are measured. */
const CAMBRIA_SCALE = 1.15;
/** Room around a display equation, in inches. */
export const MATH_PADDING = 0.12;
/** Line height of code, as a multiple of its size (exact spacing). */
export const CODE_LINE_HEIGHT = 1.2;

/** The box of a display equation at `size` points, and the size it is drawn at: smaller when it is wider than `maxWidth`. */
export function mathBox(math: TypesetDisplayMath, size: number, maxWidth: number): { w: number; h: number; size: number } {
  const inchesPerEm = (size * CAMBRIA_SCALE) / 72;
  const fitted = Math.min(size, (size * (maxWidth - 2 * MATH_PADDING)) / (math.width * inchesPerEm));
  const scale = fitted / size;
  return {
    w: math.width * inchesPerEm * scale + 2 * MATH_PADDING,
    h: math.height * inchesPerEm * scale + 2 * MATH_PADDING,
    size: Math.floor(fitted * 2) / 2,
  };
}

/** The height in inches of one code line at `size` points where `charsPerLine` characters fit, wrapping with a hanging indent. */
export function codeLineHeight(p: Paragraph, size: number, charsPerLine: number): number {
  const length = [...p.runs.map((r) => r.text).join('')].length;
  const hanging = Math.min(p.hanging ?? 0, Math.max(0, charsPerLine - 10));
  const lines = length <= charsPerLine ? 1 : 1 + Math.ceil((length - charsPerLine) / Math.max(1, charsPerLine - hanging));
  return (lines * size * CODE_LINE_HEIGHT) / 72;
}
