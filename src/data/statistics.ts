import { formatNumber } from '../format.js';

/** The least-squares line through points (x, y): y = slope·x + intercept, and R², the share of variance it explains. */
export function linearFit(xs: number[], ys: number[]): { slope: number; intercept: number; r2: number } | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * Counts `values` into bins: `bins` edges (`[0, 50, 70, 100]`), or a number of equal
 * bins from the lowest to the highest value (by default Sturges' rule, 1 + log₂ n).
 * Each bin holds values from its lower edge up to, not including, its upper edge;
 * the last also holds its upper edge. Labels read "40–50".
 */
export function histogramBins(values: number[], bins?: number | number[]): { labels: string[]; counts: number[] } {
  let edges: number[];
  if (Array.isArray(bins)) edges = bins;
  else {
    let low = Infinity;
    let high = -Infinity;
    for (const v of values) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
    if (!Number.isFinite(low)) return { labels: [], counts: [] };
    const count = bins ?? Math.max(1, Math.ceil(1 + Math.log2(values.length)));
    const step = niceStep((high - low) / count || 1);
    const start = Math.floor(low / step) * step;
    const n = Math.max(1, Math.ceil((high - start) / step - 1e-9));
    edges = Array.from({ length: n + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 2;
  for (const v of values) {
    if (v < edges[0] || v > edges[last + 1]) continue;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]++;
  }
  const labels = counts.map((_, i) => `${formatNumber(edges[i])}–${formatNumber(edges[i + 1])}`);
  return { labels, counts };
}

/** A bin width of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-12)!;
  return step * power;
}
