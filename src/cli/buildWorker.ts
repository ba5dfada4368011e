import { parentPort, workerData } from 'node:worker_threads';
import { buildDeckFile, TemplateLibrary, type BuildOptions } from '../index.js';

/**
 * A worker thread of a batch build: it loads the pipeline once, then builds
 * each deck file it is sent and answers with the result (without the model).
 */
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
