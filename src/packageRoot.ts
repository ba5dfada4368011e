import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const found = findPackage(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The folder of lectern's own package.json: where the shipped templates and
 * starters are, however the code is laid out (compiled files or a bundle).
 */
export const PACKAGE_ROOT = found.root;

/** The version of the running lectern, from its package.json. */
export const LECTERN_VERSION = found.version;

/** The templates that ship with lectern. */
export const SHIPPED_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

function findPackage(dir: string): { root: string; version: string } {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lectern') return { root: d, version: pkg.version ?? '0.0.0' };
    }
    if (path.dirname(d) === d) throw new Error(`lectern's package.json was not found above ${dir}`);
  }
}
