import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../packageRoot.js';
import { CliError } from '../errors.js';

/** The files `lectern init` and `lectern new` write: `project/` is a whole project, `deck.md` a new deck. */
export const STARTERS = path.join(PACKAGE_ROOT, 'starters');

/** Every file under `dir`, by its path relative to `dir` (with `/`), with its bytes. */
export function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [name, bytes] of readTree(full, `${prefix}${entry.name}/`)) files.set(name, bytes);
    else if (entry.isFile()) files.set(`${prefix}${entry.name}`, readFileSync(full));
  }
  return files;
}

/**
 * Writes `files` (relative path → content) under `dir`, or none of them if any
 * already exists: a teacher's work is never overwritten. `otherwise` ends the
 * message that lists them, e.g. "choose another folder".
 */
export function writeNewFiles(dir: string, files: Map<string, string | Buffer>, otherwise: string): string[] {
  const targets = [...files.keys()].sort().map((name) => path.join(dir, name));
  const existing = targets.filter((file) => existsSync(file));
  if (existing.length > 0) {
    const list = existing.map((file) => `  ${shown(file)}`).join('\n');
    throw new CliError(
      `${existing.length === 1 ? 'this file already exists' : 'these files already exist'}, and lectern does not overwrite files:\n${list}\nMove or delete ${existing.length === 1 ? 'it' : 'them'} first, or ${otherwise}.`,
    );
  }
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content, { flag: 'wx' });
  }
  return targets;
}

/** A path as the teacher would type it: relative to the current folder when inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** `"Week 1: Fractions!"` → `week-1-fractions`: lower-case letters (any alphabet), digits and dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
