import path from 'node:path';
import { LecternError } from '../lecternError.js';
import type { DeckResult } from '../pipeline.js';
import type { PdfOutcome } from './pdfs.js';
import { buildMany } from './buildMany.js';
import { DEFAULT_INPUTS, DEFAULT_OUT_DIR } from './defaults.js';
import { findDecks } from './findDecks.js';

/** What to build, and how: each option is the CLI option of the same name. */
export interface BuildOptions {
  /** Deck files, folders (searched for .md files) or globs; `content/` when not given. */
  inputs?: string | string[];
  /** Folder the .pptx (and .pdf) files go to; `output` when not given. */
  outDir?: string;
  /** A template for every deck, over what their front matter names. */
  template?: string;
  /** The folder that `inputs`, `outDir` and `templates/` are relative to; the current folder when not given. */
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
  const inputs = options.inputs === undefined ? DEFAULT_INPUTS : [options.inputs].flat();
  const files = await findDecks(inputs, cwd);
  if (write) refuseSameOutput(files, cwd);
  // LibreOffice's driver (and Node's child_process) load only when PDFs are asked for.
  const pdfs = write && options.pdf ? new (await import('./pdfs.js')).PdfWriter(options.soffice) : undefined;
  // Said once, not for every deck; each deck's result carries it too.
  if (pdfs?.missing) events.noLibreOffice?.(pdfs.missing.message);
  events.found?.(files);
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const { template, allowOutside, strict } = options;
  const results = await buildMany(files, { outDir, template, allowOutside, strict, cwd }, write, (result) => events.deck?.(result));
  for (const result of pdfs ? results : []) {
    // A PDF that cannot be made fails its deck; the .pptx stays written.
    const outcome = await pdfs!.write(result);
    if (outcome && !pdfs!.missing) events.pdf?.(result, outcome);
  }
  return results;
}

/** Two decks named alike in different folders would write the same .pptx: say so before writing either. */
function refuseSameOutput(files: string[], cwd: string): void {
  const seen = new Map<string, string>();
  const shown = (file: string) => path.relative(cwd, file) || file;
  for (const file of files) {
    const name = path.basename(file, path.extname(file));
    const other = seen.get(name.toLowerCase());
    if (other)
      throw new LecternError(
        `${shown(other)} and ${shown(file)} would both be written as ${name}.pptx; rename one of them, or build them with different --out folders`,
      );
    seen.set(name.toLowerCase(), file);
  }
}
