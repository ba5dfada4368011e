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
const CODE_CACHE = `${BUNDLE}.v8cache`;
const CHECKSUM_BYTES = 4;

let loaded: { lectern: typeof Lectern; script: vm.Script; fromCache: boolean } | undefined;

/** lectern's bundle, loaded once per thread. */
export function loadLectern(): typeof Lectern {
  if (loaded) return loaded.lectern;
  const bundle = readFileSync(BUNDLE);
  const cachedData = savedCodeCache();
  // The bundle is ASCII and already wrapped as a CommonJS module's function (scripts/bundle.mjs
  // sees to both): read as latin1, V8 takes it as it is, neither decoded nor copied again.
  const script = new vm.Script(bundle.toString('latin1'), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  loaded = { lectern: module.exports as typeof Lectern, script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
  return loaded.lectern;
}

/** Whether V8 started the loaded bundle from the saved code cache. */
export function codeCacheUsed(): boolean {
  return loaded?.fromCache ?? false;
}

/** Saves the code V8 has compiled for the bundle so far, for later runs to start from. */
export function saveCodeCache(): void {
  if (!loaded) throw new Error('saveCodeCache: the bundle is not loaded');
  const data = loaded.script.createCachedData();
  writeFileSync(CODE_CACHE, Buffer.concat([checksum(data), data]));
}

/** The saved code cache, when there is one and it is whole. */
function savedCodeCache(): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CODE_CACHE);
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
