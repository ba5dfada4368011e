import type { Box } from '../templates/types.js';
import { shapeStarts } from './slideShapes.js';
import { emu } from './emu.js';

/** A shape of a slide, by its place in the order the shapes are written, and the box it is moved to. */
export interface ShapeMove {
  shape: number;
  box: Box;
}

/**
 * Moves shapes of a slide's XML to new boxes: the first offset and extent in
 * each one's properties are rewritten (pptxgenjs puts a placeholder where its
 * layout does, whatever position it is given).
 */
export function moveShapes(xml: string, moves: ShapeMove[]): string {
  const starts = shapeStarts(xml);
  let out = xml;
  for (const { shape, box } of [...moves].sort((a, b) => b.shape - a.shape)) {
    const start = starts[shape];
    if (start === undefined) continue;
    const at = out.indexOf('<a:off ', start);
    const end = out.indexOf('/>', out.indexOf('<a:ext ', at)) + 2;
    out = out.slice(0, at) + `<a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/>` + out.slice(end);
  }
  return out;
}
