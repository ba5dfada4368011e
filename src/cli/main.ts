import { LECTERN_VERSION, PACKAGE_ROOT } from '../packageRoot.js';
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBuild, registerExport } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerTemplates } from './commands/templates.js';
import type { CommandContext } from './context.js';
import { LecternError } from '../lecternError.js';
import { CliError } from './errors.js';
import { consoleOutput, type Output } from './report.js';

const EXAMPLES = `
Examples:
  $ lectern build                          build every deck in content/ into output/
  $ lectern build content/week1.md         build one deck
  $ lectern build "lectures/**/*.md" -o slides
  $ lectern build -t chalkboard            use another template for every deck
  $ lectern build --watch                  rebuild a deck each time it is saved
  $ lectern build --pdf                    also write PDFs (needs LibreOffice)
  $ lectern check                          report problems without writing anything
  $ lectern init my-lectures               start a project with a starter deck
  $ lectern new "Week 1: Fractions"        start a deck that shows the main features
  $ lectern templates                      list the templates and their layouts
  $ lectern templates copy default school  copy a template to edit its colours, fonts and logo
  $ lectern build -t school.pptx           build on your school's PowerPoint file
  $ lectern templates import school.pptx   make a template around it, to choose its layouts

A deck is a Markdown file with YAML front matter. How to write one: README.md in a
project that "lectern init" makes, and lectern's own README.md, in ${PACKAGE_ROOT}`;

/** The commands, each in its own file under commands/. */
const COMMANDS = [registerBuild, registerCheck, registerExport, registerInit, registerNew, registerTemplates];

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Output = consoleOutput): Promise<number> {
  let exitCode = 0;
  const ctx: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = new Command('lectern')
    .description('Build native, editable PowerPoint decks from Markdown lecture notes.')
    .version(LECTERN_VERSION, '-v, --version')
    .showHelpAfterError('(run "lectern --help" for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .addHelpText('after', EXAMPLES)
    .exitOverride();
  for (const register of COMMANDS) register(program, ctx);
  const first = argv[2];
  // `lectern week1.md`: a deck named without the command that builds it.
  if (first !== undefined && !first.startsWith('-') && !program.commands.some((c) => c.name() === first || c.aliases().includes(first))) {
    if (/\.md$/i.test(first) || existsSync(first)) {
      io.err(
        `lectern: "${first}" is not a command; to build it: lectern build ${argv
          .slice(2)
          .map((a) => (/\s/.test(a) ? `"${a}"` : a))
          .join(' ')}`,
      );
      return 2;
    }
  }

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError || error instanceof LecternError) {
      io.err(`lectern: ${error.message}`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    io.err(`lectern: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}
