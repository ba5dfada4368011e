import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { PACKAGE_ROOT, readTree, shown, slugify, STARTERS, writeNewFiles } from './starters.js';

/** What each file `lectern init` writes is for, as printed after writing it. */
const PURPOSE: Record<string, string> = {
  'README.md': 'how to build, edit and add decks',
  'package.json': 'installs lectern: npm install',
  'content/first-lesson.md': 'a starter deck: a list, a table and a chart, with speaker notes',
  'content/data/travel-survey.csv': 'the data behind its table and chart',
  'templates/README.md': 'how to make a template of your own',
  'output/.gitkeep': 'the built .pptx files go in output/',
};

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
      const files = new Map<string, string | Buffer>(readTree(path.join(STARTERS, 'project')));
      files.set('package.json', projectPackage(root));
      writeNewFiles(root, files, 'choose another folder');

      const here = path.relative(process.cwd(), root) === '';
      ctx.io.out(`Created a lectern project in ${here ? 'this folder' : `${shown(root)}${path.sep}`}:`);
      const width = Math.max(...[...files.keys()].map((name) => name.length));
      for (const name of [...files.keys()].sort()) ctx.io.out(`  ${name.padEnd(width)}  ${PURPOSE[name] ?? ''}`.trimEnd());
      ctx.io.out('\nNext:');
      if (!here) ctx.io.out(`  cd ${/\s/.test(shown(root)) ? `"${shown(root)}"` : shown(root)}`);
      ctx.io.out('  npm install          # installs lectern in the project');
      ctx.io.out('  npx lectern build    # builds output/first-lesson.pptx');
      ctx.io.out('  npx lectern new "Week 1"    # starts another deck');
    });
}

/** The project's package.json: `npm run build`, and lectern from the folder it runs from (so it installs offline). */
function projectPackage(root: string): string {
  const pkg = {
    name: slugify(path.basename(root)).replace(/[^a-z0-9-]/g, '') || 'lectures',
    private: true,
    description: 'Lecture decks built with lectern',
    scripts: { build: 'lectern build' },
    devDependencies: { lectern: `file:${PACKAGE_ROOT.replace(/[\\/]$/, '')}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
