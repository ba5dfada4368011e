import { readFileSync } from 'node:fs';
import { svgToPng } from '../content/svg.js';
import { EMU_PER_INCH } from './emu.js';

/** A picture's relationship as pptxgenjs keeps it: its internals, read and changed only here. */
interface MediaRel {
  path?: string;
  data?: string;
  /** Marks the PNG that stands in for an SVG picture. */
  isSvgPng?: boolean;
  /** Where the SVG is placed, in EMU. */
  svgSize?: { w: number; h: number };
}

type MediaHolder = { _relsMedia?: MediaRel[] };

/**
 * Gives every SVG picture a real PNG fallback. pptxgenjs gives an SVG two parts, the
 * SVG and a PNG for programs that cannot draw SVG; in Node that PNG is the SVG's own
 * bytes under a .png name (or, by a race, its "broken image" picture). Each is
 * rendered here, at the size the picture is placed, before the package is written.
 */
export function renderSvgFallbacks(pptx: object): void {
  // The slides, layouts and master each list their pictures in `_relsMedia`.
  const { slides, slideLayouts, masterSlide } = pptx as Record<'slides' | 'slideLayouts', MediaHolder[]> & { masterSlide: MediaHolder };
  const rendered = new Map<string, string>();
  for (const holder of [...slides, ...slideLayouts, masterSlide]) {
    for (const rel of holder._relsMedia ?? []) {
      if (!rel.isSvgPng || !rel.path || !rel.svgSize) continue;
      const size = { width: rel.svgSize.w / EMU_PER_INCH, height: rel.svgSize.h / EMU_PER_INCH };
      const key = `${size.width}x${size.height} ${rel.path}`;
      let data = rendered.get(key);
      if (data === undefined) {
        const png = svgToPng(readFileSync(rel.path), size, rel.path, { file: rel.path });
        data = `image/png;base64,${Buffer.from(png).toString('base64')}`;
        rendered.set(key, data);
      }
      rel.data = data;
      // Left marked, the PNG would be replaced by pptxgenjs's "broken image" picture in Node.
      delete rel.isSvgPng;
    }
  }
}
