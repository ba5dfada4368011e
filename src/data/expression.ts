import { createRequire } from 'node:module';
import { didYouMean } from '../suggest.js';
import type { DataRecord } from './datasets.js';

type Filtrex = typeof import('filtrex');
let filtrex: Filtrex | undefined;

/** An expression a teacher wrote that cannot be used, in words, with the column it names when that is the fault. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** A compiled `filter:` or `highlight:` expression: true for the records it picks. */
export type RecordTest = (record: DataRecord) => boolean;

/**
 * Compiles an expression over a dataset's columns (`final >= 50 and grade != "F"`)
 * with filtrex, a sandboxed expression language: no JavaScript runs, and a name that
 * is not a column is an error naming the closest column. Column names with spaces
 * are written in single quotes ('final mark'); text in double quotes. Dates compare
 * as ISO text ("2024-03-01"). filtrex is loaded only when a deck uses an expression.
 */
export function compileRecordTest(expression: string, columns: string[]): RecordTest {
  filtrex ??= createRequire(import.meta.url)('filtrex') as Filtrex;
  const known = new Set(columns);
  let test: (record: unknown) => unknown;
  try {
    test = filtrex.compileExpression(expression, {
      customProp: (name, get) => {
        if (!known.has(name)) throw new ExpressionError(`there is no column "${name}"${didYouMean(name, columns)}`, name);
        const value = get(name) as unknown;
        return value instanceof Date ? value.toISOString().slice(0, 10) : value;
      },
    });
  } catch (error) {
    throw new ExpressionError(syntaxMessage(expression, error as Error));
  }
  return (record) => {
    const result = test(record);
    if (result instanceof ExpressionError) throw result;
    if (result instanceof Error) throw new ExpressionError(result.message.replace(/\.$/, ''));
    return Boolean(result);
  };
}

/** filtrex's parse error in one sentence, with a hint for the usual slips. */
function syntaxMessage(expression: string, error: Error): string {
  if (/(^|[^=!<>])=($|[^=])/.test(expression)) return `"${expression}" is not a valid expression; compare with "==", e.g. grade == "A"`;
  const lines = error.message.split('\n');
  const caret = lines.find((l) => /^-*\^$/.test(l));
  const rest = caret ? expression.slice(caret.length - 1, caret.length + 9) : undefined;
  const where = rest === undefined ? '' : rest ? ` at "${rest}"` : ' at the end';
  const expecting = /Expecting (.*), got/.exec(error.message)?.[1];
  return `"${expression}" is not a valid expression${where}${expecting ? ` (expected one of ${expecting.replace(/'/g, '')})` : ''}; write e.g. final >= 50 and grade != "F"`;
}
