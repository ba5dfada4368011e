import { numberSymbols } from './i18n/numberSymbols.js';

/**
 * `n` rounded to `decimals` places as a person rounds it, on the decimal digits
 * (1.005 → 1.01), after dropping binary noise (0.1 + 0.2 → 0.3).
 */
export function roundDecimal(n: number, decimals: number): number {
  const clean = withoutNoise(n);
  const [mantissa, exponent] = String(Math.abs(clean)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent ?? 0) + decimals}`));
  const rounded = Math.sign(clean) * Number(`${shifted}e${-decimals}`);
  return Number.isFinite(rounded) ? rounded : clean;
}

/** `n` to 15 significant digits, all a double holds exactly: 0.30000000000000004 → 0.3, 3.3000000000000003 → 3.3. */
export function withoutNoise(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/**
 * A number as a teacher reads it in language `lang`: thousands separators, and
 * `decimals` places (else as written, up to three). English is written out rather
 * than with Intl, whose first use costs a noticeable part of a small build; other
 * languages take their symbols from numberSymbols (6.456.393 and 81,31 in German).
 */
export function formatNumber(n: number, decimals?: number, lang = 'en'): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = decimals === undefined ? String(roundDecimal(n, 3)) : roundDecimal(n, decimals).toFixed(decimals);
  if (/e/i.test(fixed)) return n.toLocaleString(lang, { maximumFractionDigits: decimals ?? 3 });
  const symbols = numberSymbols(withLatinDigits(lang));
  const [whole, fraction] = fixed.split('.');
  const negative = whole.startsWith('-');
  const digits = grouped(negative ? whole.slice(1) : whole, symbols.group);
  return `${negative && /[1-9]/.test(fixed) ? '-' : ''}${digits}${fraction ? `${symbols.decimal}${fraction}` : ''}`;
}

/** `81.31` → `81.31%` in English, `81,31 %` in German: a number with the language's percent sign. */
export function formatPercent(n: number, decimals: number | undefined, lang = 'en'): string {
  return `${formatNumber(n, decimals, lang)}${percentSign(lang)}`;
}

/** The percent sign as `lang` puts it after a number: `%` in English, a no-break space and `%` in German. */
export function percentSign(lang: string): string {
  return `${numberSymbols(withLatinDigits(lang)).percentSpace}%`;
}

/**
 * The tag of `lang` written with Latin digits, as lectern writes every number: Arabic
 * then separates thousands with `,`, not the Arabic `٬` it uses beside Arabic digits.
 */
function withLatinDigits(lang: string): string {
  return /^en\b/i.test(lang) || /-u-/i.test(lang) ? lang : `${lang}-u-nu-latn`;
}

/** Whole-number digits with `group` between each three from the right. */
function grouped(digits: string, group: string): string {
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += group + digits.slice(i, i + 3);
  return out;
}
