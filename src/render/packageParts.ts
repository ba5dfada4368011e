/**
 * The parts that tie a package together: relationships (`_rels/*.rels`) and
 * content types (`[Content_Types].xml`), edited as parsed XML.
 */
import path from 'node:path';
import { childElements, createElement, parseXml, remove, serializeXml, type Document, type Element } from './xml.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Relationship types lectern adds or looks for. */
export const RELATIONSHIP_TYPE = {
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  slideMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster',
} as const;

/** One relationship of a `.rels` part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** A target outside the package (a web link). */
  external?: boolean;
}

/** The relationships part of a part: `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part an internal target of the relationships part `relsPart` names. */
export function targetPart(relsPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(relsPart.replace(/_rels\/[^/]*$/, '') + target);
}

/** The `Relationship` elements of a parsed `.rels` part. */
export function relationshipElements(doc: Document): Element[] {
  return childElements(doc.documentElement!, 'Relationship');
}

/** The relationship an element records. */
export function relationshipOf(element: Element): Relationship {
  return {
    id: element.getAttribute('Id') ?? '',
    type: element.getAttribute('Type') ?? '',
    target: element.getAttribute('Target') ?? '',
    external: element.getAttribute('TargetMode') === 'External',
  };
}

/** Adds a relationship to a parsed `.rels` part. */
export function addRelationship(doc: Document, { id, type, target, external }: Relationship): Element {
  const element = createElement(doc, RELATIONSHIPS, 'Relationship', {
    Id: id,
    Type: type,
    Target: target,
    TargetMode: external ? 'External' : undefined,
  });
  doc.documentElement!.appendChild(element);
  return element;
}

/** Adds relationships to a `.rels` part given as text. */
export function withRelationships(xml: string, relsPart: string, added: readonly Relationship[]): string {
  if (added.length === 0) return xml;
  const doc = parseXml(xml, relsPart);
  for (const rel of added) addRelationship(doc, rel);
  return serializeXml(doc);
}

/** Drops the relationships of a `.rels` part whose internal target is not in the package. */
export function dropMissingTargets(xml: string, relsPart: string, parts: ReadonlySet<string>): string {
  const doc = parseXml(xml, relsPart);
  for (const element of relationshipElements(doc)) {
    const rel = relationshipOf(element);
    if (!rel.external && !parts.has(targetPart(relsPart, rel.target))) remove(element);
  }
  return serializeXml(doc);
}

/**
 * Points the internal relationships of a `.rels` part at other parts (`moved`:
 * old part name → new), keeping each target relative or absolute as it was.
 * Gives the part unchanged if none of its targets moved.
 */
export function retarget(xml: string, relsPart: string, moved: ReadonlyMap<string, string>): string {
  const doc = parseXml(xml, relsPart);
  let changed = false;
  for (const element of relationshipElements(doc)) {
    const rel = relationshipOf(element);
    const to = rel.external ? undefined : moved.get(targetPart(relsPart, rel.target));
    if (to === undefined) continue;
    const from = relsPart.replace(/_rels\/[^/]*$/, '');
    element.setAttribute('Target', rel.target.startsWith('/') ? `/${to}` : path.posix.relative(from || '.', to));
    changed = true;
  }
  return changed ? serializeXml(doc) : xml;
}

/** Drops the content-type overrides of parts that are not in the package (pptxgenjs names a slide master per slide, #1443). */
export function dropMissingOverrides(xml: string, parts: ReadonlySet<string>): string {
  const doc = parseXml(xml, '[Content_Types].xml');
  for (const override of childElements(doc.documentElement!, 'Override')) {
    if (!parts.has((override.getAttribute('PartName') ?? '').replace(/^\//, ''))) remove(override);
  }
  return serializeXml(doc);
}
