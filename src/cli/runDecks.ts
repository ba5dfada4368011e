import path from 'node:path';
import { INTERNAL_ERROR, type DeckResult } from '../index.js';
import { CliError } from './errors.js';
import { buildMany } from './buildMany.js';
import type { DeckOptions } from './commands/decks.js';
import type { CommandContext } from './context.js';
import { findDecks } from './inputs.js';
import { progressBar } from './progress.js';
import { deckJson, relative, reportDeck, summary } from './report.js';

/**
 * Builds (or only checks) every deck the inputs name, reporting each; returns the
 * exit code. With `--format json` the JSON report is printed whatever happens.
 */
export async function runDecks(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  if (options.format !== 'json') return buildAndReport(inputs, options, ctx, write);
  try {
    return await buildAndReport(inputs, options, ctx, write);
  } catch (error) {
    const cli = error instanceof CliError;
    const message = cli ? error.message : `internal error, please report it: ${error instanceof Error ? error.message : String(error)}`;
    ctx.io.out(JSON.stringify({ ok: false, error: message, decks: [] }, null, 2));
    return cli ? error.exitCode : 70;
  }
}

async function buildAndReport(inputs: string[], options: DeckOptions, ctx: CommandContext, write: boolean): Promise<number> {
  const files = await findDecks(inputs);
  if (write) refuseSameOutput(files);
  const json = options.format === 'json';
  // LibreOffice's driver (and Node's child_process) load only when PDFs are asked for.
  const pdf = write && options.pdf ? await import('./pdfs.js') : undefined;
  const pdfs = pdf && new pdf.PdfWriter(options.soffice);
  // Said once, not for every deck; each deck's result carries it for --format json and the exit code.
  if (pdfs?.missing) ctx.io.err(`lectern: no PDFs written: ${pdfs.missing.message}. The .pptx files are written as usual.`);
  const progress = progressBar(json ? 0 : files.length);
  const results = await buildMany(
    files,
    { outDir: options.out, template: options.template, allowOutside: options.allowOutside, strict: options.strict },
    write,
    (result) => {
      progress.tick();
      if (!json) progress.around(() => reportDeck(result, ctx.io, write ? 'built' : 'checked'));
    },
  );
  progress.done();
  if (pdf && pdfs) {
    for (const result of results) {
      const outcome = await pdfs.write(result);
      if (outcome && !json && !pdfs.missing) pdf.reportPdf(result, outcome, ctx.io);
    }
  }
  ctx.io.out(json ? JSON.stringify(resultsJson(results), null, 2) : summary(results, write ? 'built' : 'checked'));
  if (results.some((r) => r.diagnostics.some((d) => d.rule === INTERNAL_ERROR))) return 70;
  return results.every((r) => r.ok) ? 0 : 1;
}

/** The machine-readable report of `--format json`: one entry per deck, with its diagnostics. */
function resultsJson(results: DeckResult[]) {
  return { ok: results.every((r) => r.ok), decks: results.map(deckJson) };
}

/** Two decks named alike in different folders would write the same .pptx: say so before writing either. */
function refuseSameOutput(files: string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file, path.extname(file)).toLowerCase();
    const other = seen.get(name);
    if (other)
      throw new CliError(
        `${relative(other)} and ${relative(file)} would both be written as ${path.basename(file, path.extname(file))}.pptx; rename one of them, or build them with different --out folders`,
        2,
      );
    seen.set(name, file);
  }
}
