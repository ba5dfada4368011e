import { availableParallelism } from 'node:os';
import { buildDeckFile, TemplateLibrary, type BuildOptions, type DeckResult } from '../index.js';

/**
 * Builds many decks, on every core: one worker thread per core (at most one
 * per deck), each building the next deck in line (workers.ts). One deck builds
 * in this thread. `onResult` is called as each deck finishes; results come back
 * in input order.
 */
export async function buildMany(
  files: string[],
  options: BuildOptions,
  write: boolean,
  onResult: (result: DeckResult) => void,
): Promise<DeckResult[]> {
  const workers = Math.min(files.length, availableParallelism());
  // Worker threads (and Node's worker_threads) load only for a batch.
  if (workers >= 2) return (await import('./workers.js')).buildOnWorkers(files, options, write, workers, onResult);
  const templates = new TemplateLibrary();
  const results: DeckResult[] = [];
  for (const file of files) {
    const result = await buildDeckFile(file, { ...options, templates }, write);
    onResult(result);
    results.push(result);
  }
  return results;
}
