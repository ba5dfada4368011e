import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { SHIPPED_TEMPLATES } from '../packageRoot.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { MESSAGE_KEYS, checkStrings, type Strings } from '../i18n/messages.js';
import { placeOf, projectRoot } from '../input/boundary.js';
import { readInputText } from '../input/readInput.js';
import { closest, didYouMean } from '../suggest.js';
import { keyLineIn, keyPathLineIn } from '../yamlKeys.js';
import { yamlReason } from '../yamlErrors.js';
import { createHandlebars, handlebarsSyntaxError, helperDiagnostic } from './helpers.js';
import { derivePalette } from './colors.js';
import { PRECOMPILED } from './precompiled.js';
import { color, FONT_SIZES, fontName, parseLayoutMarkup, templateAsset } from './layoutMarkup.js';
import { isPowerPointFile } from './pptx/fileName.js';
import { loadPowerPointTemplate } from './pptx/powerPointTemplate.js';
import { SLIDE, type Layout, type Template, type Theme } from './types.js';

const hbs = createHandlebars();

/** A template folder read and compiled, not yet rendered for a deck. */
interface TemplateSource {
  name: string;
  dir: string;
  description: string;
  theme: Theme;
  dirs: string[];
  /** Layout files by name, the parent's included. */
  layoutFiles: Map<string, string>;
  /** Partials by name, the parent's included. */
  partials: Record<string, string | HandlebarsTemplateDelegate>;
  layouts: Map<string, { file: string; render: (context: object) => string }>;
  /** `master.hbs`, the template's or its parent's. */
  master?: { file: string; render: (context: object) => string };
  /** The template's `strings:` over its parent's. */
  strings?: Strings;
  /** The PowerPoint file the template is built on (`base:`, its own or its parent's). */
  base?: BaseFile;
}

/** A template's `base:` PowerPoint file, its `layouts:` choices, and the template.yaml files whose colours and fonts go over the file's (parent first). */
interface BaseFile {
  file: string;
  at: SourcePosition;
  layouts: Record<string, { name: string; at: SourcePosition }>;
  yamls: { raw: Record<string, unknown>; text: string; file: string; dir: string; dirs: string[] }[];
}

/** What `lectern templates` shows of a template. */
export interface TemplateSummary {
  name: string;
  /** The folder it is read from: the first of the search folders that has it. */
  dir: string;
  description: string;
  layouts: string[];
  /** The PowerPoint file it is built on, if any. */
  base?: string;
}

const KNOWN_KEYS: Record<string, string[] | null> = {
  description: null,
  extends: null,
  base: null,
  layouts: null,
  logo: null,
  colors: ['primary', 'background', 'text', 'accent', 'muted', 'chart'],
  fonts: ['heading', 'body', 'code'],
  sizes: ['title', 'body', 'minBody', 'table', 'minTable'],
  code: ['theme'],
  strings: MESSAGE_KEYS,
};

/** Where the templates of the project whose root folder is `root` are looked for: its `templates/` folder, then the shipped ones. */
export function templateSearchDirs(root: string): string[] {
  return [path.resolve(root, 'templates'), SHIPPED_TEMPLATES];
}

/**
 * Finds, reads and compiles templates by name, once per build. A project's own
 * `templates/` folder comes first and may shadow the shipped templates. By
 * default, the project is the one lectern runs in (see projectRoot).
 */
export class TemplateLibrary {
  private readonly cache = new Map<string, TemplateSource>();
  /** PowerPoint templates read, by file (and folder templates built on one, by folder). */
  private readonly files = new Map<string, Template>();

  constructor(readonly searchDirs: string[] = templateSearchDirs(projectRoot(process.cwd()))) {}

  /** Names of every template found, project templates first. */
  names(): string[] {
    const names = new Set<string>();
    for (const dir of this.searchDirs) {
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) if (existsSync(path.join(dir, entry, 'template.yaml'))) names.add(entry);
    }
    return [...names];
  }

  /** Where the template `name` is, its description and its layout names (inherited ones too), without rendering it. */
  describe(name: string): TemplateSummary {
    const source = this.source(name, { file: path.join('templates', name) }, []);
    if (source.base) {
      const template = this.onBase(source, source.base);
      const layouts = [...new Set(template.base!.presentation.layouts.map((l) => l.name))];
      return { name, dir: source.dir, description: source.description, layouts, base: source.base.file };
    }
    return { name, dir: source.dir, description: source.description, layouts: [...source.layouts.keys()].sort() };
  }

  /** The template `name`, rendered for one deck (its front matter fills the layouts' Handlebars). */
  load(name: string, deck: object, at: SourcePosition): Template {
    const source = this.source(name, at, []);
    if (source.base) return this.onBase(source, source.base);
    const context = { ...source.theme, ...source.theme.colors, colors: hashColors(source.theme.colors), deck, slide: SLIDE };
    const layouts = new Map<string, Layout>();
    for (const [layoutName, layout] of source.layouts) {
      let markup: string;
      try {
        markup = layout.render(context);
      } catch (error) {
        throw (
          helperDiagnostic(error, '', { file: layout.file, line: 1 }) ??
          fail('template/handlebars', `the layout could not be rendered: ${(error as Error).message.split('\n')[0]}`, {
            file: layout.file,
          })
        );
      }
      // Pictures are found beside the layout, in the template that defines it (a parent, when inherited).
      layouts.set(
        layoutName,
        parseLayoutMarkup(markup, layoutName, layout.file, path.dirname(path.dirname(layout.file)), source.dirs, source.theme),
      );
    }
    let master: Layout | undefined;
    if (source.master) {
      let markup: string;
      try {
        markup = source.master.render(context);
      } catch (error) {
        throw (
          helperDiagnostic(error, '', { file: source.master.file, line: 1 }) ??
          fail('template/handlebars', `the master could not be rendered: ${(error as Error).message.split('\n')[0]}`, {
            file: source.master.file,
          })
        );
      }
      master = parseLayoutMarkup(
        markup,
        'master',
        source.master.file,
        path.dirname(source.master.file),
        source.dirs,
        source.theme,
        'master',
      );
    }
    if (!layouts.has('content'))
      throw fail('template/layout', `template "${name}" has no layouts/content.hbs, which every template needs`, {
        file: path.join(source.dir, 'template.yaml'),
      });
    return {
      name: source.name,
      dir: source.dir,
      dirs: source.dirs,
      description: source.description,
      theme: source.theme,
      layouts,
      master,
      strings: source.strings,
      size: SLIDE,
    };
  }

  /** A PowerPoint file (.pptx, .potx) as the template, read once while it is unchanged (watch mode keeps the library); `at` is where it is named. */
  loadPowerPoint(file: string, at: SourcePosition): Template {
    const stamp = existsSync(file) ? statSync(file) : undefined;
    const key = `file:${file}:${stamp?.mtimeMs}:${stamp?.size}`;
    let template = this.files.get(key);
    if (!template) this.files.set(key, (template = loadPowerPointTemplate(file, at)));
    return template;
  }

  /** A template folder built on a PowerPoint file: the file's layouts, with the folder's choices, colours and fonts over them. */
  private onBase(source: TemplateSource, base: BaseFile): Template {
    let template = this.files.get(source.dir);
    if (template) return template;
    template = loadPowerPointTemplate(base.file, base.at, {
      name: source.name,
      dir: source.dir,
      dirs: [...source.dirs, base.file],
      description: source.description,
      layouts: base.layouts,
      theme: (fileTheme) => base.yamls.reduce((theme, y) => buildTheme(y.raw, theme, y.dir, y.dirs, y.text, y.file), fileTheme),
    });
    // The folder's `strings:` go over the words of a deck built on the file, as on any template.
    if (source.strings) template = { ...template, strings: source.strings };
    this.files.set(source.dir, template);
    return template;
  }

  private find(name: string): string | undefined {
    for (const dir of this.searchDirs) {
      const candidate = path.join(dir, name);
      if (existsSync(path.join(candidate, 'template.yaml'))) return candidate;
    }
    return undefined;
  }

  private source(name: string, at: SourcePosition, chain: string[]): TemplateSource {
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (!/^[\w.-]+$/.test(name)) throw fail('template/unknown', `"${name}" is not a template name; use a folder name under templates/`, at);
    const dir = this.find(name);
    if (!dir) {
      throw fail(
        'template/unknown',
        `unknown template "${name}"${didYouMean(name, this.names())}; templates found: ${this.names().join(', ')} (looked in ${this.searchDirs.join(', ')})`,
        at,
      );
    }
    const file = path.join(dir, 'template.yaml');
    const text = readTemplateFile(file, dir);
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      throw fail('template/yaml', `template.yaml is not valid YAML: ${yamlReason(e)}`, {
        file,
        line: e.linePos?.[0].line,
        column: e.linePos?.[0].col,
      });
    }
    const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
    checkKeys(raw, text, file);

    let parent: TemplateSource | undefined;
    if (typeof raw.extends === 'string') {
      if (chain.includes(raw.extends) || raw.extends === name)
        throw fail('template/extends', `template "${name}" extends itself through "${raw.extends}"`, {
          file,
          line: lineOfKey(text, 'extends'),
        });
      parent = this.source(raw.extends, { file, line: lineOfKey(text, 'extends') }, [...chain, name]);
    }
    const dirs = [dir, ...(parent?.dirs ?? [])];
    const base = baseFile(raw, parent?.base, { raw, text, file, dir, dirs });
    const theme = buildTheme(raw, parent?.theme, dir, dirs, text, file);
    // A child's layouts and partials override its parent's; inherited layouts use the child's partials.
    const layoutFiles = new Map([...(parent?.layoutFiles ?? []), ...hbsFiles(path.join(dir, 'layouts'))]);
    const partials = {
      ...parent?.partials,
      ...Object.fromEntries([...hbsFiles(path.join(dir, 'partials'))].map(([n, f]) => [n, partial(f, dir)])),
    };
    // Each file is read in the template that has it: a parent's were checked when the parent was read.
    const owner = (f: string) => dirs.find((d) => path.dirname(f) === d || path.dirname(path.dirname(f)) === d) ?? dir;
    const layouts = new Map(
      [...layoutFiles].map(([layoutName, layoutFile]) => [
        layoutName,
        { file: layoutFile, render: compileLayout(layoutFile, owner(layoutFile), partials) },
      ]),
    );
    const masterFile = existsSync(path.join(dir, 'master.hbs')) ? path.join(dir, 'master.hbs') : parent?.master?.file;
    const master = masterFile ? { file: masterFile, render: compileLayout(masterFile, owner(masterFile), partials) } : undefined;
    const source = {
      name,
      dir,
      dirs,
      description: String(raw.description ?? parent?.description ?? ''),
      theme,
      layoutFiles,
      partials,
      layouts,
      master,
      strings:
        raw.strings === undefined
          ? parent?.strings
          : {
              ...parent?.strings,
              ...checkStrings(raw.strings, (keys) => ({ file, line: keyPathLineIn(text.split('\n'), ['strings', ...keys]) })),
            },
      base,
    };
    if (base && layoutFiles.size > (parent?.layoutFiles.size ?? 0))
      throw fail(
        'template/base',
        `template "${name}" is built on ${path.basename(base.file)}, whose layouts it uses; layouts/*.hbs cannot be added to a PowerPoint file's layouts (add the layout in PowerPoint's Slide Master view instead)`,
        { file: [...layoutFiles.values()].find((f) => f.startsWith(dir))! },
      );
    this.cache.set(name, source);
    return source;
  }
}

/** A template's `base:` file and `layouts:` choices (`yaml` is its template.yaml), or its parent's with its own colours and fonts on top. */
function baseFile(raw: Record<string, unknown>, parent: BaseFile | undefined, yaml: BaseFile['yamls'][number]): BaseFile | undefined {
  const { text, file, dir, dirs } = yaml;
  const layouts = raw.layouts;
  if (layouts !== undefined && (typeof layouts !== 'object' || layouts === null || Array.isArray(layouts)))
    throw fail(
      'template/layouts',
      'layouts: must map lectern layouts to the PowerPoint file\'s layout names, e.g. layouts: {chart: "Title Only"}',
      {
        file,
        line: lineOfKey(text, 'layouts'),
      },
    );
  const choices = Object.fromEntries(
    Object.entries((layouts ?? {}) as Record<string, unknown>).map(([kind, name]) => [
      kind,
      { name: String(name), at: { file, line: lineOfKey(text, kind, true) } },
    ]),
  );
  if (raw.base === undefined) {
    if (!parent && layouts !== undefined)
      throw fail('template/layouts', 'layouts: chooses among the layouts of a PowerPoint file, and this template has no base: file', {
        file,
        line: lineOfKey(text, 'layouts'),
      });
    return parent && { ...parent, layouts: { ...parent.layouts, ...choices }, yamls: [...parent.yamls, yaml] };
  }
  const at = { file, line: lineOfKey(text, 'base') };
  if (typeof raw.base !== 'string' || !isPowerPointFile(raw.base))
    throw fail(
      'template/base',
      `base: must name a PowerPoint file in the template's folder (school.pptx or school.potx), not ${JSON.stringify(raw.base)}`,
      at,
    );
  if (raw.extends !== undefined)
    throw fail('template/base', 'a template has either base: (a PowerPoint file) or extends: (another template), not both', at);
  const baseFile = path.resolve(dir, raw.base);
  if (placeOf(baseFile, [dir]) !== 'inside')
    throw fail('template/base', `base: "${raw.base}" must be a file inside the template folder ${dir}, not a link or a path out of it`, at);
  return { file: baseFile, at, layouts: choices, yamls: [yaml] };
}

/** The `.hbs` files of a folder, by name without the extension. */
function hbsFiles(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .sort()
      .filter((e) => e.endsWith('.hbs'))
      .map((e) => [e.slice(0, -4), path.join(dir, e)]),
  );
}

/** The template for a Handlebars file's text, when lectern compiled that text when it was built (see precompiled.ts). */
function precompiled(source: string): HandlebarsTemplateDelegate | undefined {
  const spec = PRECOMPILED.get(source);
  return spec && hbs.template(spec);
}

/** A partial: compiled when lectern was built, else its text, which Handlebars compiles when it is used. */
function partial(file: string, dir: string): string | HandlebarsTemplateDelegate {
  const source = readTemplateFile(file, dir);
  return precompiled(source) ?? source;
}

function compileLayout(
  file: string,
  dir: string,
  partials: Record<string, string | HandlebarsTemplateDelegate>,
): (context: object) => string {
  const source = readTemplateFile(file, dir);
  const render = precompiled(source) ?? compile(source, file);
  return (context) => render(context, { partials });
}

/** Reads a file of the template folder `dir` (template.yaml, a layout, a partial, the master), refusing a link to a file outside it. */
function readTemplateFile(file: string, dir: string): string {
  if (placeOf(file, [dir]) !== 'inside') {
    throw fail(
      'template/link-outside',
      `${path.basename(file)} is a link to a file outside the template folder ${dir}; copy the file itself into the template`,
      {
        file,
      },
    );
  }
  return readInputText(file, 'template', { what: 'the template file' });
}

/** Compiles a layout's text: parsed here, where a syntax error can be reported at its line; compiled from the parse. */
function compile(source: string, file: string): HandlebarsTemplateDelegate {
  let parsed: hbs.AST.Program;
  try {
    parsed = hbs.parse(source);
  } catch (error) {
    throw handlebarsSyntaxError(error, source, { file, line: 1 }, 'template/handlebars', 'the layout');
  }
  return hbs.compile(parsed);
}

function checkKeys(raw: Record<string, unknown>, text: string, file: string): void {
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in KNOWN_KEYS)) {
      throw fail('template/unknown-key', `unknown key "${key}" in template.yaml${didYouMean(key, Object.keys(KNOWN_KEYS))}`, {
        file,
        line: lineOfKey(text, key),
      });
    }
    const sub = KNOWN_KEYS[key];
    if (sub && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const subKey of Object.keys(value)) {
        if (!sub.includes(subKey)) {
          const hint = closest(subKey, sub);
          throw fail(
            'template/unknown-key',
            `unknown key "${key}.${subKey}" in template.yaml${hint ? ` (did you mean "${key}.${hint}"?)` : `; known: ${sub.join(', ')}`}`,
            { file, line: lineOfKey(text, subKey, true) },
          );
        }
      }
    }
  }
}

function lineOfKey(text: string, key: string, nested = false): number | undefined {
  return keyLineIn(text.split('\n'), key, { nested });
}

const DEFAULT_THEME: Theme = {
  colors: { primary: '1F4E79', background: 'FFFFFF', text: '222222', accent: 'C55A11', muted: '595959', chart: [] },
  fonts: { heading: 'Calibri', body: 'Calibri', code: 'Consolas' },
  sizes: { title: 36, body: 24, minBody: 18, table: 16, minTable: 12 },
};

function buildTheme(
  raw: Record<string, unknown>,
  parent: Theme | undefined,
  dir: string,
  chain: string[],
  text: string,
  file: string,
): Theme {
  const base = parent ?? DEFAULT_THEME;
  const colors = (raw.colors ?? {}) as Record<string, unknown>;
  const fonts = (raw.fonts ?? {}) as Record<string, unknown>;
  const sizes = (raw.sizes ?? {}) as Record<string, unknown>;
  const colorAt = (key: string) => ({ file, line: lineOfKey(text, key, true) });
  const pick = (key: keyof Theme['colors'] & string): string =>
    colors[key] === undefined ? (base.colors[key] as string) : color(String(colors[key]), colorAt(key));
  const theme: Theme = {
    colors: {
      primary: pick('primary'),
      background: pick('background'),
      text: pick('text'),
      accent: pick('accent'),
      muted: pick('muted'),
      chart: [],
    },
    fonts: {
      ...base.fonts,
      ...Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, fontName(String(v), { file, line: lineOfKey(text, k, true) })])),
    },
    sizes: { ...base.sizes },
    code: codeTheme(raw.code, base === DEFAULT_THEME ? undefined : base.code, { file, line: lineOfKey(text, 'theme', true) }),
    logo: base.logo,
  };
  for (const [key, value] of Object.entries(sizes)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n) || n < FONT_SIZES.min || n > FONT_SIZES.max)
      throw fail(
        'template/sizes',
        `sizes.${key} must be a number of points from ${FONT_SIZES.min} to ${FONT_SIZES.max}, not ${String(value)}`,
        {
          file,
          line: lineOfKey(text, key, true),
        },
      );
    theme.sizes[key as keyof Theme['sizes']] = n;
  }
  if (Array.isArray(colors.chart)) theme.colors.chart = colors.chart.map((c) => color(String(c), colorAt('chart')));
  else if (colors.chart === undefined && parent && colors.primary === undefined) theme.colors.chart = parent.colors.chart;
  if (theme.colors.chart.length === 0) theme.colors.chart = derivePalette(theme.colors.primary, theme.colors.accent);
  if (typeof raw.logo === 'string') theme.logo = templateAsset(raw.logo, dir, chain, { file, line: lineOfKey(text, 'logo') });
  return theme;
}

/** `code.theme`, a highlighting theme's name (checked when a deck first highlights code); else the parent's. */
function codeTheme(raw: unknown, parent: Theme['code'], at: { file: string; line?: number }): Theme['code'] {
  const name = (raw as { theme?: unknown } | undefined)?.theme;
  if (name === undefined) return parent;
  if (typeof name !== 'string' || !/^[\w-]+$/.test(name))
    throw fail('template/code-theme', `code.theme must be the name of a highlighting theme, such as github-light, not ${String(name)}`, at);
  return { theme: name, at };
}

/** Colours with a leading '#', as a teacher writes them in layout markup. */
function hashColors(colors: Theme['colors']): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, Array.isArray(v) ? v.map((c) => `#${c}`) : `#${v}`]));
}
