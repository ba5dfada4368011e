import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The config files a project may have in its root folder, in the order lectern reads them (src/config/loadConfig.ts). */
export const CONFIG_FILE_NAMES = [
  'lectern.config.json',
  'lectern.config.yaml',
  'lectern.config.yml',
  'lectern.config.js',
  'lectern.config.mjs',
];
/** What makes a folder a project's root. Each is looked up by name: a folder such as /tmp may hold thousands of entries. */
const PROJECT_MARKERS = [...CONFIG_FILE_NAMES, 'package.json', 'templates', 'content'];

/**
 * The project a deck belongs to: the nearest folder at or above the deck's
 * that holds `lectern.config.*`, `package.json`, `templates/` or `content/`
 * (the folder `lectern init` makes), else the deck's own folder. Never the
 * file-system root or the home folder, and never the folder lectern runs in
 * just because it runs there.
 */
export function projectRoot(deckDir: string): string {
  const never = new Set([path.parse(deckDir).root, homedir()].map((d) => path.resolve(d)));
  for (let dir = path.resolve(deckDir); !never.has(dir); dir = path.dirname(dir)) {
    if (holdsMarker(dir)) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return path.resolve(deckDir);
}

function holdsMarker(dir: string): boolean {
  return PROJECT_MARKERS.some((marker) => existsSync(path.join(dir, marker)));
}

/** Whether `file` is `folder` or inside it (both absolute and alike resolved). */
export function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Where `file` is with respect to `folders`: inside one of them, outside all of
 * them as written, or inside as written but a (symbolic) link to a file outside,
 * once links are followed. A file that does not exist is judged by its nearest existing folder.
 */
export function placeOf(file: string, folders: string[]): 'inside' | 'outside' | 'link-outside' {
  const written = path.resolve(file);
  if (!folders.some((folder) => isWithin(written, path.resolve(folder)))) return 'outside';
  const real = realPath(written);
  return folders.some((folder) => isWithin(real, realPath(path.resolve(folder)))) ? 'inside' : 'link-outside';
}

/** `file` with every link followed; for a path that does not exist (yet), its nearest existing folder's real path and the rest. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}
