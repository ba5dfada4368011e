import Handlebars from 'handlebars';

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
    return n.toLocaleString('en-US', digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits });
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
