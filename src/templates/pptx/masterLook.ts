/**
 * What text looks like on a layout of a PowerPoint file where lectern leaves its
 * colour to the file: the colour a placeholder's text inherits (layout, master,
 * master text styles, theme) and the colour behind the placeholder's middle (the
 * background, then the master's and layout's shapes painted over it, as LibreOffice's
 * PPTX export draws its backgrounds). Parsed parts are read, never edited.
 */
import { mix } from '../colors.js';
import { childElements, descendants, type Element } from '../../render/xml.js';

/** A master's colours: its theme's slots (dk1, lt1, accent1…) and its colour map (bg1 → lt1, tx1 → dk1…). */
export interface ColorContext {
  scheme: Record<string, string>;
  map: Record<string, string>;
}

interface Point {
  x: number;
  y: number;
}

/** The colour of `a:srgbClr`, `a:sysClr` or `a:schemeClr` under `fill`, with its opacity (0–1); undefined where none. */
function colorOf(fill: Element, ctx: ColorContext): { hex: string; alpha: number } | undefined {
  const color = childElements(fill).find((e) => /^a:(srgbClr|sysClr|schemeClr|prstClr)$/.test(e.name));
  if (!color) return undefined;
  const slot = color.attribs.val ?? '';
  const raw =
    color.name === 'a:srgbClr'
      ? slot
      : color.name === 'a:sysClr'
        ? color.attribs.lastClr
        : color.name === 'a:schemeClr'
          ? ctx.scheme[ctx.map[slot] ?? slot]
          : PRESET[slot];
  if (!raw || !/^[0-9a-f]{6}$/i.test(raw)) return undefined;
  const alpha = childElements(color, 'a:alpha')[0]?.attribs.val;
  return { hex: raw.toUpperCase(), alpha: alpha === undefined ? 1 : Number(alpha) / 100000 };
}

const PRESET: Record<string, string> = { black: '000000', white: 'FFFFFF' };

/** A fill's colour and opacity at a point of its box (0–1 across and down); a picture (null) has none known. */
type Fill = ((at: Point) => Paint | undefined) | null | undefined;

type Paint = { hex: string; alpha: number };

/**
 * A shape's or background's fill, read once: a colour, a gradient's colour at a point (linear along its
 * angle; a path gradient from its centre out), null for a picture, undefined for none.
 */
function fillOf(properties: Element | undefined, ctx: ColorContext): Fill {
  if (!properties) return undefined;
  for (const fill of childElements(properties)) {
    if (fill.name === 'a:solidFill') {
      const paint = colorOf(fill, ctx);
      return paint && (() => paint);
    }
    if (fill.name === 'a:blipFill' || fill.name === 'a:pattFill') return null;
    if (fill.name === 'a:gradFill') return gradient(fill, ctx);
    if (fill.name === 'a:noFill') return undefined;
  }
  return undefined;
}

/** A gradient's colour at a point of its box. */
function gradient(fill: Element, ctx: ColorContext): Fill {
  const stops = descendants(fill, 'a:gs')
    .flatMap((gs) => {
      const paint = colorOf(gs, ctx);
      return paint ? [{ ...paint, pos: Number(gs.attribs.pos ?? 0) / 100000 }] : [];
    })
    .sort((a, b) => a.pos - b.pos);
  if (stops.length === 0) return undefined;
  const linear = childElements(fill, 'a:lin')[0];
  const path = childElements(fill, 'a:path')[0];
  const angle = (Number(linear?.attribs.ang ?? 0) / 60000) * (Math.PI / 180);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const rect = (path && childElements(path, 'a:fillToRect')[0]?.attribs) ?? {};
  const centre = { x: Number(rect.l ?? 50000) / 100000, y: Number(rect.t ?? 50000) / 100000 };
  const far = Math.max(...[0, 1].flatMap((x) => [0, 1].map((y) => Math.hypot(x - centre.x, y - centre.y))));
  return (at) => {
    const along = linear
      ? 0.5 + ((at.x - 0.5) * cos + (at.y - 0.5) * sin) / (Math.abs(cos) + Math.abs(sin))
      : path
        ? Math.hypot(at.x - centre.x, at.y - centre.y) / (far || 1)
        : 0.5;
    const t = Math.min(1, Math.max(0, along));
    const after = stops.findIndex((s) => s.pos >= t);
    if (after <= 0) return after === 0 ? stops[0] : stops[stops.length - 1];
    const [a, b] = [stops[after - 1], stops[after]];
    const f = b.pos === a.pos ? 0 : (t - a.pos) / (b.pos - a.pos);
    return { hex: mix(a.hex, b.hex, f), alpha: a.alpha + (b.alpha - a.alpha) * f };
  };
}

/** A part's own background (`p:bg`): its colour, null for a picture, undefined where it has none. */
export function backgroundOf(part: Element, ctx: ColorContext): string | null | undefined {
  const bg = childElements(childElements(part, 'p:cSld')[0] ?? part, 'p:bg')[0];
  if (!bg) return undefined;
  const properties = childElements(bg, 'p:bgPr')[0];
  if (properties) {
    const fill = fillOf(properties, ctx);
    return fill === null ? null : fill?.({ x: 0.5, y: 0.5 })?.hex;
  }
  const reference = childElements(bg, 'p:bgRef')[0];
  return reference ? (colorOf(reference, ctx)?.hex ?? null) : undefined;
}

/** A shape as something painted over the background: its box (EMU), whether it is flipped, and its fill. */
export interface Layer {
  box: Box;
  flipH: boolean;
  fill: Fill;
}

type Box = { x: number; y: number; w: number; h: number };

/** The shapes of a part's shape tree that `keep` keeps, in the order they are painted, as layers (a picture's fill is unknown). */
export function layersOf(part: Element, keep: (shape: Element) => boolean, ctx: ColorContext): Layer[] {
  const tree = shapeTree(part);
  const shapes = tree ? childElements(tree).filter((e) => (e.name === 'p:sp' || e.name === 'p:pic') && keep(e)) : [];
  return shapes.flatMap((shape) => layerOf(shape, ctx) ?? []);
}

/** A master's or layout's shape tree. */
export function shapeTree(part: Element): Element | undefined {
  return childElements(childElements(part, 'p:cSld')[0] ?? part, 'p:spTree')[0];
}

/** One shape as a layer, where it has a position. */
export function layerOf(shape: Element, ctx: ColorContext): Layer | undefined {
  const box = boxOf(shape);
  if (!box) return undefined;
  const flipH = descendants(shape, 'a:xfrm')[0]?.attribs.flipH === '1';
  return { box, flipH, fill: shape.name === 'p:pic' ? null : fillOf(childElements(shape, 'p:spPr')[0], ctx) };
}

/**
 * The colour behind `point` (EMU): `base`, then every layer that covers it, painted in order (a layer's
 * opacity mixes it with what is below). Undefined where a picture lies there: its colour is not known.
 */
export function backdropAt(point: Point, base: string, layers: Layer[]): string | undefined {
  let color = base;
  for (const { box, flipH, fill } of layers) {
    if (point.x < box.x || point.x > box.x + box.w || point.y < box.y || point.y > box.y + box.h) continue;
    if (fill === null) return undefined;
    const across = (point.x - box.x) / (box.w || 1);
    const paint = fill?.({ x: flipH ? 1 - across : across, y: (point.y - box.y) / (box.h || 1) });
    if (paint) color = mix(color, paint.hex, paint.alpha);
  }
  return color;
}

/** A shape's box (EMU), where it has a position. */
export function boxOf(shape: Element | undefined): Box | undefined {
  const xfrm = shape && descendants(shape, 'a:xfrm')[0];
  const off = xfrm && childElements(xfrm, 'a:off')[0];
  const ext = xfrm && childElements(xfrm, 'a:ext')[0];
  if (!off || !ext) return undefined;
  return { x: Number(off.attribs.x), y: Number(off.attribs.y), w: Number(ext.attribs.cx), h: Number(ext.attribs.cy) };
}

/** How much of a box (0–1, by a 4 × 4 grid of points) has a backdrop that `text` reads on: where decoration lies under text, less. */
export function clearShare(box: Box, readsOn: (backdrop: string) => boolean, backdrop: (point: Point) => string | undefined): number {
  const steps = [0.125, 0.375, 0.625, 0.875];
  const points = steps.flatMap((fx) => steps.map((fy) => ({ x: box.x + box.w * fx, y: box.y + box.h * fy })));
  return (
    points.filter((point) => {
      const color = backdrop(point);
      return color !== undefined && readsOn(color);
    }).length / points.length
  );
}

/** The colour of the first list level's text a list style (`a:lstStyle`, `p:bodyStyle`…) gives, if it gives one. */
function levelColor(style: Element | undefined, ctx: ColorContext): string | undefined {
  const level = style && childElements(style, 'a:lvl1pPr')[0];
  const properties = level && childElements(level, 'a:defRPr')[0];
  const fill = properties && childElements(properties, 'a:solidFill')[0];
  return fill ? colorOf(fill, ctx)?.hex : undefined;
}

/**
 * The colour a placeholder's text takes where the slide gives none, as PowerPoint inherits it: the layout's
 * placeholder's list style, the master's, the master's title or body text style, else the theme's text colour (tx1).
 * (Text colours in the placeholders' example runs, as LibreOffice's export writes them, are not inherited.)
 */
export function inheritedTextColor(
  title: boolean,
  layoutShape: Element | undefined,
  masterShape: Element | undefined,
  master: Element,
  ctx: ColorContext,
): string {
  // p:txStyles is a child of the master.
  const own = (shape: Element | undefined) => {
    const body = shape && childElements(shape, 'p:txBody')[0];
    return levelColor(body && childElements(body, 'a:lstStyle')[0], ctx);
  };
  const styles = childElements(master, 'p:txStyles')[0];
  const style = styles && childElements(styles, title ? 'p:titleStyle' : 'p:bodyStyle')[0];
  return own(layoutShape) ?? own(masterShape) ?? levelColor(style, ctx) ?? ctx.scheme[ctx.map.tx1 ?? 'dk1'] ?? '000000';
}

/** The colour of a placeholder's example text ("Click to edit…"), where it writes one: the look its designer meant. */
export function promptColor(shape: Element | undefined, ctx: ColorContext): string | undefined {
  const body = shape && childElements(shape, 'p:txBody')[0];
  const properties =
    body && descendants(body, '*').find((e) => (e.name === 'a:rPr' || e.name === 'a:endParaRPr') && childElements(e, 'a:solidFill').length);
  const fill = properties && childElements(properties, 'a:solidFill')[0];
  return fill ? colorOf(fill, ctx)?.hex : undefined;
}
