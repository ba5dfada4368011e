import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of lectern's own package.json: where the shipped templates and
 * starters are, however the code is laid out (compiled files or a bundle).
 */
export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The templates that ship with lectern. */
export const SHIPPED_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'lectern') return d;
    if (path.dirname(d) === d) throw new Error(`lectern's package.json was not found above ${dir}`);
  }
}
