import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, DiagnosticError } from '../../diagnostics.js';
import { SHIPPED_TEMPLATES } from '../../packageRoot.js';
import { isPowerPointFile } from '../../templates/pptx/fileName.js';
import { projectRoot } from '../../input/boundary.js';
import { didYouMean } from '../../suggest.js';
import type { TemplateLibrary, TemplateSummary } from '../../templates/loadTemplate.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { shown, writeNewFiles } from './starters.js';
import { englishCount } from '../../i18n/plural.js';

/** `lectern templates [list]` and `lectern templates copy <from> <to>`. */
export function registerTemplates(program: Command, ctx: CommandContext): void {
  const templates = program
    .command('templates')
    .description("list the templates, copy one to templates/ to make it your own, or make one from your school's PowerPoint file")
    .addHelpText(
      'after',
      '\nExamples:\n  $ lectern templates\n  $ lectern templates copy default myschool\n  $ lectern templates import school.pptx\n  $ lectern templates show school',
    );
  templates
    .command('list', { isDefault: true })
    .description('list every template: project templates/ first, then the ones lectern ships')
    .action(async () => ctx.setExitCode(listTemplates(await templateLibrary(), ctx)));
  templates
    .command('copy')
    .description('copy a template to templates/<to> for editing')
    .argument('<from>', 'the template to copy, e.g. default')
    .argument('<to>', "the new template's name, e.g. myschool")
    .action(async (from: string, to: string) => copyTemplate(await templateLibrary(), from, to, ctx));
  templates
    .command('import')
    .description("make a template folder around your school's PowerPoint file (.pptx or .potx) and print its layout mapping")
    .argument('<file>', 'the PowerPoint file, e.g. school.pptx')
    .argument('[name]', "the template's name (default: the file's name)")
    .action(async (file: string, name: string | undefined) => importTemplate(await templateLibrary(), file, name, ctx));
  templates
    .command('show')
    .description("write a deck with one slide on each of a PowerPoint template's layouts, its placeholders labelled")
    .argument('<name>', 'a template built on a PowerPoint file, or the file itself')
    .option('-o, --out <dir>', "where the deck goes (default: the project's output/)")
    .action(async (name: string, options: { out?: string }) =>
      ctx.setExitCode(
        await showTemplate(await templateLibrary(), name, options.out ?? path.join(projectRoot(process.cwd()), 'output'), ctx),
      ),
    );
}

/** Makes templates/<name>/ with the PowerPoint file and a template.yaml naming its layouts, and prints the mapping. */
async function importTemplate(library: TemplateLibrary, file: string, name: string | undefined, ctx: CommandContext): Promise<void> {
  const { importedTemplate, templateNameOf } = await import('../../templates/pptx/importTemplate.js');
  if (!isPowerPointFile(file)) throw new CliError(`"${file}" is not a PowerPoint file: name a .pptx or .potx file`, 2);
  const to = name ?? templateNameOf(file);
  checkTemplateName(to);
  const source = path.resolve(file);
  const target = path.join(library.searchDirs[0], to);
  if (existsSync(target)) throw new CliError(`${shown(target)} already exists; choose another name, or delete that folder first`);
  let imported: ReturnType<typeof importedTemplate>;
  try {
    imported = importedTemplate(source, readFileSync(source));
  } catch (error) {
    if (error instanceof DiagnosticError) throw new CliError(formatDiagnostic(error.diagnostic));
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`cannot read ${file}: there is no such file`);
    throw error;
  }
  writeNewFiles(
    target,
    new Map([...imported.files].map(([n, c]) => [n, typeof c === 'string' ? c : Buffer.from(c)])),
    'choose another name',
  );
  const t = shown(target).split(path.sep).join('/');
  ctx.io.out(`Made template "${to}" in ${t}/ from ${path.basename(file)}`);
  ctx.io.out("\nlectern's layouts on the file's layouts:");
  const width = Math.max(...imported.mapping.map((row) => row.kind.length));
  for (const row of imported.mapping) ctx.io.out(`  ${row.kind.padEnd(width)}  ${JSON.stringify(row.layout)}  (${row.description})`);
  ctx.io.out(`\nChange any of them in ${t}/template.yaml (layouts:). See every layout: lectern templates show ${to}`);
  ctx.io.out('\nUse it:');
  ctx.io.out(`  template: ${to}             in a deck's front matter`);
  ctx.io.out(`  npx lectern build -t ${to}  for every deck`);
}

/** Writes `<out>/<name>-layouts.pptx`: a slide on each layout of the template's PowerPoint file; returns the exit code. */
async function showTemplate(library: TemplateLibrary, name: string, out: string, ctx: CommandContext): Promise<number> {
  const { kindsOf, layoutSheet } = await import('../../templates/pptx/importTemplate.js');
  const { buildDeckFile } = await import('../../pipeline.js');
  const at = { file: name };
  let template;
  try {
    template = isPowerPointFile(name) ? library.loadPowerPoint(path.resolve(name), at) : library.load(name, {}, at);
  } catch (error) {
    if (error instanceof DiagnosticError) throw new CliError(formatDiagnostic(error.diagnostic));
    throw error;
  }
  if (!template.base)
    throw new CliError(`template "${name}" is not built on a PowerPoint file; its layouts are pictured in templates/README.md`);
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-layouts-'));
  const stem = `${isPowerPointFile(name) ? path.basename(name, path.extname(name)) : name}-layouts`;
  const deck = path.join(dir, `${stem}.md`);
  writeFileSync(deck, layoutSheet(template));
  const where = isPowerPointFile(name) ? path.resolve(name) : name;
  const result = await buildDeckFile(deck, { outDir: path.resolve(out), template: where, templates: library, allowOutside: true });
  rmSync(dir, { recursive: true, force: true });
  if (!result.ok) {
    for (const d of result.diagnostics) ctx.io.err(formatDiagnostic(d));
    return 1;
  }
  ctx.io.out(
    `Wrote ${shown(result.output!)}: ${englishCount(result.slides ?? 0, 'slide')}, one on each layout of ${path.basename(template.base.pkg.file)}, its placeholders listed`,
  );
  const kinds = kindsOf(template);
  const several = template.base.presentation.masters.length > 1;
  ctx.io.out(
    `\nlectern's slides go on these layouts${several ? ` (the file has ${template.base.presentation.masters.length} masters)` : ''}:`,
  );
  const width = Math.max(...[...kinds.keys()].map((kind) => kind.length));
  const names = Math.max(...[...kinds.values()].map((row) => JSON.stringify(row.layout).length));
  for (const [kind, row] of kinds)
    ctx.io.out(
      `  ${kind.padEnd(width)}  ${several ? `${JSON.stringify(row.layout).padEnd(names)}  on ${row.master}` : JSON.stringify(row.layout)}`,
    );
  return 0;
}

/** Refuses a template name that cannot be a folder name lectern finds. */
function checkTemplateName(to: string): void {
  if (!/^[\w-][\w.-]*$/.test(to)) {
    throw new CliError(
      `"${to}" cannot be a template name: use letters, digits, "-" and "_" only, e.g. ${to.replace(/[^\w.-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'myschool'}`,
      2,
    );
  }
}

/** The templates, loaded when a command needs them (with Handlebars, YAML and the layout parser), so that --help answers at once. */
export async function templateLibrary(): Promise<TemplateLibrary> {
  return new (await import('../../templates/loadTemplate.js')).TemplateLibrary();
}

/** Prints each template with its description, where it is and its layouts; returns 1 if one cannot be read. */
function listTemplates(library: TemplateLibrary, ctx: CommandContext): number {
  const names = library.names();
  const width = Math.max(...names.map((n) => n.length));
  const indent = ' '.repeat(width + 4);
  let exitCode = 0;
  ctx.io.out("Templates (a project's templates/ folder first, then the ones lectern ships):");
  for (const name of names) {
    ctx.io.out('');
    try {
      const { dir, description, layouts, base } = library.describe(name);
      ctx.io.out(`  ${name.padEnd(width)}  ${description || '(no description in template.yaml)'}`);
      ctx.io.out(`${indent}${whereIs(name, dir, library)}`);
      if (base) ctx.io.out(`${indent}built on ${path.basename(base)}; lectern templates show ${name} writes a slide on each layout`);
      ctx.io.out(`${indent}layouts: ${base ? layouts.map((l) => JSON.stringify(l)).join(', ') : layouts.join(', ')}`);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      ctx.io.out(`  ${name.padEnd(width)}  (cannot be used until this is fixed)`);
      ctx.io.err(formatDiagnostic(error.diagnostic));
      exitCode = 1;
    }
  }
  ctx.io.out('\nMake one your own: lectern templates copy default myschool');
  ctx.io.out("Or use your school's PowerPoint file: lectern templates import school.pptx");
  return exitCode;
}

/** "shipped with lectern", or the project folder, saying when it shadows a shipped template. */
function whereIs(name: string, dir: string, library: TemplateLibrary): string {
  const shipped = path.join(SHIPPED_TEMPLATES, name);
  if (path.resolve(dir) === path.resolve(shipped)) return 'shipped with lectern';
  const others = library.searchDirs.filter(
    (d) => path.resolve(d, name) !== path.resolve(dir) && existsSync(path.join(d, name, 'template.yaml')),
  );
  const shadows = others.some((d) => path.resolve(d) === path.resolve(SHIPPED_TEMPLATES))
    ? ', shadows the shipped one'
    : others.length > 0
      ? `, shadows the one in ${shown(others[0])}`
      : '';
  return `project: ${shown(dir)}${shadows}`;
}

/** Copies the template `from` to the project's templates/`to` and says what to edit and how to use it. */
function copyTemplate(library: TemplateLibrary, from: string, to: string, ctx: CommandContext): void {
  checkTemplateName(to);
  const known = library.names();
  if (!known.includes(from)) throw new CliError(`unknown template "${from}"${didYouMean(from, known)}; templates: ${known.join(', ')}`);
  const { dir, description } = readable(library, from);
  // Into the project's templates/ folder, the first the library searches, wherever lectern runs.
  const target = path.join(library.searchDirs[0], to);
  if (existsSync(target)) throw new CliError(`${shown(target)} already exists; choose another name, or delete that folder first`);

  cpSync(dir, target, { recursive: true, errorOnExist: true, force: false });
  const yaml = path.join(target, 'template.yaml');
  writeFileSync(yaml, describeCopy(readFileSync(yaml, 'utf8'), from, description));

  const t = shown(target).split(path.sep).join('/');
  ctx.io.out(`Copied template "${from}" to ${t}/`);
  ctx.io.out('\nEdit it, no code needed:');
  ctx.io.out(`  ${t}/template.yaml     colours, fonts, text sizes and a logo (logo: crest.png)`);
  ctx.io.out(`  ${t}/master.hbs        what every slide shows: bars, logo, footer, slide number`);
  ctx.io.out(`  ${t}/layouts/*.hbs     where the title, text and shapes sit on each kind of slide`);
  ctx.io.out(`  ${t}/layouts/quiz.hbs  (a new file) adds a layout, used with <!-- layout: quiz -->`);
  ctx.io.out('\nUse it:');
  ctx.io.out(`  template: ${to}             in a deck's front matter`);
  ctx.io.out(`  npx lectern build -t ${to}  for every deck`);
}

/** The template `name` described, or the problem that keeps it from being read, as a CliError. */
function readable(library: TemplateLibrary, name: string): TemplateSummary {
  try {
    return library.describe(name);
  } catch (error) {
    if (error instanceof DiagnosticError)
      throw new CliError(`template "${name}" cannot be read until this is fixed:\n  ${formatDiagnostic(error.diagnostic)}`);
    throw error;
  }
}

/** template.yaml with a description that tells the copy from its original (whose description was `original`). */
function describeCopy(yaml: string, from: string, original: string): string {
  const description = `description: ${JSON.stringify(`A copy of ${from}${original ? `: ${original}` : ''}`)}`;
  const line = /^description:[ \t]*(?![|>]).*$/m;
  if (line.test(yaml)) return yaml.replace(line, () => description);
  return /^description:/m.test(yaml) ? yaml : `${description}\n${yaml}`;
}
