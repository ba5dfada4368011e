import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { deflateOptions, packEntry, type PackedEntry, type ZipEntry } from './zip.js';

/**
 * How much XML a package has before its compression moves to a second thread: past
 * this, the thread's start (some 30 ms of the other core) is repaid several times over.
 */
const BACKGROUND_AFTER_BYTES = 2_000_000;
/** Parts go to the thread in batches of about this size: one message each, not one per part. */
const BATCH_BYTES = 256_000;

/**
 * The compressing thread: for each batch of parts (XML as text, with zlib's options)
 * it answers their deflated bytes and CRC, in order. Plain CommonJS, run from this string.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { crc32, deflateRawSync } = require('node:zlib');
parentPort.on('message', (batch) => {
  const packed = batch.map(({ text, options }) => {
    const data = Buffer.from(text);
    // A copy with a buffer of its own, so that it moves back without the rest of Node's pool.
    return { data: new Uint8Array(deflateRawSync(data, options)), crc: crc32(data) };
  });
  parentPort.postMessage(packed, packed.map((p) => p.data.buffer));
});
`;

/** A part to pack: XML as text, or bytes. */
export type PackablePart = ZipEntry | { name: string; text: string };

interface Part {
  name: string;
  text: string;
  size: number;
}

interface Waiting {
  part: Part;
  resolve: (entry: PackedEntry) => void;
  reject: (error: Error) => void;
}

/**
 * Compresses a package's parts as they come: on the calling thread while the package
 * is small and, once it is big, on a second thread, so that compressing a big deck
 * takes the other core while lectern writes the next slides. The bytes are the same
 * either way. `close()` must follow, to let the thread go.
 */
export class EntryPacker {
  private bytesSeen: number;

  /** `expectedBytes`: how much XML the package is expected to have; a big one goes to the second thread from its first part. */
  constructor(expectedBytes = 0) {
    this.bytesSeen = expectedBytes >= BACKGROUND_AFTER_BYTES ? BACKGROUND_AFTER_BYTES : 0;
  }

  private worker?: Worker;
  private batch: Waiting[] = [];
  private batchBytes = 0;
  /** Batches sent and not yet answered, in order. */
  private readonly sent: Waiting[][] = [];
  private drained?: () => void;
  private failure?: Error;

  /** `entry` packed: at once, or later (a promise) when the second thread compresses it. */
  pack(entry: PackablePart): PackedEntry | Promise<PackedEntry> {
    if (!('text' in entry)) return packEntry(entry);
    const part = { ...entry, size: Buffer.byteLength(entry.text) };
    this.bytesSeen += part.size;
    if (!this.worker && this.bytesSeen < BACKGROUND_AFTER_BYTES) return packEntry({ name: part.name, data: Buffer.from(part.text) });
    this.worker ??= this.start();
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.batch.push({ part, resolve, reject });
      this.batchBytes += part.size;
      if (this.batchBytes >= BATCH_BYTES) this.send();
    });
  }

  /** Sends what is left, waits for the answers, and lets the thread go. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.send();
    if (this.sent.length > 0 && !this.failure) await new Promise<void>((resolve) => (this.drained = resolve));
    this.worker = undefined;
    await worker.terminate();
  }

  private send(): void {
    if (!this.worker || this.batch.length === 0) return;
    this.worker.postMessage(this.batch.map(({ part }) => ({ text: part.text, options: deflateOptions(part.size) })));
    this.sent.push(this.batch);
    this.batch = [];
    this.batchBytes = 0;
  }

  private start(): Worker {
    // Node's worker_threads, loaded only by a deck big enough to need it (a millisecond of every small build).
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(THREAD_SOURCE, { eval: true, execArgv: [] });
    worker.on('message', (packed: { data: Uint8Array; crc: number }[]) => {
      const waiting = this.sent.shift() ?? [];
      waiting.forEach(({ part, resolve }, i) =>
        resolve({ name: part.name, data: packed[i].data, method: 8, crc: packed[i].crc, size: part.size }),
      );
      if (this.sent.length === 0) this.drained?.();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('the thread compressing the deck stopped')));
    return worker;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of [...this.sent.splice(0).flat(), ...this.batch.splice(0)]) reject(error);
    this.drained?.();
  }
}
