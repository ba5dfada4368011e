import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LECTERN_VERSION } from '../../packageRoot.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { lecternCommand } from '../invocation.js';
import { readTree, shown, slugify, STARTERS, writeNewFiles } from './starters.js';

/** The versions of lectern a new project accepts: this one and later ones without breaking changes. */
const LECTERN_RANGE = `^${LECTERN_VERSION}`;

/** What each file `lectern init` writes is for, as printed after writing it. */
const PURPOSE: Record<string, string> = {
  'README.md': 'how to build, edit and add decks',
  'package.json': `the project for npm: lectern ${LECTERN_RANGE}, and npm run build`,
  'content/first-lesson.md': 'a starter deck: a list, a table and a chart, with speaker notes',
  'content/data/travel-survey.csv': 'the data behind its table and chart',
  'templates/README.md': 'how to make a template of your own',
  'output/.gitkeep': 'the built .pptx files go in output/',
};

/** package.json as JSON.parse reads it. */
type PackageJson = Record<string, unknown>;

/** `lectern init [dir]`: a ready project with a starter deck that builds as it is. */
export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('start a project: a starter deck, its data, a templates folder and a README')
    .argument('[dir]', 'folder for the project (made if missing)', '.')
    .addHelpText('after', '\nExamples:\n  $ lectern init\n  $ lectern init year9-history')
    .action((dir: string) => {
      const root = path.resolve(dir);
      if (existsSync(root) && !statSync(root).isDirectory())
        throw new CliError(`"${dir}" is a file, not a folder; choose a folder for the project`);
      const packageFile = path.join(root, 'package.json');
      const existing = existsSync(packageFile) ? readPackage(packageFile) : undefined;
      const files = new Map<string, string | Buffer>(readTree(path.join(STARTERS, 'project')));
      if (!existing) files.set('package.json', projectPackage(root));
      writeNewFiles(root, files, 'choose another folder');
      const done = new Map([...files.keys()].map((name) => [name, PURPOSE[name] ?? '']));
      if (existing) done.set('package.json', completePackage(packageFile, existing));

      const here = path.relative(process.cwd(), root) === '';
      ctx.io.out(`Created a lectern project in ${here ? 'this folder' : `${shown(root)}${path.sep}`}:`);
      const width = Math.max(...[...done.keys()].map((name) => name.length));
      for (const name of [...done.keys()].sort()) ctx.io.out(`  ${name.padEnd(width)}  ${done.get(name)}`.trimEnd());
      ctx.io.out('\nNext:');
      if (!here) ctx.io.out(`  cd ${/\s/.test(shown(root)) ? `"${shown(root)}"` : shown(root)}`);
      ctx.io.out(`  ${lecternCommand()} build    # builds output/first-lesson.pptx`);
    });
}

/** A new project's package.json: `npm run build`, and lectern by version range (never a folder on this computer). */
function projectPackage(root: string): string {
  const pkg = {
    name: slugify(path.basename(root)).replace(/[^a-z0-9-]/g, '') || 'lectures',
    private: true,
    description: 'Lecture decks built with lectern',
    scripts: { build: 'lectern build' },
    devDependencies: { lectern: LECTERN_RANGE },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The package.json already in the folder (say, from `npm install lectern`), read before anything is written. */
function readPackage(file: string): PackageJson {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = position ? `:${text.slice(0, Number(position[1])).split('\n').length}` : '';
    throw new CliError(`${shown(file)}${line}: this is not valid JSON (${message}); fix it, or choose another folder`);
  }
  if (!isRecord(pkg)) throw new CliError(`${shown(file)} does not hold a JSON object; fix it, or choose another folder`);
  return pkg;
}

/**
 * Adds what a lectern project needs and `pkg` lacks (lectern as a dependency,
 * a `build` script), keeping everything else and the file's indentation.
 * Returns what was done, as printed.
 */
function completePackage(file: string, pkg: PackageJson): string {
  const added: string[] = [];
  const dependencies = [pkg.dependencies, pkg.devDependencies];
  if (!dependencies.some((deps) => isRecord(deps) && 'lectern' in deps) && isRecordOrNone(pkg.devDependencies)) {
    pkg.devDependencies = { ...pkg.devDependencies, lectern: LECTERN_RANGE };
    added.push(`lectern ${LECTERN_RANGE}`);
  }
  if (isRecordOrNone(pkg.scripts) && !(pkg.scripts && 'build' in pkg.scripts)) {
    pkg.scripts = { ...pkg.scripts, build: 'lectern build' };
    added.push('the "build" script (npm run build)');
  }
  if (added.length === 0) return 'already there, kept as it was';
  const text = readFileSync(file, 'utf8');
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? 2;
  writeFileSync(file, `${JSON.stringify(pkg, null, indent)}\n`);
  return `already there; added ${added.join(' and ')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordOrNone(value: unknown): value is Record<string, unknown> | undefined {
  return value === undefined || isRecord(value);
}
