import { crc32 } from 'node:zlib';
import type { PackablePart } from './packer.js';

/** A package's media parts: pictures, and their SVG originals. */
export const MEDIA_PART = /^ppt\/media\//;

/**
 * Keeps one copy of each picture in a package. pptxgenjs writes a copy of a
 * picture for every slide or layout that shows it; parts with the same bytes
 * after the first are dropped, and relationships to them are to be pointed at
 * the first (`moved`).
 */
export class MediaDedupe {
  private readonly kept = new Map<string, PackablePart[]>();
  /** Each dropped part → the part with the same bytes that is kept. */
  readonly moved = new Map<string, string>();

  /** Whether to keep `entry`: false if a part with the same bytes came before it. */
  keep(entry: PackablePart): boolean {
    const content = 'text' in entry ? Buffer.from(entry.text) : entry.data;
    const key = `${crc32(content)}:${content.length}`;
    const candidates = this.kept.get(key) ?? [];
    const same = candidates.find((c) => Buffer.compare('text' in c ? Buffer.from(c.text) : c.data, content) === 0);
    if (same && same.name !== entry.name) {
      this.moved.set(entry.name, same.name);
      return false;
    }
    if (!same) this.kept.set(key, [...candidates, entry]);
    return true;
  }
}
