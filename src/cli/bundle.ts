import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';
import type * as Lectern from './lectern.js';

/**
 * lectern as it runs: one CommonJS bundle (dist/bundle/lectern.cjs, made by
 * scripts/bundle.mjs), started through V8's code cache. `npm run build` builds
 * the starter deck with the fresh bundle and saves the code V8 compiled for it
 * (every function that ran, not only the top level) beside the bundle. A run
 * then starts from that code instead of parsing and compiling 1.6 MB of
 * JavaScript again, a fifth of a small build's time. Node 22 does this itself
 * (`module.enableCompileCache`); lectern runs on Node 20 too.
 *
 * V8 takes a cache only from the same V8 with the same flags: a run with other
 * V8 options (say NODE_OPTIONS=--max-old-space-size=4096, when the build had
 * none) compiles as usual, as does another Node version. V8 does not check the
 * cache's bytes, and a damaged cache crashes it: the file starts with a CRC-32
 * of the V8 data that follows, which is used only when that matches. (V8 checks
 * only the length of the source a cache was made for: a bundle edited by hand to
 * the same length would run the old code. Every build writes the two together.)
 *
 * `import()` in code run through `vm.Script` needs a callback that Node 20 loses
 * when the code comes from a cache, so the bundle has none: scripts/bundle.mjs
 * turns pptxgenjs's into require() and checks.
 */
const BUNDLE = fileURLToPath(new URL('../bundle/lectern.cjs', import.meta.url));
/**
 * The libraries that typeset equations and highlight code (temml, MathJax, shiki...),
 * bundled apart, as one file with a code cache of its own (scripts/bundle.mjs): a deck
 * without equations or code never reads them, and one with them reads one file
 * instead of 300, and compiles none of it.
 */
const TYPESET_BUNDLE = fileURLToPath(new URL('../bundle/typeset.cjs', import.meta.url));
const CHECKSUM_BYTES = 4;

/** A bundle run from its code cache: what it exports, its script (to save the cache from), and whether V8 took the cache. */
interface LoadedBundle {
  exports: unknown;
  script: vm.Script;
  file: string;
  fromCache: boolean;
}
const loaded = new Map<string, LoadedBundle>();

/** A bundle (a CommonJS module's function, ASCII), run once per thread, from its saved code cache when there is one. */
function loadBundle(file: string): LoadedBundle {
  const known = loaded.get(file);
  if (known) return known;
  const bundle = readFileSync(file);
  const cachedData = savedCodeCache(file);
  // The bundle is ASCII and already wrapped as a CommonJS module's function (scripts/bundle.mjs
  // sees to both): read as latin1, V8 takes it as it is, neither decoded nor copied again.
  const script = new vm.Script(bundle.toString('latin1'), { filename: file, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  const result = { exports: module.exports, script, file, fromCache: cachedData !== undefined && !script.cachedDataRejected };
  loaded.set(file, result);
  return result;
}

/** lectern's bundle, loaded once per thread. */
export function loadLectern(): typeof Lectern {
  return loadBundle(BUNDLE).exports as typeof Lectern;
}

/**
 * The typesetting libraries' bundle: by the specifier each is imported by (what
 * dist/bundle/lazy-import.cjs asks for), a function that evaluates it and gives its module.
 */
export function loadTypesetLibraries(): Record<string, () => Promise<unknown>> {
  return loadBundle(TYPESET_BUNDLE).exports as Record<string, () => Promise<unknown>>;
}

/** Whether V8 started the loaded bundle (`lectern` or the typesetting libraries) from its saved code cache. */
export function codeCacheUsed(which: 'lectern' | 'typeset' = 'lectern'): boolean {
  return loaded.get(which === 'lectern' ? BUNDLE : TYPESET_BUNDLE)?.fromCache ?? false;
}

/** Saves the code V8 has compiled so far for the bundle (`lectern`) or the typesetting libraries, for later runs to start from. */
export function saveCodeCache(which: 'lectern' | 'typeset' = 'lectern'): void {
  const bundle = loaded.get(which === 'lectern' ? BUNDLE : TYPESET_BUNDLE);
  if (!bundle) throw new Error(`saveCodeCache: the ${which} bundle is not loaded`);
  const data = bundle.script.createCachedData();
  writeFileSync(codeCacheFile(bundle.file), Buffer.concat([checksum(data), data]));
}

const codeCacheFile = (bundle: string) => `${bundle}.v8cache`;

/** The saved code cache of a bundle, when there is one and it is whole. */
function savedCodeCache(bundle: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(codeCacheFile(bundle));
  } catch {
    return undefined;
  }
  const data = file.subarray(CHECKSUM_BYTES);
  return checksum(data).equals(file.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
}

function checksum(data: Buffer): Buffer {
  const crc = Buffer.alloc(CHECKSUM_BYTES);
  crc.writeUInt32LE(zlib.crc32(data));
  return crc;
}
