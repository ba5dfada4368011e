import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type * as Lectern from './lectern.js';

/**
 * lectern as it runs: one CommonJS bundle (dist/bundle/lectern.cjs, made by
 * scripts/bundle.mjs), started through V8's code cache. `npm run build` builds
 * the starter deck with the fresh bundle and saves the code V8 compiled for it
 * (every function that ran, not only the top level) beside the bundle. A run
 * then starts from that code instead of parsing and compiling 1.6 MB of
 * JavaScript again, a fifth of a small build's time. Node 22 does this itself
 * (`module.enableCompileCache`); lectern runs on Node 20.
 *
 * V8 rejects a cache made by another V8 or with other flags, and lectern then
 * compiles as usual. V8 does not check the cache's bytes, and a damaged cache
 * crashes it: the cache starts with a SHA-256 of the bundle and the cache, and
 * is used only when that matches. Code run from a cache cannot use `import()`
 * (Node loses the callback it needs), so the bundle has none: scripts/bundle.mjs
 * turns pptxgenjs's into require() and checks.
 */
export const BUNDLE = fileURLToPath(new URL('../bundle/lectern.cjs', import.meta.url));
const CODE_CACHE = `${BUNDLE}.v8cache`;
const DIGEST_BYTES = 32;

let loaded: { lectern: typeof Lectern; script: vm.Script; bundle: Buffer; fromCache: boolean } | undefined;

/** lectern's bundle, loaded once per thread. */
export function loadLectern(): typeof Lectern {
  if (loaded) return loaded.lectern;
  const bundle = readFileSync(BUNDLE);
  const cachedData = codeCacheFor(bundle);
  // The bundle is ASCII (scripts/bundle.mjs sees to it): as latin1 it is copied, not decoded.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${bundle.toString('latin1')}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  loaded = { lectern: module.exports as typeof Lectern, script, bundle, fromCache: cachedData !== undefined && !script.cachedDataRejected };
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
  writeFileSync(CODE_CACHE, Buffer.concat([digest(loaded.bundle, data), data]));
}

/** The saved code cache, when there is one and it was made for this bundle and is whole. */
function codeCacheFor(bundle: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
  const data = file.subarray(DIGEST_BYTES);
  return digest(bundle, data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

function digest(bundle: Buffer, data: Buffer): Buffer {
  return createHash('sha256').update(bundle).update(data).digest();
}
