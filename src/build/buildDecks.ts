import path from 'node:path';
import { LecternError } from '../lecternError.js';
import type { DeckResult } from '../pipeline.js';
import type { PdfOutcome } from './pdfs.js';
import { buildMany } from './buildMany.js';
import { DeckPlanner, type DeckJob } from './plan.js';

/**
 * What to build, and how: each option is the CLI option of the same name. An
 * option not given comes from the project's config file (lectern.config.*, or
 * the "lectern" key of package.json), else from lectern's built-in defaults.
 */
export interface BuildOptions {
  /** Deck files, folders (searched for .md files) or globs; else the config's `inputs`, else `content/` of the project. */
  inputs?: string | string[];
  /** Folder the .pptx (and .pdf) files go to; else the config's `out`, else `output` in the project. */
  outDir?: string;
  /** A template for every deck, over what their front matter names: a template name, or a PowerPoint file (.pptx, .potx). */
  template?: string;
  /** The language of every deck's text (e.g. `en-GB`), over what their front matter says. */
  lang?: string;
  /** The folder that `inputs` and `outDir` are relative to, and whose project's config applies when no inputs are named; the current folder when not given. */
  cwd?: string;
  /** Also write a PDF of each deck beside it, through LibreOffice (which must be installed). */
  pdf?: boolean;
  /** LibreOffice's `soffice` program for PDFs, when it is not found by itself (see findLibreOffice). */
  soffice?: string;
  /** Warnings count as errors: a deck with any is not written, and its result is not ok. */
  strict?: boolean;
  /** Let decks use pictures and data outside their project folder. */
  allowOutside?: boolean;
}

/** What the CLI hears of a build as it goes, to report it. */
export interface BuildEvents {
  /** The deck files the inputs name, before any is built. */
  found?(files: string[]): void;
  /** A deck built (or checked), as each finishes. */
  deck?(result: DeckResult): void;
  /** PDFs were asked for and LibreOffice cannot be found or run: why, and how to get it. The .pptx files are written, and every deck fails for its PDF. */
  noLibreOffice?(reason: string): void;
  /** A deck's PDF: written (also `result.pdf`), or the diagnostic that failed the deck (also the last of its diagnostics). */
  pdf?(result: DeckResult, outcome: PdfOutcome): void;
}

/**
 * Builds (or, with `write` false, only checks) every deck the inputs name: the
 * library's `build` and `check`, and the CLI's. A problem with the inputs as a
 * whole is a LecternError, thrown before anything is written; a deck's own
 * problems are in its result.
 */
export async function buildDecks(options: BuildOptions, write: boolean, events: BuildEvents = {}): Promise<DeckResult[]> {
  const cwd = path.resolve(options.cwd ?? '.');
  const jobs = await new DeckPlanner(options, cwd).plan(options.inputs === undefined ? [] : [options.inputs].flat());
  if (write) refuseSameOutput(jobs, cwd);
  // PDFs of the decks whose options or config ask for them, through the soffice named by the options, else a config.
  const pdfDecks = new Set(jobs.filter((job) => job.settings.pdf).map((job) => job.file));
  const soffice = options.soffice ?? jobs.find((job) => job.settings.soffice)?.settings.soffice;
  // LibreOffice's driver (and Node's child_process) load only when PDFs are asked for.
  const pdfs = write && pdfDecks.size > 0 ? new (await import('./pdfs.js')).PdfWriter(soffice) : undefined;
  // Said once, not for every deck; each deck's result carries it too.
  if (pdfs?.missing) events.noLibreOffice?.(pdfs.missing.message);
  events.found?.(jobs.map((job) => job.file));
  const results = await buildMany(jobs, write, (result) => events.deck?.(result));
  for (const result of pdfs ? results.filter((r) => pdfDecks.has(r.file)) : []) {
    // A PDF that cannot be made fails its deck; the .pptx stays written.
    const outcome = await pdfs!.write(result);
    if (outcome && !pdfs!.missing) events.pdf?.(result, outcome);
  }
  return results;
}

/** Two decks named alike in different folders would write the same .pptx: say so before writing either. */
function refuseSameOutput(jobs: DeckJob[], cwd: string): void {
  const seen = new Map<string, string>();
  const shown = (file: string) => path.relative(cwd, file) || file;
  for (const { file, settings } of jobs) {
    const name = path.basename(file, path.extname(file));
    const output = path.join(settings.outDir, name).toLowerCase();
    const other = seen.get(output);
    if (other)
      throw new LecternError(
        `${shown(other)} and ${shown(file)} would both be written as ${name}.pptx; rename one of them, or build them with different --out folders`,
      );
    seen.set(output, file);
  }
}
