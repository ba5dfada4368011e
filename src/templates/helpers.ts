import Handlebars from 'handlebars';
import { fail, type DiagnosticError } from '../diagnostics.js';
import { formatNumber, formatPercent, roundDecimal, withoutNoise } from '../format.js';

/** What Handlebars hands every helper last: the hash (`decimals=2`) and where in the template the call is. */
type HelperOptions = Handlebars.HelperOptions & { loc?: HelperCall['loc'] };

/** Where a helper call sits in its template (1-based lines, 0-based columns), as Handlebars reports it. */
export interface HelperCall {
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/**
 * A helper given something it cannot use: thrown while a template runs, and
 * turned into a diagnostic at the call's line by `helperDiagnostic`.
 */
export class HelperError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly call: HelperCall,
  ) {
    super(message);
  }
}

const isOptions = (v: unknown): v is HelperOptions => typeof v === 'object' && v !== null && 'hash' in v;

/** A value as a teacher would name it in a message: "nothing", "the text \"abc\"", "a list". */
function describeValue(value: unknown): string {
  if (value === undefined || isOptions(value)) return 'nothing (check the spelling of the name, and that it is set)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `the text "${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of values, not one';
  return String(value);
}

/** `value` as a finite number (numbers and numeric text), or a HelperError naming `helper`. */
function numberArg(helper: string, value: unknown, options: HelperOptions): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isFinite(n)) return n;
  throw new HelperError('handlebars/not-a-number', `"${helper}" needs a number, but got ${describeValue(value)}`, options);
}

/** The `decimals=` option (or its older name `digits=`): a whole number of places from 0 to 20. */
function decimalsOption(helper: string, options: HelperOptions): number | undefined {
  const raw: unknown = options.hash?.decimals ?? options.hash?.digits;
  if (raw === undefined) return undefined;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 20) return n;
  throw new HelperError(
    'handlebars/decimals',
    `"${helper}" takes decimals= as a whole number from 0 to 20, not ${describeValue(raw)}`,
    options,
  );
}

/** A result of arithmetic as people write it: without binary noise, or with exactly `decimals` places (as text). */
function written(n: number, decimals: number | undefined): number | string {
  return decimals === undefined ? withoutNoise(n) : roundDecimal(n, decimals).toFixed(decimals);
}

/** `{{add 1 0.5}}` and its kin: exactly two numbers, and an optional `decimals=`. */
function arithmetic(name: string, op: (a: number, b: number, options: HelperOptions) => number): Handlebars.HelperDelegate {
  return (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    if (args.length > 2) throw new HelperError('handlebars/arguments', `"${name}" takes two numbers, e.g. {{${name} 6 2}}`, options);
    return written(op(numberArg(name, args[0], options), numberArg(name, args[1], options), options), decimalsOption(name, options));
  };
}

/** The deck's language (`lang:` in a deck, `deck.lang` in a layout) unless the helper names one (`lang="de-DE"`). */
function deckLanguage(options: HelperOptions, fallback = 'en'): string {
  const root = options.data?.root as { lang?: unknown; deck?: { lang?: unknown } } | undefined;
  return String(options.hash?.lang ?? root?.lang ?? root?.deck?.lang ?? fallback);
}

/**
 * The helpers available in deck bodies and template layouts. Each is small and
 * pure; none reads files. Numbers print as people write them (0.1 + 0.2 is 0.3);
 * a helper given no number, or text that is not one, stops the build with a message.
 */
const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** `{{number 6456393}}` → 6,456,393 (6.456.393 in a German deck); `{{number 2.5 decimals=2}}` → 2.50 (`digits=` too). */
  number(value: unknown, options: HelperOptions) {
    if (isOptions(value)) options = value; // `{{number}}`, with nothing to print
    return formatNumber(numberArg('number', value, options), decimalsOption('number', options), deckLanguage(options));
  },
  /** `{{percent 81.31}}` → 81.31% (81,31 % in German); `{{percent 0.5 ratio=true}}` → 50%; `decimals=1` (`digits=` too). */
  percent(value: unknown, options: HelperOptions) {
    if (isOptions(value)) options = value;
    const given = numberArg('percent', value, options);
    const n = withoutNoise(options.hash?.ratio ? given * 100 : given);
    return formatPercent(n, decimalsOption('percent', options) ?? (Number.isInteger(n) ? 0 : 2), deckLanguage(options));
  },
  /** Arithmetic for positions and figures: `{{add 1 0.5}}`, `{{sub}}`, `{{mul}}`, `{{div 10 3 decimals=2}}`. */
  add: arithmetic('add', (a, b) => a + b),
  sub: arithmetic('sub', (a, b) => a - b),
  mul: arithmetic('mul', (a, b) => a * b),
  div: arithmetic('div', (a, b, options) => {
    if (b === 0) throw new HelperError('handlebars/division-by-zero', '"div" cannot divide by zero', options);
    return a / b;
  }),
  /** `{{sum data.results "votes"}}`: the total of one column of a dataset; empty cells count as nothing. */
  sum(list: unknown, column: unknown, options: HelperOptions) {
    if (isOptions(column)) [options, column] = [column, undefined];
    if (!Array.isArray(list))
      throw new HelperError(
        'handlebars/not-a-list',
        `"sum" needs a list of rows, e.g. {{sum data.results "votes"}}, but got ${describeValue(list)}`,
        options,
      );
    let total = 0;
    for (const row of list as Record<string, unknown>[]) {
      const cell = column === undefined ? row : row?.[String(column)];
      if (cell !== null && cell !== undefined && cell !== '') total += numberArg('sum', cell, options);
    }
    return written(total, decimalsOption('sum', options));
  },
  /**
   * `{{date "2023-03-19"}}` → 19 March 2023; `format="short"` → 19 Mar 2023,
   * `format="year"` → 2023, `format="iso"` → 2023-03-19; in the deck's language, or `lang="de-DE"`.
   */
  date(value: unknown, options: HelperOptions) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ''));
    if (!match) return String(value ?? '');
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    const format = String(options.hash?.format ?? 'long');
    if (format === 'iso') return day.toISOString().slice(0, 10);
    if (format === 'year') return match[1];
    const month = format === 'short' ? 'short' : 'long';
    const lang = deckLanguage(options, 'en-GB');
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(day);
  },
  /** `{{upper title}}`, `{{lower title}}`. */
  upper: (s: unknown) => String(s ?? '').toUpperCase(),
  lower: (s: unknown) => String(s ?? '').toLowerCase(),
  /** `{{eq a b}}` for `{{#if (eq layout "title")}}`. */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{default subtitle "No subtitle"}}`. */
  default: (value: unknown, fallback: unknown) => (value === undefined || value === null || value === '' ? fallback : value),
};

/** A Handlebars environment with lectern's helpers; prototype access stays denied. */
export function createHandlebars(): typeof Handlebars {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  return hbs;
}

/** Names of the helpers, for documentation and "did you mean" hints. */
export const helperNames = Object.keys(helpers);

/**
 * A Handlebars parse error as a diagnostic at the line of `source` it concerns
 * (`at.line` is the file line where `source` starts): a block never closed is
 * reported where it opens, not at the end of the file.
 */
export function handlebarsSyntaxError(
  error: unknown,
  source: string,
  at: { file: string; line: number },
  rule: string,
  what: string,
): DiagnosticError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  const expecting = /Expecting (.*), got (.*)$/m.exec(message);
  if (expecting?.[2] === "'EOF'") {
    const open = unclosedBlock(source);
    if (open)
      return fail(rule, `"{{#${open.name}}}" is never closed; add "{{/${open.name}}}"`, { file: at.file, line: at.line + open.line });
  }
  const detail = expecting
    ? `expected ${expecting[1].split(', ').slice(0, 3).join(' or ')} but found ${expecting[2]}`
    : message.split('\n')[0];
  return fail(rule, `template syntax error in ${what}: ${detail}`, { file: at.file, line: line ? at.line + Number(line[1]) - 1 : at.line });
}

/**
 * A helper's complaint (HelperError) as a diagnostic at the line of `source`
 * where the call is (`at.line` is the file line where `source` starts), quoting
 * the call: `"{{percent share}}": "percent" needs a number, but got nothing`.
 * Anything else thrown while a template runs gives undefined.
 */
export function helperDiagnostic(error: unknown, source: string, at: { file: string; line?: number }): DiagnosticError | undefined {
  if (!(error instanceof HelperError)) return undefined;
  const loc = error.call.loc;
  if (!loc || at.line === undefined) return fail(error.rule, error.message, at);
  const text =
    loc.start.line === loc.end.line ? source.split('\n')[loc.start.line - 1]?.slice(loc.start.column, loc.end.column) : undefined;
  const quoted = text?.startsWith('{{') ? `"${text}": ` : '';
  return fail(error.rule, `${quoted}${error.message}`, { file: at.file, line: at.line + loc.start.line - 1, column: loc.start.column + 1 });
}

/** The innermost `{{#block}}` left open at the end of `source`, with its 0-based line. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const stack: { name: string; line: number }[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*([\w.-]+)/g)) {
    if (m[1] === '#') stack.push({ name: m[2], line: source.slice(0, m.index).split('\n').length - 1 });
    else if (stack.length && stack[stack.length - 1].name === m[2]) stack.pop();
  }
  return stack.pop();
}
