import * as fs from 'node:fs';
import path from 'node:path';
import { fail } from '../diagnostics.js';
import { describeFsError, errnoOf } from '../input/fsErrors.js';

/** The file-system calls writeFileAtomic makes; tests pass their own to produce faults a real disk will not. */
export type WriteFs = Pick<typeof fs, 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'readdirSync' | 'statSync'>;

/** Every temporary file or folder lectern makes starts so, with the process id: `.lectern-<pid>-...`. */
export const TEMP_PREFIX = '.lectern-';
const TEMP_NAME = /^\.lectern-(\d+)-/;
/** A temporary file older than this is stale even if a process with its id runs. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
let counter = 0;
const swept = new Set<string>();

/** A temporary name in `dir` that this process owns and a later run recognises: `.lectern-<pid>-<n>-<label>`. */
export function tempName(dir: string, label: string): string {
  return path.join(dir, `${TEMP_PREFIX}${process.pid}-${Date.now().toString(36)}${(counter++).toString(36)}-${label}`);
}

/**
 * Writes a file so that readers see the old file or the whole new one, never
 * a part: the bytes go to a temporary file beside it, which is then renamed.
 * A failure is a diagnostic naming the path and what to do; the temporary file
 * is removed, the old file left as it was.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array, io: WriteFs = fs): void {
  const dir = path.dirname(file);
  try {
    makeFolders(dir, io);
  } catch (error) {
    const code = errnoOf(error);
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file of that name is in the way; name a folder with -o, or move that file'
        : describeFsError(error, 'write');
    throw fail('output/folder', `cannot create the output folder: ${reason}`, { file: dir });
  }
  removeStaleTemps(dir, io);
  const temp = tempName(dir, path.basename(file));
  try {
    io.writeFileSync(temp, bytes, { flag: 'wx' });
    io.renameSync(temp, file);
  } catch (error) {
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // The stale-file sweep of a later run removes it.
    }
    throw fail('output/unwritable', `cannot write the file: ${describeFsError(error, 'write')}`, { file });
  }
}

/**
 * Makes `dir` and the folders above it that are missing, one at a time: Node's
 * recursive mkdir never returns where a file system refuses every new folder
 * with ENOENT (`-o /proc/x`).
 */
function makeFolders(dir: string, io: WriteFs): void {
  const missing: string[] = [];
  let d = dir;
  for (let stat = io.statSync(d, { throwIfNoEntry: false }); !stat; stat = io.statSync(d, { throwIfNoEntry: false })) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
    d = path.dirname(d);
  }
  if (io.statSync(d, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: d });
  }
  for (const folder of missing) {
    try {
      io.mkdirSync(folder);
    } catch (error) {
      // Another deck of the batch, on another thread, made it first.
      if (errnoOf(error) !== 'EEXIST' || !io.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw error;
    }
  }
}

/**
 * Removes, once per folder and run, the `.lectern-<pid>-*` files and folders a
 * killed run left in `dir`: those of processes no longer running, or a day old.
 */
export function removeStaleTemps(dir: string, io: WriteFs = fs): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let entries: string[];
  try {
    entries = io.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = TEMP_NAME.exec(entry)?.[1];
    if (pid === undefined) continue;
    const full = path.join(dir, entry);
    try {
      if (isRunning(Number(pid)) && Date.now() - io.statSync(full).mtimeMs < STALE_AFTER_MS) continue;
      io.rmSync(full, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}
