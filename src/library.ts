/**
 * lectern as a library: `import { build, check, loadDeck } from 'lectern'`.
 * The CLI runs the same functions (src/cli/runDecks.ts); this module only gives
 * them their public shape. `npm run build` bundles it into dist/lib/lectern.js
 * (scripts/bundle.mjs explains why a bundle).
 */
import path from 'node:path';
import { buildDecks, type BuildOptions } from './build/buildDecks.js';
import { buildJob } from './build/buildMany.js';
import { DeckPlanner } from './build/plan.js';
import type { Diagnostic } from './diagnostics.js';
import { LecternError } from './lecternError.js';
import type { Deck } from './model/types.js';
import type { DeckResult as DeckRun } from './pipeline.js';
import { ProjectTemplates } from './templates/projectTemplates.js';

export type { BuildOptions, Deck, Diagnostic };
export { LecternError };
export { defineConfig, type LecternConfig } from './config/schema.js';

/** What `check` takes: `build`'s options, less those about writing. */
export type CheckOptions = Omit<BuildOptions, 'outDir' | 'pdf'>;

/** What `loadDeck` takes: how the deck is read, as `build` would read it. */
export type LoadDeckOptions = Pick<BuildOptions, 'template' | 'lang' | 'cwd' | 'strict' | 'allowOutside'>;

/** What happened to one deck. */
export interface DeckResult {
  /** The deck file, as an absolute path. */
  file: string;
  /** The .pptx written, when the deck was built (never by `check`). */
  output?: string;
  /** The PDF written, when one was asked for and written. */
  pdf?: string;
  /** How many slides the deck has, when it could be read. */
  slides?: number;
  /** Whether the deck is fine: built (or, for `check`, buildable), with no errors. */
  ok: boolean;
  /** Its errors and warnings, each with the file and line to fix. */
  diagnostics: Diagnostic[];
}

/** A deck read into lectern's model of it, or the errors that kept it from being read. */
export interface LoadedDeck {
  /** The model: slides, their layouts and what is placed where; absent when the deck has errors. */
  deck?: Deck;
  /** Whether the deck could be read with no errors. */
  ok: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Builds every deck that `inputs` name (by default every .md file in `content/`)
 * into a .pptx file in `outDir` (by default `output/`), as `lectern build` does,
 * with the settings of each deck's project config file under the options given.
 * Resolves with one result per deck, in input order; a deck with errors is not
 * written and is not `ok`. Rejects with a LecternError, before writing anything,
 * when an input does not exist or two decks would be written to the same file.
 *
 * @example
 * const results = await build({ inputs: 'lectures/', outDir: 'slides' });
 * for (const r of results) if (!r.ok) console.error(r.file, r.diagnostics);
 */
export async function build(options: BuildOptions = {}): Promise<DeckResult[]> {
  return (await buildDecks(options, true)).map(publicResult);
}

/**
 * Reads every deck that `inputs` name and reports what `build` would, writing
 * nothing, as `lectern check` does.
 */
export async function check(options: CheckOptions = {}): Promise<DeckResult[]> {
  return (await buildDecks(options, false)).map(publicResult);
}

/**
 * Reads one deck file (relative to `options.cwd`) into lectern's model of it:
 * its slides, layouts and placed pieces, without writing anything. Never
 * rejects: a deck's problems, and its project config's, are in `diagnostics`.
 */
export async function loadDeck(file: string, options: LoadDeckOptions = {}): Promise<LoadedDeck> {
  const cwd = path.resolve(options.cwd ?? '.');
  let job;
  try {
    job = new DeckPlanner(options, cwd).job(path.resolve(cwd, file));
  } catch (error) {
    if (error instanceof LecternError && error.diagnostic) return { ok: false, diagnostics: [error.diagnostic] };
    throw error;
  }
  const { deck, ok, diagnostics } = await buildJob(job, new ProjectTemplates(), false);
  return { deck, ok, diagnostics };
}

function publicResult({ file, output, pdf, slides, ok, diagnostics }: DeckRun): DeckResult {
  return { file, output, pdf, slides, ok, diagnostics };
}
