import { linearFit } from '../data/statistics.js';
import { formatNumber, percentSign } from '../format.js';
import { messagesFor, type MessageKey, type Messages } from '../i18n/messages.js';
import type { ChartSeries, ChartType } from './types.js';

/** Points the alt text reads out per series; a screen reader does not read a thousand. */
const ALT_TEXT_POINTS = 50;

/** Each chart type a spec may name, by the catalogue's name for it (read out first in its description). */
const CHART_WORDS: Record<ChartType | 'histogram', MessageKey> = {
  bar: 'barChart',
  column: 'columnChart',
  line: 'lineChart',
  area: 'areaChart',
  pie: 'pieChart',
  doughnut: 'doughnutChart',
  scatter: 'scatterChart',
  histogram: 'histogram',
};

/** What a chart's description is made from: its data after the spec's transforms, and what the spec draws on it. */
export interface ChartDescription {
  type: ChartType | 'histogram';
  title?: string;
  labels: string[];
  series: ChartSeries[];
  unit: string;
  decimals: number;
  stacked?: 'stacked' | 'percent';
  trendline?: boolean;
  highlight?: string;
  /** The words, in the deck's language, whose numbers the description writes too (English if not given). */
  messages?: Messages;
}

/** "Bar chart, Share of the vote: Tokayev 81.31%, Against all 5.8%, …", with stacking, the trend and a highlighted category. */
export function describeChart(d: ChartDescription): string {
  const messages = d.messages ?? messagesFor('en');
  const number = (n: number, decimals?: number) => formatNumber(n, decimals, messages.lang);
  const stacking = d.stacked === 'percent' ? messages.text('percentStacked') : d.stacked ? messages.text('stacked') : undefined;
  const kind = [messages.text(CHART_WORDS[d.type]), stacking].filter(Boolean).join(', ');
  const head = `${kind}${d.title ? `, ${d.title}` : ''}`;
  const shown = d.labels.slice(0, ALT_TEXT_POINTS);
  const more = d.labels.length > shown.length ? `, ${messages.count('more', d.labels.length - shown.length)}` : '';
  const unit = d.unit === '%' ? percentSign(messages.lang) : d.unit;
  const points = (s: ChartSeries) => shown.map((l, i) => `${l} ${number(s.values[i], d.decimals)}${unit}`).join(', ') + more;
  const trend = (s: ChartSeries) => {
    if (!d.trendline) return '';
    const xs = d.type === 'scatter' ? d.labels.map(Number) : d.labels.map((_, i) => i + 1);
    const fit = linearFit(xs, s.values);
    if (!fit) return '';
    const sign = fit.intercept < 0 ? '−' : '+';
    return ` (${messages.text('trend', { slope: number(fit.slope), intercept: `${sign} ${number(Math.abs(fit.intercept))}`, r2: number(fit.r2) })})`;
  };
  const tail = d.highlight === undefined ? '' : `; ${messages.text('highlighted', { what: d.highlight })}`;
  const name = (s: ChartSeries) => `${s.name}${s.secondary ? ` (${messages.text('secondaryAxis')})` : ''}`;
  if (d.series.length === 1) return `${head}: ${points(d.series[0])}${trend(d.series[0])}${tail}`;
  return `${head}: ${d.series.map((s) => `${name(s)}: ${points(s)}${trend(s)}`).join('; ')}${tail}`;
}

/** `share_percent` → `Share percent`. */
export function humanize(column: string): string {
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Table: Group, Students (3 rows)": what a table is called for screen readers, from its header and its number of rows. */
export function tableName(header: string[], rows: number, messages: Messages): string {
  return messages.count('table', rows, { columns: header.join(', ') });
}

/** Rows a table's description reads out; the rest are counted. */
const ALT_TEXT_ROWS = 20;

/**
 * A results table's description for screen readers, from its rows after the spec's
 * transforms: "Table: Group, Students (3 rows); A 5, B 5, and 1 more; Total 15".
 */
export function describeTable(header: string[], rows: string[][], total?: string[], messages = messagesFor('en')): string {
  const shown = rows.slice(0, ALT_TEXT_ROWS).map((r) => r.filter(Boolean).join(' '));
  const more = rows.length > shown.length ? [messages.count('more', rows.length - shown.length)] : [];
  const totals = total ? [total.filter(Boolean).join(' ')] : [];
  const head = tableName(header, rows.length, messages);
  return [head, [...shown, ...more].join(', '), ...totals].filter(Boolean).join('; ');
}
