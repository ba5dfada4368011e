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

/**
 * A shape's or background's fill at a point (0–1 across and down its box) as a colour with its opacity: a
 * gradient's colour there (linear along its angle; a path gradient from its centre out); null for a picture.
 */
function fillOf(properties: Element | undefined, ctx: ColorContext, at: Point = { x: 0.5, y: 0.5 }): Paint | null | undefined {
  if (!properties) return undefined;
  for (const fill of childElements(properties)) {
    if (fill.name === 'a:solidFill') return colorOf(fill, ctx);
    if (fill.name === 'a:blipFill' || fill.name === 'a:pattFill') return null;
    if (fill.name === 'a:gradFill') return gradientAt(fill, ctx, at);
    if (fill.name === 'a:noFill') return undefined;
  }
  return undefined;
}

type Paint = { hex: string; alpha: number };

/** A gradient's colour at a point of its box. */
function gradientAt(fill: Element, ctx: ColorContext, at: Point): Paint | undefined {
  const stops = descendants(fill, 'a:gs')
    .flatMap((gs) => {
      const paint = colorOf(gs, ctx);
      return paint ? [{ ...paint, pos: Number(gs.attribs.pos ?? 0) / 100000 }] : [];
    })
    .sort((a, b) => a.pos - b.pos);
  if (stops.length === 0) return undefined;
  const linear = childElements(fill, 'a:lin')[0];
  const path = childElements(fill, 'a:path')[0];
  let t = 0.5;
  if (linear) {
    const angle = (Number(linear.attribs.ang ?? 0) / 60000) * (Math.PI / 180);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    t = 0.5 + ((at.x - 0.5) * cos + (at.y - 0.5) * sin) / (Math.abs(cos) + Math.abs(sin));
  } else if (path) {
    const rect = childElements(path, 'a:fillToRect')[0]?.attribs ?? {};
    const centre = { x: Number(rect.l ?? 50000) / 100000, y: Number(rect.t ?? 50000) / 100000 };
    const far = Math.max(...[0, 1].flatMap((x) => [0, 1].map((y) => Math.hypot(x - centre.x, y - centre.y))));
    t = Math.hypot(at.x - centre.x, at.y - centre.y) / (far || 1);
  }
  t = Math.min(1, Math.max(0, t));
  const after = stops.findIndex((s) => s.pos >= t);
  if (after <= 0) return after === 0 ? stops[0] : stops[stops.length - 1];
  const [a, b] = [stops[after - 1], stops[after]];
  const f = b.pos === a.pos ? 0 : (t - a.pos) / (b.pos - a.pos);
  return { hex: mix(a.hex, b.hex, f), alpha: a.alpha + (b.alpha - a.alpha) * f };
}

/** A part's own background (`p:bg`): its colour, null for a picture, undefined where it has none. */
export function backgroundOf(part: Element, ctx: ColorContext): string | null | undefined {
  const bg = descendants(part, 'p:bg')[0];
  if (!bg) return undefined;
  const properties = childElements(bg, 'p:bgPr')[0];
  if (properties) {
    const fill = fillOf(properties, ctx);
    return fill === null ? null : fill?.hex;
  }
  const reference = childElements(bg, 'p:bgRef')[0];
  return reference ? (colorOf(reference, ctx)?.hex ?? null) : undefined;
}

/** The shapes of a part's shape tree, in the order they are painted. */
export function shapesOf(part: Element): Element[] {
  const tree = descendants(part, 'p:spTree')[0];
  return tree ? childElements(tree).filter((e) => e.name === 'p:sp' || e.name === 'p:pic') : [];
}

/** Where a point (in EMU) is on a shape that covers it, 0–1 across and down; undefined where the shape does not cover it. */
function covers(shape: Element, point: Point): Point | undefined {
  const xfrm = descendants(shape, 'a:xfrm')[0];
  const off = xfrm && childElements(xfrm, 'a:off')[0];
  const ext = xfrm && childElements(xfrm, 'a:ext')[0];
  if (!off || !ext) return undefined;
  const [x, y, w, h] = [off.attribs.x, off.attribs.y, ext.attribs.cx, ext.attribs.cy].map(Number);
  const inside = point.x >= x && point.x <= x + w && point.y >= y && point.y <= y + h;
  const across = (point.x - x) / (w || 1);
  return inside ? { x: xfrm.attribs.flipH === '1' ? 1 - across : across, y: (point.y - y) / (h || 1) } : undefined;
}

/**
 * The colour behind `point` (EMU): `base`, then every shape of `layers` that covers it, painted in order (a
 * shape's opacity mixes it with what is below). Undefined where a picture lies there: its colour is not known.
 */
export function backdropAt(point: Point, base: string, layers: Element[], ctx: ColorContext): string | undefined {
  let color = base;
  for (const shape of layers) {
    const at = covers(shape, point);
    if (!at) continue;
    if (shape.name === 'p:pic') return undefined;
    const fill = fillOf(childElements(shape, 'p:spPr')[0], ctx, at);
    if (fill === null) return undefined;
    if (fill) color = mix(color, fill.hex, fill.alpha);
  }
  return color;
}

/** A shape's box (EMU), where it has a position. */
export function boxOf(shape: Element | undefined): { x: number; y: number; w: number; h: number } | undefined {
  const xfrm = shape && descendants(shape, 'a:xfrm')[0];
  const off = xfrm && childElements(xfrm, 'a:off')[0];
  const ext = xfrm && childElements(xfrm, 'a:ext')[0];
  if (!off || !ext) return undefined;
  return { x: Number(off.attribs.x), y: Number(off.attribs.y), w: Number(ext.attribs.cx), h: Number(ext.attribs.cy) };
}

/** How much of a box (0–1, by a 5 × 5 grid of points) has a backdrop that `text` reads on: where decoration lies under text, less. */
export function clearShare(
  box: { x: number; y: number; w: number; h: number },
  readsOn: (backdrop: string) => boolean,
  backdrop: (point: Point) => string | undefined,
): number {
  const steps = [0.1, 0.3, 0.5, 0.7, 0.9];
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
  const own = (shape: Element | undefined) => {
    const body = shape && childElements(shape, 'p:txBody')[0];
    return levelColor(body && childElements(body, 'a:lstStyle')[0], ctx);
  };
  const styles = descendants(master, 'p:txStyles')[0];
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
