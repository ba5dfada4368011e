/**
 * What lectern needs to know of a PowerPoint file's masters and layouts: the
 * slide size, each layout's name and placeholders (kind, `type`/`idx` as
 * written, position inherited from the master where the layout has none, font
 * size), and the colours and fonts of its theme. Parts are parsed, never edited here.
 */
import path from 'node:path';
import { fail, type SourcePosition } from '../../diagnostics.js';
import { decodeEntities } from '../../render/flatXml.js';
import { RELATIONSHIP_TYPE, relsPartOf, targetPart } from '../../render/packageParts.js';
import { childElements, descendants, parseXml, root, type Element } from '../../render/xml.js';
import type { Box } from '../types.js';
import { contrast, readableOn } from '../colors.js';
import {
  backdropAt,
  backgroundOf,
  boxOf,
  clearShare,
  inheritedTextColor,
  layerOf,
  layersOf,
  promptColor,
  shapeTree,
  type ColorContext,
  type Layer,
} from './masterLook.js';
import { relationshipsOf, xmlPart, type PowerPointPackage } from './readPackage.js';
import { EMU_PER_INCH } from '../../render/emu.js';

const THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const SLIDE_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';
const SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';

/** A placeholder of a layout. */
export interface FilePlaceholder {
  /** The `type` as PowerPoint reads it: `obj` when the layout writes none. */
  type: string;
  /** `type`, `idx` (and `sz`, `orient`) exactly as the layout writes them (absent stays absent), for the slide's copy. */
  ph: Record<string, string>;
  /** Where it sits, in inches: the layout's own, else its master's placeholder of the same kind. */
  box?: Box;
  /** Font size of its first level, in points, where the file says. */
  size?: number;
  name: string;
  /** The colour its text takes where the slide gives none (the layout's, the master's, the theme's), for titles and text. */
  text?: string;
  /** The colour behind its middle (background, shapes, its own fill), where no picture lies there. */
  backdrop?: string;
  /**
   * The colour lectern gives its text where `text` does not read on `backdrop` (as on LibreOffice's dark templates
   * saved as PPTX): the colour of the placeholder's example text where that reads, else white or black.
   */
  color?: string;
  /** How much of its box (0–1) has a backdrop its text reads on: less where decoration lies under it. */
  clear?: number;
}

/** A slide master of the file. */
export interface FileMaster {
  part: string;
  /** Its `p:sldMasterId` id. */
  id: string;
  /** As lectern names it: its own name, where the file gives it one no other master has, else `Master 2` (its place). */
  name: string;
}

/** A slide layout of the file. */
export interface FileLayout {
  name: string;
  /** Its part, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
  part: string;
  /** Its master's part. */
  master: string;
  /** The layout's `type` (`title`, `obj`, `secHead`, `twoObj`…), where it writes one. */
  type?: string;
  placeholders: FilePlaceholder[];
  /** Whether its master gives list levels their bullets (PowerPoint's do; LibreOffice's PPTX export leaves them out). */
  bullets: boolean;
}

/** A PowerPoint file's slide size, masters, layouts and theme. */
export interface FilePresentation {
  /** Inches. */
  size: { width: number; height: number };
  /** The masters, in the file's order. */
  masters: FileMaster[];
  /** Every layout, masters in order, each master's layouts in its order. */
  layouts: FileLayout[];
  /** The layout part of each of the file's own (example) slides, in order. */
  examples: string[];
  colors: { text: string; background: string; accents: string[] };
  fonts: { heading?: string; body?: string };
  /** The name of the first master's theme, as PowerPoint's Design tab shows it. */
  themeName?: string;
}

/** Placeholder kinds a layout's placeholder inherits its position from, on the master. */
const MASTER_KIND: Record<string, string> = { ctrTitle: 'title', title: 'title', subTitle: 'body', body: 'body', obj: 'body' };

/** The attributes of a layout's `p:ph` that a slide's placeholder repeats (as PowerPoint writes them). */
const PH_ATTRIBUTES = ['type', 'orient', 'sz', 'idx'];

/** Reads the presentation, its masters and layouts; a file with no layouts is an error naming it. */
export function readFilePresentation(pkg: PowerPointPackage, at: SourcePosition): FilePresentation {
  const presentation = root(parseXml(xmlPart(pkg, 'ppt/presentation.xml')!, 'ppt/presentation.xml'));
  const size = childElements(presentation, 'p:sldSz')[0];
  const width = Number(size?.attribs.cx ?? 12192000) / EMU_PER_INCH;
  const height = Number(size?.attribs.cy ?? 6858000) / EMU_PER_INCH;
  const presentationRels = relationshipsOf(pkg, 'ppt/presentation.xml');
  const masterParts = descendants(presentation, 'p:sldMasterId').flatMap((entry) => {
    const rel = presentationRels.find((r) => r.id === entry.attribs['r:id'] && r.type === RELATIONSHIP_TYPE.slideMaster);
    const part = rel && targetPart(relsPartOf('ppt/presentation.xml'), rel.target);
    return part && xmlPart(pkg, part) !== undefined
      ? [{ part, id: entry.attribs.id ?? '', xml: root(parseXml(xmlPart(pkg, part)!, part)) }]
      : [];
  });
  const ownNames = masterParts.map(({ xml }) => childElements(xml, 'p:cSld')[0]?.attribs.name);
  const masters = masterParts.map(({ part, id }, i) => {
    const own = ownNames[i] && decodeEntities(ownNames[i]);
    const unique = own && ownNames.filter((n) => n && decodeEntities(n) === own).length === 1 && !/^master \d+$/i.test(own);
    return { part, id, name: unique ? own : `Master ${i + 1}` };
  });
  const layouts: FileLayout[] = [];
  let colors: FilePresentation['colors'] | undefined;
  let fonts: FilePresentation['fonts'] = {};
  let themeName: string | undefined;
  for (const { part, xml: master } of masterParts) {
    const masterPlaceholders = placeholdersOf(master);
    const bullets = hasBullets(master);
    const rels = relationshipsOf(pkg, part);
    const theme = rels.find((r) => r.type === THEME);
    const themeXml = theme && xmlPart(pkg, targetPart(relsPartOf(part), theme.target));
    const themeRoot = themeXml ? root(parseXml(themeXml, 'theme')) : undefined;
    const scheme = themeRoot ? themeScheme(themeRoot) : undefined;
    const ctx: ColorContext = { scheme: scheme?.colors ?? {}, map: { ...childElements(master, 'p:clrMap')[0]?.attribs } };
    const look: MasterLook = {
      master,
      ctx,
      layers: layersOf(master, (shape) => descendants(shape, 'p:ph').length === 0, ctx),
      background: backgroundOf(master, ctx),
      placeholders: placeholderShapes(master).map((shape) => ({ shape, kind: kindOf(shape) })),
    };
    if (!colors) {
      colors = masterColors(master, scheme?.colors ?? {});
      fonts = scheme?.fonts ?? {};
      themeName = themeRoot?.attribs.name ? decodeEntities(themeRoot.attribs.name) : undefined;
    }
    for (const entry of descendants(master, 'p:sldLayoutId')) {
      const rel = rels.find((r) => r.id === entry.attribs['r:id'] && r.type === SLIDE_LAYOUT);
      const layoutPart = rel && targetPart(relsPartOf(part), rel.target);
      const xml = layoutPart && xmlPart(pkg, layoutPart);
      if (!layoutPart || !xml) continue;
      const layout = root(parseXml(xml, layoutPart));
      const name = childElements(layout, 'p:cSld')[0]?.attribs.name ?? path.basename(layoutPart, '.xml');
      const looks = looksOf(layout, look);
      const placeholders = placeholdersOf(layout).map((p, i) => {
        const inherited = masterPlaceholders.find((m) => (MASTER_KIND[m.type] ?? m.type) === (MASTER_KIND[p.type] ?? p.type));
        return { ...p, box: p.box ?? inherited?.box, size: p.size ?? inherited?.size ?? styleSize(master, p.type), ...looks[i] };
      });
      const type = layout.attribs.type;
      layouts.push({ name: decodeEntities(name), part: layoutPart, master: part, ...(type ? { type } : {}), placeholders, bullets });
    }
  }
  if (layouts.length === 0)
    throw fail(
      'template/pptx',
      `the PowerPoint template "${path.basename(pkg.file)}" has no slide layouts, so lectern has nothing to place slides on; save it from PowerPoint's Slide Master view`,
      at,
    );
  const examples = presentationRels.flatMap((r) => {
    if (r.type !== SLIDE) return [];
    const slide = targetPart(relsPartOf('ppt/presentation.xml'), r.target);
    const layout = relationshipsOf(pkg, slide).find((l) => l.type === SLIDE_LAYOUT);
    return layout ? [targetPart(relsPartOf(slide), layout.target)] : [];
  });
  return { size: { width, height }, masters, layouts, examples, colors: colors!, fonts, ...(themeName ? { themeName } : {}) };
}

/** The top-level placeholder shapes of a master or layout (PowerPoint does not look into groups). */
function placeholderShapes(part: Element): Element[] {
  const tree = shapeTree(part);
  return tree ? childElements(tree).filter((shape) => descendants(shape, 'p:ph').length > 0) : [];
}

/** The contrast below which a placeholder's inherited text colour is taken not to read on what is behind it (WCAG's for large text). */
export const MIN_CONTRAST = 3;

const FILLS = /^a:(noFill|solidFill|gradFill|blipFill|pattFill|grpFill)$/;

/** The kind a placeholder shape's position and style come from on the master. */
const kindOf = (shape: Element) => {
  const type = descendants(shape, 'p:ph')[0]?.attribs.type ?? 'obj';
  return MASTER_KIND[type] ?? type;
};

/** What a master gives every layout's look, read once: its shapes that are not placeholders, background and placeholders. */
interface MasterLook {
  master: Element;
  ctx: ColorContext;
  layers: Layer[];
  background: string | null | undefined;
  placeholders: { shape: Element; kind: string }[];
}

/** For each placeholder of a layout: the colour its text inherits, the colour behind it, and how clear of decoration it is. */
function looksOf(layout: Element, on: MasterLook): Pick<FilePlaceholder, 'text' | 'backdrop' | 'color' | 'clear'>[] {
  const { master, ctx } = on;
  const own = backgroundOf(layout, ctx);
  const background = own === undefined ? on.background : own;
  const base = background === undefined ? (ctx.scheme[ctx.map.bg1 ?? 'lt1'] ?? 'FFFFFF') : background;
  const notPlaceholder = (shape: Element) => descendants(shape, 'p:ph').length === 0;
  const layers = [...(layout.attribs.showMasterSp === '0' ? [] : on.layers), ...layersOf(layout, notPlaceholder, ctx)];
  return placeholderShapes(layout).map((shape) => {
    const kind = kindOf(shape);
    const onMaster = on.placeholders.find((m) => m.kind === kind)?.shape;
    const text = inheritedTextColor(kind === 'title', shape, onMaster, master, ctx);
    const box = boxOf(shape) ?? boxOf(onMaster);
    // The placeholder's own fill is the layout's, else the master's: the top layer.
    const ownFill = childElements(childElements(shape, 'p:spPr')[0] ?? shape).some((e) => FILLS.test(e.name)) ? shape : onMaster;
    const fill = ownFill && layerOf(ownFill, ctx);
    const all = fill ? [...layers, fill] : layers;
    const behind = (point: { x: number; y: number }) => (base === null ? undefined : backdropAt(point, base, all));
    const backdrop = box && behind({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    if (!box || !backdrop) return { text };
    const prompt = promptColor(shape, ctx) ?? promptColor(onMaster, ctx);
    const color =
      contrast(text, backdrop) >= MIN_CONTRAST
        ? undefined
        : prompt && contrast(prompt, backdrop) >= 4.5
          ? prompt
          : readableOn(backdrop, ['FFFFFF', '000000']);
    // How clear of decoration: for the content placeholders, by which masters are ranked.
    const content = kind === 'body' && descendants(shape, 'p:ph')[0]?.attribs.type !== 'subTitle';
    const clear = content ? clearShare(box, (b) => contrast(color ?? text, b) >= MIN_CONTRAST, behind) : undefined;
    return { text, backdrop, ...(clear === undefined ? {} : { clear }), ...(color ? { color } : {}) };
  });
}

/** The placeholders of a master or layout's shape tree (top level: PowerPoint does not look into groups). */
function placeholdersOf(part: Element): FilePlaceholder[] {
  return placeholderShapes(part).flatMap((shape) => {
    const ph = descendants(shape, 'p:ph')[0];
    const xfrm = descendants(shape, 'a:xfrm')[0];
    const off = xfrm && childElements(xfrm, 'a:off')[0];
    const ext = xfrm && childElements(xfrm, 'a:ext')[0];
    const inches = (v: string | undefined) => Number(v ?? 0) / EMU_PER_INCH;
    const box =
      off && ext ? { x: inches(off.attribs.x), y: inches(off.attribs.y), w: inches(ext.attribs.cx), h: inches(ext.attribs.cy) } : undefined;
    const ownSize = ['a:lstStyle', 'a:p'].map((tag) => firstSize(descendants(shape, tag)[0])).find((s) => s !== undefined);
    return [
      {
        type: ph.attribs.type ?? 'obj',
        ph: Object.fromEntries(PH_ATTRIBUTES.filter((a) => ph.attribs[a] !== undefined).map((a) => [a, ph.attribs[a]])),
        box,
        size: ownSize,
        name: decodeEntities(descendants(shape, 'p:cNvPr')[0]?.attribs.name ?? ''),
      },
    ];
  });
}

/** Whether a master's text styles give the first list level a bullet. */
function hasBullets(master: Element): boolean {
  const level = descendants(master, 'p:bodyStyle').flatMap((style) => childElements(style, 'a:lvl1pPr'))[0];
  return Boolean(level && descendants(level, '*').some((e) => /^a:bu(Char|AutoNum|Blip)$/.test(e.name)));
}

/** The first font size (`sz`, in hundredths of a point) under an element, in points. */
function firstSize(element: Element | undefined): number | undefined {
  if (!element) return undefined;
  const sized = descendants(element, '*').find((e) => /^a:(defRPr|rPr|endParaRPr)$/.test(e.name) && e.attribs.sz);
  return sized ? Number(sized.attribs.sz) / 100 : undefined;
}

/** A master's text style size for a placeholder kind: its `p:titleStyle` or `p:bodyStyle`. */
function styleSize(master: Element, type: string): number | undefined {
  const style = descendants(master, MASTER_KIND[type] === 'title' ? 'p:titleStyle' : 'p:bodyStyle')[0];
  return firstSize(style && descendants(style, 'a:lvl1pPr')[0]);
}

type Scheme = { colors: Record<string, string>; fonts: FilePresentation['fonts'] };

/** A theme's colour slots (dk1, lt1, accent1…) as hex, and its heading and body fonts. */
function themeScheme(theme: Element): Scheme {
  const colors: Record<string, string> = {};
  const scheme = descendants(theme, 'a:clrScheme')[0];
  for (const slot of scheme ? childElements(scheme) : []) {
    const value = hexOf(slot);
    if (value) colors[slot.name.replace(/^a:/, '')] = value;
  }
  const font = (tag: string) => {
    const latin = descendants(theme, tag).flatMap((f) => childElements(f, 'a:latin'))[0]?.attribs.typeface;
    return latin ? decodeEntities(latin) : undefined;
  };
  return { colors, fonts: { heading: font('a:majorFont'), body: font('a:minorFont') } };
}

/** The colour an element holds (`a:srgbClr` or `a:sysClr`), as six hex digits. */
function hexOf(element: Element): string | undefined {
  const srgb = descendants(element, 'a:srgbClr')[0]?.attribs.val;
  const sys = descendants(element, 'a:sysClr')[0]?.attribs.lastClr;
  const hex = srgb ?? sys;
  return hex && /^[0-9a-f]{6}$/i.test(hex) ? hex.toUpperCase() : undefined;
}

/** A colour of a master, given as `a:srgbClr` or as a theme slot through the master's colour map. */
function resolvedColor(element: Element | undefined, map: Record<string, string>, scheme: Record<string, string>): string | undefined {
  if (!element) return undefined;
  const direct = hexOf(element);
  if (direct) return direct;
  const slot = descendants(element, 'a:schemeClr')[0]?.attribs.val;
  return slot ? scheme[map[slot] ?? slot] : undefined;
}

/** The text and background colours of slides on the master, and the theme's accents: what charts and tables are drawn in. */
function masterColors(master: Element, scheme: Record<string, string>): FilePresentation['colors'] {
  const map = { ...childElements(master, 'p:clrMap')[0]?.attribs };
  const background = resolvedColor(descendants(master, 'p:bg')[0], map, scheme) ?? scheme[map.bg1 ?? 'lt1'] ?? 'FFFFFF';
  const body = placeholdersOfKind(master, 'body');
  const text =
    resolvedColor(body && descendants(body, 'a:solidFill')[0], map, scheme) ??
    resolvedColor(
      descendants(master, 'p:bodyStyle')[0]?.children.length ? descendants(master, 'p:bodyStyle')[0] : undefined,
      map,
      scheme,
    ) ??
    scheme[map.tx1 ?? 'dk1'] ??
    '000000';
  const accents = [1, 2, 3, 4, 5, 6].map((i) => scheme[`accent${i}`]).filter((c): c is string => Boolean(c));
  return { text, background, accents };
}

/** The master's body placeholder shape's text body. */
function placeholdersOfKind(master: Element, kind: string): Element | undefined {
  const tree = descendants(master, 'p:spTree')[0];
  const shape = tree && childElements(tree).find((s) => (MASTER_KIND[descendants(s, 'p:ph')[0]?.attribs.type ?? 'none'] ?? '') === kind);
  return shape && descendants(shape, 'p:txBody')[0];
}
