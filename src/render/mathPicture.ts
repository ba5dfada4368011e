import type { TypesetDisplayMath } from '../content/blocks.js';
import { svgToPng } from '../content/svg.js';

/**
 * The picture of a display equation that programs without equations show: its
 * SVG in the text's colour, drawn at the size of its box (less the padding). The
 * same picture is the same array, for the package to hold once.
 */
export function mathPicture(math: TypesetDisplayMath, box: { w: number; h: number }, color: string): Uint8Array {
  // An equation written on many slides is typeset once (one `math`), and drawn once at each size and colour.
  const pictures = drawn.get(math) ?? new Map<string, Uint8Array>();
  drawn.set(math, pictures);
  const key = `${box.w} ${box.h} ${color}`;
  const known = pictures.get(key);
  if (known) return known;
  // MathJax draws in `currentColor` and sizes the picture in ex; it is given the colour and a size in em.
  const size = { width: math.width * 100, height: math.height * 100 };
  const svg = math.svg
    .replace(/currentColor/g, () => `#${color}`)
    .replace(
      /^<svg([^>]*?) width="[^"]*" height="[^"]*"/,
      (_, before: string) => `<svg${before} width="${size.width}" height="${size.height}"`,
    )
    .replace(/ style="vertical-align:[^"]*"/, '');
  // MathJax draws its own glyphs as paths; only characters its fonts lack are text.
  const png = svgToPng(
    new TextEncoder().encode(svg),
    { width: box.w, height: box.h },
    'equation',
    { file: 'equation' },
    svg.includes('<text'),
    size,
  );
  pictures.set(key, png);
  return png;
}

const drawn = new WeakMap<TypesetDisplayMath, Map<string, Uint8Array>>();
