/**
 * `lectern templates import school.pptx [name]`: a template folder around a
 * PowerPoint file, whose template.yaml says which of the file's layouts each of
 * lectern's layouts uses; and `lectern templates show`: a deck with one slide on
 * each of a template file's layouts, its placeholders labelled.
 */
import path from 'node:path';
import { describeMapping, type MappingRow } from './powerPointTemplate.js';
import type { Template } from '../types.js';
import { LAYOUT_KINDS, masterName, qualifiedName } from './layoutMapping.js';

/** A template folder's name made from a file's: `Our School 2024.pptx` → `our-school-2024`. */
export function templateNameOf(file: string): string {
  const stem = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
  return stem || 'school';
}

/** The files of a template folder built on `file`: the file itself and template.yaml, and the layout mapping it writes. */
export function importedTemplate(file: string, bytes: Uint8Array): { files: Map<string, string | Uint8Array>; mapping: MappingRow[] } {
  const name = path.basename(file);
  const mapping = describeMapping(file);
  const yaml = [
    `description: ${JSON.stringify(`Built on ${name}`)}`,
    `base: ${JSON.stringify(name)}`,
    '# Which layout of the file each kind of slide goes on: change a name to any layout of the file.',
    'layouts:',
    ...mapping.map((row) =>
      row.how === 'nearest' || row.how === 'rule'
        ? `  # ${row.kind}: ${JSON.stringify(row.layout)}   (${row.description})`
        : `  ${row.kind}: ${JSON.stringify(row.layout)}`,
    ),
    '',
  ].join('\n');
  return {
    files: new Map<string, string | Uint8Array>([
      [name, bytes],
      ['template.yaml', yaml],
    ]),
    mapping,
  };
}

/** A character Markdown or Handlebars would read as markup, written as itself. */
const MARKUP = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/**
 * The Markdown of a deck with one slide on each layout of a template file: its
 * title is the layout's name, its text the layout's placeholders, and which of
 * lectern's layouts use it.
 */
export function layoutSheet(template: Template): string {
  const base = template.base!;
  const uses = new Map<string, string[]>();
  for (const [kind, row] of kindsOf(template)) uses.set(row.part, [...(uses.get(row.part) ?? []), kind]);
  const several = base.presentation.masters.length > 1;
  const slides = base.presentation.layouts.map((layout) => {
    // Its name as a slide names it: with its master where several masters have a layout of that name.
    const name = template.layouts.has(qualifiedName(base.presentation, layout)) ? qualifiedName(base.presentation, layout) : layout.name;
    const own = template.layouts.get(name)!;
    const used = uses.get(layout.part);
    const regions = [...own.regions.keys()];
    const label = (key: string) => `${describe(own.fileLayout!.placeholders[key])} placeholder`;
    const body =
      regions.length > 1
        ? ['::: columns', ...regions.flatMap((key) => ['::: column', label(key), ':::']), ':::']
        : regions.length === 1
          ? [own.fileLayout!.placeholders[regions[0]] ? label(regions[0]) : 'a text box: this layout has no content placeholder']
          : [];
    const all = layout.placeholders.map((p) => `${PLACEHOLDER_NAMES[p.type] ?? p.type}${p.ph.idx ? ` (idx ${p.ph.idx})` : ''}`);
    const master = several ? ` Its master: ${masterName(base.presentation, layout)}.` : '';
    return [
      // In quotes, as they are (lectern takes off the outer ones); `{{` escaped, as the deck body is Handlebars first.
      `<!-- layout: "${name.replaceAll('{{', '\\{{')}" -->`,
      '',
      `## ${name.replace(MARKUP, '\\$&')}`,
      '',
      ...body,
      '',
      '::: notes',
      `Placeholders: ${all.join(', ') || 'none'}.${master} ${used ? `lectern's ${used.join(', ')} slides go on this layout.` : 'Use it with <!-- layout: "name" --> on a slide.'}`,
      ':::',
    ].join('\n');
  });
  return `---\ntitle: ${JSON.stringify(`The layouts of ${path.basename(base.pkg.file)}`)}\nslideNumbers: true\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

/** Which layout of the file, and of which master, each of lectern's slide kinds goes on, as `lectern templates show` prints it. */
export function kindsOf(template: Template): Map<string, { layout: string; master: string; part: string }> {
  const presentation = template.base!.presentation;
  const rows = new Map<string, { layout: string; master: string; part: string }>();
  for (const kind of LAYOUT_KINDS) {
    const ref = template.layouts.get(kind)?.fileLayout;
    const layout = ref && presentation.layouts.find((l) => l.part === ref.part);
    if (layout) rows.set(kind, { layout: layout.name, master: masterName(presentation, layout), part: layout.part });
  }
  return rows;
}

/** A placeholder of a layout (`type` and `idx` as the file writes them), in words. */
function describe(ph: Record<string, string> | undefined): string {
  const type = ph?.type ?? 'obj';
  return `${PLACEHOLDER_NAMES[type] ?? type}${ph?.idx ? ` (idx ${ph.idx})` : ''}`;
}

/** PowerPoint's placeholder types, in words. */
const PLACEHOLDER_NAMES: Record<string, string> = {
  title: 'title',
  ctrTitle: 'centred title',
  subTitle: 'subtitle',
  body: 'text',
  obj: 'content',
  pic: 'picture',
  tbl: 'table',
  chart: 'chart',
  dt: 'date',
  ftr: 'footer',
  sldNum: 'slide number',
};
