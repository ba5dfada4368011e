import Handlebars from 'handlebars';
import { fail, type DiagnosticError } from '../diagnostics.js';
import { formatNumber } from '../format.js';

type HelperOptions = Handlebars.HelperOptions;

const isOptions = (v: unknown): v is HelperOptions => typeof v === 'object' && v !== null && 'hash' in v;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * The helpers available in deck bodies and template layouts. Each is small and
 * pure; none reads files.
 */
const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** `{{number 6456393}}` → 6,456,393; `{{number 2.5 digits=1}}`. */
  number(value: unknown, options: HelperOptions) {
    const digits = options.hash?.digits as number | undefined;
    const n = num(value);
    if (!Number.isFinite(n)) return String(value ?? '');
    return formatNumber(n, digits);
  },
  /** `{{percent 81.31}}` → 81.31%; `{{percent 0.5 ratio=true}}` → 50%. */
  percent(value: unknown, options: HelperOptions) {
    let n = num(value);
    if (!Number.isFinite(n)) return String(value ?? '');
    if (options.hash?.ratio) n *= 100;
    const digits = (options.hash?.digits as number | undefined) ?? (Number.isInteger(n) ? 0 : 2);
    return `${n.toFixed(digits)}%`;
  },
  /** Arithmetic for positions: `{{add 1 0.5}}`, `{{sub}}`, `{{mul}}`, `{{div}}`. */
  add: (a: unknown, b: unknown) => num(a) + num(b),
  sub: (a: unknown, b: unknown) => num(a) - num(b),
  mul: (a: unknown, b: unknown) => num(a) * num(b),
  div: (a: unknown, b: unknown) => num(a) / num(b),
  /** `{{sum data.results "votes"}}`: the total of one column of a dataset. */
  sum(list: unknown, column: unknown) {
    if (!Array.isArray(list)) return 0;
    return list.reduce((total: number, r: Record<string, unknown>) => total + (num(isOptions(column) ? r : r?.[String(column)]) || 0), 0);
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
    // The deck's language (`lang:` in a deck, `deck.lang` in a layout) unless the helper names one.
    const root = options.data?.root as { lang?: unknown; deck?: { lang?: unknown } } | undefined;
    const lang = String(options.hash?.lang ?? root?.lang ?? root?.deck?.lang ?? 'en-GB');
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

/** The innermost `{{#block}}` left open at the end of `source`, with its 0-based line. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const stack: { name: string; line: number }[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*([\w.-]+)/g)) {
    if (m[1] === '#') stack.push({ name: m[2], line: source.slice(0, m.index).split('\n').length - 1 });
    else if (stack.length && stack[stack.length - 1].name === m[2]) stack.pop();
  }
  return stack.pop();
}
