import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { need, validator } from './tools.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** A .pptx opened for reading its parts as text. */
export interface Package {
  names: string[];
  xml(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
  /** `ppt/slides/slideN.xml` for N = 1.. in order. */
  slides(): Promise<string[]>;
}

export async function openPptx(file: string | Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const part = (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`no part ${name} in the package (parts: ${names.join(', ')})`);
    return entry;
  };
  const xml = (name: string) => part(name).async('string');
  return {
    names,
    xml,
    bytes: (name) => part(name).async('uint8array'),
    async slides() {
      const count = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
      return Promise.all(Array.from({ length: count }, (_, i) => xml(`ppt/slides/slide${i + 1}.xml`)));
    },
  };
}

export interface ValidationError {
  description: string;
  path: string;
  xPath?: string;
  id: string;
}

/**
 * Runs Microsoft's Open XML SDK validator on a .pptx and returns its errors (none for a valid
 * package). Where the validator cannot run, skips the rest of the test (see `need`).
 */
export async function validatePptx(file: string): Promise<ValidationError[]> {
  need(validator);
  // The binary prints one JSON report and exits 0, valid or not.
  const { stdout } = await run(validator.path!, [file], { maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as { errors: ValidationError[] }).errors;
}

/**
 * Validates .pptx files while the test goes on making more: `add` queues one, at most
 * `concurrency` validators (one a core) run at a time, and `invalid` waits for all of them and returns
 * "file: the first error" for each file the validator rejects.
 */
export function validationQueue(concurrency = availableParallelism()) {
  const waiting: string[] = [];
  const running = new Set<Promise<void>>();
  const invalid: string[] = [];
  let failure: unknown;
  const start = () => {
    while (running.size < concurrency && waiting.length) {
      const file = waiting.shift()!;
      const job: Promise<void> = validatePptx(file)
        .then(
          (errors) => {
            if (errors.length) invalid.push(`${file}: ${errors[0].path} ${errors[0].description}`);
          },
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => {
          running.delete(job);
          start();
        });
      running.add(job);
    }
  };
  return {
    add(file: string): void {
      waiting.push(file);
      start();
    },
    async invalid(): Promise<string[]> {
      while (running.size) await Promise.race(running);
      if (failure) throw failure;
      return invalid;
    },
  };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'lectern-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `files` (path → content) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** All the text of the `a:t` elements in some XML, joined by spaces. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1])).join(' ');
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export { ROOT };
