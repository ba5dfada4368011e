import YAML from 'yaml';
import { parsePattern, type DatePattern, type NumberPattern } from '../data/cellFormat.js';
import type { DataEntry, Dataset } from '../data/datasets.js';
import { transformDataset, type Transformed } from '../data/transform.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { isKeyLine } from '../yamlKeys.js';
import { yamlReason } from '../yamlErrors.js';

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
      throw fail(`${kind}/yaml`, `${kind}: the ${kind} spec is not valid YAML: ${yamlReason(e)}`, {
        file,
        line: line + (pos?.line ?? 1),
        column: pos?.col,
      });
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

  /** A key holding one number, e.g. `min: 50`. */
  number(key: string): number | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.error('type', `"${key}" must be a number, e.g. "${key}: 0"`, key);
    return v;
  }

  /** The dataset named by `data:` after the spec's `filter:`, `group:`/`aggregate:`, `sort:` and `limit:`. */
  transformed(datasets: Map<string, DataEntry>): Transformed {
    return transformDataset(this.dataset(datasets), this);
  }

  /**
   * `format:` as patterns by column: a mapping `{final: "0.0", share: "0%"}`, or one
   * pattern for every number column. Columns the transforms made bring their own.
   */
  formats(dataset: Transformed, numeric: (column: string) => boolean): Map<string, NumberPattern | DatePattern> {
    const raw = this.values.format;
    const wanted: [string, unknown][] =
      raw === undefined || raw === null
        ? []
        : typeof raw === 'object' && !Array.isArray(raw)
          ? Object.entries(raw)
          : dataset.columns.filter(numeric).map((c) => [c, raw]);
    const out = new Map<string, NumberPattern | DatePattern>();
    for (const [column, pattern] of Object.entries(dataset.formats)) out.set(column, parsePattern(pattern)!);
    for (const [column, pattern] of wanted) {
      this.column(dataset, column, 'format');
      const parsed = typeof pattern === 'string' ? parsePattern(pattern) : undefined;
      if (!parsed)
        throw this.error(
          'format',
          `the format "${String(pattern)}" of column "${column}" is not a number or date pattern; use e.g. "0.0", "#,##0", "0%" or "dd.mm.yyyy"`,
          'format',
        );
      out.set(column, parsed);
    }
    return out;
  }
}

export { decimalsOf } from '../data/cellFormat.js';
