/**
 * XML for the package: the one way deck text is escaped into XML written as
 * text (`escapeXml`), and parsed documents for the structural edits of small
 * package parts (relationships, content types, properties, the slide master),
 * so that no text a teacher writes can change a part's structure.
 */
import render from 'dom-serializer';
import { Document, Element, Text, isTag, type ChildNode, type ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { stripControlCharacters } from '../input/readInput.js';

export type { Document, Element };

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML written as text (element content or an attribute value) and drops the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return stripControlCharacters(text).replace(/[<>&"']/g, (c) => ENTITIES[c]);
}

/** A part's XML declaration, kept aside: the parser would read it as a processing instruction. */
const DECLARATION = /^\uFEFF?(<\?xml\b[^?]*\?>)\s*/;
const declarations = new WeakMap<Document, string>();

/**
 * Parses a package part lectern or pptxgenjs wrote (htmlparser2 in XML mode, which
 * lectern loads for its layouts anyway). Text and attribute values stay as XML
 * text, entities and all, so that what is not edited is written back as it was;
 * what lectern writes into the tree goes through `escapeXml` (setText, createElement).
 */
export function parseXml(xml: string, part: string): Document {
  const declaration = DECLARATION.exec(xml);
  const doc = parseDocument(declaration ? xml.slice(declaration[0].length) : xml, { xmlMode: true, decodeEntities: false });
  if (!root(doc)) throw new Error(`${part} has no root element`);
  declarations.set(doc, declaration?.[1] ?? '');
  return doc;
}

/** A parsed part as text again, with its XML declaration. */
export function serializeXml(doc: Document): string {
  const declaration = declarations.get(doc);
  return `${declaration ? `${declaration}\r\n` : ''}${render(doc, { xmlMode: true, encodeEntities: false })}`;
}

/** The root element of a parsed part. */
export function root(doc: Document): Element {
  return doc.children.find(isTag)!;
}

/** The element children of `parent`, all of them or those with the qualified name `tag`. */
export function childElements(parent: ParentNode, tag?: string): Element[] {
  return parent.children.filter((node): node is Element => isTag(node) && (tag === undefined || node.name === tag));
}

/** The descendants of `parent` with the qualified name `tag` (`*` for all), in document order. */
export function descendants(parent: ParentNode, tag: string): Element[] {
  return childElements(parent).flatMap((e) => [...(tag === '*' || e.name === tag ? [e] : []), ...descendants(e, tag)]);
}

/** Sets an element's text, escaped. */
export function setText(element: Element, text: string): void {
  element.children.forEach((child) => (child.parent = null));
  const node = new Text(escapeXml(text));
  node.parent = element;
  element.children = [node];
}

/** A new element with attributes and optional text, both escaped. */
export function createElement(tag: string, attributes: Record<string, string | undefined> = {}, text?: string): Element {
  const attribs = Object.fromEntries(
    Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => [name, escapeXml(value)]),
  );
  const element = new Element(tag, attribs);
  if (text !== undefined) setText(element, text);
  return element;
}

/** Puts `node` (taken from where it was) in `parent`, first or last. */
export function insert(parent: ParentNode, node: ChildNode, where: 'first' | 'last'): void {
  detach(node);
  node.parent = parent;
  if (where === 'first') {
    parent.children.unshift(node);
    relink(parent);
    return;
  }
  // Last: only the new node and the one before it change (a list of a thousand slide titles is not relinked a thousand times).
  const before = parent.children.at(-1) ?? null;
  parent.children.push(node);
  node.prev = before;
  node.next = null;
  if (before) before.next = node;
}

/** Puts `node` (taken from where it was) just before `reference`, among `reference`'s siblings. */
export function insertBefore(reference: ChildNode, node: ChildNode): void {
  const parent = reference.parent;
  if (!parent) throw new Error('insertBefore: the reference node has no parent');
  detach(node);
  node.parent = parent;
  parent.children.splice(parent.children.indexOf(reference), 0, node);
  relink(parent);
}

/** Removes `node` from its parent, with the white space that indents it. */
export function remove(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const at = parent.children.indexOf(node);
  const before = parent.children[at - 1];
  if (before instanceof Text && !before.data.trim()) detach(before);
  detach(node);
}

function detach(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(node), 1);
  node.parent = null;
  relink(parent);
}

/** Keeps the sibling links the serializer and the parser's nodes carry in step with `children`. */
function relink(parent: ParentNode): void {
  parent.children.forEach((child, i) => {
    child.prev = parent.children[i - 1] ?? null;
    child.next = parent.children[i + 1] ?? null;
  });
}

/**
 * Package parts as text, parsed on first use for structural edits and written
 * back as text by `save()`; parts never asked for are never parsed.
 */
export class ParsedParts {
  private readonly docs = new Map<string, Document>();
  /** The text of the elements held out of each parsed part, by part. */
  private readonly held = new Map<string, Map<string, string>>();

  /**
   * `unedited` names elements that no edit touches, such as a master's text styles (most of
   * its bytes): they are held out of the parse as text and put back as they were.
   */
  constructor(
    private readonly parts: Map<string, string>,
    private readonly unedited: readonly string[] = [],
  ) {}

  has(part: string): boolean {
    return this.parts.has(part);
  }

  /** The part's text, for parts read without parsing. */
  text(part: string): string {
    const xml = this.parts.get(part);
    if (xml === undefined) throw new Error(`the package has no part ${part}`);
    return xml;
  }

  /** The part's parsed document, which edits change in place. */
  get(part: string): Document {
    let doc = this.docs.get(part);
    if (!doc) {
      let xml = this.text(part);
      const held = new Map<string, string>();
      for (const tag of this.unedited) {
        const element = elementText(xml, tag);
        if (!element) continue;
        held.set(tag, xml.slice(element.start, element.end));
        xml = `${xml.slice(0, element.start)}<${tag}/>${xml.slice(element.end)}`;
      }
      doc = parseXml(xml, part);
      this.docs.set(part, doc);
      this.held.set(part, held);
    }
    return doc;
  }

  delete(part: string): void {
    this.docs.delete(part);
    this.parts.delete(part);
  }

  /** Writes every document that was asked for back into the parts. */
  save(): void {
    for (const [part, doc] of this.docs) {
      let xml = serializeXml(doc);
      for (const [tag, text] of this.held.get(part) ?? []) {
        const at = xml.indexOf(`<${tag}/>`);
        xml = `${xml.slice(0, at)}${text}${xml.slice(at + tag.length + 3)}`;
      }
      this.parts.set(part, xml);
    }
    this.docs.clear();
    this.held.clear();
  }
}

/**
 * Where the first element `tag` (a name lectern knows, never deck text) starts and ends in
 * a part's text. Deck text cannot fake a tag: its `<` is always escaped.
 */
function elementText(xml: string, tag: string): { start: number; end: number } | undefined {
  const start = xml.search(new RegExp(`<${tag}[\\s/>]`));
  if (start < 0) return undefined;
  const selfClosing = xml.indexOf('/>', start) === xml.indexOf('>', start) - 1;
  if (selfClosing) return { start, end: xml.indexOf('>', start) + 1 };
  const close = xml.indexOf(`</${tag}>`, start);
  return close < 0 ? undefined : { start, end: close + tag.length + 3 };
}
