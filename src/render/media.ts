import type { PackedEntry } from './zip.js';

/** A package's media parts: pictures, and their SVG originals. */
export const MEDIA_PART = /^ppt\/media\//;

/**
 * Keeps one copy of each picture in a package. pptxgenjs writes a copy of a
 * picture for every slide or layout that shows it; parts with the same bytes
 * after the first are dropped, and relationships to them are to be pointed at
 * the first (`moved`). Entries are compared packed: deflating is deterministic
 * and inflating a function, so equal packed bytes are equal contents.
 */
export class MediaDedupe {
  private readonly kept = new Map<string, PackedEntry[]>();
  /** Each dropped part → the part with the same bytes that is kept. */
  readonly moved = new Map<string, string>();

  /** Whether to keep `entry`: false if a part with the same bytes came before it. */
  keep(entry: PackedEntry): boolean {
    const key = `${entry.crc}:${entry.size}:${entry.method}`;
    const candidates = this.kept.get(key) ?? [];
    const same = candidates.find((c) => Buffer.compare(c.data, entry.data) === 0);
    if (same && same.name !== entry.name) {
      this.moved.set(entry.name, same.name);
      return false;
    }
    if (!same) this.kept.set(key, [...candidates, entry]);
    return true;
  }
}
