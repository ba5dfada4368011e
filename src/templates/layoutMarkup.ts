import { parseDocument } from 'htmlparser2';
import type { Element as XmlElement, ChildNode } from 'domhandler';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../suggest.js';
import { fail } from '../diagnostics.js';
import type { Box, Layout, Styled, TextStyle, Theme } from './types.js';

/** What the root element may say, for a layout and for the master. */
const ROOT_ATTRIBUTES = { layout: ['background', 'background-image', 'master'], master: ['background', 'background-image'] };
/** Elements that only a layout may hold: a slide master has no content of its own. */
const LAYOUT_ONLY = ['title', 'subtitle', 'byline', 'body'];

/**
 * Parses the markup a layout's Handlebars file renders to, e.g.
 * `<layout background="#fff"><title x="0.6" y="0.4" w="12" h="1"/>...</layout>`,
 * into a Layout. `master.hbs` renders to `<master>` with decoration only.
 */
export function parseLayoutMarkup(
  markup: string,
  name: string,
  file: string,
  templateDir: string,
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
  if (root.attribs['background-image']) layout.backgroundImage = templateAsset(root.attribs['background-image'], templateDir, rootAt);
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
        const src = node.name === 'logo' ? theme.logo : templateAsset(attrs.src, templateDir, at);
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

/** A picture a layout names: it must be a file inside the template's folder. */
function templateAsset(src: string, templateDir: string, at: { file: string; line: number }): string {
  const file = path.resolve(templateDir, src);
  if (path.relative(templateDir, file).startsWith('..') || path.isAbsolute(path.relative(templateDir, file))) {
    throw fail('template/asset', `the picture "${src}" must be inside the template folder ${templateDir}`, at);
  }
  if (!existsSync(file) || !statSync(file).isFile())
    throw fail('template/asset', `cannot find the picture "${src}" in the template folder`, at);
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
    if (!Number.isFinite(n)) throw fail('template/layout', `<${this.element}> ${key}="${raw}" is not a number`, this.at);
    return n;
  }

  optionalNumber(key: string): number | undefined {
    return this.attrs[key] === undefined ? undefined : this.number(key);
  }

  box(): Box {
    return { x: this.number('x'), y: this.number('y'), w: this.number('w'), h: this.number('h') };
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
