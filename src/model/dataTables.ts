import { formatValue, type DatePattern, type NumberPattern } from '../data/cellFormat.js';
import type { DataEntry, DataRecord, Value } from '../data/datasets.js';
import type { Transformed } from '../data/transform.js';
import { recordTest, TRANSFORM_KEYS } from '../data/transform.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { runsText, type Align, type DataTableBlock, type Run } from '../content/blocks.js';
import { describeTable, humanize } from './dataText.js';
import { FenceSpec, decimalsOf } from './dataSpec.js';

/** How a body row of a results table stands out: a `highlight:` row, or the totals row. */
export type RowStyle = 'highlight' | 'total';

/** A results table before it is placed: header, rows and alignment. */
export interface TableContent {
  header: Run[][];
  rows: Run[][][];
  align: Align[];
  source?: string;
  /** Column widths as fractions of the content area's width, fixed when a table is split over slides. */
  fractions?: number[];
  /** Rows that stand out, by row (kept when the table is split over slides). */
  rowStyles?: Map<Run[][], RowStyle>;
  /** The table's description for screen readers, from its data. */
  altText?: string;
}

const KEYS = ['data', 'columns', ...TRANSFORM_KEYS, 'format', 'total', 'highlight', 'source'] as const;

/** How a `total:` column is summed up. */
const TOTALS: Record<string, (values: number[]) => number> = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  mean: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  min: (v) => v.reduce((a, b) => (b < a ? b : a)),
  max: (v) => v.reduce((a, b) => (b > a ? b : a)),
  count: (v) => v.length,
};

interface Column {
  name: string;
  label: string;
  numeric: boolean;
  pattern?: NumberPattern | DatePattern;
  decimals: number;
}

/**
 * Reads a ```table fence into a results table: the dataset after its transforms,
 * `columns:` (names, or `{column: Header}` to rename), `format:` patterns in the
 * deck's language, numbers right-aligned, an optional totals row and highlighted rows.
 */
export function tableFromBlock(
  block: DataTableBlock,
  file: string,
  datasets: Map<string, DataEntry>,
  messages: Messages = messagesFor('en'),
): TableContent {
  const { lang } = messages;
  const spec = new FenceSpec('table', block.yaml, file, block.line, KEYS);
  const dataset = spec.transformed(datasets);
  const records = dataset.records;
  const isNumeric = (c: string) =>
    records.some((r) => typeof r[c] === 'number') && records.every((r) => r[c] === null || typeof r[c] === 'number');
  const patterns = spec.formats(dataset, isNumeric);
  const rawColumns = spec.values.columns ?? dataset.columns;
  if (!Array.isArray(rawColumns)) throw spec.error('columns', '"columns" must be a list, e.g. [candidate, votes]', 'columns');
  const columns: Column[] = rawColumns.map((c: unknown) => {
    const [raw, label] = typeof c === 'object' && c !== null ? (Object.entries(c)[0] ?? ['', '']) : [String(c), undefined];
    const name = spec.column(dataset, String(raw), 'columns');
    return {
      name,
      label: label === undefined ? humanize(name) : String(label),
      numeric: isNumeric(name),
      pattern: patterns.get(name),
      decimals: decimalsOf(records.map((r) => r[name]).filter((v): v is number => typeof v === 'number')),
    };
  });
  const cell = (c: Column, v: Value): Run[] => [{ text: formatValue(v, c.pattern, c.decimals, lang) }];
  const rows = records.map((r) => columns.map((c) => cell(c, r[c.name])));
  const rowStyles = new Map<Run[][], RowStyle>();
  const highlight = spec.string('highlight');
  if (highlight !== undefined) {
    const test = recordTest(spec, dataset, highlight, 'highlight');
    records.forEach((r, i) => test(r) && rowStyles.set(rows[i], 'highlight'));
  }
  const body = rows.map((row) => row.map(runsText));
  const total = totalRow(spec, dataset, columns, records);
  if (total) {
    const row = columns.map((c, i) => {
      const v = total[c.name];
      return i === 0 && v === undefined
        ? [{ text: messages.text('total'), bold: true }]
        : cell(c, v ?? null).map((r) => ({ ...r, bold: true }));
    });
    rows.push(row);
    rowStyles.set(row, 'total');
  }
  return {
    header: columns.map((c) => [{ text: c.label }]),
    rows,
    align: columns.map((c) => (c.numeric ? 'right' : 'left')),
    source: spec.string('source'),
    ...(rowStyles.size ? { rowStyles } : {}),
    altText: describeTable(
      columns.map((c) => c.label),
      body,
      total ? rows[rows.length - 1].map(runsText) : undefined,
      messages,
    ),
  };
}

/** `total: [votes]` (sums), `total: {final: mean, votes: sum}` or `total: true` (every number column): the totals row's values. */
function totalRow(spec: FenceSpec, dataset: Transformed, columns: Column[], records: DataRecord[]): Record<string, number> | undefined {
  const raw = spec.values.total;
  if (raw === undefined || raw === null || raw === false) return undefined;
  const wanted: [string, unknown][] =
    raw === true
      ? columns.filter((c) => c.numeric).map((c) => [c.name, 'sum'])
      : Array.isArray(raw)
        ? raw.map((c) => (typeof c === 'object' && c !== null ? (Object.entries(c)[0] as [string, unknown]) : [String(c), 'sum']))
        : typeof raw === 'object'
          ? Object.entries(raw)
          : [[String(raw), 'sum']];
  const out: Record<string, number> = {};
  for (const [name, how] of wanted) {
    spec.column(dataset, name, 'total');
    const fn = TOTALS[String(how)];
    if (!fn) throw spec.error('total', `"${String(how)}" is not a total; use ${Object.keys(TOTALS).join(', ')}`, 'total');
    if (!columns.some((c) => c.name === name)) throw spec.error('total', `the total of "${name}" needs the column in "columns"`, 'total');
    const values = records.map((r) => r[name]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0 || !columns.find((c) => c.name === name)!.numeric)
      throw spec.error('not-numeric', `the total of column "${name}" needs numbers, but it holds text`, 'total');
    out[name] = fn(values);
  }
  return out;
}
