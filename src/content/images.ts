import { readFileSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import { fail, type SourcePosition } from '../diagnostics.js';
import { describeFsError } from './source.js';
import { checkSvg } from './svg.js';
import type { ImageInfo } from '../model/pieces.js';

/** The largest picture lectern puts in a deck. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
const FORMATS = new Set(['png', 'jpg', 'gif', 'svg']);

/** Checks that `file` is a picture PowerPoint shows (PNG, JPEG, GIF or SVG) and reads its size in pixels. */
export function readImageInfo(file: string, src: string, at: SourcePosition): ImageInfo {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw fail('image/missing', `cannot find the picture "${src}": ${describeFsError(error)}`, at);
  }
  if (size > MAX_IMAGE_BYTES) {
    throw fail(
      'image/too-large',
      `the picture "${src}" is ${(size / 1048576).toFixed(1)} MB; pictures over ${MAX_IMAGE_BYTES / 1048576} MB make decks too big to share, so make it smaller`,
      at,
    );
  }
  let dims: ReturnType<typeof imageSize>;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
    dims = imageSize(bytes);
  } catch {
    throw fail('image/not-an-image', `"${src}" is not a picture lectern can read (use PNG, JPEG, GIF or SVG)`, at);
  }
  if (!dims.type || !FORMATS.has(dims.type) || !dims.width || !dims.height) {
    throw fail('image/format', `"${src}" is a ${dims.type ?? 'unknown'} picture; PowerPoint decks take PNG, JPEG, GIF or SVG`, at);
  }
  if (dims.type === 'svg') checkSvg(bytes, src, at);
  return { path: file, width: dims.width, height: dims.height };
}
