import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { DeckResult } from '../pipeline.js';
import type { PdfOutcome } from '../build/pdfs.js';
import { englishCount } from '../i18n/plural.js';

/** Where the CLI writes: stdout for results, stderr for problems. Tests pass their own. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

// A closed pipe (`lectern build | head`) ends the output, not the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A path as the teacher would type it: relative to the current folder, or absolute where that is shorter (far above it). */
export const relative = (file: string) => {
  const from = path.relative(process.cwd(), file);
  return from === '' || (path.isAbsolute(file) && file.length < from.length) ? file : from;
};
const rel = relative;

/** One line per deck, then its warnings and errors. */
export function reportDeck(result: DeckResult, io: Output, verb: 'built' | 'checked', ms?: number): void {
  const slides = result.slides ?? 0;
  const took = ms === undefined ? '' : ` in ${Math.round(ms)} ms`;
  if (result.ok && result.output) io.out(`✓ ${rel(result.file)} → ${rel(result.output)} (${englishCount(slides, 'slide')})${took}`);
  else if (result.ok) io.out(`✓ ${rel(result.file)} ${verb} (${englishCount(slides, 'slide')})`);
  else io.err(`✗ ${rel(result.file)}: not ${verb}`);
  for (const d of result.diagnostics) io.err(`  ${formatDiagnostic(d)}`);
}

/** The closing line: how many decks were built and how many failed (a deck written without its PDF counts as built). */
export function summary(results: DeckResult[], verb: 'built' | 'checked'): string {
  const failed = results.filter((r) => !r.ok && !r.output).length;
  const noPdf = results.filter((r) => !r.ok && r.output).length;
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d: Diagnostic) => d.severity === 'warning').length, 0);
  const parts = [`${englishCount(results.length - failed, 'deck')} ${verb}`];
  if (failed) parts.push(`${failed} failed`);
  if (noPdf) parts.push(`${englishCount(noPdf, 'PDF')} not written`);
  if (warnings) parts.push(englishCount(warnings, 'warning'));
  return parts.join(', ');
}

/** One deck in `--format json`: of `build`, `check`, and each rebuild of `build --watch`. */
export function deckJson(r: DeckResult) {
  return {
    file: rel(r.file),
    ok: r.ok,
    ...(r.output ? { output: rel(r.output) } : {}),
    ...(r.slides !== undefined ? { slides: r.slides } : {}),
    diagnostics: r.diagnostics.map((d) => ({ ...d, file: rel(d.file) })),
  };
}

/** Tells the teacher what became of a deck's PDF, below its line. */
export function reportPdf(result: DeckResult, outcome: PdfOutcome, io: Output): void {
  if ('pdf' in outcome) io.out(`  + ${relative(outcome.pdf)}`);
  else io.err(`✗ ${relative(result.file)}: PDF not written\n  ${formatDiagnostic(outcome.diagnostic)}`);
}
