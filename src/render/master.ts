/**
 * Slide-master surgery on the package pptxgenjs writes. pptxgenjs can only put
 * shapes on slide layouts, so lectern defines the master's decoration as one
 * more layout and lifts it onto the slide master here, where a colleague can
 * restyle the whole deck in PowerPoint's Slide Master view.
 */

/** The name of the layout that carries the master's decoration until it is lifted. */
export const MASTER_LAYOUT = 'lectern-master';
/** The layout pptxgenjs always adds and no slide uses. */
const UNUSED_LAYOUT = 'DEFAULT';

const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const MASTER_RELS = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';

/** The package's XML parts by name, edited in place. */
export type Parts = Map<string, string>;

/**
 * Moves the background and shapes of the `lectern-master` layout onto the slide
 * master, removes that layout and pptxgenjs's unused DEFAULT layout, and marks
 * `hideMasterIn` layouts so that their slides do not show the master's shapes.
 */
export function liftMaster(parts: Parts, hideMasterIn: readonly string[]): void {
  const layouts = [...parts.keys()].filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
  const nameOf = (part: string) => /<p:cSld name="([^"]*)"/.exec(parts.get(part)!)?.[1];
  const carrier = layouts.find((l) => nameOf(l) === MASTER_LAYOUT);
  if (carrier) {
    const xml = parts.get(carrier)!;
    let background = /<p:bg>[\s\S]*?<\/p:bg>/.exec(xml)?.[0] ?? '';
    let shapes = /<\/p:grpSpPr>([\s\S]*)<\/p:spTree>/.exec(xml)?.[1] ?? '';
    let rels = parts.get(MASTER_RELS)!;
    const carried = [...(parts.get(relsOf(carrier)) ?? '').matchAll(/<Relationship [^>]*\/>/g)]
      .map((m) => m[0])
      .filter((r) => !r.includes('/slideMaster"'));
    carried.forEach((rel, i) => {
      const oldId = /Id="([^"]+)"/.exec(rel)![1];
      const newId = `rIdMaster${i + 1}`;
      const reference = new RegExp(`r:(embed|link|id)="${oldId}"`, 'g');
      shapes = shapes.replace(reference, `r:$1="${newId}"`);
      background = background.replace(reference, `r:$1="${newId}"`);
      rels = rels.replace('</Relationships>', `${rel.replace(/Id="[^"]+"/, `Id="${newId}"`)}</Relationships>`);
    });
    parts.set(MASTER_RELS, rels);
    parts.set(
      MASTER,
      parts
        .get(MASTER)!
        .replace('<p:cSld>', `<p:cSld>${background}`)
        .replace(/(<\/p:grpSpPr>)[\s\S]*(<\/p:spTree>)/, `$1${shapes}$2`),
    );
    removeLayout(parts, carrier);
  }
  const unused = layouts.find((l) => nameOf(l) === UNUSED_LAYOUT);
  if (unused) removeLayout(parts, unused);
  for (const layout of layouts) {
    if (parts.has(layout) && hideMasterIn.includes(nameOf(layout) ?? ''))
      parts.set(layout, parts.get(layout)!.replace(/<p:sldLayout\b/, '<p:sldLayout showMasterSp="0"'));
  }
}

/** Removes a slide layout part, its relationships, and the master's reference to it. */
function removeLayout(parts: Parts, layout: string): void {
  const target = `../slideLayouts/${layout.split('/').pop()}`;
  const rels = parts.get(MASTER_RELS)!;
  const rel = new RegExp(`<Relationship Id="([^"]+)"[^>]*Target="${target.replace(/\./g, '\\.')}"/>`).exec(rels);
  if (rel) {
    parts.set(MASTER_RELS, rels.replace(rel[0], ''));
    parts.set(MASTER, parts.get(MASTER)!.replace(new RegExp(`<p:sldLayoutId id="\\d+" r:id="${rel[1]}"/>`), ''));
  }
  parts.delete(layout);
  parts.delete(relsOf(layout));
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}
