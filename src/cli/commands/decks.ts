import { Option, type Command } from 'commander';
import type { DeckResult } from '../../index.js';
import { buildMany } from '../buildMany.js';
import { progressBar } from '../progress.js';
import type { CommandContext } from '../context.js';
import { findDecks } from '../inputs.js';
import { relative, reportDeck, summary } from '../report.js';
import { hasLibreOffice, LIBREOFFICE_HINT, pptxToPdf } from '../../render/pdf.js';

/** Options shared by `build` and `check`. */
export interface DeckOptions {
  out: string;
  template?: string;
  allowOutside?: boolean;
  /** Also write a PDF of each deck through LibreOffice. */
  pdf?: boolean;
  /** `text` for people, `json` for editors and CI. */
  format?: 'text' | 'json';
}

/** Adds the inputs argument and the options that `build` and `check` share. */
export function deckCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('[inputs...]', 'deck files, folders or globs', ['content/'])
    .addOption(new Option('-t, --template <name>', 'template for every deck, over the front matter'))
    .addOption(new Option('--allow-outside', 'let decks use pictures and data outside the project folder'))
    .addOption(new Option('--format <format>', 'how to report: text, or json for editors and CI').choices(['text', 'json']).default('text'));
}

/** Builds (or only checks) every deck the inputs name, reporting each; returns the exit code. */
export async function runDecks(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  const files = await findDecks(inputs);
  const pdf = write && options.pdf && (await hasLibreOffice());
  if (write && options.pdf && !pdf) ctx.io.err(`lectern: PDFs not written: ${LIBREOFFICE_HINT}. The .pptx files are written as usual.`);
  const json = options.format === 'json';
  const progress = progressBar(json ? 0 : files.length);
  const results = await buildMany(files, { outDir: options.out, template: options.template, allowOutside: options.allowOutside }, write, (result) => {
    progress.tick();
    if (!json) progress.around(() => reportDeck(result, ctx.io, write ? 'built' : 'checked'));
  });
  progress.done();
  if (pdf) {
    for (const result of results.filter((r) => r.output)) {
      const written = await pptxToPdf(result.output!);
      if (!json) ctx.io.out(`  + ${relative(written)}`);
    }
  }
  ctx.io.out(json ? JSON.stringify(resultsJson(results), null, 2) : summary(results, write ? 'built' : 'checked'));
  return results.every((r) => r.ok) ? 0 : 1;
}

/** The machine-readable report of `--format json`: one entry per deck, with its diagnostics. */
function resultsJson(results: DeckResult[]) {
  return {
    ok: results.every((r) => r.ok),
    decks: results.map((r) => ({
      file: relative(r.file),
      ok: r.ok,
      ...(r.output ? { output: relative(r.output) } : {}),
      ...(r.slides !== undefined ? { slides: r.slides } : {}),
      diagnostics: r.diagnostics.map((d) => ({ ...d, file: relative(d.file) })),
    })),
  };
}
