import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { deckCommand, type DeckOptions } from './decks.js';

/** `lectern check [inputs...]`: everything but writing. */
export function registerCheck(program: Command, ctx: CommandContext): void {
  deckCommand(program, 'check', 'check decks for problems without writing anything')
    .addHelpText('after', '\nExample:\n  $ lectern check content/week1.md')
    .action(async (inputs: string[], options: DeckOptions) => {
      ctx.setExitCode(await (await import('../runDecks.js')).runDecks(inputs, options, ctx, false));
    });
}
