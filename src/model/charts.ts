import path from 'node:path';
import { recordPosition, type DataEntry, type Dataset, type DataRecord, type Value } from '../data/datasets.js';
import { fail, type DiagnosticError } from '../diagnostics.js';
import type { ChartBlock } from '../content/blocks.js';
import { FenceSpec, decimalsOf, formatNumber, selectRecords } from './dataSpec.js';
import { percentSign } from '../format.js';
import type { ChartElement, ChartSeries, ChartType } from './types.js';
import { messagesFor, type MessageKey, type Messages } from '../i18n/messages.js';

/** A chart before it is placed on a slide. */
export type ChartContent = Omit<ChartElement, 'x' | 'y' | 'w' | 'h' | 'region'> & { source?: string };

/** Each chart type, by the catalogue's name for it (read out first in its description). */
const CHART_TYPES: Record<ChartType, MessageKey> = {
  bar: 'barChart',
  column: 'columnChart',
  line: 'lineChart',
  area: 'areaChart',
  pie: 'pieChart',
  doughnut: 'doughnutChart',
  scatter: 'scatterChart',
};

const KEYS = ['type', 'data', 'x', 'y', 'labels', 'series', 'title', 'unit', 'sort', 'limit', 'source', 'values', 'min', 'max'] as const;

/** Charts whose bars or areas are read by their length: an axis that does not start at 0 misleads. */
const FROM_ZERO = new Set<ChartType>(['bar', 'column', 'area']);

/** Points the alt text reads out per series; a screen reader does not read a thousand. */
const ALT_TEXT_POINTS = 50;

/** Reads a ```chart fence into a chart: its type, categories and series, from a dataset or inline. */
export function chartFromBlock(
  block: ChartBlock,
  file: string,
  datasets: Map<string, DataEntry>,
  palette: string[],
  messages: Messages = messagesFor('en'),
): ChartContent {
  const spec = new FenceSpec('chart', block.yaml, file, block.line, KEYS);
  const type = spec.string('type') ?? 'column';
  if (!(type in CHART_TYPES)) {
    throw spec.error('unknown-type', `unknown chart type "${type}"; use one of ${Object.keys(CHART_TYPES).join(', ')}`, 'type');
  }
  const chartType = type as ChartType;
  const { labels, series, unitHint } = spec.values.data !== undefined ? fromDataset(spec, datasets) : inline(spec);
  if (labels.length === 0) throw spec.error('empty', 'the chart has no data points');
  if ((chartType === 'pie' || chartType === 'doughnut') && series.length > 1) {
    throw spec.error(
      'too-many-series',
      `a ${type} chart shows one series, but this one has ${series.length}; use a bar or column chart`,
      spec.values.data !== undefined ? 'y' : 'series',
    );
  }
  const unit = spec.string('unit') ?? unitHint;
  const title = spec.string('title');
  const showValues = typeof spec.values.values === 'boolean' ? spec.values.values : labels.length <= 12 && series.length <= 2;
  const decimals = decimalsOf(series.flatMap((s) => s.values));
  const valueAxis = valueAxisOf(spec, chartType, series);
  return {
    kind: 'chart',
    chartType,
    title,
    labels,
    series,
    unit,
    decimals,
    valueAxis,
    showValues,
    colors: palette,
    altText: describeChart(chartType, title, labels, series, unit, decimals, messages),
    source: spec.string('source'),
  };
}

/**
 * The value axis's fixed ends: the spec's `min:` and `max:`, else 0 at the end
 * of the data's side for bar, column and area charts (79 is drawn as 79/86 of 86).
 */
function valueAxisOf(spec: FenceSpec, type: ChartType, series: ChartSeries[]): ChartElement['valueAxis'] {
  let min = spec.number('min');
  let max = spec.number('max');
  if ((type === 'pie' || type === 'doughnut') && (min !== undefined || max !== undefined))
    throw spec.error(
      'no-axis',
      `a ${type} chart has no value axis, so "${min !== undefined ? 'min' : 'max'}" does not apply`,
      min !== undefined ? 'min' : 'max',
    );
  if (min !== undefined && max !== undefined && min >= max)
    throw spec.error('axis-range', `"min" (${min}) must be below "max" (${max})`, 'min');
  if (FROM_ZERO.has(type)) {
    // A loop, not Math.min(...values): a series can hold more values than a call takes arguments.
    let lowest = Infinity;
    let highest = -Infinity;
    for (const s of series)
      for (const v of s.values) {
        if (v < lowest) lowest = v;
        if (v > highest) highest = v;
      }
    if (min === undefined && lowest >= 0 && (max === undefined || max > 0)) min = 0;
    if (max === undefined && highest <= 0 && (min === undefined || min < 0)) max = 0;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function fromDataset(spec: FenceSpec, datasets: Map<string, DataEntry>): { labels: string[]; series: ChartSeries[]; unitHint: string } {
  const dataset = spec.dataset(datasets);
  const x = spec.column(dataset, spec.string('x') ?? dataset.columns[0], 'x');
  const yRaw = spec.values.y ?? dataset.columns.filter((c) => c !== x && dataset.records.every((r) => r[c] === null || isNumberLike(r[c])));
  const ys = (Array.isArray(yRaw) ? yRaw : [yRaw]).map(String);
  if (ys.length === 0)
    throw spec.error('no-values', `dataset "${dataset.name}" has no numeric column to plot; name one with "y: <column>"`, 'data');
  const records = selectRecords(dataset.records, spec.sort(dataset), spec.limit());
  const series = ys.map((y) => {
    spec.column(dataset, y, 'y');
    const values = records.map((r) => {
      const v = r[y];
      if (v === null) return 0;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw valueError(spec, dataset, r, y, v);
      return v;
    });
    return { name: humanize(y), values };
  });
  const unitHint = ys.every((y) => /percent|share|pct/i.test(y)) ? '%' : '';
  return { labels: records.map((r) => String(r[x] ?? '')), series, unitHint };
}

/** A number, or text written as one that no chart can draw: 1e400, Infinity, -inf, NaN. */
function isNumberLike(value: Value): boolean {
  return (
    typeof value === 'number' ||
    (typeof value === 'string' && /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|\.?inf(?:inity)?|\.?nan)$/i.test(value))
  );
}

/**
 * A cell a chart cannot draw. A number too large, infinite or undefined (1e400,
 * Infinity, NaN) is a fault of its row, reported at the row's line of the data
 * file; text in the column means the chart names the wrong column, reported at `y:`.
 */
function valueError(spec: FenceSpec, dataset: Dataset, record: DataRecord, column: string, value: Value): DiagnosticError {
  const at = recordPosition(dataset, record);
  const row = at === dataset.origin ? `row ${dataset.records.indexOf(record) + 1}` : `line ${at.line} of ${path.basename(at.file)}`;
  if (isNumberLike(value)) {
    return fail(
      'chart/not-finite',
      `chart: "${value}" in column "${column}" of dataset "${dataset.name}" is not a number a chart can draw (too large, infinite or undefined); write a number, or leave the cell empty (the chart is at ${path.basename(spec.file)}:${spec.line})`,
      at,
    );
  }
  return spec.error('not-numeric', `column "${column}" of dataset "${dataset.name}" must hold numbers, but ${row} has "${value}"`, 'y');
}

function inline(spec: FenceSpec): { labels: string[]; series: ChartSeries[]; unitHint: string } {
  const labels = spec.values.labels;
  const series = spec.values.series;
  if (!Array.isArray(labels))
    throw spec.error(
      'no-data',
      'give the chart data: "data: <dataset>" with "x:" and "y:", or "labels: [...]" with "series: [{name: ..., values: [...]}]"',
    );
  if (!Array.isArray(series) || series.length === 0)
    throw spec.error('no-series', '"series" must be a list such as [{name: Votes, values: [1, 2, 3]}]', 'series');
  const out = series.map((s: unknown, i) => {
    const item = s as { name?: unknown; values?: unknown };
    if (!item || !Array.isArray(item.values) || !item.values.every((v) => typeof v === 'number')) {
      throw spec.error('not-numeric', `series ${i + 1} needs "values" as a list of numbers`, 'series');
    }
    const bad = (item.values as number[]).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw spec.error(
        'not-finite',
        `value ${bad + 1} of series ${i + 1} is ${item.values[bad]}, which a chart cannot draw; write a number such as 0`,
        'series',
      );
    }
    if (item.values.length !== labels.length) {
      throw spec.error('length', `series ${i + 1} has ${item.values.length} values but there are ${labels.length} labels`, 'series');
    }
    return { name: String(item.name ?? `Series ${i + 1}`), values: item.values as number[] };
  });
  return { labels: labels.map(String), series: out, unitHint: '' };
}

/** "Bar chart, Share of the vote: Tokayev 81.31%, Against all 5.8%, …" */
export function describeChart(
  type: ChartType,
  title: string | undefined,
  labels: string[],
  series: ChartSeries[],
  unit: string,
  decimals: number,
  messages: Messages = messagesFor('en'),
): string {
  const { lang } = messages;
  const head = `${messages.text(CHART_TYPES[type])}${title ? `, ${title}` : ''}`;
  const shown = labels.slice(0, ALT_TEXT_POINTS);
  const more =
    labels.length > shown.length ? `, ${messages.text('more', { count: formatNumber(labels.length - shown.length, 0, lang) })}` : '';
  const after = unit === '%' ? percentSign(lang) : unit;
  const points = (s: ChartSeries) => shown.map((l, i) => `${l} ${formatNumber(s.values[i], decimals, lang)}${after}`).join(', ') + more;
  if (series.length === 1) return `${head}: ${points(series[0])}`;
  return `${head}: ${series.map((s) => `${s.name}: ${points(s)}`).join('; ')}`;
}

/** `share_percent` → `Share percent`. */
export function humanize(column: string): string {
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
