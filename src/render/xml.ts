/**
 * XML for the package: the one way deck text is escaped into XML written as
 * text (`escapeXml`), and parsed documents for the structural edits of small
 * package parts (relationships, content types, properties, the slide master),
 * so that no text a teacher writes can change a part's structure.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { stripControlCharacters } from '../input/readInput.js';

export type { Document, Element };

/** Text as XML 1.0 can hold it: without the control characters it forbids. */
export function xmlChars(text: string): string {
  return stripControlCharacters(text);
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML written as text (element content or an attribute value) and drops the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[<>&"']/g, (c) => ENTITIES[c]);
}

/**
 * Parses a package part lectern or pptxgenjs wrote. A part that is not
 * well-formed XML is a bug in lectern, reported with the part's name.
 */
export function parseXml(xml: string, part: string): Document {
  const fatal = (message: string) => {
    throw new Error(`${part} is not well-formed XML: ${message}`);
  };
  return new DOMParser({ onError: (level, message) => level !== 'warning' && fatal(message) }).parseFromString(xml, 'text/xml');
}

/** A parsed part as text again, with its XML declaration. */
export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The element children of `parent`, all of them or those with the qualified name `tag`. */
export function childElements(parent: Element | Document, tag?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (tag === undefined || node.nodeName === tag)) out.push(node as Element);
  }
  return out;
}

/** The descendants of `parent` with the qualified name `tag`, in document order. */
export function descendants(parent: Element | Document, tag: string): Element[] {
  return Array.from(parent.getElementsByTagName(tag));
}

/** Sets an element's text, which the serializer escapes. */
export function setText(element: Element, text: string): void {
  element.textContent = xmlChars(text);
}

/**
 * A new element in the namespace of its parent-to-be (`namespace`), with
 * attributes and optional text, both of which the serializer escapes.
 */
export function createElement(
  doc: Document,
  namespace: string | null,
  tag: string,
  attributes: Record<string, string | undefined> = {},
  text?: string,
): Element {
  const element = doc.createElementNS(namespace, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, xmlChars(value));
  if (text !== undefined) setText(element, text);
  return element;
}

/** Removes `node` from its parent, with the white space that indents it. */
export function remove(node: Element): void {
  const before = node.previousSibling;
  if (before && before.nodeType === before.TEXT_NODE && !before.nodeValue?.trim()) before.parentNode?.removeChild(before);
  node.parentNode?.removeChild(node);
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
