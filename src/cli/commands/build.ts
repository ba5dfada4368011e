import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { deckCommand, runDecks, type DeckOptions } from './decks.js';

/** `lectern build [inputs...]`: decks into .pptx files. */
export function registerBuild(program: Command, ctx: CommandContext): void {
  deckCommand(program, 'build', 'build decks into .pptx files')
    .option('-o, --out <dir>', 'folder for the .pptx files', 'output')
    .addHelpText('after', '\nExamples:\n  $ lectern build\n  $ lectern build content/week1.md -o slides\n  $ lectern build "lectures/**/*.md" -t chalkboard')
    .action(async (inputs: string[], options: DeckOptions) => {
      ctx.setExitCode(await runDecks(inputs, options, ctx, true));
    });
}
