import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createHandlebars, helperDiagnostic } from './templates/helpers.js';
import { parseDeckBody } from './content/parseDeck.js';
import { readDialect } from './content/dialects/dialect.js';
import { readImageInfo } from './content/images.js';
import { PathResolver } from './content/resolve.js';
import { keyLine, keyPathLine, loadDeckSource, type DeckSource } from './content/source.js';
import { unusedForms } from './i18n/messages.js';
import { commentCutMessage, commentCuts, misspeltKeyMessage, misspeltKeys } from './content/frontMatterSlips.js';
import { loadDatasets, type DataEntry } from './data/datasets.js';
import { Diagnostics, DiagnosticError, fail, type Diagnostic, type SourcePosition } from './diagnostics.js';
import { describeFsError, errnoOf } from './input/fsErrors.js';
import { buildDeck } from './model/buildDeck.js';
import { typesetSlides } from './typeset/typesetDeck.js';
import type { Deck } from './model/types.js';
import { deckToPptx, templateFill } from './render/deckToPptx.js';
import { PackageRepair } from './render/repair.js';
import { writeFileAtomic } from './render/writeAtomic.js';
import { TemplateLibrary } from './templates/loadTemplate.js';
import { isPowerPointFile } from './templates/pptx/fileName.js';
import type { Template } from './templates/types.js';
import { settleFrontMatter, type DeckDefaults } from './config/precedence.js';

// One deck through every stage, for the library (src/library.ts, src/build/) and the CLI's watch mode.

export type { Deck, Diagnostic };
export { TemplateLibrary };

/** How one deck file is built. */
export interface DeckFileOptions {
  /** Folder the .pptx files go to. */
  outDir: string;
  /** Template name that overrides the decks' front matter. */
  template?: string;
  /** Let decks use files outside their project folder. */
  allowOutside?: boolean;
  /** Template search folders; defaults to the project's templates/ then the shipped ones. */
  templates?: TemplateLibrary;
  /** Treat warnings as errors: a deck with any is not built. */
  strict?: boolean;
  /** Language of every deck, over the front matter. */
  lang?: string;
  /** The project config's deck settings, under the front matter (see config/precedence.ts). */
  defaults?: DeckDefaults;
}

/** What happened to one deck. */
export interface DeckResult {
  file: string;
  /** The written .pptx, when the deck built. */
  output?: string;
  /** The written PDF, when one was asked for and written. */
  pdf?: string;
  deck?: Deck;
  /** How many slides the deck has, when it built. */
  slides?: number;
  diagnostics: Diagnostic[];
  ok: boolean;
  /** The files and template folders the deck read, as far as it got: what `--watch` watches. */
  inputs: string[];
}

const hbs = createHandlebars();

/** Loads, parses and models one deck file: everything short of writing it. */
export async function modelDeck(
  file: string,
  options: Omit<DeckFileOptions, 'outDir'> & { templates: TemplateLibrary },
  inputs = new Set<string>(),
): Promise<{ deck: Deck; template: Template; source: DeckSource; markdown: string; diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics();
  inputs.add(path.resolve(file));
  const source = await loadDeckSource(file);
  const original = source.text;
  const warnAt = (rule: string, message: string, at: { line?: number; column?: number }) =>
    diagnostics.warn(rule, message, { file, ...at });
  // Marp's and Quarto's front matter read as lectern's, before the command line and config are laid over it.
  const dialect = readDialect(source, options.templates, warnAt);
  if (dialect.dialect === 'lectern')
    for (const misspelt of misspeltKeys(source.frontMatter, original))
      warnAt('front-matter/unknown-key', misspeltKeyMessage(misspelt), { line: keyLine(original, misspelt.key) });
  if (!source.titleBlock)
    for (const cut of commentCuts(original)) warnAt('front-matter/comment', commentCutMessage(cut), { line: cut.line });
  const settled = settleFrontMatter(source.frontMatter, options, (key) => ({ file, line: keyLine(original, key) }));
  const fm = settled.frontMatter;
  for (const unused of unusedForms(fm.strings ?? {}, fm.lang ?? 'en-US'))
    warnAt('strings/unused-form', unused.message, { line: keyPathLine(original, ['strings', ...unused.path]) });
  const paths = new PathResolver(file, options.allowOutside, inputs);
  const datasets = fm.data
    ? await loadDatasets(
        fm.data,
        file,
        (name) => keyLine(original, name, true) ?? keyLine(original, 'data'),
        (ref, at) => paths.resolve(ref, at),
        fm.lang,
      )
    : new Map<string, DataEntry>();
  const context = {
    ...fm,
    data: Object.fromEntries([...datasets].map(([name, entry]) => [name, entry.kind === 'table' ? entry.dataset.records : entry.value])),
  };
  const { markdown, slides } = parseDeckBody(source, context, warnAt, dialect);
  const templateAt = settled.where('template');
  const template = isPowerPointFile(settled.template)
    ? options.templates.loadPowerPoint(powerPointFile(settled.template, templateAt, paths), templateAt)
    : options.templates.load(settled.template, fm, templateAt);
  template.dirs.forEach((dir) => inputs.add(dir));
  await typesetSlides(slides, {
    file,
    theme: template.theme,
    warn: (rule, message, at) => diagnostics.warn(rule, message, { file, ...at }),
  });
  const footer = fm.footer ? renderFooter(fm.footer, context, settled.where('footer')) : undefined;
  const deck = buildDeck({
    file,
    frontMatter: fm,
    slides,
    template,
    footer,
    dialect,
    datasets,
    diagnostics,
    image: (src, line) => readImageInfo(paths.resolve(src, { file, line }), src, { file, line }),
  });
  return { deck, template, source, markdown, diagnostics };
}

/**
 * A PowerPoint template file named as the template: relative to the file that names it (the
 * deck, or the config), else to the project's folder, else to the folder lectern runs in (`-t`);
 * inside the project like every file a deck uses.
 */
function powerPointFile(name: string, at: SourcePosition, paths: PathResolver): string {
  const candidates = [path.dirname(path.resolve(at.file)), paths.root, process.cwd()].map((dir) => path.resolve(dir, name));
  const found = candidates.find((f) => existsSync(f)) ?? candidates[0];
  return paths.resolve(
    path
      .relative(path.dirname(path.resolve(paths.deckFile)), found)
      .split(path.sep)
      .join('/'),
    at,
  );
}

function renderFooter(footer: string, context: object, at: { file: string; line?: number }): string {
  try {
    return hbs.compile(footer, { noEscape: true })(context);
  } catch (error) {
    throw (
      helperDiagnostic(error, footer, at) ??
      fail('front-matter/footer', `the footer is not a valid template: ${(error as Error).message.split('\n')[0]}`, at)
    );
  }
}

/** The moment a deck records as created and modified: SOURCE_DATE_EPOCH, else the newest input file's time. */
export async function buildTime(files: string[]): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const times = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return new Date(Math.floor(times.reduce((newest, t) => Math.max(newest, t), 0) / 1000) * 1000);
}

/** Builds one deck to `<outDir>/<name>.pptx`; on any error, writes nothing and says why in the result (it never throws). */
export async function buildDeckFile(
  file: string,
  options: DeckFileOptions & { templates: TemplateLibrary },
  write = true,
): Promise<DeckResult> {
  const inputs = new Set<string>();
  try {
    const { deck, template, diagnostics } = await modelDeck(file, options, inputs);
    if (options.strict && diagnostics.list.some((d) => d.severity === 'warning')) {
      const list = diagnostics.list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d));
      return { file, diagnostics: list, ok: false, inputs: [...inputs] };
    }
    if (!write) return { file, deck, slides: deck.slides.length, diagnostics: diagnostics.list, ok: true, inputs: [...inputs] };
    // Notes are for `lectern check`: a build reports what needs the teacher, no more.
    const reported = diagnostics.list.filter((d) => d.severity !== 'note');
    const time = await buildTime([...inputs].filter((f) => !template.dirs.includes(f)));
    const repair = new PackageRepair({
      title: deck.meta.title,
      subject: deck.meta.subject,
      author: deck.meta.author,
      keywords: deck.meta.keywords,
      company: deck.meta.organization,
      lang: deck.meta.lang,
      rtl: deck.meta.dir === 'rtl',
      // A PowerPoint template file keeps its own theme.
      colors: template.base ? undefined : template.theme.colors,
      hideMasterIn: [...template.layouts.values()].filter((l) => !l.showMaster).map((l) => l.name),
      templateName: template.name,
      parts: {
        fonts: [template.theme.fonts.heading, template.theme.fonts.body],
        theme: template.base?.presentation.themeName ?? template.name,
        slideTitles: deck.slides.map((s) => s.title),
        size: template.size,
      },
      onTemplate: templateFill(deck, template),
      time,
      slides: deck.slides.length,
    });
    await deckToPptx(deck, template, repair.add).catch(async (error: unknown) => {
      await repair.abandon();
      throw error;
    });
    const bytes = await repair.finish();
    const output = path.join(options.outDir, `${path.basename(file, path.extname(file))}.pptx`);
    writeFileAtomic(output, bytes);
    return { file, output, deck, slides: deck.slides.length, diagnostics: reported, ok: true, inputs: [...inputs] };
  } catch (error) {
    return { file, diagnostics: [diagnosticOf(error, file)], ok: false, inputs: [...inputs] };
  }
}

/**
 * What stopped a deck, as a diagnostic: a stage's own, a file-system error
 * (named by its path), or an internal error (rule `internal/error`, a bug to report).
 */
export function diagnosticOf(error: unknown, file: string): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostic;
  if (errnoOf(error)) {
    const where = (error as NodeJS.ErrnoException).path ?? file;
    return { rule: 'file/system', message: `lectern could not use this file: ${describeFsError(error)}`, file: where, severity: 'error' };
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { rule: INTERNAL_ERROR, message: `internal error, please report it: ${message}`, file, severity: 'error' };
}

/** The rule of a deck's diagnostic when lectern itself failed: the CLI exits with 70. */
export const INTERNAL_ERROR = 'internal/error';
