import { existsSync } from 'node:fs';
import path from 'node:path';
import { fail, type SourcePosition } from '../diagnostics.js';

/** Resolves the files a deck names (pictures, data) and keeps them inside its project. */
export class PathResolver {
  /** The project folder: files outside it are refused unless `allowOutside`. */
  readonly root: string;
  constructor(
    readonly deckFile: string,
    readonly allowOutside = false,
    cwd = process.cwd(),
    /** Collects every file resolved: what the deck depends on. */
    readonly used = new Set<string>(),
  ) {
    this.root = projectRoot(path.dirname(path.resolve(deckFile)), path.resolve(cwd));
  }

  /** The absolute path of `ref`, relative to the deck's folder. */
  resolve(ref: string, at: SourcePosition): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith('//')) {
      throw fail(
        'path/remote',
        `"${ref}" is a web address; lectern does not download files. Save it in the project folder and use its path`,
        at,
      );
    }
    const file = path.resolve(path.dirname(path.resolve(this.deckFile)), decodeURI(ref));
    const relative = path.relative(this.root, file);
    if (!this.allowOutside && (relative.startsWith('..') || path.isAbsolute(relative))) {
      throw fail(
        'path/outside-project',
        `"${ref}" is outside the project folder ${this.root}; copy it into the project, or build with --allow-outside`,
        at,
      );
    }
    this.used.add(file);
    return file;
  }
}

/**
 * The project a deck belongs to: the current folder when the deck is inside it,
 * else the nearest folder above the deck that holds `content/` or `templates/`,
 * else the deck's own folder.
 */
export function projectRoot(deckDir: string, cwd: string): string {
  if (!path.relative(cwd, deckDir).startsWith('..') && !path.isAbsolute(path.relative(cwd, deckDir))) return cwd;
  for (let dir = deckDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'content')) || existsSync(path.join(dir, 'templates'))) return dir;
    if (path.dirname(dir) === dir) return deckDir;
  }
}
