import { Option, type Command } from 'commander';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../../index.js';
import type { CommandContext } from '../context.js';
import { findDecks } from '../inputs.js';
import { reportDeck, summary } from '../report.js';

/** Options shared by `build` and `check`. */
export interface DeckOptions {
  out: string;
  template?: string;
  allowOutside?: boolean;
}

/** Adds the inputs argument and the options that `build` and `check` share. */
export function deckCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('[inputs...]', 'deck files, folders or globs', ['content/'])
    .addOption(new Option('-t, --template <name>', 'template for every deck, over the front matter'))
    .addOption(new Option('--allow-outside', 'let decks use pictures and data outside the project folder'));
}

/** Builds (or only checks) every deck the inputs name, reporting each; returns the exit code. */
export async function runDecks(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  const files = await findDecks(inputs);
  const templates = new TemplateLibrary();
  const results: DeckResult[] = [];
  for (const file of files) {
    const result = await buildDeckFile(file, { outDir: options.out, template: options.template, allowOutside: options.allowOutside, templates }, write);
    reportDeck(result, ctx.io, write ? 'built' : 'checked');
    results.push(result);
  }
  ctx.io.out(summary(results, write ? 'built' : 'checked'));
  return results.every((r) => r.ok) ? 0 : 1;
}
