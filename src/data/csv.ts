import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { fail } from '../diagnostics.js';
import type { Dataset, Value } from './datasets.js';

/** How a CSV file is written: its field separator and decimal mark, set by the deck or found in the file. */
export interface CsvFormat {
  /** `,` `;` tab or `|`; sniffed from the file when not set. */
  delimiter?: string;
  /** `.` or `,`; when not set, a column reads decimal commas only if the deck's language writes them and the column is unambiguous. */
  decimal?: '.' | ',';
  /** The decimal mark of the deck's language, from `numberSymbols(lang)`. */
  langDecimal?: string;
}

/** The delimiters a CSV file is sniffed for, most common first. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const BASE_OPTIONS = { skip_empty_lines: true, trim: true, bom: true, relax_column_count: false } as const;

/**
 * The delimiter of CSV `text`: of `,` `;` tab and `|`, the one found most often in the
 * header and the same number of times on each of the first lines (quoted text skipped);
 * when none is, the one found most often in the header, so that a row with a value too
 * many or too few is reported at its line rather than the file read as one column.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split('\n', 12).filter((l) => l.trim() !== '');
  let best: string | undefined;
  let bestCount = 0;
  let inHeader: string = ',';
  let inHeaderCount = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const consistent = counts.every((c) => c === counts[0]);
    if (counts[0] > bestCount && consistent) {
      best = delimiter;
      bestCount = counts[0];
    }
    if (counts[0] > inHeaderCount) {
      inHeader = delimiter;
      inHeaderCount = counts[0];
    }
  }
  return best ?? inHeader;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/** The first line Excel writes and reads to name a file's delimiter: `sep=;`. */
const SEP_LINE = /^(\uFEFF?)sep=([^\n])\n/;

/**
 * Parses CSV text with a header row; numbers become numbers and empty cells null. A
 * first line `sep=;` (Excel's) gives the delimiter, unless the deck gives one.
 */
export function parseCsvDataset(name: string, source: string, file: string, format: CsvFormat = {}): Dataset {
  const sep = SEP_LINE.exec(source);
  // The sep= line left blank, so that every line keeps its number.
  const text = sep ? `${sep[1]}\n${source.slice(sep[0].length)}` : source;
  const delimiter = format.delimiter ?? sep?.[2] ?? sniffDelimiter(text);
  const options = { ...BASE_OPTIONS, delimiter };
  const headerLine = text.split('\n').findIndex((line) => line.trim() !== '') + 1;
  let rows: string[][];
  try {
    rows = parseCsv(text, options) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const message =
        error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
          ? raggedRow((error as unknown as { record?: unknown[] }).record?.length, text, delimiter)
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
  if (dupe !== undefined) throw fail('data/csv', `the column "${dupe}" appears twice in the header`, { file, line: headerLine });
  const commaColumns = columns.map((_, i) => readsDecimalComma(body, i, format));
  const records = body.map((row) => Object.fromEntries(columns.map((c, i) => [c, castCell(row[i], commaColumns[i])])));
  let lines: number[] | undefined;
  return {
    name,
    columns,
    records,
    origin: { file, line: headerLine },
    rowLine: (index) => (lines ??= csvRecordLines(text, options))[index + 1],
  };
}

/** What is wrong with a row of `values` values, against the header's columns, and how to put it right. */
function raggedRow(values: number | undefined, text: string, delimiter: string): string {
  const columns = (text.split('\n').find((line) => line.trim() !== '') ?? '').split(delimiter).map((c) => c.trim());
  const has = values === undefined ? 'a different number of values' : `${values} ${values === 1 ? 'value' : 'values'}`;
  const mark = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  const fix =
    values !== undefined && values > columns.length
      ? `put double quotes around a value that holds a ${mark}`
      : `give every column a value (an empty one is nothing between two ${mark}s)`;
  return `this row has ${has}, but the header has ${columns.length} columns (${columns.join(', ')}); ${fix}`;
}

/** `1.234,5`, `-0,25`, `12` or `1 234,5`: a number as languages with a decimal comma write it. */
const COMMA_NUMBER = /^[+-]?(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(?:,\d+)?$/;

/**
 * For a message about text where a number should be: how to read `value` as a number, when
 * it is one written with a decimal comma (`39,3`) in a dataset read with decimal points.
 */
export function decimalCommaHint(value: unknown, dataset: string): string {
  return typeof value === 'string' && value.includes(',') && COMMA_NUMBER.test(value)
    ? `; if "${value}" is a number with a decimal comma, read the file with decimal: "," (data: {${dataset}: {file: …, decimal: ","}})`
    : '';
}

/**
 * Whether column `index` holds numbers written with a decimal comma: when the deck
 * says so (`decimal: ","`), or when the deck's language writes decimal commas and
 * every filled cell of the column reads as one, at least one with a comma.
 */
function readsDecimalComma(body: string[][], index: number, format: CsvFormat): boolean {
  if (format.decimal === '.') return false;
  if (format.decimal === ',') return true;
  if (format.langDecimal !== ',') return false;
  let comma = false;
  for (const row of body) {
    const cell = row[index];
    if (cell === undefined || cell === '') continue;
    if (!COMMA_NUMBER.test(cell)) return false;
    if (cell.includes(',')) comma = true;
  }
  return comma;
}

/**
 * The line each record of CSV `text` ends on (the header is record 0). Parses the
 * text again, so that reading a data file costs nothing extra when all is well.
 */
function csvRecordLines(text: string, options: typeof BASE_OPTIONS & { delimiter: string }): number[] {
  const lines: number[] = [];
  parseCsv(text, {
    ...options,
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

/** A cell as a value: a number when it is written as one (with a decimal comma in a `comma` column), else text; empty is null. */
function castCell(cell: string | undefined, comma: boolean): Value {
  if (cell === undefined || cell === '') return null;
  if (comma && /[,.\u00a0\u202f ]/.test(cell) && COMMA_NUMBER.test(cell)) {
    const n = Number(cell.replace(/[.\u00a0\u202f ]/g, '').replace(',', '.'));
    if (Number.isFinite(n)) return n;
  }
  // A number, but not a code with leading zeros such as a postal code "007",
  // nor one too large for a double ("1e400"), which stays as it was written.
  if (/^[+-]?(0|[1-9]\d*)(\.\d*)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/.test(cell)) {
    const n = Number(cell);
    if (Number.isFinite(n)) return n;
  }
  return cell;
}
