import type { DataEntry } from '../data/datasets.js';
import type { Align, DataTableBlock, Run } from '../content/blocks.js';
import { humanize } from './charts.js';
import { FenceSpec, decimalsOf, formatNumber, selectRecords } from './dataSpec.js';

/** A results table before it is placed: header, rows and alignment. */
export interface TableContent {
  header: Run[][];
  rows: Run[][][];
  align: Align[];
  source?: string;
  /** Column widths as fractions of the table's width, fixed when a table is split over slides. */
  fractions?: number[];
}

const KEYS = ['data', 'columns', 'sort', 'limit', 'source'] as const;

/**
 * Reads a ```table fence into a results table. `columns` lists column names,
 * or `{column: Header}` pairs to rename them; numbers are right-aligned and written as `lang` writes them.
 */
export function tableFromBlock(block: DataTableBlock, file: string, datasets: Map<string, DataEntry>, lang = 'en'): TableContent {
  const spec = new FenceSpec('table', block.yaml, file, block.line, KEYS);
  const dataset = spec.dataset(datasets);
  const rawColumns = spec.values.columns ?? dataset.columns;
  if (!Array.isArray(rawColumns)) throw spec.error('columns', '"columns" must be a list, e.g. [candidate, votes]', 'columns');
  const columns = rawColumns.map((c: unknown) => {
    const [name, label] = typeof c === 'object' && c !== null ? (Object.entries(c)[0] ?? ['', '']) : [String(c), undefined];
    return { name: spec.column(dataset, String(name), 'columns'), label: label === undefined ? humanize(String(name)) : String(label) };
  });
  const records = selectRecords(dataset.records, spec.sort(dataset), spec.limit());
  const numeric = columns.map(
    (c) => records.some((r) => typeof r[c.name] === 'number') && records.every((r) => r[c.name] === null || typeof r[c.name] === 'number'),
  );
  const decimals = columns.map((c) => decimalsOf(records.map((r) => r[c.name]).filter((v): v is number => typeof v === 'number')));
  return {
    header: columns.map((c) => [{ text: c.label }]),
    rows: records.map((r) =>
      columns.map((c, i) => {
        const v = r[c.name];
        return [{ text: v === null ? '' : typeof v === 'number' ? formatNumber(v, decimals[i], lang) : String(v) }];
      }),
    ),
    align: numeric.map((n) => (n ? 'right' : 'left')),
    source: spec.string('source'),
  };
}
