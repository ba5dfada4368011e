import { formatNumber, roundDecimal } from '../format.js';
import { numberSymbols, type NumberSymbols } from '../i18n/numberSymbols.js';
import type { Value } from './datasets.js';

/**
 * A number pattern as spreadsheets write it: `0`, `0.0`, `#,##0`, `#,##0.00`, `0%`,
 * `0.0%`, with text before or after (`$#,##0`, `0.0 "pts"`). Dates: `yyyy-mm-dd`,
 * `dd.mm.yyyy`, `d mmm yyyy`, `mmmm yyyy`. The same pattern is a chart's Excel number
 * format, so a table and a chart of the same data read alike.
 */
export interface NumberPattern {
  kind: 'number';
  prefix: string;
  suffix: string;
  decimals: number;
  group: boolean;
  percent: boolean;
  /** Digits the whole part is padded to (`000` → 007). */
  minDigits: number;
}

export interface DatePattern {
  kind: 'date';
  tokens: string[];
}

const NUMBER = /^(?<prefix>[^#0]*?)(?<whole>[#0,]*0)(?:\.(?<fraction>0+))?(?<suffix>[^#0]*)$/;
const DATE_PATTERN = /^(?:yyyy|yy|mmmm|mmm|mm|m|dd|d|"[^"]*"|[\s.,/-])+$/i;
const DATE_TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dd|d|"[^"]*"|[^ymd"]+/gi;

/** Parses a `format:` pattern, or returns undefined if it is neither a number nor a date pattern. */
export function parsePattern(pattern: string): NumberPattern | DatePattern | undefined {
  const m = NUMBER.exec(pattern);
  // Letters outside quotes are codes in a spreadsheet's format (`dd` a day), not text: "0.0 pts" needs `0.0 "pts"`.
  if (m?.groups && !/[a-z]/i.test(`${m.groups.prefix}${m.groups.suffix}`.replace(/"[^"]*"/g, ''))) {
    const { prefix, whole, fraction, suffix } = m.groups;
    return {
      kind: 'number',
      prefix: unquote(prefix),
      suffix: unquote(suffix),
      decimals: fraction?.length ?? 0,
      group: whole.includes(','),
      percent: suffix.includes('%'),
      minDigits: (whole.match(/0/g) ?? []).length,
    };
  }
  if (DATE_PATTERN.test(pattern)) return { kind: 'date', tokens: pattern.match(DATE_TOKEN) ?? [] };
  return undefined;
}

function unquote(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1');
}

/** The decimal places values of a column need (at most three), so a column of numbers reads alike. */
export function decimalsOf(values: number[]): number {
  let most = 0;
  for (const v of values) {
    if (most === 3) break;
    if (!Number.isInteger(v)) most = Math.max(most, Math.min(3, String(v).split('.')[1]?.length ?? 0));
  }
  return most;
}

/**
 * A cell as the deck's language writes it: with `pattern` when given, else numbers with
 * thousands separators and `decimals` places, dates as `yyyy-mm-dd`.
 */
export function formatValue(value: Value, pattern: NumberPattern | DatePattern | undefined, decimals: number, lang: string): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDate(value, pattern?.kind === 'date' ? pattern : ISO_DATE, lang);
  if (typeof value !== 'number') return String(value);
  const symbols = numberSymbols(lang);
  if (pattern?.kind !== 'number') return localise(formatNumber(value, decimals), symbols);
  const n = pattern.percent ? value * 100 : value;
  const rounded = roundDecimal(n, pattern.decimals);
  let [whole, fraction] = Math.abs(rounded).toFixed(pattern.decimals).split('.');
  whole = whole.padStart(pattern.minDigits, '0');
  if (pattern.group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = rounded < 0 ? '-' : '';
  const suffix = pattern.percent ? pattern.suffix.replace(/^\s*%/, `${symbols.percentSpace}%`) : pattern.suffix;
  return `${pattern.prefix}${sign}${localise(fraction ? `${whole}.${fraction}` : whole, symbols)}${suffix}`;
}

/** A number written with English symbols (`1,234.5`) in the language's (`1.234,5`). */
export function localise(english: string, symbols: NumberSymbols): string {
  if (symbols.decimal === '.' && symbols.group === ',') return english;
  return english.replace(/[.,]/g, (c) => (c === '.' ? symbols.decimal : symbols.group));
}

const ISO_DATE: DatePattern = { kind: 'date', tokens: ['yyyy', '-', 'mm', '-', 'dd'] };

/** Month names of a language, from Intl (English without it). */
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthName(date: Date, lang: string, style: 'long' | 'short'): string {
  if (/^en\b/i.test(lang)) return style === 'long' ? ENGLISH_MONTHS[date.getUTCMonth()] : ENGLISH_MONTHS[date.getUTCMonth()].slice(0, 3);
  try {
    return new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' }).format(date);
  } catch {
    return ENGLISH_MONTHS[date.getUTCMonth()];
  }
}

/** A date by pattern tokens; workbook dates are calendar days, read in UTC. */
function formatDate(date: Date, pattern: DatePattern, lang: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return pattern.tokens
    .map((t) => {
      switch (t.toLowerCase()) {
        case 'yyyy':
          return String(date.getUTCFullYear());
        case 'yy':
          return two(date.getUTCFullYear() % 100);
        case 'mmmm':
          return monthName(date, lang, 'long');
        case 'mmm':
          return monthName(date, lang, 'short');
        case 'mm':
          return two(date.getUTCMonth() + 1);
        case 'm':
          return String(date.getUTCMonth() + 1);
        case 'dd':
          return two(date.getUTCDate());
        case 'd':
          return String(date.getUTCDate());
        default:
          return unquote(t);
      }
    })
    .join('');
}
