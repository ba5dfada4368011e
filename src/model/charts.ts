import path from 'node:path';
import { parsePattern } from '../data/cellFormat.js';
import { recordPosition, type DataEntry, type Dataset, type DataRecord, type Value } from '../data/datasets.js';
import { decimalCommaHint } from '../data/csv.js';
import { histogramBins } from '../data/statistics.js';
import { TRANSFORM_KEYS } from '../data/transform.js';
import { fail, type DiagnosticError } from '../diagnostics.js';
import type { ChartBlock } from '../content/blocks.js';
import { distinguishable, distinguishableColors } from './chartPalette.js';
import { describeChart, humanize } from './dataText.js';
import { percentSign } from '../format.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { englishCount } from '../i18n/plural.js';
import { FenceSpec, decimalsOf } from './dataSpec.js';
import type { ChartElement, ChartSeries, ChartType } from './types.js';

export { describeChart, humanize } from './dataText.js';

/** A chart before it is placed on a slide. */
export type ChartContent = Omit<ChartElement, 'x' | 'y' | 'w' | 'h' | 'region'> & { source?: string };

/** The chart types a spec may name; a histogram is drawn as a column chart whose bars touch. */
const CHART_TYPES = ['bar', 'column', 'line', 'area', 'pie', 'doughnut', 'scatter', 'histogram'] as const;
type SpecType = (typeof CHART_TYPES)[number];

const KEYS = [
  'type',
  'data',
  'x',
  'y',
  'labels',
  'series',
  'title',
  'unit',
  ...TRANSFORM_KEYS,
  'source',
  'values',
  'min',
  'max',
  'xTitle',
  'yTitle',
  'y2Title',
  'format',
  'legend',
  'stacked',
  'trendline',
  'showEquation',
  'showR2',
  'highlight',
  'bins',
] as const;

/** Charts whose bars or areas are read by their length: an axis that does not start at 0 misleads. */
const FROM_ZERO = new Set<ChartType>(['bar', 'column', 'area']);
const ROUND = new Set<ChartType>(['pie', 'doughnut']);
const LEGENDS = { right: 'right', bottom: 'bottom', none: 'none' } as const;

/** What a chart's colours and words come from: the template's palette and accent, the deck's language. */
export interface ChartStyle {
  palette: string[];
  accent?: string;
  messages?: Messages;
}

/** Reads a ```chart fence into a chart: its type, categories and series, from a dataset or inline. */
export function chartFromBlock(
  block: ChartBlock,
  file: string,
  datasets: Map<string, DataEntry>,
  style: ChartStyle | string[],
): ChartContent {
  const { palette, accent, messages = messagesFor('en') } = Array.isArray(style) ? { palette: style, accent: undefined } : style;
  const spec = new FenceSpec('chart', block.yaml, file, block.line, KEYS);
  const type = spec.string('type') ?? 'column';
  if (!(CHART_TYPES as readonly string[]).includes(type)) {
    throw spec.error('unknown-type', `unknown chart type "${type}"; use one of ${CHART_TYPES.join(', ')}`, 'type');
  }
  const specType = type as SpecType;
  const chartType: ChartType = specType === 'histogram' ? 'column' : specType;
  const fromData = spec.values.data !== undefined;
  const { labels, series, unitHint } =
    specType === 'histogram' ? histogram(spec, datasets) : fromData ? fromDataset(spec, datasets) : inline(spec);
  if (labels.length === 0) throw spec.error('empty', 'the chart has no data points');
  if (ROUND.has(chartType) && series.length > 1) {
    throw spec.error(
      'too-many-series',
      `a ${type} chart shows one series, but this one has ${series.length}; use a bar or column chart`,
      fromData ? 'y' : 'series',
    );
  }
  const stacked = stackingOf(spec, chartType);
  const unit = spec.string('unit') ?? (stacked === 'percent' ? '' : unitHint);
  const title = spec.string('title');
  const labelsKey = typeof spec.values.labels === 'boolean' ? spec.values.labels : spec.values.values;
  const showValues = typeof labelsKey === 'boolean' ? labelsKey : labels.length <= 12 && series.length <= 2 && !stacked;
  const decimals = decimalsOf(series.flatMap((s) => s.values));
  const trendline = trendlineOf(spec, chartType);
  const legend = legendOf(spec, chartType, series);
  const highlight = highlightOf(spec, chartType, labels, series);
  const seriesColors = distinguishableColors(palette, ROUND.has(chartType) ? labels.length : series.length);
  const colors =
    highlight === undefined ? seriesColors : labels.map((_, i) => (i === highlight ? highlightColor(palette, accent) : seriesColors[0]));
  return {
    kind: 'chart',
    chartType,
    title,
    labels,
    series,
    unit,
    decimals,
    valueAxis: valueAxisOf(spec, chartType, series, stacked),
    showValues,
    colors,
    numberFormat: numberFormatOf(spec, unit, decimals, stacked, messages.lang),
    ...(stacked ? { stacked } : {}),
    legend,
    ...optional('xTitle', spec.string('xTitle')),
    ...optional('yTitle', spec.string('yTitle')),
    ...optional('y2Title', spec.string('y2Title')),
    ...(trendline ? { trendline } : {}),
    ...(specType === 'histogram' ? { gapWidth: 5 } : {}),
    altText: describeChart({
      type: specType,
      title,
      labels,
      series,
      unit,
      decimals,
      stacked,
      trendline: Boolean(trendline),
      highlight: highlight === undefined ? undefined : labels[highlight],
      messages,
    }),
    source: spec.string('source'),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** The colour of a highlighted category: the template's accent, or, where it is too like the bars' colour, the next palette colour that is not. */
function highlightColor(palette: string[], accent: string | undefined): string {
  const [base, other] = distinguishableColors(palette, 2);
  return accent !== undefined && distinguishable(accent, base) ? accent : (other ?? base);
}

/** `stacked: true` or `stacked: percent`, on bar, column and area charts. */
function stackingOf(spec: FenceSpec, type: ChartType): ChartElement['stacked'] {
  const raw = spec.values.stacked;
  if (raw === undefined || raw === null || raw === false) return undefined;
  if (raw !== true && raw !== 'percent') throw spec.error('stacked', `"stacked" must be true or percent, not "${String(raw)}"`, 'stacked');
  if (!FROM_ZERO.has(type)) throw spec.error('stacked', `a ${type} chart cannot be stacked; stack a bar, column or area chart`, 'stacked');
  return raw === true ? 'stacked' : 'percent';
}

/** `legend: right|bottom|none`; by default a legend below when there are several series, right of a pie. */
function legendOf(spec: FenceSpec, type: ChartType, series: ChartSeries[]): ChartElement['legend'] {
  const raw = spec.string('legend');
  if (raw !== undefined) {
    if (!(raw in LEGENDS)) throw spec.error('legend', `"legend" must be right, bottom or none, not "${raw}"`, 'legend');
    return LEGENDS[raw as keyof typeof LEGENDS];
  }
  return ROUND.has(type) ? 'right' : series.length > 1 ? 'bottom' : 'none';
}

/** `trendline: linear` (or `{type: linear, showEquation: true, showR2: true}`) on a scatter or line chart. */
function trendlineOf(spec: FenceSpec, type: ChartType): ChartElement['trendline'] {
  const raw = spec.values.trendline;
  if (raw === undefined || raw === null || raw === false) return undefined;
  const options = typeof raw === 'object' ? (raw as Record<string, unknown>) : { type: raw };
  if (options.type !== 'linear' && options.type !== true)
    throw spec.error('trendline', `"trendline" must be linear (the only kind lectern draws), not "${String(options.type)}"`, 'trendline');
  if (type !== 'scatter' && type !== 'line')
    throw spec.error('trendline', `a trendline goes on a scatter or line chart, not a ${type} chart`, 'trendline');
  const flag = (key: 'showEquation' | 'showR2') => {
    const v = options[key] ?? spec.values[key];
    if (v !== undefined && typeof v !== 'boolean') throw spec.error('trendline', `"${key}" must be true or false`, key);
    return v === true;
  };
  return { showEquation: flag('showEquation'), showR2: flag('showR2') };
}

/** `highlight: <category>`: the index of the category drawn in the accent colour (one-series bar and column charts). */
function highlightOf(spec: FenceSpec, type: ChartType, labels: string[], series: ChartSeries[]): number | undefined {
  const raw = spec.string('highlight');
  if (raw === undefined) return undefined;
  if ((type !== 'bar' && type !== 'column') || series.length !== 1)
    throw spec.error('highlight', 'a highlighted category needs a bar or column chart with one series', 'highlight');
  const index = labels.indexOf(raw);
  if (index < 0) {
    const shown = labels.slice(0, 12).join(', ') + (labels.length > 12 ? ', …' : '');
    throw spec.error('highlight', `there is no category "${raw}" to highlight (categories: ${shown})`, 'highlight');
  }
  return index;
}

/** `format:` as the Excel number format of labels and axis; else thousands separators, the data's decimals and the unit. */
function numberFormatOf(spec: FenceSpec, unit: string, decimals: number, stacked: ChartElement['stacked'], lang: string): string {
  const raw = spec.values.format;
  if (raw !== undefined && raw !== null) {
    const text = String(raw);
    if (typeof raw === 'object' || parsePattern(text)?.kind !== 'number')
      throw spec.error('format', `the format "${text}" is not a number pattern; use e.g. "0.0", "#,##0" or "0%"`, 'format');
    return text;
  }
  if (stacked === 'percent') return '0%';
  // `,` and `.` stand for the reader's own separators; the percent sign is spaced as the deck's language does.
  const suffix = unit === '%' ? `"${percentSign(lang)}"` : unit ? `" ${unit.replace(/"/g, '')}"` : '';
  return `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${suffix}`;
}

/**
 * The value axis's fixed ends: the spec's `min:` and `max:`, else 0 at the end
 * of the data's side for bar, column and area charts (79 is drawn as 79/86 of 86).
 */
function valueAxisOf(spec: FenceSpec, type: ChartType, series: ChartSeries[], stacked: ChartElement['stacked']): ChartElement['valueAxis'] {
  let min = spec.number('min');
  let max = spec.number('max');
  if (ROUND.has(type) && (min !== undefined || max !== undefined))
    throw spec.error(
      'no-axis',
      `a ${type} chart has no value axis, so "${min !== undefined ? 'min' : 'max'}" does not apply`,
      min !== undefined ? 'min' : 'max',
    );
  if (min !== undefined && max !== undefined && min >= max)
    throw spec.error('axis-range', `"min" (${min}) must be below "max" (${max})`, 'min');
  if (FROM_ZERO.has(type) || series.some((s) => s.type && s.type !== 'line')) {
    // A loop, not Math.min(...values): a series can hold more values than a call takes arguments.
    let lowest = Infinity;
    let highest = -Infinity;
    for (const s of series) {
      if (s.secondary) continue;
      for (const v of s.values) {
        if (v < lowest) lowest = v;
        if (v > highest) highest = v;
      }
    }
    if (stacked) lowest = Math.min(lowest, 0);
    if (min === undefined && lowest >= 0 && (max === undefined || max > 0)) min = 0;
    if (max === undefined && highest <= 0 && (min === undefined || min < 0) && !stacked) max = 0;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The values of column `y` for a chart, each a finite number (an empty cell is 0). */
function numbersOf(spec: FenceSpec, dataset: Dataset, column: string, key: string): number[] {
  return dataset.records.map((r) => {
    const v = r[column];
    if (v === null) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw valueError(spec, dataset, r, column, v, key);
    return v;
  });
}

function fromDataset(spec: FenceSpec, datasets: Map<string, DataEntry>): { labels: string[]; series: ChartSeries[]; unitHint: string } {
  const dataset = spec.transformed(datasets);
  const x = spec.column(dataset, spec.string('x') ?? dataset.columns[0], 'x');
  const combined = Array.isArray(spec.values.series) ? comboSeries(spec, dataset) : undefined;
  const yRaw = spec.values.y ?? dataset.columns.filter((c) => c !== x && dataset.records.every((r) => r[c] === null || isNumberLike(r[c])));
  const ys = combined ? combined.map((s) => s.column) : (Array.isArray(yRaw) ? yRaw : [yRaw]).map(String);
  if (ys.length === 0)
    throw spec.error('no-values', `dataset "${dataset.name}" has no numeric column to plot; name one with "y: <column>"`, 'data');
  const series = ys.map((y, i): ChartSeries => {
    const key = combined ? 'series' : 'y';
    spec.column(dataset, y, key);
    const extra = combined?.[i];
    return {
      name: extra?.name ?? humanize(y),
      values: numbersOf(spec, dataset, y, key),
      ...(extra?.type ? { type: extra.type } : {}),
      ...(extra?.secondary ? { secondary: true } : {}),
    };
  });
  const unitHint = ys.every((y) => /percent|share|pct/i.test(y)) ? '%' : '';
  return { labels: dataset.records.map((r) => labelOf(r[x])), series, unitHint };
}

/** `series: [{y: final, type: column}, {y: attendance, type: line, axis: secondary, name: Attendance}]` with `data:`. */
function comboSeries(spec: FenceSpec, dataset: Dataset) {
  return (spec.values.series as unknown[]).map((raw, i) => {
    const s = (typeof raw === 'object' && raw !== null ? raw : { y: raw }) as Record<string, unknown>;
    const column = String(s.y ?? s.column ?? '');
    if (!column) throw spec.error('series', `series ${i + 1} needs "y: <column>"`, 'series');
    spec.column(dataset, column, 'series');
    const type = s.type === undefined ? undefined : String(s.type);
    if (type !== undefined && !['column', 'bar', 'line', 'area'].includes(type))
      throw spec.error('series', `series ${i + 1} has type "${type}"; a combination chart takes column, line or area series`, 'series');
    if (s.axis !== undefined && s.axis !== 'secondary' && s.axis !== 'primary')
      throw spec.error('series', `"axis" of series ${i + 1} must be primary or secondary, not "${String(s.axis)}"`, 'series');
    return {
      column,
      name: s.name === undefined ? undefined : String(s.name),
      type: type as ChartSeries['type'],
      secondary: s.axis === 'secondary',
    };
  });
}

/** `type: histogram`, `x:` a column of raw numbers, `bins:` a count or a list of edges: the count in each bin. */
function histogram(spec: FenceSpec, datasets: Map<string, DataEntry>): { labels: string[]; series: ChartSeries[]; unitHint: string } {
  const dataset = spec.transformed(datasets);
  const key = spec.values.x !== undefined ? 'x' : 'y';
  const column = spec.column(dataset, spec.string(key) ?? dataset.columns[0], key);
  const values = numbersOf(spec, dataset, column, key).filter((_, i) => dataset.records[i][column] !== null);
  const bins = spec.values.bins;
  if (bins !== undefined && !(typeof bins === 'number' && Number.isInteger(bins) && bins >= 1 && bins <= 100) && !isEdges(bins))
    throw spec.error('bins', '"bins" must be a number of bins (1 to 100) or a rising list of edges, e.g. [0, 50, 70, 100]', 'bins');
  const { labels, counts } = histogramBins(values, bins as number | number[] | undefined);
  return { labels, series: [{ name: spec.string('yTitle') ?? humanize(column), values: counts }], unitHint: '' };
}

function isEdges(v: unknown): v is number[] {
  return Array.isArray(v) && v.length >= 2 && v.every((n, i) => typeof n === 'number' && (i === 0 || n > v[i - 1]));
}

function labelOf(v: Value): string {
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
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
function valueError(spec: FenceSpec, dataset: Dataset, record: DataRecord, column: string, value: Value, key: string): DiagnosticError {
  const at = recordPosition(dataset, record);
  const row = at === dataset.origin ? `row ${dataset.records.indexOf(record) + 1}` : `line ${at.line} of ${path.basename(at.file)}`;
  if (isNumberLike(value)) {
    return fail(
      'chart/not-finite',
      `chart: "${String(value)}" in column "${column}" of dataset "${dataset.name}" is not a number a chart can draw (too large, infinite or undefined); write a number, or leave the cell empty (the chart is at ${path.basename(spec.file)}:${spec.line})`,
      at,
    );
  }
  return spec.error(
    'not-numeric',
    `column "${column}" of dataset "${dataset.name}" must hold numbers, but ${row} has "${String(value)}"${decimalCommaHint(value, dataset.name)}`,
    key,
  );
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
  const out = series.map((s: unknown, i): ChartSeries => {
    const item = s as { name?: unknown; values?: unknown; type?: unknown; axis?: unknown };
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
      throw spec.error(
        'length',
        `series ${i + 1} has ${englishCount(item.values.length, 'value')} but there ${labels.length === 1 ? 'is' : 'are'} ${englishCount(labels.length, 'label')}`,
        'series',
      );
    }
    const type = item.type === undefined ? undefined : String(item.type);
    if (type !== undefined && !['column', 'bar', 'line', 'area'].includes(type))
      throw spec.error('series', `series ${i + 1} has type "${type}"; a combination chart takes column, line or area series`, 'series');
    return {
      name: String(item.name ?? `Series ${i + 1}`),
      values: item.values as number[],
      ...(type ? { type: type as ChartSeries['type'] } : {}),
      ...(item.axis === 'secondary' ? { secondary: true } : {}),
    };
  });
  return { labels: labels.map(String), series: out, unitHint: '' };
}
