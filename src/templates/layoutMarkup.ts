import { parseDocument } from 'htmlparser2';
import type { Element as XmlElement, ChildNode } from 'domhandler';
import path from 'node:path';
import { didYouMean } from '../suggest.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { placeOf } from '../input/boundary.js';
import { checkInputFile } from '../input/readInput.js';
import { SLIDE, type Box, type Layout, type Styled, type TextStyle, type Theme } from './types.js';

/** What the root element may say, for a layout and for the master. */
const ROOT_ATTRIBUTES = { layout: ['background', 'background-image', 'master'], master: ['background', 'background-image'] };
/** Elements that only a layout may hold: a slide master has no content of its own. */
const LAYOUT_ONLY = ['title', 'subtitle', 'byline', 'body'];

/**
 * Parses the markup a layout's Handlebars file renders to, e.g.
 * `<layout background="#fff"><title x="0.6" y="0.4" w="12" h="1"/>...</layout>`,
 * into a Layout. `master.hbs` renders to `<master>` with decoration only.
 * Pictures are found from `templateDir` and must stay in the template's folder
 * `chain` (its folder and those of the templates it extends). Numbers must be
 * sizes a slide can show and boxes on the slide.
 */
export function parseLayoutMarkup(
  markup: string,
  name: string,
  file: string,
  templateDir: string,
  chain: string[],
  theme: Theme,
  kind: 'layout' | 'master' = 'layout',
): Layout {
  const doc = parseDocument(markup, { xmlMode: true, withStartIndices: true });
  const lineOf = (node: ChildNode) => markup.slice(0, node.startIndex ?? 0).split('\n').length;
  const root = doc.children.find((n): n is XmlElement => n.type === 'tag');
  if (!root || root.name !== kind) {
    throw fail('template/layout', `a ${kind} file must contain one <${kind}> element`, { file, line: root ? lineOf(root) : 1 });
  }
  const rootAt = { file, line: lineOf(root) };
  const layout: Layout = { name, file, regions: new Map(), decorations: [], showMaster: true };
  for (const attribute of Object.keys(root.attribs)) {
    const known = ROOT_ATTRIBUTES[kind];
    if (!known.includes(attribute))
      throw fail(
        'template/layout',
        `<${kind}> has no attribute "${attribute}"${didYouMean(attribute, known)}; it takes ${known.join(', ')}`,
        rootAt,
      );
  }
  if (root.attribs.background) layout.background = color(root.attribs.background, rootAt);
  if (root.attribs['background-image'])
    layout.backgroundImage = templateAsset(root.attribs['background-image'], templateDir, chain, rootAt);
  if (root.attribs.master !== undefined) layout.showMaster = oneOf(root.attribs.master, ['show', 'hide'], 'master', rootAt) === 'show';

  for (const node of root.children) {
    if (node.type !== 'tag') continue;
    const at = { file, line: lineOf(node) };
    const attrs = node.attribs;
    const known = ATTRIBUTES[node.name];
    for (const attribute of known ? Object.keys(attrs) : []) {
      if (!known.includes(attribute)) {
        throw fail(
          'template/layout',
          `<${node.name}> has no attribute "${attribute}"${didYouMean(attribute, known)}; it takes ${known.join(', ')}`,
          at,
        );
      }
    }
    if (kind === 'master' && LAYOUT_ONLY.includes(node.name)) {
      throw fail(
        'template/layout',
        `<${node.name}> belongs in a layout, not in master.hbs: the slide master holds decoration, the footer and the slide number`,
        at,
      );
    }
    const read = new AttributeReader(attrs, node.name, at);
    switch (node.name) {
      case 'title':
      case 'subtitle':
      case 'byline':
      case 'footer':
        layout[node.name] = read.styled();
        break;
      case 'slide-number':
        layout.slideNumber = read.styled();
        break;
      case 'body': {
        const regionName = attrs.name ?? 'body';
        if (layout.regions.has(regionName)) throw fail('template/layout', `there are two content areas named "${regionName}"`, at);
        layout.regions.set(regionName, read.styled());
        break;
      }
      case 'rect':
        layout.decorations.push({ kind: 'rect', box: read.box(), fill: color(attrs.fill ?? theme.colors.primary, at) });
        break;
      case 'line': {
        const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => read.number(k));
        layout.decorations.push({
          kind: 'line',
          box: { x: x1, y: y1, w: x2 - x1, h: y2 - y1 },
          color: color(attrs.color ?? theme.colors.primary, at),
          width: read.optionalNumber('width') ?? 1,
        });
        break;
      }
      case 'text':
        layout.decorations.push({ kind: 'text', box: read.box(), style: read.style(), text: textOf(node) });
        break;
      case 'image':
      case 'logo': {
        if (node.name === 'image' && !attrs.src) throw fail('template/layout', '<image> needs a src="file.png" attribute', at);
        const src = node.name === 'logo' ? theme.logo : templateAsset(attrs.src, templateDir, chain, at);
        if (src) layout.decorations.push({ kind: 'image', box: read.box(), path: src });
        break;
      }
      default:
        throw fail('template/layout', `unknown element <${node.name}>; use one of ${ELEMENTS.join(', ')}`, at);
    }
  }
  return layout;
}

const BOX = ['x', 'y', 'w', 'h'];
/** How far past the slide's edge a box may reach, in inches: what rounding leaves of `{{slide.width}}`. */
const EDGE_TOLERANCE = 0.01;
/** The numbers a layout's attributes may take: positions and sizes on the slide (inches), font sizes and line widths (points). */
const BOUNDS: Record<string, { min: number; max: number; unit: string }> = {
  x: { min: 0, max: SLIDE.width, unit: 'inches (the slide is 13.333 wide)' },
  x1: { min: 0, max: SLIDE.width, unit: 'inches (the slide is 13.333 wide)' },
  x2: { min: 0, max: SLIDE.width, unit: 'inches (the slide is 13.333 wide)' },
  w: { min: 0.01, max: SLIDE.width, unit: 'inches (the slide is 13.333 wide)' },
  y: { min: 0, max: SLIDE.height, unit: 'inches (the slide is 7.5 high)' },
  y1: { min: 0, max: SLIDE.height, unit: 'inches (the slide is 7.5 high)' },
  y2: { min: 0, max: SLIDE.height, unit: 'inches (the slide is 7.5 high)' },
  h: { min: 0.01, max: SLIDE.height, unit: 'inches (the slide is 7.5 high)' },
  size: { min: 6, max: 200, unit: 'points' },
  width: { min: 0.25, max: 50, unit: 'points' },
};
/** Font sizes a template may set, in points. */
export const FONT_SIZES = BOUNDS.size;
const TEXT = [...BOX, 'font', 'size', 'color', 'bold', 'italic', 'align', 'valign'];
/** The attributes each element takes. */
const ATTRIBUTES: Record<string, string[]> = {
  title: TEXT,
  subtitle: TEXT,
  byline: TEXT,
  footer: TEXT,
  'slide-number': TEXT,
  body: ['name', ...TEXT],
  text: TEXT,
  rect: [...BOX, 'fill'],
  line: ['x1', 'y1', 'x2', 'y2', 'color', 'width'],
  image: [...BOX, 'src'],
  logo: BOX,
};

/**
 * A picture a template names (a layout's `src`, the `logo:` of template.yaml),
 * relative to `baseDir`: a regular picture file inside the template's folder
 * `chain` once links are followed.
 */
export function templateAsset(src: string, baseDir: string, chain: string[], at: SourcePosition): string {
  const file = path.resolve(baseDir, src);
  const place = placeOf(file, chain);
  if (place === 'outside') throw fail('template/asset', `the picture "${src}" must be inside the template folder ${baseDir}`, at);
  if (place === 'link-outside') {
    throw fail(
      'template/link-outside',
      `the picture "${src}" is a link to a file outside the template folder ${baseDir}; copy the picture itself into the template`,
      at,
    );
  }
  checkInputFile(file, 'picture', { what: `the picture "${src}" in the template folder`, at });
  return file;
}

const ELEMENTS = ['title', 'subtitle', 'byline', 'body', 'footer', 'slide-number', 'rect', 'line', 'text', 'image', 'logo'].map(
  (e) => `<${e}>`,
);

class AttributeReader {
  constructor(
    private readonly attrs: Record<string, string>,
    private readonly element: string,
    private readonly at: { file: string; line: number },
  ) {}

  number(key: string): number {
    const raw = this.attrs[key];
    if (raw === undefined) throw fail('template/layout', `<${this.element}> needs a ${key}="..." attribute (inches)`, this.at);
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
      throw fail('template/layout', `<${this.element}> ${key}="${raw}" is not a number`, this.at);
    const bounds = BOUNDS[key];
    if (bounds && (n < bounds.min || n > bounds.max)) {
      throw fail(
        'template/bounds',
        `<${this.element}> ${key}="${raw}" must be between ${bounds.min} and ${bounds.max} ${bounds.unit}`,
        this.at,
      );
    }
    return n;
  }

  optionalNumber(key: string): number | undefined {
    return this.attrs[key] === undefined ? undefined : this.number(key);
  }

  /** A box on the slide: it may touch the slide's edges, not cross them. */
  box(): Box {
    const box = { x: this.number('x'), y: this.number('y'), w: this.number('w'), h: this.number('h') };
    for (const [far, start, size, edge, limit] of [
      ['right', 'x', 'w', box.x + box.w, SLIDE.width],
      ['bottom', 'y', 'h', box.y + box.h, SLIDE.height],
    ] as const) {
      if (edge > limit + EDGE_TOLERANCE) {
        throw fail(
          'template/bounds',
          `<${this.element}> reaches ${+edge.toFixed(3)} in., past the slide's ${far} edge at ${limit} in.; make ${start} + ${size} at most ${limit}`,
          this.at,
        );
      }
    }
    return box;
  }

  style(): TextStyle {
    const a = this.attrs;
    const style: TextStyle = {};
    if (a.font) style.font = fontName(a.font, this.at);
    if (a.size !== undefined) style.size = this.number('size');
    if (a.color) style.color = color(a.color, this.at);
    if (a.bold !== undefined) style.bold = a.bold === 'true';
    if (a.italic !== undefined) style.italic = a.italic === 'true';
    if (a.align) style.align = oneOf(a.align, ['left', 'center', 'right'], 'align', this.at);
    if (a.valign) style.valign = oneOf(a.valign, ['top', 'middle', 'bottom'], 'valign', this.at);
    return style;
  }

  styled(): Styled {
    return { ...this.box(), ...this.style() };
  }
}

function oneOf<const T extends string>(value: string, options: readonly T[], key: string, at: { file: string; line: number }): T {
  if ((options as readonly string[]).includes(value)) return value as T;
  throw fail('template/layout', `${key}="${value}" must be one of ${options.join(', ')}`, at);
}

function textOf(node: XmlElement): string {
  return node.children
    .map((c) => ('data' in c ? c.data : c.type === 'tag' ? textOf(c) : ''))
    .join('')
    .trim();
}

/** A font name as PowerPoint takes it: no characters that would break the XML it is written into. */
export function fontName(value: string, at: { file: string; line?: number }): string {
  if (/[<>&"\u0000-\u001f]/.test(value) || value.trim() === '') throw fail('template/font', `"${value}" is not a font name`, at);
  return value.trim();
}

/** Normalises `#1f4e79` or `1F4E79` to `1F4E79`. */
export function color(value: string, at: { file: string; line?: number }): string {
  const hex = value.trim().replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return hex.toUpperCase();
  if (/^[0-9a-fA-F]{3}$/.test(hex)) return hex.replace(/./g, (c) => c + c).toUpperCase();
  throw fail('template/color', `"${value}" is not a colour; write it as six hex digits, e.g. "#1F4E79"`, at);
}
