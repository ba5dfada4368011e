/** Colour arithmetic on six-hex-digit colours (no '#'). */

function channels(hex: string): number[] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function toHex(rgb: number[]): string {
  return rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** `a` moved a fraction `t` of the way to `b`. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [channels(a), channels(b)];
  return toHex(x.map((c, i) => c + (y[i] - c) * t));
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Whichever of `candidates` reads best on `background`. */
export function readableOn(background: string, candidates: string[]): string {
  return candidates.reduce((best, c) => (contrast(c, background) > contrast(best, background) ? c : best));
}

/** Whichever of `candidates` reads best on the worst of `backgrounds` (labels on pie slices). */
export function readableOnAll(backgrounds: string[], candidates: string[]): string {
  const worst = (c: string) => Math.min(...backgrounds.map((b) => contrast(c, b)));
  return candidates.reduce((best, c) => (worst(c) > worst(best) ? c : best));
}

/** The first of `candidates` with WCAG AA contrast (4.5:1) on `background`, else the best of them. */
export function firstReadable(background: string, candidates: string[]): string {
  return candidates.find((c) => contrast(c, background) >= 4.5) ?? readableOn(background, candidates);
}

/** Chart colours from a template's primary and accent colours, then lighter and darker tints. */
export function derivePalette(primary: string, accent: string): string[] {
  return [
    primary,
    accent,
    mix(primary, 'FFFFFF', 0.45),
    mix(accent, 'FFFFFF', 0.45),
    mix(primary, '000000', 0.4),
    mix(accent, '000000', 0.4),
    mix(primary, 'FFFFFF', 0.7),
    mix(accent, 'FFFFFF', 0.7),
  ];
}
