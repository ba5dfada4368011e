import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './pptx.js';

/** LibreOffice's soffice on the PATH of the test run, if installed. */
export const SOFFICE = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

/**
 * A PATH with every program of this one except LibreOffice's: a folder of links to
 * them. (soffice is a shell script that needs dirname, sed and the like, which on
 * merged-/usr systems share its folder, /usr/bin, with node.)
 */
export function pathWithoutLibreOffice(): string {
  const dir = tempDir('lectern-path-');
  const linked = new Set<string>();
  for (const folder of (process.env.PATH ?? '').split(path.delimiter).filter((f) => existsSync(f))) {
    for (const name of readdirSync(folder)) {
      if (/^(soffice|libreoffice|localc|loimpress|lowriter)$/.test(name) || linked.has(name)) continue;
      linked.add(name);
      symlinkSync(path.join(folder, name), path.join(dir, name));
    }
  }
  return dir;
}

/** How many pages a PDF written by LibreOffice has (its page objects are not compressed). */
export function pdfPages(file: string): number {
  return (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}
