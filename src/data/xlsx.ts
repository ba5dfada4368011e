import { createRequire } from 'node:module';
import path from 'node:path';
import { fail, type SourcePosition } from '../diagnostics.js';
import { readInputBytes } from '../input/readInput.js';
import { didYouMean } from '../suggest.js';
import type { Dataset, DataRecord, Value } from './datasets.js';

/** Which part of a workbook a dataset reads: a sheet (by name, else the first) and a range such as `A1:F41`. */
export interface SheetChoice {
  sheet?: string;
  range?: string;
}

type ReadExcel = typeof import('read-excel-file/node');
let reader: ReadExcel | undefined;

/**
 * Reads one sheet of an .xlsx workbook into a dataset: its first row (of the range) names
 * the columns; formula cells give the value the spreadsheet last calculated, date cells
 * a date. read-excel-file is loaded only when a deck reads a workbook.
 */
export async function readWorkbookDataset(name: string, file: string, choice: SheetChoice, at: SourcePosition): Promise<Dataset> {
  const what = `workbook "${path.basename(file)}" for dataset "${name}"`;
  const bytes = readInputBytes(file, 'data', { what, at });
  // Required, not imported: it stays out of the bundle, whose start-up every deck pays (as resvg does).
  const excel = (reader ??= createRequire(import.meta.url)('read-excel-file/node') as ReadExcel);
  // Only the sheet asked for is parsed: parsing is most of the time a workbook costs.
  let data: unknown[][];
  try {
    data = (await excel.readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), choice.sheet ?? 1)) as unknown[][];
  } catch (error) {
    const sheets = (error as { sheets?: unknown }).sheets;
    if ((error as Error).name === 'SheetNotFoundError' && Array.isArray(sheets)) {
      const names = sheets.map(String);
      throw fail(
        'data/sheet',
        `${what} has no sheet "${choice.sheet}"${didYouMean(choice.sheet ?? '', names)} (sheets: ${names.join(', ')})`,
        at,
      );
    }
    throw fail(
      'data/xlsx',
      `cannot read ${what}: it is not an Excel workbook (.xlsx) lectern can read (${(error as Error).message.split('\n')[0]})`,
      at,
    );
  }
  const sheetName = choice.sheet === undefined ? 'the first sheet' : `sheet "${choice.sheet}"`;
  const rows = withinRange(data, choice.range, what, at);
  const [header, ...body] = rows;
  if (!header || header.every((c) => c === null || c === '')) {
    throw fail('data/empty', `${sheetName} of ${what} has no header row${choice.range ? ` in ${choice.range}` : ''}`, at);
  }
  const columns = header.map((c, i) =>
    c === null || c === '' ? `column ${i + 1}` : String(c instanceof Date ? c.toISOString().slice(0, 10) : c).trim(),
  );
  const dupe = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dupe !== undefined) throw fail('data/xlsx', `the column "${dupe}" appears twice in the header of ${sheetName} of ${what}`, at);
  const records = body
    .filter((row) => row.some((c) => c !== null && c !== ''))
    .map((row): DataRecord => Object.fromEntries(columns.map((c, i) => [c, cellValue(row[i])])));
  return { name, columns, records, origin: at };
}

function cellValue(cell: unknown): Value {
  if (cell === undefined || cell === null || cell === '') return null;
  if (cell instanceof Date || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return String(cell);
}

/** The rows and columns of `range` (`B2:D10`), counted from A1; the whole sheet without one. */
function withinRange(rows: unknown[][], range: string | undefined, what: string, at: SourcePosition): unknown[][] {
  if (range === undefined) return rows;
  const m = /^\s*([A-Z]{1,3})(\d+)\s*:\s*([A-Z]{1,3})(\d+)\s*$/i.exec(range);
  if (!m) throw fail('data/range', `the range "${range}" of ${what} must be two cells such as "A1:F41"`, at);
  const [top, bottom] = [Number(m[2]) - 1, Number(m[4]) - 1].sort((a, b) => a - b);
  const [left, right] = [columnIndex(m[1]), columnIndex(m[3])].sort((a, b) => a - b);
  return rows.slice(top, bottom + 1).map((row) => Array.from({ length: right - left + 1 }, (_, i) => row[left + i] ?? null));
}

/** `A` → 0, `AA` → 26. */
function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}
