import path from 'node:path';
import { fail, type SourcePosition } from '../diagnostics.js';
import { decodeText, readInputBytes, readInputText } from '../input/readInput.js';
import { numberSymbols } from '../i18n/numberSymbols.js';
import { didYouMean } from '../suggest.js';
import { parseCsvDataset } from './csv.js';
import { readWorkbookDataset } from './xlsx.js';

export { parseCsvDataset } from './csv.js';

/** A cell: text, a number, true/false, a date (from a workbook), or empty. */
export type Value = string | number | boolean | Date | null;
export type DataRecord = Record<string, Value>;

/** A named table of records, from a CSV, JSON or Excel file or inline YAML. */
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

/** A dataset entry of the front matter as an object: `{file, sheet, range, delimiter, decimal, encoding}`. */
export interface DataSource {
  file: string;
  sheet?: string;
  range?: string;
  delimiter?: string;
  decimal?: '.' | ',';
  encoding?: string;
}

const SOURCE_KEYS = ['file', 'sheet', 'range', 'delimiter', 'decimal', 'encoding'] as const;
const DATA_FILE = /\.(csv|tsv|json|xlsx)$/i;
/** Delimiters a teacher may name in words. */
const NAMED_DELIMITERS: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };

/**
 * Loads every entry of a deck's `data:` mapping. A path ending in .csv, .tsv, .json
 * or .xlsx, or an object with `file:`, is a file relative to the deck's folder;
 * anything else is inline YAML. `lang` is the deck's language, whose decimal mark
 * CSV columns may use.
 */
export async function loadDatasets(
  spec: Record<string, unknown>,
  deckFile: string,
  lineOf: (name: string) => number | undefined,
  resolvePath: (ref: string, at: SourcePosition) => string,
  lang = 'en-US',
): Promise<Map<string, DataEntry>> {
  const entries = await Promise.all(
    Object.entries(spec).map(async ([name, value]): Promise<[string, DataEntry]> => {
      const at = { file: deckFile, line: lineOf(name) };
      const source = dataSource(name, value, at);
      if (source) {
        return [name, { kind: 'table', dataset: await loadDataFile(name, resolvePath(source.file, at), at, { ...source, lang }) }];
      }
      if (Array.isArray(value) && value.every(isRecord)) {
        return [name, { kind: 'table', dataset: fromRecords(name, value as Record<string, unknown>[], at) }];
      }
      return [name, { kind: 'value', value }];
    }),
  );
  return new Map(entries);
}

/** The file a `data:` entry names, as a path or as `{file: ..., ...}`; undefined for inline data. */
function dataSource(name: string, value: unknown, at: SourcePosition): DataSource | undefined {
  if (typeof value === 'string') return DATA_FILE.test(value.trim()) ? { file: value.trim() } : undefined;
  if (!isRecord(value) || !('file' in (value as object))) return undefined;
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!(SOURCE_KEYS as readonly string[]).includes(key))
      throw fail(
        'data/unknown-key',
        `dataset "${name}" has an unknown key "${key}"${didYouMean(key, SOURCE_KEYS)}; use ${SOURCE_KEYS.join(', ')}`,
        at,
      );
  }
  const text = (key: string) => {
    const v = entry[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'object') throw fail('data/type', `"${key}" of dataset "${name}" must be text`, at);
    return String(v);
  };
  const delimiter = text('delimiter');
  const sep = delimiter === undefined ? undefined : (NAMED_DELIMITERS[delimiter.toLowerCase()] ?? delimiter);
  if (sep !== undefined && sep.length !== 1)
    throw fail('data/delimiter', `the delimiter of dataset "${name}" must be one character such as ";" or "tab", not "${delimiter}"`, at);
  const decimal = text('decimal');
  if (decimal !== undefined && decimal !== '.' && decimal !== ',')
    throw fail('data/decimal', `the decimal mark of dataset "${name}" must be "." or ",", not "${decimal}"`, at);
  const file = text('file');
  if (!file) throw fail('data/no-file', `dataset "${name}" needs "file:" naming a .csv, .json or .xlsx file`, at);
  return {
    file,
    sheet: text('sheet'),
    range: text('range'),
    delimiter: sep,
    decimal: decimal as DataSource['decimal'],
    encoding: text('encoding'),
  };
}

/** Reads one CSV, JSON or Excel (.xlsx) data file into a dataset. */
export async function loadDataFile(
  name: string,
  file: string,
  at: SourcePosition,
  source: Omit<DataSource, 'file'> & { lang?: string } = {},
): Promise<Dataset> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return readWorkbookDataset(name, file, source, at);
  const what = `data file "${path.basename(file)}" for dataset "${name}"`;
  const text = source.encoding ? readEncoded(file, source.encoding, what, at) : readInputText(file, 'data', { what, at });
  if (lower.endsWith('.json')) return parseJsonDataset(name, text, file);
  return parseCsvDataset(name, text, file, {
    delimiter: source.delimiter ?? (lower.endsWith('.tsv') ? '\t' : undefined),
    decimal: source.decimal,
    langDecimal: source.lang ? numberSymbols(source.lang).decimal : '.',
  });
}

/** A data file in a named encoding (`windows-1252`, `koi8-r`, `utf-16le`), as clean text. */
function readEncoded(file: string, encoding: string, what: string, at: SourcePosition): string {
  const bytes = readInputBytes(file, 'data', { what, at });
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw fail(
      'data/encoding',
      error instanceof RangeError
        ? `the encoding "${encoding}" of ${what} is not one lectern knows; use a name such as "utf-8", "windows-1252" or "iso-8859-2"`
        : `${what} is not ${encoding} text; check its "encoding:"`,
      at,
    );
  }
  return decodeText(Buffer.from(text, 'utf8'), file, 'data');
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

function toValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

function isRecord(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
