import { imageSize } from 'image-size';
import { fail, type SourcePosition } from '../diagnostics.js';
import { readInputBytes } from '../input/readInput.js';
import { decodeReference } from './resolve.js';
import { checkSvg } from './svg.js';
import type { ImageInfo } from '../model/pieces.js';

const FORMATS = new Set(['png', 'jpg', 'gif', 'svg']);

/** Checks that `file` is a picture PowerPoint shows (PNG, JPEG, GIF or SVG) and reads its size in pixels. */
export function readImageInfo(file: string, src: string, at: SourcePosition): ImageInfo {
  const shown = decodeReference(src);
  const bytes = readInputBytes(file, 'picture', { what: `the picture "${shown}"`, at });
  let dims: ReturnType<typeof imageSize>;
  try {
    dims = imageSize(bytes);
  } catch {
    throw fail('image/not-an-image', `"${shown}" is not a picture lectern can read (use PNG, JPEG, GIF or SVG)`, at);
  }
  if (!dims.type || !FORMATS.has(dims.type) || !dims.width || !dims.height) {
    throw fail('image/format', `"${shown}" is a ${dims.type ?? 'unknown'} picture; PowerPoint decks take PNG, JPEG, GIF or SVG`, at);
  }
  if (dims.type === 'svg') checkSvg(bytes, shown, at);
  return { path: file, width: dims.width, height: dims.height };
}
