import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { LecternError } from '../lecternError.js';
import { closest } from '../suggest.js';

/** The deck files that the inputs name: files as given, folders searched for .md files, globs expanded. */
export async function findDecks(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new LecternError(`no files match "${input}"`);
      matches
        .filter((m) => m.endsWith('.md'))
        .sort()
        .forEach((m) => found.add(m));
      continue;
    }
    const full = path.resolve(cwd, input);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new LecternError(`"${input}" does not exist${await meant(inputs.slice(index), cwd)}`);
    if (info.isDirectory()) {
      const matches = await glob('**/*.md', { cwd: full, absolute: true, ignore: ['**/node_modules/**', '**/README.md'] });
      matches.sort().forEach((m) => found.add(m));
    } else {
      found.add(full);
    }
  }
  if (found.size === 0) throw new LecternError(`no decks (.md files) found in ${inputs.join(', ')}`);
  return [...found];
}

/**
 * What a missing first input of `rest` was probably meant to be: a file name with spaces
 * the shell split into several inputs (`content/Week 3.md` unquoted), the deck without
 * its `.md`, or a name in its folder a letter away; `` when nothing is close.
 */
async function meant(rest: string[], cwd: string): Promise<string> {
  const exists = async (name: string) => (await stat(path.resolve(cwd, name)).catch(() => undefined)) !== undefined;
  for (let n = rest.length; n > 1; n--) {
    const joined = rest.slice(0, n).join(' ');
    if (await exists(joined)) return `; a name with spaces needs quotes around it: "${joined}"`;
  }
  const [input] = rest;
  if (await exists(`${input}.md`)) return ` (did you mean "${input}.md"?)`;
  const folder = path.dirname(input);
  const names = await readdir(path.resolve(cwd, folder)).catch(() => []);
  const near = closest(path.basename(input), names);
  return near ? ` (did you mean "${folder === '.' ? near : path.join(folder, near)}"?)` : '';
}
