import YAML from 'yaml';
import type { DataEntry, Dataset } from '../data/datasets.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { isKeyLine } from '../yamlKeys.js';

export { formatNumber } from '../format.js';

/** A YAML spec from a ```chart or ```table fence, with positions for messages. */
export class FenceSpec {
  readonly values: Record<string, unknown>;
  private readonly lines: string[];

  /** `line` is the deck line of the opening fence. */
  constructor(
    readonly kind: 'chart' | 'table',
    yaml: string,
    readonly file: string,
    readonly line: number,
    allowed: readonly string[],
  ) {
    this.lines = yaml.split('\n');
    const doc = YAML.parseDocument(yaml);
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      throw fail(
        `${kind}/yaml`,
        `${kind}: the ${kind} spec is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        {
          file,
          line: line + (pos?.line ?? 1),
          column: pos?.col,
        },
      );
    }
    const values: unknown = doc.toJS();
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      throw fail(`${kind}/yaml`, `${kind}: the ${kind} spec must be "key: value" lines, e.g. "data: results"`, { file, line: line + 1 });
    }
    this.values = values as Record<string, unknown>;
    for (const key of Object.keys(this.values)) {
      if (!allowed.includes(key))
        throw this.error('unknown-key', `unknown key "${key}"${didYouMean(key, allowed)}; use ${allowed.join(', ')}`, key);
    }
  }

  /** The deck position of `key`'s line, or of the fence. */
  at(key?: string): SourcePosition {
    if (key !== undefined) {
      const index = this.lines.findIndex((l) => isKeyLine(l, key));
      if (index >= 0) return { file: this.file, line: this.line + 1 + index, column: this.lines[index].indexOf(key) + 1 };
    }
    return { file: this.file, line: this.line };
  }

  error(rule: string, message: string, key?: string) {
    return fail(`${this.kind}/${rule}`, `${this.kind}: ${message}`, this.at(key));
  }

  string(key: string): string | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'object') throw this.error('type', `"${key}" must be text`, key);
    return String(v);
  }

  /** The dataset named by `data:`, checked to exist and to be a table. */
  dataset(datasets: Map<string, DataEntry>): Dataset {
    const name = this.string('data');
    if (name === undefined)
      throw this.error(
        'no-data',
        `name a dataset with "data: <name>" (datasets: ${[...datasets.keys()].join(', ') || 'none; add one under "data:" in the front matter'})`,
      );
    const entry = datasets.get(name);
    if (!entry) {
      const known = [...datasets.keys()];
      throw this.error(
        'unknown-dataset',
        `there is no dataset "${name}"${didYouMean(name, known)}; ${known.length ? `datasets: ${known.join(', ')}` : 'add it under "data:" in the front matter'}`,
        'data',
      );
    }
    if (entry.kind !== 'table') throw this.error('not-a-table', `dataset "${name}" is a single value, not a table of records`, 'data');
    return entry.dataset;
  }

  /** Checks that `column` is a column of `dataset`. */
  column(dataset: Dataset, column: string, key: string): string {
    if (!dataset.columns.includes(column)) {
      throw this.error(
        'unknown-column',
        `dataset "${dataset.name}" has no column "${column}"${didYouMean(column, dataset.columns)} (columns: ${dataset.columns.join(', ')})`,
        key,
      );
    }
    return column;
  }

  /** `sort: -votes` / `sort: votes desc` → the column and direction. */
  sort(dataset: Dataset): { column: string; descending: boolean } | undefined {
    const raw = this.string('sort');
    if (raw === undefined) return undefined;
    const m = /^(-)?\s*([^\s]+?)(?:\s+(asc|desc))?$/.exec(raw.trim());
    if (!m)
      throw this.error('sort', `"sort" must be a column name, optionally with a leading "-" or a trailing "desc", not "${raw}"`, 'sort');
    return { column: this.column(dataset, m[2], 'sort'), descending: m[1] === '-' || m[3] === 'desc' };
  }

  /** A key holding one number, e.g. `min: 50`. */
  number(key: string): number | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.error('type', `"${key}" must be a number, e.g. "${key}: 0"`, key);
    return v;
  }

  limit(): number | undefined {
    const v = this.values.limit;
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw this.error('limit', '"limit" must be a whole number of rows, e.g. "limit: 5"', 'limit');
    return v;
  }
}

/** Records sorted and cut as a spec's `sort:` and `limit:` ask. */
export function selectRecords<T extends Record<string, unknown>>(
  records: T[],
  sort: { column: string; descending: boolean } | undefined,
  limit: number | undefined,
): T[] {
  let out = records;
  if (sort) {
    const dir = sort.descending ? -1 : 1;
    out = [...records].sort((a, b) => dir * compareValues(a[sort.column], b[sort.column]));
  }
  return limit === undefined ? out : out.slice(0, limit);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The most decimal places any of `values` has (at most three), so a column of numbers reads alike. */
export function decimalsOf(values: number[]): number {
  let most = 0;
  for (const v of values) {
    if (most === 3) break;
    if (!Number.isInteger(v)) most = Math.max(most, Math.min(3, String(v).split('.')[1]?.length ?? 0));
  }
  return most;
}
