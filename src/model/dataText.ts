import { linearFit } from '../data/statistics.js';
import { DATA_WORDS } from '../data/words.js';
import { localise } from '../data/cellFormat.js';
import { formatNumber } from '../format.js';
import { numberSymbols } from '../i18n/numberSymbols.js';
import type { ChartSeries } from './types.js';

/** Points the alt text reads out per series; a screen reader does not read a thousand. */
const ALT_TEXT_POINTS = 50;

/** What a chart's description is made from: its data after the spec's transforms, and what the spec draws on it. */
export interface ChartDescription {
  type: keyof typeof DATA_WORDS.chart;
  title?: string;
  labels: string[];
  series: ChartSeries[];
  unit: string;
  decimals: number;
  stacked?: 'stacked' | 'percent';
  trendline?: boolean;
  highlight?: string;
  /** The deck's language, whose separators the numbers take. */
  lang?: string;
}

/** "Bar chart, Share of the vote: Tokayev 81.31%, Against all 5.8%, …", with stacking, the trend and a highlighted category. */
export function describeChart(d: ChartDescription): string {
  const words = DATA_WORDS;
  const symbols = numberSymbols(d.lang ?? 'en');
  const number = (n: number, decimals?: number) => localise(formatNumber(n, decimals), symbols);
  const kind = [words.chart[d.type], d.stacked === 'percent' ? words.percentStacked : d.stacked ? words.stacked : undefined]
    .filter(Boolean)
    .join(', ');
  const head = `${kind}${d.title ? `, ${d.title}` : ''}`;
  const shown = d.labels.slice(0, ALT_TEXT_POINTS);
  const more = d.labels.length > shown.length ? `, ${words.more(number(d.labels.length - shown.length))}` : '';
  const points = (s: ChartSeries) => shown.map((l, i) => `${l} ${number(s.values[i], d.decimals)}${d.unit}`).join(', ') + more;
  const trend = (s: ChartSeries) => {
    if (!d.trendline) return '';
    const xs = d.type === 'scatter' ? d.labels.map(Number) : d.labels.map((_, i) => i + 1);
    const fit = linearFit(xs, s.values);
    if (!fit) return '';
    const sign = fit.intercept < 0 ? '−' : '+';
    return ` (${words.trend(number(fit.slope), `${sign} ${number(Math.abs(fit.intercept))}`, number(fit.r2))})`;
  };
  const tail = d.highlight === undefined ? '' : `; ${words.highlighted(d.highlight)}`;
  const name = (s: ChartSeries) => `${s.name}${s.secondary ? ` (${words.secondaryAxis})` : ''}`;
  if (d.series.length === 1) return `${head}: ${points(d.series[0])}${trend(d.series[0])}${tail}`;
  return `${head}: ${d.series.map((s) => `${name(s)}: ${points(s)}${trend(s)}`).join('; ')}${tail}`;
}

/** `share_percent` → `Share percent`. */
export function humanize(column: string): string {
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Rows a table's description reads out; the rest are counted. */
const ALT_TEXT_ROWS = 20;

/**
 * A results table's description for screen readers, from its rows after the spec's
 * transforms: "Table: Group, Students; A 5, B 5, and 1 more; Total 15".
 */
export function describeTable(header: string[], rows: string[][], total?: string[]): string {
  const words = DATA_WORDS;
  const shown = rows.slice(0, ALT_TEXT_ROWS).map((r) => r.filter(Boolean).join(' '));
  const more = rows.length > shown.length ? [words.more(formatNumber(rows.length - shown.length))] : [];
  const totals = total ? [total.filter(Boolean).join(' ')] : [];
  return [`${words.table}: ${header.join(', ')}`, [...shown, ...more].join(', '), ...totals].filter(Boolean).join('; ');
}
