/**
 * Parts whose XML is one root element holding a flat list of empty elements:
 * relationships (`_rels/*.rels`) and content types (`[Content_Types].xml`).
 * A package has one per slide and per chart, so they are read into records and
 * written back from them (every value through `escapeXml`) by this small reader,
 * some twenty times faster than a DOM; anything else in them is an error.
 */
import { escapeXml } from './xml.js';

/** One element: its qualified name and attributes, in order, their values as text (entities decoded). */
export interface FlatElement {
  name: string;
  attributes: Record<string, string>;
}

/** A flat part: its XML declaration, its root element and the root's children. */
export interface FlatXml {
  declaration: string;
  root: FlatElement;
  children: FlatElement[];
}

const DECLARATION = /^\uFEFF?(<\?xml\b[^?]*\?>)?\s*/y;
const TAG = /<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>\s*/y;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Reads a flat part; `part` names it in the error a part of any other shape is. */
export function readFlatXml(xml: string, part: string): FlatXml {
  return scanFlatXml(xml, part, true).flat;
}

/**
 * Adds elements at the end of a flat part's list. The part is checked to be flat, and the
 * elements are written through `escapeXml`; what was there is kept as it was written.
 */
export function appendFlatElements(xml: string, part: string, elements: readonly FlatElement[]): string {
  const { childrenEnd } = scanFlatXml(xml, part, false);
  // An empty root (`<Relationships/>`) is written anew, with its attributes.
  if (childrenEnd < 0) return writeFlatXml({ ...readFlatXml(xml, part), children: [...elements] });
  return `${xml.slice(0, childrenEnd)}${elements.map((e) => `${startTag(e)}/>`).join('')}${xml.slice(childrenEnd)}`;
}

/** Reads a flat part (its attributes only when `attributes`), and where its list of children ends (-1 for an empty root). */
function scanFlatXml(xml: string, part: string, attributes: boolean): { flat: FlatXml; childrenEnd: number } {
  const fail = (at: number): never => {
    throw new Error(`${part} is not a list of empty elements (at character ${at}: ${JSON.stringify(xml.slice(at, at + 40))})`);
  };
  DECLARATION.lastIndex = 0;
  const declaration = DECLARATION.exec(xml)?.[1] ?? '';
  let at = DECLARATION.lastIndex;
  const tag = () => {
    TAG.lastIndex = at;
    const m = TAG.exec(xml) ?? fail(at);
    at = TAG.lastIndex;
    return { element: { name: m[1], attributes: attributes ? attributesOf(m[2]) : {} }, empty: m[3] === '/' };
  };
  const { element: root, empty } = tag();
  const children: FlatElement[] = [];
  const end = `</${root.name}>`;
  let childrenEnd = at;
  if (!empty) {
    while (!xml.startsWith(end, at)) {
      const child = tag();
      if (!child.empty) fail(at);
      children.push(child.element);
    }
    childrenEnd = at;
    at += end.length;
  }
  if (xml.slice(at).trim()) fail(at);
  return { flat: { declaration, root, children }, childrenEnd: empty ? -1 : childrenEnd };
}

/** Writes a flat part back as XML. */
export function writeFlatXml({ declaration, root, children }: FlatXml): string {
  const body = children.map((child) => `${startTag(child)}/>`).join('');
  return `${declaration ? `${declaration}\r\n` : ''}${startTag(root)}>${body}</${root.name}>`;
}

/** An element's start tag, without its closing `>`; values through `escapeXml`. */
function startTag(e: FlatElement): string {
  let tag = `<${e.name}`;
  for (const name in e.attributes) tag += ` ${name}="${escapeXml(e.attributes[name])}"`;
  return tag;
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) attributes[m[1]] = decodeEntities(m[2] ?? m[3]);
  return attributes;
}

/** Decodes the entities and character references of an attribute value or text. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? entity;
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  });
}
