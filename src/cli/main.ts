import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../index.js';
import { CliError } from './errors.js';
import { findDecks } from './inputs.js';
import { consoleOutput, reportDeck, summary, type Output } from './report.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const EXAMPLES = `
Examples:
  $ lectern build                          build every deck in content/ into output/
  $ lectern build content/week1.md         build one deck
  $ lectern build "lectures/**/*.md" -o slides
  $ lectern build -t chalkboard            use another template for every deck
  $ lectern check                          report problems without writing anything

A deck is a Markdown file with YAML front matter; see README.md.`;

interface DeckOptions {
  out: string;
  template?: string;
  allowOutside?: boolean;
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Output = consoleOutput): Promise<number> {
  const program = new Command('lectern')
    .description('Build native, editable PowerPoint decks from Markdown lecture notes.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run "lectern --help" for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .addHelpText('after', EXAMPLES)
    .exitOverride();

  let exitCode = 0;
  const deckCommand = (name: 'build' | 'check', description: string) =>
    program
      .command(name)
      .description(description)
      .argument('[inputs...]', 'deck files, folders or globs', ['content/'])
      .addOption(new Option('-t, --template <name>', 'template for every deck, over the front matter'))
      .addOption(new Option('--allow-outside', 'let decks use pictures and data outside the project folder'));

  deckCommand('build', 'build decks into .pptx files')
    .option('-o, --out <dir>', 'folder for the .pptx files', 'output')
    .addHelpText('after', '\nExample:\n  $ lectern build content/ -o output')
    .action(async (inputs: string[], options: DeckOptions) => {
      exitCode = await runDecks(inputs, options, io, true);
    });
  deckCommand('check', 'check decks for problems without writing anything')
    .addHelpText('after', '\nExample:\n  $ lectern check content/week1.md')
    .action(async (inputs: string[], options: DeckOptions) => {
      exitCode = await runDecks(inputs, { ...options, out: 'output' }, io, false);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`lectern: ${error.message}`);
      return error.exitCode;
    }
    io.err(`lectern: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}

async function runDecks(inputs: string[], options: DeckOptions, io: Output, write: boolean): Promise<number> {
  const files = await findDecks(inputs);
  const templates = new TemplateLibrary();
  const results: DeckResult[] = [];
  for (const file of files) {
    const result = await buildDeckFile(file, { outDir: options.out, template: options.template, allowOutside: options.allowOutside, templates }, write);
    reportDeck(result, io, write ? 'built' : 'checked');
    results.push(result);
  }
  io.out(summary(results, write ? 'built' : 'checked'));
  return results.every((r) => r.ok) ? 0 : 1;
}
