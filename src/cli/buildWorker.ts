import { loadLectern } from './bundle.js';

/** The entry of a batch build's worker thread (see buildMany.ts). */
await loadLectern().serveBuildWorker();
