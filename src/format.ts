/**
 * A number as a teacher reads it: thousands separators, and `decimals` places
 * (else as written, up to three). Written out rather than with Intl, whose
 * first use costs a noticeable part of a small build.
 */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = decimals === undefined ? String(Math.round(n * 1000) / 1000) : n.toFixed(decimals);
  if (/e/i.test(fixed)) return n.toLocaleString('en-US', { maximumFractionDigits: decimals ?? 3 });
  const [whole, fraction] = fixed.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && /[1-9]/.test(fixed) ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}
