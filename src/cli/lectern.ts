/**
 * The entry of lectern's bundle (see bundle.ts): the CLI, and the worker thread
 * of a batch build. Each loads the build pipeline only when it needs it, so that
 * --help and --version answer at once.
 */
export { main } from './main.js';

export async function serveBuildWorker(): Promise<void> {
  (await import('../build/workers.js')).serveBuildWorker();
}
