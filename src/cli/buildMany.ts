import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { buildDeckFile, TemplateLibrary, type BuildOptions, type DeckResult } from '../index.js';

/**
 * Builds many decks, on every core: one worker thread per core (at most one
 * per deck), each building the next deck in line. One deck builds in this thread.
 * `onResult` is called as each deck finishes; results come back in input order.
 */
export async function buildMany(
  files: string[],
  options: BuildOptions,
  write: boolean,
  onResult: (result: DeckResult) => void,
): Promise<DeckResult[]> {
  const workers = Math.min(files.length, availableParallelism());
  if (workers < 2) {
    const templates = new TemplateLibrary();
    const results: DeckResult[] = [];
    for (const file of files) {
      const result = await buildDeckFile(file, { ...options, templates }, write);
      onResult(result);
      results.push(result);
    }
    return results;
  }
  const results = new Map<string, DeckResult>();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      // dist/cli/buildWorker.js, seen from the bundle (dist/bundle) as from dist/cli.
      const worker = new Worker(new URL('../cli/buildWorker.js', import.meta.url), { workerData: { options, write } });
      return new Promise<void>((resolve, reject) => {
        const send = () => (next < files.length ? worker.postMessage(files[next++]) : worker.terminate().then(() => resolve()));
        worker.on('message', (message: { result?: DeckResult; file?: string; error?: string }) => {
          if (message.error) return reject(new Error(`while building ${message.file}: ${message.error}`));
          results.set(message.result!.file, message.result!);
          onResult(message.result!);
          send();
        });
        worker.on('error', reject);
        send();
      });
    }),
  );
  return files.map((f) => results.get(f)!);
}

/**
 * The worker thread's side (started by buildWorker.ts): it builds each deck
 * file it is sent and answers with the result (without the model).
 */
export function serveBuildWorker(): void {
  const { options, write } = workerData as { options: BuildOptions; write: boolean };
  const templates = new TemplateLibrary();
  parentPort!.on('message', async (file: string) => {
    try {
      const { deck: _deck, ...result } = await buildDeckFile(file, { ...options, templates }, write);
      parentPort!.postMessage({ result });
    } catch (error) {
      parentPort!.postMessage({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
