import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { LecternError } from '../lecternError.js';

/** The deck files that the inputs name: files as given, folders searched for .md files, globs expanded. */
export async function findDecks(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
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
    if (!info) throw new LecternError(`"${input}" does not exist`);
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
