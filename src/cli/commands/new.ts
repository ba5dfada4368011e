import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { projectRoot } from '../../input/boundary.js';
import { didYouMean } from '../../suggest.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { shown, slugify, STARTERS, writeNewFiles } from './starters.js';
import { templateLibrary } from './templates.js';

/** `lectern new <name>`: a deck in the project's content/ that shows the main features, with a comment on each. */
export function registerNew(program: Command, ctx: CommandContext): void {
  program
    .command('new')
    .description(
      "start a deck in the project's content/ that shows the main features (lists, columns, tables, charts, pictures, notes), with a short comment on each",
    )
    .argument('<name>', 'the deck\'s title; its file name is made from it, e.g. "Week 1: Fractions" → content/week-1-fractions.md')
    .addOption(new Option('-t, --template <name>', 'the template the deck uses').default('default'))
    .addHelpText('after', '\nExamples:\n  $ lectern new photosynthesis\n  $ lectern new "Week 1: Fractions" -t chalkboard')
    .action(async (name: string, options: { template: string }) => {
      const title = titleFrom(name);
      const slug = slugify(title);
      if (slug === '') throw new CliError(`"${name}" has no letters or digits to make a file name from; try e.g. lectern new week-1`, 2);
      const known = (await templateLibrary()).names();
      if (!known.includes(options.template)) {
        throw new CliError(`unknown template "${options.template}"${didYouMean(options.template, known)}; templates: ${known.join(', ')}`);
      }
      const file = `${slug}.md`;
      const content = starterDeck(title, options.template);
      // Into the project's content/, from whichever of its folders lectern runs in.
      const folder = path.join(projectRoot(process.cwd()), 'content');
      const [written] = writeNewFiles(folder, new Map([[file, content]]), 'choose another name');
      ctx.io.out(
        `Created ${shown(written)} (template ${options.template}): the main features, with a comment on each; delete what you do not need.`,
      );
      ctx.io.out('\nNext:');
      ctx.io.out(`  npx lectern build ${shown(written).split(path.sep).join('/')}`);
    });
}

/** The deck's title: the name as given, or from a file-like name (`week-1.md` → `Week 1`). */
function titleFrom(name: string): string {
  const base = name.trim().replace(/\.md$/i, '');
  const title = /\s/.test(base) ? base : base.replace(/[-_]+/g, ' ').trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The starter deck with its title and template filled in. */
function starterDeck(title: string, template: string): string {
  return readFileSync(path.join(STARTERS, 'deck.md'), 'utf8')
    .replace(/^title: .*$/m, () => `title: ${JSON.stringify(title)}`)
    .replace(/^template: \S+/m, () => `template: ${template}`);
}
