import { availableParallelism } from 'node:os';
import { buildDeckFile, type DeckResult } from '../pipeline.js';
import { ProjectTemplates } from '../templates/projectTemplates.js';
import type { DeckJob } from './plan.js';

/**
 * Builds many decks, on every core: one worker thread per core (at most one
 * per deck), each building the next deck in line (workers.ts). One deck builds
 * in this thread. Each deck is built with its own settings and its project's
 * templates. `onResult` is called as each deck finishes; results come back in input order.
 */
export async function buildMany(jobs: DeckJob[], write: boolean, onResult: (result: DeckResult) => void): Promise<DeckResult[]> {
  const workers = Math.min(jobs.length, availableParallelism());
  // Worker threads (and Node's worker_threads) load only for a batch.
  if (workers >= 2) return (await import('./workers.js')).buildOnWorkers(jobs, write, workers, onResult);
  const templates = new ProjectTemplates();
  const results: DeckResult[] = [];
  for (const job of jobs) {
    const result = await buildJob(job, templates, write);
    onResult(result);
    results.push(result);
  }
  return results;
}

/** Builds one deck with its settings and its project's templates; never throws (see buildDeckFile). */
export function buildJob(job: DeckJob, templates: ProjectTemplates, write: boolean): Promise<DeckResult> {
  return buildDeckFile(job.file, { ...job.settings, templates: templates.for(job.root) }, write);
}
