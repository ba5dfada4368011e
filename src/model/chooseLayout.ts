import type { Block } from '../content/blocks.js';
import { fail } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';

/** What the layout rule looks at: a slide's blocks once its title, notes and directives are taken out. */
export interface SlideShape {
  file: string;
  line: number;
  /** The `<!-- layout: NAME -->` directive, with its line. */
  requested?: { name: string; line: number };
  /** The slide's title heading depth (1 for `#`), if it has one. */
  titleDepth?: number;
  content: Block[];
}

/** A layout name as compared when it is not written exactly: lower case, spaces as one. */
const layoutKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The layouts the rule above chooses, which every template may or may not define. */
export const STANDARD_LAYOUTS = ['title', 'section', 'content', 'two-column', 'chart', 'table', 'image'];

const VISUAL: Partial<Record<Block['kind'], string>> = {
  chart: 'chart',
  table: 'table',
  datatable: 'table',
  image: 'image',
  images: 'image',
};

/**
 * The layout rule, in order:
 * 1. a `<!-- layout: NAME -->` directive names the layout;
 * 2. a slide holding only a `#` heading is a `section`;
 * 3. a slide with a `::: columns` block is `two-column`;
 * 4. a slide whose content is one chart, table or image (with at most one
 *    paragraph of text besides) is `chart`, `table` or `image`;
 * 5. anything else is `content`.
 * A standard layout the template does not have falls back to `content`, so
 * that decks move between templates; an unknown custom layout is an error.
 */
export function chooseLayout(shape: SlideShape, layouts: ReadonlySet<string>): string {
  if (shape.requested) {
    const { name, line } = shape.requested;
    if (layouts.has(name)) return name;
    // The name as written in another case or spacing ("title only" for "Title Only"), when only one layout has it.
    const same = [...layouts].filter((layout) => layoutKey(layout) === layoutKey(name));
    if (same.length === 1) return same[0];
    if (STANDARD_LAYOUTS.includes(name)) return 'content';
    throw fail('layout/unknown', `unknown layout "${name}"${didYouMean(name, layouts)}; this template has ${layoutList(layouts)}`, {
      file: shape.file,
      line,
    });
  }
  const available = (name: string) => (layouts.has(name) ? name : 'content');
  if (shape.content.length === 0 && shape.titleDepth === 1) return available('section');
  if (shape.content.some((b) => b.kind === 'columns')) return available('two-column');
  const visuals = shape.content.filter((b) => VISUAL[b.kind]);
  // A footnote is small print at the foot of whatever layout the slide has.
  const text = shape.content.filter((b) => !VISUAL[b.kind] && b.kind !== 'footnote');
  if (visuals.length === 1 && text.length <= 1 && text.every((b) => b.kind === 'paragraph')) return available(VISUAL[visuals[0].kind]!);
  return 'content';
}

/**
 * A template's layouts for a message, each quoted (a PowerPoint file's names have commas:
 * "Title, Content"). Where several masters have layouts, their names with the master's
 * (`Master 2 / Title Only`) are told by one example, not each one again.
 */
function layoutList(layouts: ReadonlySet<string>): string {
  const names = [...layouts];
  const withMaster = names.filter((n) => n.includes(' / ') && layouts.has(n.slice(n.indexOf(' / ') + 3)));
  const list = names
    .filter((n) => !withMaster.includes(n))
    .map((n) => `"${n}"`)
    .join(', ');
  const masters = new Set(withMaster.map((n) => n.slice(0, n.indexOf(' / '))));
  return withMaster.length
    ? `${list}, on ${masters.size} masters: to choose one master's layout, name the master first, as in "${withMaster[0]}"`
    : list;
}
