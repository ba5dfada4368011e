import type { TypesetDisplayMath } from '../content/blocks.js';
import { svgToPng } from '../content/svg.js';

/**
 * The picture of a display equation that programs without equations show: its
 * SVG in the text's colour, drawn at the size of its box (less the padding), as
 * the base64 data pptxgenjs takes.
 */
export function mathPicture(math: TypesetDisplayMath, box: { w: number; h: number }, color: string): string {
  // An equation written on many slides is typeset once (one `math`), and drawn once at each size and colour.
  const pictures = drawn.get(math) ?? new Map<string, string>();
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
  const data = `image/png;base64,${Buffer.from(png).toString('base64')}`;
  pictures.set(key, data);
  return data;
}

const drawn = new WeakMap<TypesetDisplayMath, Map<string, string>>();
