import type { DataEntry } from '../data/datasets.js';
import type { ChartBlock } from '../content/blocks.js';
import { FenceSpec, decimalsOf, formatNumber, selectRecords } from './dataSpec.js';
import type { ChartElement, ChartSeries, ChartType } from './types.js';

/** A chart before it is placed on a slide. */
export type ChartContent = Omit<ChartElement, 'x' | 'y' | 'w' | 'h' | 'region'> & { source?: string };

const CHART_TYPES: Record<ChartType, string> = {
  bar: 'Bar chart',
  column: 'Column chart',
  line: 'Line chart',
  area: 'Area chart',
  pie: 'Pie chart',
  doughnut: 'Doughnut chart',
  scatter: 'Scatter chart',
};

const KEYS = ['type', 'data', 'x', 'y', 'labels', 'series', 'title', 'unit', 'sort', 'limit', 'source', 'values'] as const;

/** Reads a ```chart fence into a chart: its type, categories and series, from a dataset or inline. */
export function chartFromBlock(block: ChartBlock, file: string, datasets: Map<string, DataEntry>, palette: string[]): ChartContent {
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
  return {
    kind: 'chart',
    chartType,
    title,
    labels,
    series,
    unit,
    decimals,
    showValues,
    colors: palette,
    altText: describeChart(chartType, title, labels, series, unit, decimals),
    source: spec.string('source'),
  };
}

function fromDataset(spec: FenceSpec, datasets: Map<string, DataEntry>): { labels: string[]; series: ChartSeries[]; unitHint: string } {
  const dataset = spec.dataset(datasets);
  const x = spec.column(dataset, spec.string('x') ?? dataset.columns[0], 'x');
  const yRaw =
    spec.values.y ?? dataset.columns.filter((c) => c !== x && dataset.records.every((r) => r[c] === null || typeof r[c] === 'number'));
  const ys = (Array.isArray(yRaw) ? yRaw : [yRaw]).map(String);
  if (ys.length === 0)
    throw spec.error('no-values', `dataset "${dataset.name}" has no numeric column to plot; name one with "y: <column>"`, 'data');
  const records = selectRecords(dataset.records, spec.sort(dataset), spec.limit());
  const series = ys.map((y) => {
    spec.column(dataset, y, 'y');
    const values = records.map((r, row) => {
      const v = r[y];
      if (v === null) return 0;
      if (typeof v !== 'number') {
        throw spec.error('not-numeric', `column "${y}" of dataset "${dataset.name}" must hold numbers, but row ${row + 1} has "${v}"`, 'y');
      }
      return v;
    });
    return { name: humanize(y), values };
  });
  const unitHint = ys.every((y) => /percent|share|pct/i.test(y)) ? '%' : '';
  return { labels: records.map((r) => String(r[x] ?? '')), series, unitHint };
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
): string {
  const head = `${CHART_TYPES[type]}${title ? `, ${title}` : ''}`;
  const points = (s: ChartSeries) => labels.map((l, i) => `${l} ${formatNumber(s.values[i], decimals)}${unit}`).join(', ');
  if (series.length === 1) return `${head}: ${points(series[0])}`;
  return `${head}: ${series.map((s) => `${s.name}: ${points(s)}`).join('; ')}`;
}

/** `share_percent` → `Share percent`. */
export function humanize(column: string): string {
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
