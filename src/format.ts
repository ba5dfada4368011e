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
 * A number as a teacher reads it: thousands separators, and `decimals` places
 * (else as written, up to three). Written out rather than with Intl, whose
 * first use costs a noticeable part of a small build.
 */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = decimals === undefined ? String(roundDecimal(n, 3)) : roundDecimal(n, decimals).toFixed(decimals);
  if (/e/i.test(fixed)) return n.toLocaleString('en-US', { maximumFractionDigits: decimals ?? 3 });
  const [whole, fraction] = fixed.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && /[1-9]/.test(fixed) ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}
