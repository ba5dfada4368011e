import { readdirSync, statSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import path from 'node:path';

/** One folder's watcher, and which folder it was: a folder deleted and made again is another folder. */
interface Watched {
  watcher: FSWatcher;
  identity: string;
  /** Set when the watcher may have stopped seeing changes: the folder was deleted, renamed or the watcher failed. */
  stale: boolean;
}

/**
 * Watches folders and all their subfolders with one node:fs watcher per folder, and
 * keeps watching through what ends a watcher on Linux: a folder deleted and made
 * again is watched again, and a folder that is missing is waited for by watching the
 * nearest folder above it. Reports every path that may have changed to `changed`,
 * including the contents of a folder that appears while watching, whose files may
 * be written before its watcher starts.
 */
export class FolderWatcher {
  private readonly watched = new Map<string, Watched>();
  private roots = new Set<string>();
  private readonly unwatchable = new Set<string>();

  constructor(
    private readonly changed: (file: string) => void,
    private readonly options: {
      /** Folders (below a root) not to watch. */
      skip: (dir: string) => boolean;
      /** A folder that cannot be watched (no permission, the system's limit on watchers): told once. */
      cannotWatch: (dir: string, error: Error) => void;
    },
  ) {}

  /** Watches exactly these folders and their subfolders from now on; folders already there are not reported. */
  watch(roots: Iterable<string>): void {
    const next = new Set(roots);
    const added = new Set([...next].filter((root) => !this.roots.has(root)));
    this.roots = next;
    this.sync(added);
  }

  /**
   * Brings the watchers up to date with the folders on disk: watches new and remade
   * folders (reporting what they hold), drops watchers of folders that are gone.
   */
  sync(quiet: ReadonlySet<string> = new Set()): void {
    const needed = new Set<string>();
    for (const root of this.roots) {
      this.walk(root, quiet.has(root), needed);
      if (needed.has(root)) continue;
      // Missing: watch the nearest folder above, then look again in case it appeared meanwhile.
      let above = path.dirname(root);
      while (!folderStats(above) && path.dirname(above) !== above) above = path.dirname(above);
      if (!needed.has(above)) this.ensure(above, needed);
      this.walk(root, false, needed);
    }
    for (const [dir, { watcher }] of this.watched) {
      if (needed.has(dir)) continue;
      watcher.close();
      this.watched.delete(dir);
      // A folder that was watched and is gone now: whatever depended on what was in it has changed.
      if (!folderStats(dir)) this.changed(dir);
    }
  }

  /** Stops watching. */
  close(): void {
    for (const { watcher } of this.watched.values()) watcher.close();
    this.watched.clear();
    this.roots.clear();
  }

  private walk(dir: string, quiet: boolean, needed: Set<string>): void {
    if (needed.has(dir)) return;
    const state = this.ensure(dir, needed);
    if (!state) return;
    // A folder new or made again: its files may have been written before its watcher started.
    const report = state !== 'kept' && !quiet;
    if (report && state === 'restarted') this.changed(dir);
    for (const entry of entries(dir)) {
      const file = path.join(dir, entry.name);
      if (report) this.changed(file);
      if (entry.isDirectory() && !this.options.skip(file)) this.walk(file, quiet, needed);
    }
  }

  /** Makes sure `dir` has a live watcher: kept as it was, started, or restarted; undefined if it cannot be watched. */
  private ensure(dir: string, needed: Set<string>): 'kept' | 'started' | 'restarted' | undefined {
    const stats = folderStats(dir);
    const known = this.watched.get(dir);
    if (known && !known.stale && known.identity === identity(stats)) {
      needed.add(dir);
      return 'kept';
    }
    known?.watcher.close();
    this.watched.delete(dir);
    if (!stats) return undefined;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        // A watcher reports its own folder's deletion or renaming under the folder's name, then stops.
        if (!name || name.toString() === path.basename(dir)) entry.stale = true;
        this.changed(name ? path.join(dir, name.toString()) : dir);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !this.unwatchable.has(dir)) {
        this.unwatchable.add(dir);
        this.options.cannotWatch(dir, error as Error);
      }
      return undefined;
    }
    const entry: Watched = { watcher, identity: identity(stats), stale: false };
    watcher.on('error', () => {
      entry.stale = true;
      this.changed(dir);
    });
    this.watched.set(dir, entry);
    needed.add(dir);
    return known ? 'restarted' : 'started';
  }
}

/** The folder's stats, or undefined if it is not a folder or cannot be looked at (gone, a loop of links). */
function folderStats(dir: string): Stats | undefined {
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function identity(stats: Stats | undefined): string {
  return stats ? `${stats.dev}:${stats.ino}:${stats.birthtimeMs}` : '';
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
