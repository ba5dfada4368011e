/**
 * Series colours a colour-blind viewer can tell apart. The rule: series take the
 * template's chart palette in order, except that a colour too close to one already
 * taken, as seen with each common colour-vision deficiency (protanopia,
 * deuteranopia, tritanopia, each approximated by one matrix on linear RGB after Viénot,
 * Brettel and Mollon) or in grey, is
 * passed over for the next palette colour that is not. When the palette has no
 * such colour left, the rest follow in palette order.
 */
export function distinguishableColors(palette: string[], count: number): string[] {
  const chosen: string[] = [];
  const skipped: string[] = [];
  for (const color of palette) {
    if (chosen.length === count) break;
    if (chosen.every((c) => distinguishable(c, color))) chosen.push(color);
    else skipped.push(color);
  }
  for (const color of skipped) if (chosen.length < count) chosen.push(color);
  for (let i = 0; chosen.length < count && palette.length > 0; i++) chosen.push(palette[i % palette.length]);
  return chosen;
}

/** How far apart two colours must be, in each simulated vision, in OKLab units. */
const MIN_DISTANCE = 0.08;

/** Colour-vision deficiencies, as matrices on linear RGB. */
const VISIONS: number[][][] = [
  [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ], // protanopia
  [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ], // deuteranopia
  [
    [1, 0.14461, -0.14461],
    [0, 0.85924, 0.14076],
    [0, 0.85924, 0.14076],
  ], // tritanopia
  [
    [0.2126, 0.7152, 0.0722],
    [0.2126, 0.7152, 0.0722],
    [0.2126, 0.7152, 0.0722],
  ], // grey (a black-and-white print)
];

/** Whether two `RRGGBB` colours stay apart in every simulated vision. */
export function distinguishable(a: string, b: string): boolean {
  const [la, lb] = [linear(a), linear(b)];
  return VISIONS.every((m) => distance(oklab(apply(m, la)), oklab(apply(m, lb))) >= MIN_DISTANCE);
}

function linear(hex: string): number[] {
  const n = parseInt(hex.replace(/^#/, ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
}

function apply(m: number[][], v: number[]): number[] {
  return m.map((row) => Math.max(0, row[0] * v[0] + row[1] * v[1] + row[2] * v[2]));
}

function oklab([r, g, b]: number[]): number[] {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function distance(a: number[], b: number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
