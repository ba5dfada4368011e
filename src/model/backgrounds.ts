import type { Block, ImageBlock, ImageOptions } from '../content/blocks.js';
import type { Box } from '../templates/types.js';
import type { ImageInfo } from './pieces.js';
import type { ImageElement } from './types.js';

/** A background picture as written: the picture, its description, and how it fills its area. */
export interface BackgroundPicture {
  image: ImageInfo;
  alt: string;
  background: NonNullable<ImageOptions['background']>;
}

/** Background pictures placed, and the part of the slide left to the content (all of it, unless a picture takes a side). */
export interface PlacedBackgrounds {
  elements: ImageElement[];
  content: { x: number; w: number };
}

/**
 * Places a slide's background pictures as Marp does: the whole slide, or the
 * side a `left`/`right` keyword names (half the slide, or `left:40%`), the last
 * such keyword winning; several pictures share the area side by side (one
 * above the other with `vertical`); each covers its share, cropped (`cover`),
 * or fits inside it (`contain`, `fit`).
 */
export function placeBackgrounds(pictures: BackgroundPicture[], slide: { width: number; height: number }): PlacedBackgrounds {
  const sided = pictures.filter((p) => p.background.side).pop()?.background;
  const splitW = sided ? slide.width * (sided.split ?? 0.5) : slide.width;
  const area: Box = { x: sided?.side === 'right' ? slide.width - splitW : 0, y: 0, w: splitW, h: slide.height };
  const content = !sided ? { x: 0, w: slide.width } : { x: sided.side === 'left' ? splitW : 0, w: slide.width - splitW };
  const vertical = pictures.some((p) => p.background.vertical);
  const n = pictures.length;
  const elements = pictures.map(({ image, alt, background }, i): ImageElement => {
    const cell: Box = vertical
      ? { x: area.x, y: area.y + (i * area.h) / n, w: area.w, h: area.h / n }
      : { x: area.x + (i * area.w) / n, y: area.y, w: area.w / n, h: area.h };
    const base = { kind: 'image' as const, region: 'background', path: image.path, altText: alt };
    if (background.fit === 'cover') return { ...base, ...cell, cover: { width: image.width, height: image.height } };
    const scale = Math.min(cell.w / image.width, cell.h / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    return { ...base, x: cell.x + (cell.w - w) / 2, y: cell.y + (cell.h - h) / 2, w, h };
  });
  return { elements, content };
}

/** A box of a slide squeezed into the part `content` leaves, keeping its place in proportion. */
export function squeezeBox<B extends Box>(box: B, content: { x: number; w: number }, slideWidth: number): B {
  if (content.w === slideWidth) return box;
  const scale = content.w / slideWidth;
  return { ...box, x: content.x + box.x * scale, w: box.w * scale };
}

/** A slide's content without its background pictures, and those pictures, read from disk. */
export function takeBackgrounds(
  blocks: Block[],
  extra: { src: string; line: number }[],
  image: (src: string, line: number) => ImageInfo,
): { content: Block[]; pictures: BackgroundPicture[] } {
  const pictures: BackgroundPicture[] = extra.map(({ src, line }) => ({ image: image(src, line), alt: src, background: { fit: 'cover' } }));
  const take = (b: ImageBlock) => {
    pictures.push({ image: image(b.src, b.line), alt: b.alt || b.src, background: b.options!.background! });
  };
  const content = blocks.flatMap((b): Block[] => {
    if (b.kind === 'image' && b.options?.background) {
      take(b);
      return [];
    }
    if (b.kind !== 'images' || !b.images.some((i) => i.options?.background)) return [b];
    const kept = b.images.filter((i) => !i.options?.background);
    b.images.filter((i) => i.options?.background).forEach(take);
    if (kept.length === 0) return [];
    return [kept.length === 1 ? kept[0] : { ...b, images: kept }];
  });
  return { content, pictures };
}
