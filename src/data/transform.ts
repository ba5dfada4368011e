import path from 'node:path';
import { withoutNoise } from '../format.js';
import { didYouMean } from '../suggest.js';
import { decimalCommaHint } from './csv.js';
import { recordPosition, type DataRecord, type Dataset, type Value } from './datasets.js';
import { compileRecordTest, ExpressionError } from './expression.js';

/** The keys of a ```table or ```chart spec that transform its data, in the order they apply. */
export const TRANSFORM_KEYS = ['filter', 'group', 'aggregate', 'sort', 'limit'] as const;

/** What the transforms need from a spec: its values, and errors at a key's line. */
export interface SpecReader {
  readonly values: Record<string, unknown>;
  error(rule: string, message: string, key?: string): Error;
}

/** A dataset after `filter:`, `group:` with `aggregate:`, `sort:` and `limit:`, with display formats for columns it made. */
export interface Transformed extends Dataset {
  /** Format patterns for columns the transforms made (`share()` is a percentage). */
  formats: Record<string, string>;
}

type Reducer = (values: number[]) => number;

/** Aggregate functions over a group's numbers, by name. `share` is the group's part of the column's total. */
const AGGREGATES: Record<string, Reducer> = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  mean: (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN),
  median: (v) => {
    const s = [...v].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  },
  min: (v) => v.reduce((a, b) => (b < a ? b : a), Infinity),
  max: (v) => v.reduce((a, b) => (b > a ? b : a), -Infinity),
  share: (v) => v.reduce((a, b) => a + b, 0),
};

/** One `aggregate:` entry: the column it makes, the function, and the column it reads (none for count). */
interface Aggregate {
  name: string;
  fn: string;
  column?: string;
}

/** Applies a spec's transforms to `dataset`, in order: filter, group and aggregate, sort, limit. */
export function transformDataset(dataset: Dataset, spec: SpecReader): Transformed {
  let columns = dataset.columns;
  let records = dataset.records;
  const formats: Record<string, string> = {};
  const column = (name: string, key: string) => checkColumn(spec, dataset.name, columns, name, key);

  const filter = spec.values.filter;
  if (filter !== undefined && filter !== null) {
    const expression = typeof filter === 'string' ? filter : String(filter);
    if (records.length === 0) throw spec.error('empty', `dataset "${dataset.name}" has no rows to filter`, 'data');
    records = records.filter(recordTest(spec, dataset, expression, 'filter'));
    if (records.length === 0)
      throw spec.error('empty-filter', `the filter "${expression}" leaves no rows of dataset "${dataset.name}"; loosen it`, 'filter');
  }

  const groupRaw = spec.values.group;
  if (spec.values.aggregate !== undefined && groupRaw === undefined)
    throw spec.error('aggregate', '"aggregate" needs "group: <column>" to say which rows go together', 'aggregate');
  if (groupRaw !== undefined) {
    const keys = listOf(spec, groupRaw, 'group').map((g) => column(g, 'group'));
    const aggregates = aggregatesOf(spec, columns, dataset.name);
    for (const a of aggregates) if (a.column) checkNumeric(spec, dataset, records, a);
    const groups = new Map<string, DataRecord[]>();
    for (const r of records) {
      const id = JSON.stringify(keys.map((k) => valueKey(r[k])));
      const list = groups.get(id);
      if (list) list.push(r);
      else groups.set(id, [r]);
    }
    const totals = new Map(aggregates.filter((a) => a.fn === 'share').map((a) => [a.name, AGGREGATES.sum(numbersOf(records, a.column!))]));
    records = [...groups.values()].map((rows) => {
      const out: DataRecord = Object.fromEntries(keys.map((k) => [k, rows[0][k]]));
      for (const a of aggregates) {
        const value = a.fn === 'count' ? rows.length : AGGREGATES[a.fn](numbersOf(rows, a.column!));
        const result = a.fn === 'share' ? value / (totals.get(a.name) || NaN) : value;
        // Sums of decimals carry binary noise (390.09999999999997), which would show as decimals no one wrote.
        out[a.name] = Number.isFinite(result) ? withoutNoise(result) : null;
      }
      return out;
    });
    for (const a of aggregates) if (a.fn === 'share') formats[a.name] = '0.0%';
    columns = [...keys, ...aggregates.map((a) => a.name)];
  }

  const sortRaw = spec.values.sort;
  if (sortRaw !== undefined && sortRaw !== null) {
    const orders = listOf(spec, sortRaw, 'sort').map((s) => {
      const m = /^(-)?\s*(.+?)(?:\s+(asc|desc))?$/.exec(s.trim());
      if (!m) throw spec.error('sort', `"sort" must be column names, each with an optional leading "-" for descending, not "${s}"`, 'sort');
      return { column: column(m[2], 'sort'), direction: m[1] === '-' || m[3] === 'desc' ? -1 : 1 };
    });
    records = [...records].sort((a, b) => {
      for (const o of orders) {
        const c = compareValues(a[o.column], b[o.column]);
        if (c !== 0) return o.direction * c;
      }
      return 0;
    });
  }

  const limit = spec.values.limit;
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
      throw spec.error('limit', '"limit" must be a whole number of rows, e.g. "limit: 5"', 'limit');
    records = records.slice(0, limit);
  }
  const original = dataset.rowLine;
  // A record kept from the file keeps its line; a group's record has none.
  const rowLine =
    original &&
    ((index: number) => {
      const at = dataset.records.indexOf(records[index]);
      return at < 0 ? undefined : original(at);
    });
  return { ...dataset, columns, records, formats, rowLine };
}

/**
 * A `filter:` or `highlight:` expression as a test of records. Faults are errors at
 * `key`: a column that does not exist (with the closest name), an expression that
 * does not parse, or one that fails on a row (named by its line in the data file).
 */
export function recordTest(spec: SpecReader, dataset: Dataset, expression: string, key: string): (record: DataRecord) => boolean {
  let test: (record: DataRecord) => boolean;
  try {
    test = compileRecordTest(expression, dataset.columns);
  } catch (error) {
    throw spec.error('expression', `${key}: ${(error as Error).message}`, key);
  }
  return (record) => {
    try {
      return test(record);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const where = error.column ? ` (columns: ${dataset.columns.join(', ')})` : ` on ${rowName(dataset, record)}`;
      throw spec.error(error.column ? 'unknown-column' : 'expression', `${key} "${expression}": ${error.message}${where}`, key);
    }
  };
}

function checkColumn(spec: SpecReader, dataset: string, columns: string[], name: string, key: string): string {
  if (!columns.includes(name))
    throw spec.error(
      'unknown-column',
      `dataset "${dataset}" has no column "${name}"${didYouMean(name, columns)} (columns: ${columns.join(', ')})`,
      key,
    );
  return name;
}

/** `aggregate: {students: count, average: mean(final)}` or `[count, mean(final)]` (named `count`, `mean_final`). */
function aggregatesOf(spec: SpecReader, columns: string[], dataset: string): Aggregate[] {
  const raw = spec.values.aggregate ?? ['count'];
  const entries: [string | undefined, unknown][] = Array.isArray(raw)
    ? raw.map((v) => (typeof v === 'object' && v !== null ? (Object.entries(v)[0] as [string, unknown]) : [undefined, v]))
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
      : [[undefined, raw]];
  const names = Object.keys(AGGREGATES).concat('count');
  return entries.map(([name, value]) => {
    const text = String(value).trim();
    const m = /^([a-z]+)\s*(?:\(\s*(.*?)\s*\))?$/i.exec(text);
    const fn = m?.[1].toLowerCase();
    if (!m || !fn || !names.includes(fn))
      throw spec.error(
        'aggregate',
        `unknown aggregate "${text}"${didYouMean(m?.[1] ?? text, names)}; use count, sum(column), mean(column), median(column), min(column), max(column) or share(column)`,
        'aggregate',
      );
    const column = m[2] === undefined || m[2] === '' ? undefined : m[2].replace(/^'(.*)'$/, '$1');
    if (fn !== 'count' && column === undefined) throw spec.error('aggregate', `"${fn}" needs a column, e.g. ${fn}(final)`, 'aggregate');
    if (column !== undefined) checkColumn(spec, dataset, columns, column, 'aggregate');
    return { name: name ?? (column ? `${fn}_${column}` : fn), fn, column };
  });
}

/** An aggregate of a column of text is an error naming the first row that holds text. */
function checkNumeric(spec: SpecReader, dataset: Dataset, records: DataRecord[], a: Aggregate): void {
  const dates = a.fn === 'min' || a.fn === 'max';
  const bad = records.find((r) => {
    const v = r[a.column!];
    return v !== null && typeof v !== 'number' && !(dates && v instanceof Date);
  });
  if (bad)
    throw spec.error(
      'not-numeric',
      `${a.fn}(${a.column}) needs numbers, but column "${a.column}" of dataset "${dataset.name}" holds text ("${String(bad[a.column!])}" on ${rowName(dataset, bad)})${decimalCommaHint(bad[a.column!], dataset.name)}`,
      'aggregate',
    );
}

function numbersOf(records: DataRecord[], column: string): number[] {
  const out: number[] = [];
  for (const r of records) {
    const v = r[column];
    if (typeof v === 'number') out.push(v);
    else if (v instanceof Date) out.push(v.getTime());
  }
  return out;
}

function listOf(spec: SpecReader, raw: unknown, key: string): string[] {
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' || typeof v === 'number')) return raw.map(String);
  throw spec.error(key, `"${key}" must be a column name or a list of them, e.g. "${key}: [grade]"`, key);
}

/** Where a record was written, for messages: its line of the data file, else its row number. */
function rowName(dataset: Dataset, record: DataRecord): string {
  const at = recordPosition(dataset, record);
  return at === dataset.origin ? `row ${dataset.records.indexOf(record) + 1}` : `line ${at.line} of ${path.basename(at.file)}`;
}

function valueKey(v: Value): string | number | boolean | null {
  return v instanceof Date ? v.toISOString() : v;
}

/** Orders values: numbers and dates by size, text as people sort it, empty last. */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return String(a).localeCompare(String(b));
}
