import path from 'node:path';
import { LecternError } from '../lecternError.js';
import { diagnosticOf, type DeckResult } from '../pipeline.js';
import type { Diagnostic } from '../diagnostics.js';
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
  /** PDFs were asked for and LibreOffice is not installed: how to get it. The .pptx files are written. */
  noLibreOffice?(hint: string): void;
  /** A deck's PDF, written (`result.pdf`) or not (`failure`, also the last of the result's diagnostics). */
  pdf?(result: DeckResult, failure?: Diagnostic): void;
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
  const libreOffice = write && options.pdf ? await import('../render/pdf.js') : undefined;
  const pdf = libreOffice && (await libreOffice.hasLibreOffice()) ? libreOffice : undefined;
  if (libreOffice && !pdf) events.noLibreOffice?.(libreOffice.LIBREOFFICE_HINT);
  events.found?.(files);
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const { template, allowOutside, strict } = options;
  const results = await buildMany(files, { outDir, template, allowOutside, strict, cwd }, write, (result) => events.deck?.(result));
  if (pdf) {
    for (const result of results.filter((r) => r.output)) {
      try {
        result.pdf = await pdf.pptxToPdf(result.output!);
        events.pdf?.(result);
      } catch (error) {
        // The .pptx is written; the deck fails for its missing PDF.
        const failure = diagnosticOf(error, result.output!);
        Object.assign(result, { ok: false, diagnostics: [...result.diagnostics, failure] });
        events.pdf?.(result, failure);
      }
    }
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
