import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { deckCommand, outOption, sofficeOption, type DeckOptions } from './decks.js';

/** `lectern build [inputs...]`: decks into .pptx files. */
export function registerBuild(program: Command, ctx: CommandContext): void {
  deckCommand(program, 'build', 'build decks into .pptx files')
    .addOption(outOption('.pptx files'))
    .option('--pdf', 'also write a PDF of each deck (needs LibreOffice)')
    .addOption(sofficeOption())
    .option('-w, --watch', 'rebuild a deck whenever it, its data, pictures or template change')
    .addHelpText(
      'after',
      '\nExamples:\n  $ lectern build\n  $ lectern build content/week1.md -o slides\n  $ lectern build "lectures/**/*.md" -t chalkboard\n  $ lectern build --watch                  rebuild on every save\n  $ lectern build --pdf --soffice /opt/libreoffice/program/soffice',
    )
    .action(async (inputs: string[], options: DeckOptions & { watch?: boolean }) => {
      // The pipeline loads only when a command needs it, so that --help and --version answer at once.
      if (options.watch) ctx.setExitCode(await (await import('../watch.js')).watchDecks(inputs, options, ctx));
      else ctx.setExitCode(await (await import('../runDecks.js')).runDecks(inputs, options, ctx, true));
    });
}

/** `lectern export pdf [inputs...]`: decks into .pptx and .pdf files. */
export function registerExport(program: Command, ctx: CommandContext): void {
  const exportCommand = program.command('export').description('export decks to other formats');
  deckCommand(exportCommand, 'pdf', 'build decks and write each as a PDF too (needs LibreOffice)')
    .addOption(outOption('.pptx and .pdf files'))
    .addOption(sofficeOption())
    .addHelpText('after', '\nExample:\n  $ lectern export pdf content/week1.md')
    .action(async (inputs: string[], options: DeckOptions) => {
      ctx.setExitCode(await (await import('../runDecks.js')).runDecks(inputs, { ...options, pdf: true }, ctx, true));
    });
}
