/**
 * A PowerPoint file (.pptx, .potx) as a lectern Template: a layout for each of
 * lectern's kinds and one for each of the file's layouts by its own name, with
 * the placeholders' real geometry and font sizes; the theme's colours and fonts
 * for charts and tables; and the file itself, whose masters, layouts, theme and
 * pictures the render stage builds the deck on (src/render/templatePackage.ts).
 */
import path from 'node:path';
import { fail, type SourcePosition } from '../../diagnostics.js';
import { didYouMean } from '../../suggest.js';
import { contrast, derivePalette, mix, readableOn } from '../colors.js';
import type { Box, FileLayoutRef, Layout, Styled, Template, Theme } from '../types.js';
import {
  findLayout,
  isTitle,
  largest,
  LAYOUT_KINDS,
  mapLayouts,
  masterName,
  qualifiedName,
  rankMasters,
  type LayoutKind,
  type LayoutMatch,
  type NamedLayout,
} from './layoutMapping.js';
import { readFilePresentation, type FileLayout, type FilePlaceholder, type FilePresentation } from './readLayouts.js';
import { readPowerPointPackage, reachableParts, type PowerPointPackage } from './readPackage.js';

/** A template folder's settings over the file (template.yaml with `base:`). */
export interface PowerPointOptions {
  name: string;
  dir: string;
  dirs: string[];
  description?: string;
  /** `layouts:` of template.yaml: kind → the file's layout name, with where each is written. */
  layouts?: Record<string, { name: string; at: SourcePosition }>;
  /** The folder template's theme over the file's, where template.yaml sets it. */
  theme?: (fileTheme: Theme) => Theme;
}

/** Reads a PowerPoint file into a Template; `at` is where it is named, for every message. */
export function loadPowerPointTemplate(file: string, at: SourcePosition, options?: PowerPointOptions): Template {
  const pkg = readPowerPointPackage(file, at);
  const presentation = readFilePresentation(pkg, at);
  const parts = carriedParts(pkg, presentation, at);
  const chosen: Partial<Record<LayoutKind, FileLayout>> = {};
  // A layout name several masters have means the one on the master content slides go on.
  const contentMaster = rankMasters(presentation, true)[0];
  const ambiguous = new Map<FileLayout, string>();
  for (const [kind, { name, at: where }] of Object.entries(options?.layouts ?? {})) {
    if (!(LAYOUT_KINDS as readonly string[]).includes(kind))
      throw fail('template/layouts', `layouts: "${kind}" is not one of lectern's layouts (${LAYOUT_KINDS.join(', ')})`, where);
    const found = findLayout(presentation, name, contentMaster);
    const layout = found?.layout;
    if (found?.others.length) ambiguous.set(layout!, ambiguity(presentation, found, file));
    if (!layout)
      throw fail(
        'template/layouts',
        `layouts: ${kind}: "${name}" is not a layout of ${path.basename(file)}${didYouMean(
          name,
          uniqueNames(presentation),
        )}; its layouts: ${uniqueNames(presentation).join(', ')}`,
        where,
      );
    chosen[kind as LayoutKind] = layout;
  }
  const mapping = mapLayouts(presentation, chosen);
  const fileTheme = themeOf(presentation, mapping.get('content')!.layout);
  const theme = options?.theme ? options.theme(fileTheme) : fileTheme;
  const layouts = new Map<string, Layout>();
  // Where a teacher chooses another layout: the folder's template.yaml, or one that import makes around a bare file.
  const choose = (kind: string) =>
    options
      ? `set layouts: {${kind}: "Layout name"} in templates/${options.name}/template.yaml`
      : `make a template of the file with "lectern templates import ${path.basename(file)}" and set layouts: {${kind}: "Layout name"} in its template.yaml`;
  for (const [kind, match] of mapping) {
    const note = match.how === 'set' ? ambiguous.get(match.layout) : undefined;
    layouts.set(kind, layoutFor(kind, match, presentation, file, choose, note));
  }
  // Each layout by its name; one that several masters have by its name alone (meaning the one on the content
  // slides' master, which a slide's <!-- layout: --> then says once), and then each as "Master 2 / Name".
  const qualified: FileLayout[] = [];
  for (const layout of presentation.layouts) {
    const found = findLayout(presentation, layout.name, contentMaster)!;
    if (found.others.length) qualified.push(layout);
    if (found.layout !== layout || layouts.has(layout.name)) continue;
    const note = found.others.length ? ambiguity(presentation, found, file) : undefined;
    layouts.set(layout.name, layoutFor(layout.name, { layout, how: 'set' }, presentation, file, choose, note));
  }
  for (const layout of qualified) {
    const name = qualifiedName(presentation, layout);
    layouts.set(name, layoutFor(name, { layout, how: 'set' }, presentation, file, choose));
  }
  const dir = options?.dir ?? path.dirname(file);
  return {
    name: options?.name ?? path.basename(file),
    dir,
    dirs: options?.dirs ?? [file],
    description: options?.description ?? `PowerPoint template ${path.basename(file)}`,
    theme,
    layouts,
    size: presentation.size,
    base: { pkg, presentation, parts },
  };
}

/** Relationships not followed from masters and layouts: to slides and notes, which the deck brings its own of. */
const NOT_CARRIED = /\/(slide|notesSlide|notesMaster|handoutMaster)$/;

/** The parts the deck takes from the file: its masters and everything they use (layouts, themes, pictures), not its slides. */
function carriedParts(pkg: PowerPointPackage, presentation: FilePresentation, at: SourcePosition): string[] {
  return [
    ...reachableParts(
      pkg,
      presentation.masters.map((m) => m.part),
      (r) => NOT_CARRIED.test(r.type),
      at,
    ),
  ];
}

/** The file's layout names, each once, in the file's order. */
export function uniqueNames(presentation: FilePresentation): string[] {
  return [...new Set(presentation.layouts.map((l) => l.name))];
}

/** What lectern says once when a layout name that several masters have is used without its master. */
function ambiguity(presentation: FilePresentation, { layout, others }: NamedLayout, file: string): string {
  const all = [layout, ...others].map((l) => `"${qualifiedName(presentation, l)}"`);
  return `${path.basename(file)} has ${all.length} layouts named "${layout.name}", one on each of ${all.length} masters, so lectern uses ${all[0]}; to choose another, name it with its master: ${all.slice(1).join(' or ')}`;
}

/** One row of the layout mapping, as `lectern templates import` prints and writes it. */
export interface MappingRow {
  kind: LayoutKind;
  /** The file's layout (with its master, `Master 2 / Title, Content`, where several masters have a layout of its name). */
  layout: string;
  /** Its master, as lectern names it (`Master 2` where the file gives none). */
  master: string;
  how: LayoutMatch['how'];
  /** How, in words. */
  description: string;
}

/** Which layout of the PowerPoint file `file` each of lectern's layouts uses, and how it was found. */
export function describeMapping(file: string): MappingRow[] {
  const at = { file };
  const pkg = readPowerPointPackage(file, at);
  const presentation = readFilePresentation(pkg, at);
  // The file is checked as a build checks it: a file that cannot be used is not imported.
  carriedParts(pkg, presentation, at);
  const several = presentation.masters.length > 1;
  return [...mapLayouts(presentation, {})].map(([kind, m]) => ({
    kind,
    layout: several && findLayout(presentation, m.layout.name)!.others.length ? qualifiedName(presentation, m.layout) : m.layout.name,
    master: masterName(presentation, m.layout),
    how: m.how,
    description: HOW[m.how],
  }));
}

const HOW: Record<LayoutMatch['how'], string> = {
  set: 'set in template.yaml',
  name: 'by its name',
  placeholders: 'by its placeholders',
  rule: 'charts, tables and pictures go on the content layout',
  nearest: 'the nearest: the file has no layout for it',
};

/** A lectern Layout on a layout of the file: its placeholders, by what each holds. */
function layoutFor(
  name: string,
  match: LayoutMatch,
  presentation: FilePresentation,
  file: string,
  choose: (kind: string) => string,
  ambiguous?: string,
): Layout {
  const { layout: source } = match;
  const { width, height } = presentation.size;
  const title = source.placeholders.find(isTitle);
  const subtitle = source.placeholders.find((p) => p.type === 'subTitle');
  const picture = source.placeholders.find((p) => p.type === 'pic');
  const bodies = largest(source);
  const placeholders: FileLayoutRef['placeholders'] = {};
  const layout: Layout = { name, file, regions: new Map(), decorations: [], showMaster: true };
  if (title?.box) {
    layout.title = styled(title);
    placeholders.title = title.ph;
  }
  if (subtitle?.box) {
    layout.subtitle = styled(subtitle);
    placeholders.subtitle = subtitle.ph;
  }
  if (name === 'image' && picture?.box) {
    // The picture fills the picture placeholder (a sentence with it goes above it, in the same place).
    layout.regions.set('body', styled(picture));
    placeholders.picture = picture.ph;
  } else if (name === 'two-column' && bodies.length >= 2) {
    const [left, right] = bodies.slice(0, 2).sort((a, b) => a.box!.x - b.box!.x);
    layout.regions.set('left', styled(left));
    layout.regions.set('right', styled(right));
    placeholders.left = left.ph;
    placeholders.right = right.ph;
  } else if (!isKind(name) && bodies.length >= 2) {
    // A layout picked by its name fills its content placeholders one a column: the larger first, those alike in reading order.
    const size = (p: FilePlaceholder) => Math.round(p.box!.w * p.box!.h * 10);
    const ordered = bodies.filter((p) => p.box).sort((a, b) => size(b) - size(a) || a.box!.y - b.box!.y || a.box!.x - b.box!.x);
    ordered.forEach((p, i) => {
      const key = i === 0 ? 'body' : `body${i + 1}`;
      layout.regions.set(key, styled(p));
      placeholders[key] = p.ph;
    });
  } else if (bodies[0]?.box && !(name === 'title' && subtitle) && !(VISUAL_KINDS.includes(name) && bodies[0].box.h < MIN_VISUAL_HEIGHT)) {
    layout.regions.set('body', styled(bodies[0]));
    placeholders.body = bodies[0].ph;
  } else if (subtitle?.box && name !== 'title') {
    // A layout whose only text placeholder is a subtitle (Centered Text) holds the content there.
    layout.subtitle = undefined;
    delete placeholders.subtitle;
    layout.regions.set('body', styled(subtitle));
    placeholders.body = subtitle.ph;
  } else if (name !== 'title' && name !== 'section') {
    // No content placeholder (Title Only, Blank): the content goes in free boxes in the space below the title.
    const area = freeArea(source, layout.title, width, height);
    if (name === 'two-column') {
      const half = (area.w - 0.3) / 2;
      layout.regions.set('left', { ...area, w: half });
      layout.regions.set('right', { ...area, x: area.x + half + 0.3, w: half });
    } else layout.regions.set('body', area);
  }
  for (const [key, type] of [
    ['date', 'dt'],
    ['footer', 'ftr'],
    ['slideNumber', 'sldNum'],
  ] as const) {
    const p = source.placeholders.find((ph) => ph.type === type);
    if (p) placeholders[key] = p.ph;
    if (p?.box && key === 'footer') layout.footer = styled(p);
  }
  const nearest =
    match.how === 'nearest'
      ? `${path.basename(file)} has no layout made for "${name}" slides, so lectern uses its layout "${source.name}", the nearest; to choose another, ${choose(name)}`
      : undefined;
  const colors = Object.fromEntries(
    Object.entries(placeholders).flatMap(([key, ph]) => {
      const color = source.placeholders.find((p) => p.ph === ph)?.color;
      return color ? [[key, color]] : [];
    }),
  );
  layout.fileLayout = {
    name: source.name,
    part: source.part,
    placeholders,
    bullets: source.bullets,
    ...(Object.keys(colors).length ? { colors } : {}),
    ...(nearest ? { nearest } : {}),
    ...(ambiguous ? { ambiguous } : {}),
  };
  return layout;
}

const isKind = (name: string) => (LAYOUT_KINDS as readonly string[]).includes(name);

/** Kinds whose slides hold a chart, table or picture, which need room. */
const VISUAL_KINDS = ['chart', 'table', 'image'];
/** Inches: a content placeholder lower than this is too small for a chart; the space below the title is used. */
const MIN_VISUAL_HEIGHT = 2.8;

/** A placeholder's box and font size. */
function styled(p: FilePlaceholder): Styled {
  return { ...p.box!, ...(p.size ? { size: p.size } : {}) };
}

/** The space below a layout's title and above its footer placeholders, for content on a layout without a content placeholder. */
function freeArea(source: FileLayout, title: Box | undefined, width: number, height: number): Styled {
  const margin = Math.min(0.5, width * 0.05);
  const top = title ? title.y + title.h + 0.15 : margin;
  const footers = source.placeholders.filter((p) => ['dt', 'ftr', 'sldNum'].includes(p.type) && p.box && p.box.y > height / 2);
  const bottom = Math.min(height - margin, ...footers.map((p) => p.box!.y - 0.1));
  const x = title ? Math.max(margin, title.x) : margin;
  const w = title ? Math.min(width - margin - x, title.w) : width - 2 * margin;
  return { x, y: top, w, h: Math.max(0.5, bottom - top) };
}

/** The theme charts and tables are drawn in: the file's colours and fonts, its content layout's sizes. */
function themeOf(presentation: FilePresentation, content: FileLayout): Theme {
  const { accents } = presentation.colors;
  // Behind the content layout's text, where the file says (its master may not be the first).
  const background = largest(content)[0]?.backdrop ?? presentation.colors.background;
  // What lectern draws itself (tables, chart labels) must read on the slide, whatever the file's text colour.
  const text =
    contrast(presentation.colors.text, background) >= 4.5 ? presentation.colors.text : readableOn(background, ['FFFFFF', '000000']);
  const primary = accents[0] ?? text;
  const accent = accents[1] ?? primary;
  const titleSize = content.placeholders.find(isTitle)?.size ?? 36;
  const body = largest(content)[0]?.size ?? 24;
  return {
    colors: {
      primary,
      background,
      text,
      accent,
      muted: mix(text, background, 0.35),
      chart: accents.length >= 3 ? accents : derivePalette(primary, accent),
    },
    fonts: { heading: presentation.fonts.heading || 'Calibri', body: presentation.fonts.body || 'Calibri', code: 'Consolas' },
    sizes: { title: titleSize, body, minBody: Math.min(18, body), table: Math.min(16, body), minTable: Math.min(12, body) },
  };
}
