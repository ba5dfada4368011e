import YAML from 'yaml';
import type { Block } from '../blocks.js';

/** Marp's local directives (a `_` before one makes it apply to its own slide only) and global ones. */
export const MARP_LOCAL = [
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
] as const;
export const MARP_GLOBAL = ['theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'title', 'author', 'description'] as const;

const KNOWN = new Set<string>([...MARP_LOCAL, ...MARP_LOCAL.map((k) => `_${k}`), ...MARP_GLOBAL]);
const KEY_LINE = /^\s*(_?[a-zA-Z]+)\s*:/;

/**
 * The directives of an HTML comment: Marp's (`_class: lead`, or several lines
 * of them), lectern's `incremental` (the next list appears an item a click) and
 * `pause`. Undefined when the comment is anything else (a speaker note).
 */
export function commentDirectives(inner: string, line: number): Block[] | undefined {
  if (inner === 'incremental') return [{ kind: 'directive', name: 'incremental', value: 'true', line }];
  if (inner === 'pause') return [{ kind: 'pause', line }];
  const lines = inner.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0 || !lines.every((l) => KNOWN.has(KEY_LINE.exec(l)?.[1] ?? ''))) return undefined;
  let values: unknown;
  try {
    values = YAML.parse(inner);
  } catch {
    return undefined;
  }
  if (!values || typeof values !== 'object') return undefined;
  return Object.entries(values as Record<string, unknown>).map(([name, value]) => ({
    kind: 'directive' as const,
    name,
    value: value === null || value === undefined ? '' : String(value),
    line,
  }));
}
