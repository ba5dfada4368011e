import { availableParallelism } from 'node:os';
import { buildDeckFile, TemplateLibrary, type DeckFileOptions, type DeckResult } from '../pipeline.js';
import { templateSearchDirs } from '../templates/loadTemplate.js';

/** What every deck of a batch is built with: plain data, which worker threads are sent as it is. */
export type BatchOptions = Omit<DeckFileOptions, 'templates'> & {
  /** The folder whose `templates/` is searched before the shipped templates. */
  cwd: string;
};

/**
 * Builds many decks, on every core: one worker thread per core (at most one
 * per deck), each building the next deck in line (workers.ts). One deck builds
 * in this thread. `onResult` is called as each deck finishes; results come back
 * in input order.
 */
export async function buildMany(
  files: string[],
  options: BatchOptions,
  write: boolean,
  onResult: (result: DeckResult) => void,
): Promise<DeckResult[]> {
  const workers = Math.min(files.length, availableParallelism());
  // Worker threads (and Node's worker_threads) load only for a batch.
  if (workers >= 2) return (await import('./workers.js')).buildOnWorkers(files, options, write, workers, onResult);
  const templates = new TemplateLibrary(templateSearchDirs(options.cwd));
  const results: DeckResult[] = [];
  for (const file of files) {
    const result = await buildDeckFile(file, { ...options, templates }, write);
    onResult(result);
    results.push(result);
  }
  return results;
}
