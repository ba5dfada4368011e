import { parentPort, Worker, workerData } from 'node:worker_threads';
import { buildDeckFile, TemplateLibrary, type BuildOptions, type DeckResult } from '../index.js';

/** What a worker thread answers for each deck file: its result (without the model), or the error that stopped it. */
type Answer = { result: DeckResult; error?: undefined } | { file: string; error: string };

/**
 * Builds `files` on `count` worker threads, each building the next deck in
 * line; `onResult` is called as each deck finishes; results come back in input order.
 */
export async function buildOnWorkers(
  files: string[],
  options: BuildOptions,
  write: boolean,
  count: number,
  onResult: (result: DeckResult) => void,
): Promise<DeckResult[]> {
  const results = new Map<string, DeckResult>();
  let next = 0;
  // dist/cli/buildWorker.js, seen from the bundle (dist/bundle) as from dist/cli.
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL('../cli/buildWorker.js', import.meta.url), { workerData: { options, write } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => (next < files.length ? worker.postMessage(files[next++]) : resolve());
            worker.on('message', (answer: Answer) => {
              if (answer.error !== undefined) return reject(new Error(`while building ${answer.file}: ${answer.error}`));
              results.set(answer.result.file, answer.result);
              onResult(answer.result);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    // Done, or stopped by an error in one of them: no worker goes on building.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return files.map((f) => results.get(f)!);
}

/** The worker thread's side (started by buildWorker.ts): builds each deck file it is sent and answers. */
export function serveBuildWorker(): void {
  const { options, write } = workerData as { options: BuildOptions; write: boolean };
  const templates = new TemplateLibrary();
  parentPort!.on('message', async (file: string) => {
    let answer: Answer;
    try {
      const { deck: _deck, ...result } = await buildDeckFile(file, { ...options, templates }, write);
      answer = { result };
    } catch (error) {
      answer = { file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(answer);
  });
}
