/**
 * A deck on a PowerPoint template file. pptxgenjs writes the slides, on layouts
 * of its own that carry one placeholder per part of a slide; this step swaps its
 * masters and layouts for the file's (with their themes and pictures), points each
 * slide at the file's layout, gives each placeholder shape the `type` and `idx` of
 * the file layout's placeholder it fills, adds the date, footer and slide number
 * placeholders, and takes the file's slide size. Every part edited is parsed XML.
 */
import path from 'node:path';
import { readFlatXml, writeFlatXml, type FlatElement } from './flatXml.js';
import { layoutName, type Parts } from './master.js';
import { readRelationships, relsPartOf, retarget, RELATIONSHIP_TYPE, writeRelationships } from './packageParts.js';
import {
  childElements,
  createElement,
  descendants,
  insert,
  insertBefore,
  ParsedParts,
  parseXml,
  remove,
  root,
  type Element,
} from './xml.js';
import type { FileLayoutRef, PowerPointBase, Styled } from '../templates/types.js';
import { emu } from './emu.js';

/** What a deck puts in the placeholders every slide may have. */
export interface TemplateFill {
  base: PowerPointBase;
  /**
   * By pptxgenjs layout name (see templateFill in deckToPptx.ts): the file's layout its slides go on, which
   * placeholder each of the pptxgenjs layout's placeholders is, in order (see fileLayoutSlots), and the size at which
   * the footer fits its footer placeholder, where the placeholder's own is too large.
   */
  layouts: ReadonlyMap<string, { file: FileLayoutRef; slots: string[]; footerSize?: number }>;
  footer?: string;
  date?: string;
  slideNumbers: boolean;
  lang: string;
}

const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
const OWN_PARTS = /^ppt\/(slideMasters|slideLayouts)\//;
const THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const SLIDE_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';

/** Whether the template step edits a part, so that the repair stage keeps it until all are in. */
export function editedOnTemplate(name: string): boolean {
  return (
    SLIDE_PART.test(name) ||
    /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(name) ||
    name === 'ppt/presentation.xml' ||
    name === 'ppt/_rels/presentation.xml.rels'
  );
}

/**
 * Builds the deck on the file: edits `parts` (the package's held text parts) in
 * place, and returns the file's parts to add, by their name in the deck.
 * `names` are the parts the package has, which the file's must not take.
 */
export function buildOnTemplate(parts: Parts, names: ReadonlySet<string>, fill: TemplateFill): Map<string, string | Uint8Array> {
  const { base } = fill;
  // pptxgenjs's layouts: which lectern layout each is, and which slot each placeholder idx is.
  const own = new Map<string, { name: string; placeholders: Map<string, string> }>();
  for (const [name, xml] of parts) {
    if (!/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)) continue;
    const slots = fill.layouts.get(layoutName(xml))?.slots ?? [];
    const ids = descendants(root(parseXml(xml, name)), 'p:ph').map((ph) => ph.attribs.idx ?? '');
    own.set(name, { name: layoutName(xml), placeholders: new Map(ids.map((idx, i) => [idx, slots[i]])) });
  }
  for (const name of [...parts.keys()]) if (OWN_PARTS.test(name)) parts.delete(name);

  const taken = new Set([...names].filter((n) => !OWN_PARTS.test(n)));
  const moved = new Map<string, string>();
  for (const part of base.parts) moved.set(part, freeName(part, taken));
  const added = new Map<string, string | Uint8Array>();
  for (const part of base.parts) {
    added.set(moved.get(part)!, base.pkg.parts.get(part)!);
    const rels = relsPartOf(part);
    const xml = base.pkg.parts.get(rels);
    if (typeof xml === 'string') added.set(relsPartOf(moved.get(part)!), retarget(xml, rels, moved));
  }

  const xml = new ParsedParts(parts);
  for (const name of [...parts.keys()].filter((n) => SLIDE_PART.test(n))) {
    const relsName = relsPartOf(name);
    const rels = readRelationships(parts.get(relsName)!, relsName);
    const layoutRel = rels.list.find((r) => r.type === SLIDE_LAYOUT);
    const ownLayout = layoutRel && own.get(path.posix.join('ppt/slides', layoutRel.target));
    const entry = ownLayout && fill.layouts.get(ownLayout.name);
    const fileLayout = entry?.file;
    if (!layoutRel || !ownLayout || !fileLayout) throw new Error(`${name} is on no layout of the template`);
    layoutRel.target = `../slideLayouts/${path.posix.basename(moved.get(fileLayout.part)!)}`;
    parts.set(relsName, writeRelationships(rels));
    fillSlide(root(xml.get(name)), ownLayout.placeholders, { ...entry, file: fileLayout }, fill, Number(/(\d+)\.xml$/.exec(name)![1]));
  }
  onFileMasters(root(xml.get('ppt/presentation.xml')), parts, base, moved);
  xml.save();
  parts.set('[Content_Types].xml', withContentTypes(parts.get('[Content_Types].xml')!, base, moved));
  return added;
}

/** `part`, or the first name like it (`theme1.xml` → `theme2.xml`, …) that no part has, which it then takes. */
function freeName(part: string, taken: Set<string>): string {
  let name = part;
  const { dir, name: stem, ext } = path.posix.parse(part);
  const prefix = stem.replace(/\d+$/, '');
  for (let n = 1; taken.has(name); n++) name = `${dir}/${prefix}${n}${ext}`;
  taken.add(name);
  return name;
}

/** Gives a slide's placeholder shapes the file layout's `type` and `idx`, and adds its date, footer and slide number. */
function fillSlide(
  slide: Element,
  own: Map<string, string>,
  { file: layout, footerSize }: { file: FileLayoutRef; footerSize?: number },
  fill: TemplateFill,
  number: number,
): void {
  const tree = descendants(slide, 'p:spTree')[0];
  for (const shape of childElements(tree, 'p:sp')) {
    const ph = descendants(shape, 'p:ph')[0];
    if (!ph) continue;
    // pptxgenjs puts every placeholder of its layout on the slide; one the slide leaves empty goes, as in
    // PowerPoint, where an unused placeholder is not on the slide (a chart takes the content placeholder's place).
    if (own.get(ph.attribs.idx ?? '') !== 'title' && !descendants(shape, '*').some((e) => e.name === 'a:r' || e.name === 'a:fld')) {
      remove(shape);
      continue;
    }
    const slot = own.get(ph.attribs.idx ?? '') ?? '';
    const target = layout.placeholders[slot];
    // A part the file's layout has no placeholder for (the title on "Blank", kept off the slide for
    // screen readers) stays a text box where it is.
    if (!target) {
      remove(ph);
      continue;
    }
    ph.attribs = { ...target };
    paintText(shape, layout.colors?.[slot]);
    // The shape keeps its place, and takes its outline, fill and text style from the layout.
    const properties = childElements(shape, 'p:spPr')[0];
    if (properties)
      childElements(properties)
        .filter((e) => e.name !== 'a:xfrm')
        .forEach(remove);
    const body = childElements(shape, 'p:txBody')[0];
    const bodyProperties = body && childElements(body, 'a:bodyPr')[0];
    if (bodyProperties) {
      bodyProperties.attribs = {};
      bodyProperties.children.slice().forEach(remove);
    }
  }
  // The slide's first picture fills the layout's picture placeholder, where it has one; its first chart
  // or table fills the content placeholder no text fills, where that takes any content (has no type).
  const picture = layout.placeholders.picture && childElements(tree, 'p:pic')[0];
  const pictureProperties = picture && descendants(picture, 'p:nvPr')[0];
  if (pictureProperties) insert(pictureProperties, createElement('p:ph', layout.placeholders.picture), 'first');
  const content = layout.placeholders.body;
  const textFilled = descendants(tree, 'p:ph').some((ph) => ph.attribs.idx === content?.idx && ph.attribs.type === content?.type);
  const frame = content && content.type === undefined && !textFilled ? childElements(tree, 'p:graphicFrame')[0] : undefined;
  const frameProperties = frame && descendants(frame, 'p:nvPr')[0];
  if (frameProperties) insert(frameProperties, createElement('p:ph', content), 'first');
  let id = Math.max(1, ...descendants(tree, 'p:cNvPr').map((e) => Number(e.attribs.id) || 0));
  const add = (key: string, label: string, paragraph: Element) => {
    const target = layout.placeholders[key];
    if (!target) return;
    const shape = createElement('p:sp');
    const nv = createElement('p:nvSpPr');
    [createElement('p:cNvPr', { id: String(++id), name: label }), locked(), nvPr(target)].forEach((e) => insert(nv, e, 'last'));
    insert(shape, nv, 'last');
    insert(shape, createElement('p:spPr'), 'last');
    const body = createElement('p:txBody');
    [createElement('a:bodyPr'), createElement('a:lstStyle'), paragraph].forEach((e) => insert(body, e, 'last'));
    insert(shape, body, 'last');
    paintText(shape, layout.colors?.[key]);
    insert(tree, shape, 'last');
  };
  if (fill.date) add('date', 'Date Placeholder', textParagraph(fill.date, fill.lang));
  if (fill.footer) add('footer', 'Footer Placeholder', textParagraph(fill.footer, fill.lang, footerSize));
  if (fill.slideNumbers) {
    const field = createElement('a:fld', { id: '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}', type: 'slidenum' });
    insert(field, createElement('a:rPr', { lang: fill.lang }), 'last');
    insert(field, createElement('a:t', {}, String(number)), 'last');
    const paragraph = createElement('a:p');
    insert(paragraph, field, 'last');
    add('slideNumber', 'Slide Number Placeholder', paragraph);
  }
}

/**
 * Gives a placeholder's text `color` where the layout's would not read on its background (see FilePlaceholder.color):
 * every run and paragraph end that has no fill of its own.
 */
function paintText(shape: Element, color: string | undefined): void {
  if (!color) return;
  for (const properties of descendants(shape, '*').filter((e) => e.name === 'a:rPr' || e.name === 'a:endParaRPr')) {
    if (childElements(properties).some((e) => /^a:(solidFill|gradFill|noFill|pattFill|blipFill|grpFill)$/.test(e.name))) continue;
    const fill = createElement('a:solidFill');
    insert(fill, createElement('a:srgbClr', { val: color }), 'last');
    // After the outline, where the schema puts the fill.
    const outline = childElements(properties, 'a:ln')[0];
    const next = outline && properties.children[properties.children.indexOf(outline) + 1];
    if (next) insertBefore(next, fill);
    else insert(properties, fill, outline ? 'last' : 'first');
  }
}

function locked(): Element {
  const properties = createElement('p:cNvSpPr');
  insert(properties, createElement('a:spLocks', { noGrp: '1' }), 'last');
  return properties;
}

function nvPr(target: Record<string, string>): Element {
  const properties = createElement('p:nvPr');
  insert(properties, createElement('p:ph', target), 'last');
  return properties;
}

/** A paragraph of one run of text (escaped by createElement), at `size` points where given. */
function textParagraph(text: string, lang: string, size?: number): Element {
  const paragraph = createElement('a:p');
  const run = createElement('a:r');
  insert(run, createElement('a:rPr', { lang, ...(size ? { sz: String(size * 100) } : {}) }), 'last');
  insert(run, createElement('a:t', {}, text), 'last');
  insert(paragraph, run, 'last');
  return paragraph;
}

/** The presentation on the file's masters, at the file's slide size; its theme is the first master's. */
function onFileMasters(presentation: Element, parts: Parts, base: PowerPointBase, moved: ReadonlyMap<string, string>): void {
  const relsName = 'ppt/_rels/presentation.xml.rels';
  const rels = readRelationships(parts.get(relsName)!, relsName);
  rels.list = rels.list.filter((r) => r.type !== RELATIONSHIP_TYPE.slideMaster);
  const list = childElements(presentation, 'p:sldMasterIdLst')[0];
  childElements(list).forEach(remove);
  base.presentation.masters.forEach(({ part, id }, i) => {
    const rId = `rIdTemplateMaster${i + 1}`;
    rels.list.push({ id: rId, type: RELATIONSHIP_TYPE.slideMaster, target: path.posix.relative('ppt', moved.get(part)!) });
    insert(list, createElement('p:sldMasterId', { id, 'r:id': rId }), 'last');
  });
  const firstMaster = base.presentation.masters[0].part;
  const masterRels = base.pkg.parts.get(relsPartOf(firstMaster));
  const theme =
    typeof masterRels === 'string' ? readRelationships(masterRels, relsPartOf(firstMaster)).list.find((r) => r.type === THEME) : undefined;
  const presentationTheme = rels.list.find((r) => r.type === THEME);
  if (theme && presentationTheme) {
    presentationTheme.target = path.posix.relative('ppt', moved.get(path.posix.join(path.posix.dirname(firstMaster), theme.target))!);
  }
  parts.set(relsName, writeRelationships(rels));
  const size = childElements(presentation, 'p:sldSz')[0];
  if (size) {
    const { width, height } = base.presentation.size;
    size.attribs = { cx: String(emu(width)), cy: String(emu(height)) };
  }
}

/** The deck's content types with the file's parts: an override for each XML part, a default for each other extension. */
function withContentTypes(xml: string, base: PowerPointBase, moved: ReadonlyMap<string, string>): string {
  const types = readFlatXml(xml, '[Content_Types].xml');
  const fileTypes = readFlatXml(String(base.pkg.parts.get('[Content_Types].xml') ?? '<Types/>'), '[Content_Types].xml').children;
  const defaults = new Set(types.children.filter((e) => e.name === 'Default').map((e) => (e.attributes.Extension ?? '').toLowerCase()));
  const added: FlatElement[] = [];
  for (const [part, name] of moved) {
    const override = fileTypes.find((e) => e.name === 'Override' && e.attributes.PartName === `/${part}`);
    const ext = path.posix.extname(part).slice(1).toLowerCase();
    if (override)
      added.push({ name: 'Override', attributes: { PartName: `/${name}`, ContentType: override.attributes.ContentType ?? '' } });
    else if (!defaults.has(ext)) {
      const fileDefault = fileTypes.find((e) => e.name === 'Default' && (e.attributes.Extension ?? '').toLowerCase() === ext);
      if (fileDefault) {
        added.push({ name: 'Default', attributes: { Extension: ext, ContentType: fileDefault.attributes.ContentType ?? '' } });
        defaults.add(ext);
      }
    }
  }
  // Defaults come before overrides, as Office writes them.
  // The file's parts take the place of pptxgenjs's masters and layouts, whose overrides go.
  const overridden = new Set(added.map((e) => e.attributes.PartName));
  const kept = types.children.filter((e) => e.name !== 'Override' || !overridden.has(e.attributes.PartName));
  const children = [...added.filter((e) => e.name === 'Default'), ...kept, ...added.filter((e) => e.name === 'Override')];
  return writeFlatXml({ ...types, children });
}
