import path from 'node:path';
import { fail, type SourcePosition } from '../diagnostics.js';
import { placeOf, projectRoot } from '../input/boundary.js';

/** Resolves the files a deck names (pictures, data) and keeps them inside its project. */
export class PathResolver {
  /** The project folder (see projectRoot): files outside it are refused unless `allowOutside`. */
  readonly root: string;
  constructor(
    readonly deckFile: string,
    readonly allowOutside = false,
    /** Collects every file resolved: what the deck depends on. */
    readonly used = new Set<string>(),
  ) {
    this.root = projectRoot(path.dirname(path.resolve(deckFile)));
  }

  /**
   * The absolute path of `ref`, relative to the deck's folder. With links
   * followed, it must be inside the project, unless `allowOutside`.
   */
  resolve(ref: string, at: SourcePosition): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith('//')) {
      throw fail(
        'path/remote',
        `"${ref}" is a web address; lectern does not download files. Save it in the project folder and use its path`,
        at,
      );
    }
    const file = path.resolve(path.dirname(path.resolve(this.deckFile)), decodeReference(ref));
    this.used.add(file);
    if (this.allowOutside) return file;
    const place = placeOf(file, [this.root]);
    if (place === 'outside') {
      throw fail(
        'path/outside-project',
        `"${ref}" is outside the project folder ${this.root}; copy it into the project, or build with --allow-outside`,
        at,
      );
    }
    if (place === 'link-outside') {
      throw fail(
        'path/link-outside-project',
        `"${ref}" is a link to a file outside the project folder ${this.root}; copy the file itself into the project, or build with --allow-outside`,
        at,
      );
    }
    return file;
  }
}

/** A reference as Markdown writes it (`my%20map.png`), as the file's name; a stray `%` is taken as written. */
export function decodeReference(ref: string): string {
  try {
    return decodeURI(ref);
  } catch {
    return ref;
  }
}
