/**
 * Slide-master surgery on the package pptxgenjs writes. pptxgenjs can only put
 * shapes on slide layouts, so lectern defines the master's decoration as one
 * more layout and lifts it onto the slide master here, where a colleague can
 * restyle the whole deck in PowerPoint's Slide Master view. The master, its
 * layouts and their relationships are edited as parsed XML.
 */
import { decodeEntities } from './flatXml.js';
import { readRelationships, relsPartOf, RELATIONSHIP_TYPE, writeRelationships, type RelationshipsPart } from './packageParts.js';
import { childElements, descendants, insert, ParsedParts, remove, root, type Element } from './xml.js';

/** The name of the layout that carries the master's decoration until it is lifted. */
export const MASTER_LAYOUT = 'lectern-master';
/** The layout pptxgenjs always adds and no slide uses. */
const UNUSED_LAYOUT = 'DEFAULT';

const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const MASTER_RELS = relsPartOf(MASTER);
const LAYOUT_PART = /^ppt\/slideLayouts\/slideLayout\d+\.xml$/;
/** The attributes by which shapes and backgrounds refer to relationships (`r:embed` of a picture, …). */
const REFERENCES = ['r:embed', 'r:link', 'r:id'];

/** The package's XML parts by name, edited in place. */
export type Parts = Map<string, string>;

/**
 * Moves the background and shapes of the `lectern-master` layout onto the slide
 * master, removes that layout and pptxgenjs's unused DEFAULT layout, and marks
 * `hideMasterIn` layouts so that their slides do not show the master's shapes.
 */
export function liftMaster(parts: Parts, hideMasterIn: readonly string[]): void {
  if (!parts.has(MASTER) || !parts.has(MASTER_RELS)) return;
  // Only the parts edited are parsed: the master, the carrier and the layouts that hide the master.
  const xml = new ParsedParts(parts, ['p:txStyles']);
  const rels = readRelationships(parts.get(MASTER_RELS)!, MASTER_RELS);
  const named = new Map([...parts].filter(([part]) => LAYOUT_PART.test(part)).map(([part, text]) => [layoutName(text), part]));
  const carrier = named.get(MASTER_LAYOUT);
  if (carrier) {
    liftLayout(xml, rels, carrier);
    removeLayout(xml, rels, carrier);
  }
  const unused = named.get(UNUSED_LAYOUT);
  if (unused) removeLayout(xml, rels, unused);
  for (const name of hideMasterIn) {
    const layout = named.get(name);
    if (layout && xml.has(layout)) root(xml.get(layout)).attribs.showMasterSp = '0';
  }
  xml.save();
  parts.set(MASTER_RELS, writeRelationships(rels));
}

/** A layout's name, as PowerPoint shows it (read, not edited, so the layout is not parsed). */
export function layoutName(xml: string): string {
  return decodeEntities(/<p:cSld\b[^>]*?\sname="([^"]*)"/.exec(xml)?.[1] ?? '');
}

/** Moves a layout's background and shapes onto the master, with the relationships they use under new ids. */
function liftLayout(xml: ParsedParts, masterRels: RelationshipsPart, carrier: string): void {
  const masterData = commonSlideData(root(xml.get(MASTER)));
  const carrierData = commonSlideData(root(xml.get(carrier)));
  const moved: Element[] = [];
  const background = childElements(carrierData, 'p:bg')[0];
  if (background) {
    childElements(masterData, 'p:bg').forEach(remove);
    insert(masterData, background, 'first');
    moved.push(background);
  }
  const masterTree = shapeTree(masterData);
  shapesOf(masterTree).forEach(remove);
  for (const shape of shapesOf(shapeTree(carrierData))) {
    insert(masterTree, shape, 'last');
    moved.push(shape);
  }
  // The carrier's relationships (its pictures), less the one to the master, become the master's.
  const carrierRels = xml.has(relsPartOf(carrier)) ? readRelationships(xml.text(relsPartOf(carrier)), relsPartOf(carrier)).list : [];
  const newIds = new Map<string, string>();
  for (const rel of carrierRels.filter((r) => r.type !== RELATIONSHIP_TYPE.slideMaster)) {
    const id = `rIdMaster${newIds.size + 1}`;
    newIds.set(rel.id, id);
    masterRels.list.push({ ...rel, id });
  }
  for (const element of moved.flatMap((e) => [e, ...descendants(e, '*')])) {
    for (const attribute of REFERENCES) {
      const id = newIds.get(element.attribs[attribute] ?? '');
      if (id) element.attribs[attribute] = id;
    }
  }
}

/** Removes a slide layout part, its relationships, and the master's reference to it. */
function removeLayout(xml: ParsedParts, masterRels: RelationshipsPart, layout: string): void {
  const target = `../slideLayouts/${layout.split('/').pop()}`;
  const rel = masterRels.list.find((r) => r.target === target);
  if (rel) {
    masterRels.list = masterRels.list.filter((r) => r !== rel);
    for (const entry of descendants(xml.get(MASTER), 'p:sldLayoutId')) if (entry.attribs['r:id'] === rel.id) remove(entry);
  }
  xml.delete(layout);
  xml.delete(relsPartOf(layout));
}

/** The `p:cSld` of a master or layout. */
function commonSlideData(part: Element): Element {
  const data = childElements(part, 'p:cSld')[0];
  if (!data) throw new Error(`<${part.name}> has no <p:cSld>`);
  return data;
}

function shapeTree(data: Element): Element {
  const tree = childElements(data, 'p:spTree')[0];
  if (!tree) throw new Error('<p:cSld> has no <p:spTree>');
  return tree;
}

/** The shapes of a shape tree: every child after the group's own properties. */
function shapesOf(tree: Element): Element[] {
  return childElements(tree).filter((e) => e.name !== 'p:nvGrpSpPr' && e.name !== 'p:grpSpPr');
}
