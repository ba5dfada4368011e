/**
 * The parts that tie a package together: relationships (`_rels/*.rels`) and
 * content types (`[Content_Types].xml`), read into records, edited, and written back.
 */
import path from 'node:path';
import { appendFlatElements, readFlatXml, writeFlatXml, type FlatElement, type FlatXml } from './flatXml.js';

/** Relationship types lectern adds or looks for. */
export const RELATIONSHIP_TYPE = {
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
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

/** The folder the targets of a relationships part are relative to: `ppt/slides/_rels/x.rels` → `ppt/slides/`. */
function sourceFolder(relsPart: string): string {
  return relsPart.replace(/_rels\/[^/]*$/, '');
}

/** The part an internal target of the relationships part `relsPart` names. */
export function targetPart(relsPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(sourceFolder(relsPart) + target);
}

/** A `.rels` part as a list of relationships, to edit and write back with `writeRelationships`. */
export interface RelationshipsPart {
  xml: FlatXml;
  list: Relationship[];
}

/** Reads a `.rels` part. */
export function readRelationships(xml: string, relsPart: string): RelationshipsPart {
  const flat = readFlatXml(xml, relsPart);
  const list = flat.children.map(({ attributes: a }) => ({
    id: a.Id ?? '',
    type: a.Type ?? '',
    target: a.Target ?? '',
    external: a.TargetMode === 'External',
  }));
  return { xml: flat, list };
}

/** Writes a `.rels` part from its (edited) list. */
export function writeRelationships({ xml, list }: RelationshipsPart): string {
  return writeFlatXml({ ...xml, children: list.map(relationshipElement) });
}

function relationshipElement(r: Relationship): FlatElement {
  return {
    name: 'Relationship',
    attributes: { Id: r.id, Type: r.type, Target: r.target, ...(r.external ? { TargetMode: 'External' } : {}) },
  };
}

/** Adds relationships to a `.rels` part. */
export function withRelationships(xml: string, relsPart: string, added: readonly Relationship[]): string {
  if (added.length === 0) return xml;
  return appendFlatElements(xml, relsPart, added.map(relationshipElement));
}

/** Drops the relationships of a `.rels` part whose internal target is not in the package. */
export function dropMissingTargets(xml: string, relsPart: string, parts: ReadonlySet<string>): string {
  const rels = readRelationships(xml, relsPart);
  const list = rels.list.filter((r) => r.external || parts.has(targetPart(relsPart, r.target)));
  return list.length === rels.list.length ? xml : writeRelationships({ ...rels, list });
}

/**
 * Points the internal relationships of a `.rels` part at other parts (`moved`:
 * old part name → new), keeping each target relative or absolute as it was.
 * Gives the part unchanged if none of its targets moved.
 */
export function retarget(xml: string, relsPart: string, moved: ReadonlyMap<string, string>): string {
  const rels = readRelationships(xml, relsPart);
  let changed = false;
  const list = rels.list.map((r) => {
    const to = r.external ? undefined : moved.get(targetPart(relsPart, r.target));
    if (to === undefined) return r;
    changed = true;
    return { ...r, target: r.target.startsWith('/') ? `/${to}` : path.posix.relative(sourceFolder(relsPart) || '.', to) };
  });
  return changed ? writeRelationships({ ...rels, list }) : xml;
}

/** Drops the content-type overrides of parts that are not in the package (pptxgenjs names a slide master per slide, #1443). */
export function dropMissingOverrides(xml: string, parts: ReadonlySet<string>): string {
  const types = readFlatXml(xml, '[Content_Types].xml');
  const children = types.children.filter((e) => e.name !== 'Override' || parts.has((e.attributes.PartName ?? '').replace(/^\//, '')));
  return children.length === types.children.length ? xml : writeFlatXml({ ...types, children });
}
