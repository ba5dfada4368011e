import { parentPort, Worker, workerData } from 'node:worker_threads';
import { diagnosticOf, type DeckResult } from '../pipeline.js';
import { ProjectTemplates } from '../templates/projectTemplates.js';
import { buildJob } from './buildMany.js';
import type { DeckJob } from './plan.js';

/** What a worker thread answers for each deck file: its result (without the model). */
type Answer = { result: DeckResult };

/**
 * Builds the decks of `jobs` on `count` worker threads, each building the next deck in
 * line; `onResult` is called as each deck finishes; results come back in input
 * order. A deck that stops its worker (a crash) fails alone: a new worker
 * builds the decks after it.
 */
export async function buildOnWorkers(
  jobs: DeckJob[],
  write: boolean,
  count: number,
  onResult: (result: DeckResult) => void,
): Promise<DeckResult[]> {
  const files = jobs.map((job) => job.file);
  const results = new Map<string, DeckResult>();
  const live = new Set<Worker>();
  let next = 0;
  const finish = (result: DeckResult) => {
    results.set(result.file, result);
    onResult(result);
  };
  /** One worker's share: the next deck in line until none is left; after a crash, a new worker takes over. */
  const serve = (): Promise<void> =>
    new Promise<void>((resolve) => {
      // dist/cli/buildWorker.js, seen from the CLI's bundle (dist/bundle) and the library's (dist/lib):
      // a worker runs the CLI's bundle, which starts fastest (src/cli/bundle.ts).
      // Without the Node options lectern was started with: a library user's (say --input-type, or a loader) are not lectern's.
      const worker = new Worker(new URL('../cli/buildWorker.js', import.meta.url), { workerData: { write }, execArgv: [] });
      live.add(worker);
      let current: string | undefined;
      const send = () => {
        const job = next < jobs.length ? jobs[next++] : undefined;
        current = job?.file;
        if (job === undefined) resolve();
        else worker.postMessage(job);
      };
      worker.on('message', (answer: Answer) => {
        finish(answer.result);
        send();
      });
      let crash: unknown = new Error('a build worker stopped');
      worker.on('error', (error) => (crash = error));
      worker.on('exit', () => {
        live.delete(worker);
        if (current !== undefined) finish({ file: current, diagnostics: [diagnosticOf(crash, current)], ok: false, inputs: [current] });
        current = undefined;
        resolve(next < files.length ? serve() : undefined);
      });
      send();
    });
  try {
    await Promise.all(Array.from({ length: count }, serve));
  } finally {
    await Promise.all([...live].map((worker) => worker.terminate()));
  }
  return files.map((f) => results.get(f)!);
}

/** The worker thread's side (started by buildWorker.ts): builds each deck it is sent and answers. */
export function serveBuildWorker(): void {
  const { write } = workerData as { write: boolean };
  const templates = new ProjectTemplates();
  parentPort!.on('message', async (job: DeckJob) => {
    // buildDeckFile never throws: a deck's failure, whatever it is, is in its result.
    const { deck: _deck, ...result } = await buildJob(job, templates, write);
    parentPort!.postMessage({ result } satisfies Answer);
  });
}
