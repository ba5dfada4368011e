import path from 'node:path';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { fail, type SourcePosition } from '../diagnostics.js';
import { readInputText } from '../input/readInput.js';

export type Value = string | number | boolean | null;
export type DataRecord = Record<string, Value>;

/** A named table of records, from a CSV or JSON file or inline YAML. */
export interface Dataset {
  name: string;
  columns: string[];
  records: DataRecord[];
  /** Where the records came from, for messages. */
  origin: SourcePosition;
  /** The file line of `records[index]` (CSV), worked out only when a message needs it. */
  rowLine?: (index: number) => number | undefined;
}

/** Where `record` of `dataset` was written: its line of a CSV file, else where the dataset comes from. */
export function recordPosition(dataset: Dataset, record: DataRecord): SourcePosition {
  const index = dataset.records.indexOf(record);
  const line = index < 0 ? undefined : dataset.rowLine?.(index);
  return line === undefined ? dataset.origin : { file: dataset.origin.file, line };
}

/** What a deck's `data:` entry resolved to: a table, or a plain value for Handlebars. */
export type DataEntry = { kind: 'table'; dataset: Dataset } | { kind: 'value'; value: unknown };

/**
 * Loads every entry of a deck's `data:` mapping. Strings ending in .csv or .json
 * are files relative to the deck's folder; anything else is inline YAML.
 */
export async function loadDatasets(
  spec: Record<string, unknown>,
  deckFile: string,
  lineOf: (name: string) => number | undefined,
  resolvePath: (ref: string, at: SourcePosition) => string,
): Promise<Map<string, DataEntry>> {
  const entries = await Promise.all(
    Object.entries(spec).map(async ([name, value]): Promise<[string, DataEntry]> => {
      const at = { file: deckFile, line: lineOf(name) };
      if (typeof value === 'string' && /\.(csv|json)$/i.test(value.trim())) {
        return [name, { kind: 'table', dataset: await loadDataFile(name, resolvePath(value.trim(), at), at) }];
      }
      if (Array.isArray(value) && value.every(isRecord)) {
        return [name, { kind: 'table', dataset: fromRecords(name, value as Record<string, unknown>[], at) }];
      }
      return [name, { kind: 'value', value }];
    }),
  );
  return new Map(entries);
}

/** Reads one CSV or JSON data file into a dataset. */
export async function loadDataFile(name: string, file: string, at: SourcePosition): Promise<Dataset> {
  const text = readInputText(file, 'data', { what: `data file "${path.basename(file)}" for dataset "${name}"`, at });
  return file.toLowerCase().endsWith('.json') ? parseJsonDataset(name, text, file) : parseCsvDataset(name, text, file);
}

const CSV_OPTIONS = { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false } as const;

/** Parses CSV text with a header row; numbers become numbers and empty cells null. */
export function parseCsvDataset(name: string, text: string, file: string): Dataset {
  let rows: string[][];
  try {
    rows = parseCsv(text, CSV_OPTIONS) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const message =
        error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
          ? `a row has ${(error as unknown as { record: unknown[] }).record?.length ?? 'a different number of'} fields but the header has ${(error as unknown as { columns?: unknown[] }).columns?.length ?? rowsHeaderLength(text)}`
          : error.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'a quoted field is never closed (a " is missing)'
            : error.message.replace(/^Invalid Record Length: /, '');
      throw fail('data/csv', `${message}`, { file, line: error.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : line });
    }
    throw error;
  }
  if (rows.length === 0) throw fail('data/empty', `the data file for dataset "${name}" has no header row`, { file, line: 1 });
  const [header, ...body] = rows;
  const columns = header.map((c) => c.trim());
  const dupe = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dupe !== undefined) throw fail('data/csv', `the column "${dupe}" appears twice in the header`, { file, line: 1 });
  const records = body.map((row) => Object.fromEntries(columns.map((c, i) => [c, castCell(row[i])])));
  return { name, columns, records, origin: { file, line: 1 }, rowLine: (index) => csvRecordLines(text)[index + 1] };
}

/**
 * The line each record of CSV `text` ends on (the header is record 0). Parses the
 * text again, so that reading a data file costs nothing extra when all is well.
 */
function csvRecordLines(text: string): number[] {
  const lines: number[] = [];
  parseCsv(text, {
    ...CSV_OPTIONS,
    on_record: (record: string[], context: { lines: number }) => {
      lines.push(context.lines);
      return record;
    },
  });
  return lines;
}

/** The line of the quote that opens a field never closed (csv-parse reports the end of the file). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  let previous = '';
  for (const c of text) {
    if (c === '\n') line++;
    else if (c === '"') {
      quoted = !quoted;
      if (quoted && previous !== '"') opened = line; // "" inside a quoted field is an escaped quote
    }
    previous = c;
  }
  return opened;
}

function rowsHeaderLength(text: string): number {
  return (text.split('\n')[0] ?? '').split(',').length;
}

function parseJsonDataset(name: string, text: string, file: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec(String(error));
    const line = match ? text.slice(0, Number(match[1])).split('\n').length : undefined;
    throw fail('data/json', `the JSON is not valid: ${(error as Error).message}`, { file, line });
  }
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw fail('data/json', `dataset "${name}" must be a JSON list of objects, e.g. [{"name": "A", "value": 1}]`, { file, line: 1 });
  }
  return fromRecords(name, value as Record<string, unknown>[], { file, line: 1 });
}

function fromRecords(name: string, list: Record<string, unknown>[], origin: SourcePosition): Dataset {
  const columns = [...new Set(list.flatMap((r) => Object.keys(r)))];
  const records = list.map((r) => Object.fromEntries(columns.map((c) => [c, toValue(r[c])])));
  return { name, columns, records, origin };
}

function castCell(cell: string | undefined): Value {
  if (cell === undefined || cell === '') return null;
  // A number, but not a code with leading zeros such as a postal code "007",
  // nor one too large for a double ("1e400"), which stays as it was written.
  if (/^[+-]?(0|[1-9]\d*)(\.\d*)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/.test(cell)) {
    const n = Number(cell);
    if (Number.isFinite(n)) return n;
  }
  return cell;
}

function toValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

function isRecord(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
