import type PptxGenJS from 'pptxgenjs';
import type { ChartElement, ChartSeries } from '../model/types.js';
import { readableOnAll } from '../templates/colors.js';
import type { Theme } from '../templates/types.js';

type ChartName = PptxGenJS.default.CHART_NAME;
type ChartOptions = PptxGenJS.default.IChartOpts;
type ChartData = PptxGenJS.default.OptsChartData;
type ComboPart = { type: ChartName; data: ChartData[]; options: ChartOptions };

/** What pptxgenjs is given for one chart: one type and its data, or the parts of a combination chart; and the chart's options. */
export interface ChartCall {
  type: ChartName | ComboPart[];
  data: ChartData[];
  options: ChartOptions;
  /** Whether pptxgenjs writes colours per point (`c:dPt`): a bar series alone in its plot with several colours given. */
  pointColors: boolean;
  /** In a combination chart, each series' colour by its index, for the line markers pptxgenjs colours otherwise. */
  seriesColors?: string[];
}

const CHART_TYPES: Record<ChartElement['chartType'] | NonNullable<ChartSeries['type']>, ChartName> = {
  bar: 'bar',
  column: 'bar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  doughnut: 'doughnut',
  scatter: 'scatter',
};

const LEGEND_POSITIONS = { right: 'r', bottom: 'b' } as const;
const GROUPING = { stacked: 'stacked', percent: 'percentStacked' } as const;

/** The pptxgenjs call that draws chart `e` in the template's fonts and colours. */
export function chartCall(e: ChartElement, theme: Theme, box: { x: number; y: number; w: number; h: number }): ChartCall {
  const { colors, fonts } = theme;
  const round = e.chartType === 'pie' || e.chartType === 'doughnut';
  const data: ChartData[] =
    e.chartType === 'scatter'
      ? [{ name: 'X', values: e.labels.map(Number) }, ...e.series.map((sr) => ({ name: sr.name, values: sr.values }))]
      : e.series.map((sr) => ({ name: sr.name, labels: e.labels, values: sr.values }));
  const axisText = { fontFace: fonts.body, fontSize: 14, color: colors.text };
  const titleText = { fontFace: fonts.body, fontSize: 14, color: colors.text };
  const valueAxis = (min?: number, max?: number, title?: string) => ({
    valAxisLabelFormatCode: axisFormat(e.numberFormat),
    ...(min !== undefined ? { valAxisMinVal: min } : {}),
    ...(max !== undefined ? { valAxisMaxVal: max } : {}),
    ...(title
      ? {
          showValAxisTitle: true,
          valAxisTitle: title,
          valAxisTitleFontFace: titleText.fontFace,
          valAxisTitleFontSize: titleText.fontSize,
          valAxisTitleColor: titleText.color,
        }
      : {}),
  });
  const perPoint = round || e.colors.length > e.series.length;
  const options: ChartOptions = {
    ...box,
    altText: e.altText,
    chartColors: perPoint ? e.colors.slice(0, Math.max(1, e.labels.length)) : e.colors.slice(0, e.series.length),
    ...(e.chartType === 'bar' ? { barDir: 'bar', catAxisOrientation: 'maxMin', valGridLine: { style: 'none' } } : {}),
    ...(e.chartType === 'column' ? { barDir: 'col' } : {}),
    ...(e.chartType === 'bar' || e.chartType === 'column' ? { barGapWidthPct: e.gapWidth ?? 60 } : {}),
    ...(e.stacked ? { barGrouping: GROUPING[e.stacked] } : {}),
    showTitle: Boolean(e.title),
    ...(e.title ? { title: e.title, titleFontFace: fonts.heading, titleFontSize: 18, titleColor: colors.text } : {}),
    showLegend: e.legend !== 'none',
    ...(e.legend !== 'none' ? { legendPos: LEGEND_POSITIONS[e.legend] } : {}),
    legendFontSize: 14,
    legendFontFace: fonts.body,
    legendColor: colors.text,
    showValue: e.showValues,
    // Pie labels sit outside the slices, on the slide's background, where the text colour reads.
    ...(round ? { showPercent: false, showLeaderLines: true, dataLabelPosition: e.chartType === 'pie' ? 'outEnd' : 'ctr' } : {}),
    ...(e.showValues && !round && !e.stacked && (e.chartType === 'bar' || e.chartType === 'column') ? { dataLabelPosition: 'outEnd' } : {}),
    ...(e.showValues && e.stacked ? { dataLabelPosition: 'ctr' } : {}),
    dataLabelFormatCode: e.numberFormat,
    dataLabelFontSize: 14,
    dataLabelFontFace: fonts.body,
    // Doughnut and stacked labels sit on the bars or slices; others on the slide.
    dataLabelColor:
      e.chartType === 'doughnut' || e.stacked
        ? readableOnAll(e.colors.slice(0, Math.max(e.series.length, 1)), ['FFFFFF', '000000'])
        : colors.text,
    ...valueAxis(e.valueAxis.min, e.valueAxis.max, e.yTitle),
    ...(e.xTitle
      ? {
          showCatAxisTitle: true,
          catAxisTitle: e.xTitle,
          catAxisTitleFontFace: titleText.fontFace,
          catAxisTitleFontSize: titleText.fontSize,
          catAxisTitleColor: titleText.color,
        }
      : {}),
    catAxisLabelFontFace: axisText.fontFace,
    catAxisLabelFontSize: axisText.fontSize,
    catAxisLabelColor: axisText.color,
    valAxisLabelFontFace: axisText.fontFace,
    valAxisLabelFontSize: axisText.fontSize,
    valAxisLabelColor: axisText.color,
    ...(e.chartType === 'line' || e.chartType === 'scatter' ? { lineSize: 3, lineDataSymbolSize: 8 } : {}),
    ...(e.chartType === 'scatter' ? { lineSize: 0 } : {}),
    ...(e.chartType === 'doughnut' ? { holeSize: 55 } : {}),
  } as ChartOptions;
  if (!e.series.some((s) => s.type || s.secondary))
    return { type: CHART_TYPES[e.chartType], data, options, pointColors: !round && CHART_TYPES[e.chartType] === 'bar' && perPoint };
  return comboCall(e, data, options, valueAxis);
}

/**
 * A combination chart: runs of series with the same type and axis become the parts
 * pptxgenjs draws on one plot; the secondary axis, when used, is on the right, its
 * category axis hidden.
 */
function comboCall(
  e: ChartElement,
  data: ChartData[],
  options: ChartOptions,
  valueAxis: (min?: number, max?: number, title?: string) => Partial<ChartOptions>,
): ChartCall {
  const parts: ComboPart[] = [];
  const indices: number[][] = [];
  e.series.forEach((s, i) => {
    const type = CHART_TYPES[s.type ?? e.chartType];
    const last = parts[parts.length - 1];
    const secondary = Boolean(s.secondary);
    if (last && last.type === type && Boolean(last.options.secondaryValAxis) === secondary) {
      last.data.push(data[i]);
      indices[indices.length - 1].push(i);
    } else {
      indices.push([i]);
      parts.push({
        type,
        data: [data[i]],
        options: {
          ...(type === 'bar' ? { barDir: e.chartType === 'bar' ? 'bar' : 'col', barGapWidthPct: 60 } : {}),
          ...(type === 'line' ? { lineSize: 3, lineDataSymbolSize: 8 } : {}),
          ...(secondary ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
        } as ChartOptions,
      });
    }
  });
  // pptxgenjs colours a plot's series by their place in the plot: each plot gets its own series' colours
  // (its line markers, coloured by their place among all series, are set right in the part: chartXml.ts).
  parts.forEach((part, p) => {
    part.options = { ...part.options, chartColors: indices[p].map((i) => e.colors[i % e.colors.length]) };
  });
  const secondary = e.series.some((s) => s.secondary);
  const axes = secondary
    ? {
        valAxes: [
          valueAxis(e.valueAxis.min, e.valueAxis.max, e.yTitle),
          { ...valueAxis(undefined, undefined, e.y2Title), valGridLine: { style: 'none' } },
        ],
        catAxes: [{ catAxisTitle: e.xTitle, showCatAxisTitle: Boolean(e.xTitle) }, { catAxisHidden: true }],
      }
    : {};
  return {
    type: parts,
    data: [],
    options: { ...options, ...axes } as ChartOptions,
    pointColors: false,
    seriesColors: e.colors.slice(0, e.series.length),
  };
}

/** The value axis shows whole steps: the labels' format without its decimals. */
function axisFormat(format: string): string {
  return format.replace(/\.0+/, '');
}
