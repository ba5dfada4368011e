import { buildDecks } from '../build/buildDecks.js';
import { LecternError } from '../lecternError.js';
import { INTERNAL_ERROR, type DeckResult } from '../pipeline.js';
import { CliError } from './errors.js';
import type { DeckOptions } from './commands/decks.js';
import type { CommandContext } from './context.js';
import { progressBar } from './progress.js';
import { deckJson, reportDeck, reportPdf, summary } from './report.js';

/**
 * Builds (or only checks) every deck the inputs name, reporting each; returns the
 * exit code. With `--format json` the JSON report is printed whatever happens.
 */
export async function runDecks(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  if (options.format !== 'json') return buildAndReport(inputs, options, ctx, write);
  try {
    return await buildAndReport(inputs, options, ctx, write);
  } catch (error) {
    const usage = error instanceof CliError || error instanceof LecternError;
    const message = usage ? error.message : `internal error, please report it: ${error instanceof Error ? error.message : String(error)}`;
    ctx.io.out(JSON.stringify({ ok: false, error: message, decks: [] }, null, 2));
    return error instanceof CliError ? error.exitCode : usage ? 2 : 70;
  }
}

/** The library's build (src/build/buildDecks.ts), reported as it goes: a line per deck, a progress bar, a summary. */
async function buildAndReport(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  const json = options.format === 'json';
  let progress = progressBar(0);
  const noted = new Set<string>();
  const results = await buildDecks(
    {
      inputs,
      outDir: options.out,
      template: options.template,
      lang: options.lang,
      allowOutside: options.allowOutside,
      strict: options.strict,
      pdf: options.pdf,
      soffice: options.soffice,
    },
    write,
    {
      found: (files) => (progress = progressBar(json ? 0 : files.length)),
      noLibreOffice: (reason) => ctx.io.err(`lectern: no PDFs written: ${reason}. The .pptx files are written as usual.`),
      deck: (result) => {
        progress.tick();
        if (!json) progress.around(() => reportDeck(withoutRepeatedNotes(result, noted), ctx.io, write ? 'built' : 'checked'));
      },
      pdf: (result, outcome) => {
        if (!json) reportPdf(result, outcome, ctx.io);
      },
    },
  );
  progress.done();
  ctx.io.out(json ? JSON.stringify(resultsJson(results), null, 2) : summary(results, write ? 'built' : 'checked'));
  if (results.some((r) => r.diagnostics.some((d) => d.rule === INTERNAL_ERROR))) return 70;
  return results.every((r) => r.ok) ? 0 : 1;
}

/** The machine-readable report of `--format json`: one entry per deck, with its diagnostics. */
function resultsJson(results: DeckResult[]) {
  return { ok: results.every((r) => r.ok), decks: results.map(deckJson) };
}

/** A deck's result without the notes an earlier deck of the run showed: a note (a template's font, say) is said once. */
function withoutRepeatedNotes(result: DeckResult, noted: Set<string>): DeckResult {
  const diagnostics = result.diagnostics.filter((d) => {
    if (d.severity !== 'note') return true;
    if (noted.has(d.message)) return false;
    noted.add(d.message);
    return true;
  });
  return { ...result, diagnostics };
}
