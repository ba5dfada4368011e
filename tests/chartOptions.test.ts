import { readFileSync } from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/universal';
import { beforeAll, describe, expect, test } from 'vitest';
import { childElements, descendants, parseXml, root, type Document, type Element } from '../src/render/xml.js';
import { buildInTemp, deckText } from './support/build.js';
import { FIXTURES } from './support/fixtures.js';
import { openPptx, validatePptx, type Package } from './support/pptx.js';

const WORKBOOK = readFileSync(path.join(FIXTURES, '_data/marks.xlsx'));
const CLASS_CSV = 'student,grade,midterm,final\nAigerim,A,80,91\nBolat,B,60,74\nChen,A,75,88\nDana,F,20,31\nErlan,B,55,66\n';

/** Every chart variant, one slide each: the spec's YAML. Charts are numbered from 1 in this order. */
const CHARTS = {
  stacked:
    'type: column\ndata: marks\ngroup: group\naggregate: {midterm: sum(midterm), final: sum(final)}\ny: [midterm, final]\nstacked: true\nxTitle: Group\nyTitle: Points\nlegend: right',
  percent: 'type: bar\ndata: class\ny: [midterm, final]\nstacked: percent\nlegend: bottom',
  scatter:
    'type: scatter\ndata: class\nx: midterm\ny: final\ntrendline: linear\nshowEquation: true\nshowR2: true\nxTitle: Midterm\nyTitle: Final',
  line: 'type: line\ndata: class\nx: student\ny: final\ntrendline: {type: linear}\nlabels: false',
  combo:
    'type: column\ndata: week\nx: day\nseries:\n  - {y: hours, type: column}\n  - {y: score, type: line, axis: secondary, name: Score}\nyTitle: Hours\ny2Title: Score (%)',
  histogram: 'type: histogram\ndata: marks\nx: final\nbins: [30, 50, 70, 100]\nhighlight: 50–70\nyTitle: Students',
  formatted: 'type: column\ndata: class\nx: student\ny: final\nformat: "0.0"\nmin: 20\nmax: 100\nlegend: none\nhighlight: Chen',
  area: 'type: area\ndata: class\nx: student\ny: [midterm, final]\nstacked: true',
} as const;
type Variant = keyof typeof CHARTS;
const ORDER = Object.keys(CHARTS) as Variant[];

function chartsDeck(specs: string[], frontMatter: Record<string, unknown> = {}): string {
  const body = specs.map((spec, i) => `\n## Chart ${i + 1}\n\n\`\`\`chart\n${spec}\n\`\`\`\n`).join('\n---\n');
  return deckText(body, {
    data: {
      marks: { file: 'marks.xlsx', sheet: 'Marks' },
      week: { file: 'marks.xlsx', sheet: 'Week 3', range: 'B2:D9' },
      class: 'class.csv',
    },
    ...frontMatter,
  });
}

const FILES = { 'marks.xlsx': WORKBOOK, 'class.csv': CLASS_CSV };

let pptx: Package;
let output: string;
const charts = new Map<Variant, Document>();
const descriptions: string[] = [];

beforeAll(async () => {
  const result = await buildInTemp({ 'deck.md': chartsDeck(ORDER.map((v) => CHARTS[v])), ...FILES });
  expect(result.diagnostics).toEqual([]);
  output = result.output!;
  pptx = await openPptx(output);
  for (const [i, variant] of ORDER.entries()) charts.set(variant, parseXml(await pptx.xml(`ppt/charts/chart${i + 1}.xml`), variant));
  for (const slide of (await pptx.slides()).slice(1)) {
    const frame = descendants(parseXml(slide, 'slide'), 'p:graphicFrame')[0];
    descriptions.push(descendants(frame, 'p:cNvPr')[0].attribs.descr);
  }
});

const all = (variant: Variant, tag: string) => descendants(charts.get(variant)!, tag);
const val = (variant: Variant, tag: string) => all(variant, tag).map((e) => e.attribs.val);
const textOf = (e: Element) =>
  descendants(e, 'a:t')
    .map((t) => t.children.map((c) => ('data' in c ? c.data : '')).join(''))
    .join('');
/** The title of each axis, by the axis element's name: `c:catAx` → "Group". */
const axisTitles = (variant: Variant) =>
  [...all(variant, 'c:catAx'), ...all(variant, 'c:valAx')].map((axis) => [axis.name, textOf(childElements(axis, 'c:title')[0] ?? axis)]);

/** The values of a chart's embedded workbook, first sheet, as rows. */
async function workbookRows(n: number): Promise<unknown[][]> {
  const bytes = await pptx.bytes(`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`);
  const sheets = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return sheets[0].data as unknown[][];
}

describe('```chart keys through the real pipeline', () => {
  test('0 Open XML SDK errors for every variant', async () => {
    expect(await validatePptx(output)).toEqual([]);
  });

  test('stacked: true stacks the bars (c:grouping stacked, c:overlap 100) on an axis from zero, with axis titles and the legend on the right', () => {
    expect(val('stacked', 'c:grouping')).toEqual(['stacked']);
    expect(val('stacked', 'c:overlap')).toEqual(['100']);
    expect(all('stacked', 'c:min').map((e) => e.attribs.val)).toEqual(['0']);
    expect(axisTitles('stacked')).toEqual([
      ['c:catAx', 'Group'],
      ['c:valAx', 'Points'],
    ]);
    expect(val('stacked', 'c:legendPos')).toEqual(['r']);
  });

  test("the stacked chart's workbook holds the grouped sums (worked out from marks.fods apart from lectern: A 382/390.1, B 515/435.2, C 384/381.2)", async () => {
    const rows = await workbookRows(1);
    expect(rows[0]).toEqual([null, 'Midterm', 'Final']);
    expect(rows.slice(1).map((r) => [r[0], r[1], Math.round((r[2] as number) * 10) / 10])).toEqual([
      ['A', 382, 390.1],
      ['B', 515, 435.2],
      ['C', 384, 381.2],
    ]);
  });

  test('stacked: percent is c:grouping percentStacked with percent labels; legend: bottom', () => {
    expect(val('percent', 'c:grouping')).toEqual(['percentStacked']);
    expect(val('percent', 'c:overlap')).toEqual(['100']);
    expect(val('percent', 'c:legendPos')).toEqual(['b']);
    expect(
      all('percent', 'c:valAx')
        .flatMap((a) => childElements(a, 'c:numFmt'))
        .map((f) => f.attribs.formatCode),
    ).toEqual(['0%']);
  });

  test('trendline: linear is a native c:trendline on each scatter series, with the equation and R², before the x values', () => {
    const series = all('scatter', 'c:ser');
    expect(series).toHaveLength(1);
    const names = childElements(series[0]).map((e) => e.name);
    expect(names.indexOf('c:trendline')).toBeGreaterThan(-1);
    expect(names.indexOf('c:trendline')).toBeLessThan(names.indexOf('c:xVal'));
    expect(val('scatter', 'c:trendlineType')).toEqual(['linear']);
    expect(val('scatter', 'c:dispEq')).toEqual(['1']);
    expect(val('scatter', 'c:dispRSqr')).toEqual(['1']);
    expect(axisTitles('scatter').map(([, t]) => t)).toEqual(['Midterm', 'Final']);
  });

  test('a trendline on a line chart without its equation; labels: false hides the data labels', () => {
    expect(val('line', 'c:trendlineType')).toEqual(['linear']);
    expect(val('line', 'c:dispEq')).toEqual(['0']);
    expect(all('line', 'c:trendlineLbl')).toEqual([]);
    expect(val('line', 'c:showVal').every((v) => v === '0')).toBe(true);
  });

  test('a combination chart: a column series on the left axis and a line series on a secondary axis on the right', () => {
    const plot = all('combo', 'c:plotArea')[0];
    expect(
      childElements(plot)
        .map((e) => e.name)
        .filter((n) => n.endsWith('Chart')),
    ).toEqual(['c:barChart', 'c:lineChart']);
    const valueAxes = all('combo', 'c:valAx');
    expect(valueAxes).toHaveLength(2);
    expect(valueAxes.map((a) => childElements(a, 'c:axPos')[0].attribs.val)).toEqual(['l', 'r']);
    expect(valueAxes.map((a) => textOf(childElements(a, 'c:title')[0]))).toEqual(['Hours', 'Score (%)']);
    // The line plot uses the secondary axes.
    const lineAxes = childElements(all('combo', 'c:lineChart')[0], 'c:axId').map((e) => e.attribs.val);
    expect(lineAxes).toContain(childElements(valueAxes[1], 'c:axId')[0].attribs.val);
    // Each series in its own colour from the palette, the line's markers too; no colours per point.
    const colors = (plot: string) =>
      new Set(
        descendants(all('combo', plot)[0], 'c:ser').flatMap((ser) =>
          [...childElements(ser, 'c:spPr'), ...childElements(ser, 'c:marker')]
            .flatMap((e) => descendants(e, 'a:srgbClr'))
            .map((c) => c.attribs.val),
        ),
      );
    expect(colors('c:barChart')).toEqual(new Set(['1F4E79']));
    expect(colors('c:lineChart')).toEqual(new Set(['C55A11']));
    expect(all('combo', 'c:dPt')).toEqual([]);
  });

  test('the combination chart embeds its data from the workbook range', async () => {
    const rows = await workbookRows(5);
    expect(rows.slice(0, 3)).toEqual([
      [null, 'Hours', 'Score'],
      ['Mon', 2.5, 61],
      ['Tue', 3, 64],
    ]);
  });

  test('type: histogram counts a raw column into bins; touching bars; the highlighted bin in the accent colour', async () => {
    expect(val('histogram', 'c:gapWidth')).toEqual(['5']);
    const rows = await workbookRows(6);
    expect(rows).toEqual([
      [null, 'Students'],
      // marks.fods: finals below 50: 6; 50 to 70: 9; 70 to 100: 5.
      ['30–50', 6],
      ['50–70', 9],
      ['70–100', 5],
    ]);
    const points = all('histogram', 'c:dPt').map((p) => descendants(p, 'a:srgbClr')[0].attribs.val);
    expect(points).toEqual(['1F4E79', 'C55A11', '1F4E79']);
    const series = childElements(all('histogram', 'c:ser')[0]).map((e) => e.name);
    expect(series.lastIndexOf('c:dPt')).toBeLessThan(series.indexOf('c:dLbls'));
  });

  test('format: "0.0" for data labels (the axis in whole numbers); min and max fix the axis; legend: none', () => {
    const labelFormats = all('formatted', 'c:dLbls')
      .flatMap((d) => childElements(d, 'c:numFmt'))
      .map((f) => f.attribs.formatCode);
    expect(labelFormats.length).toBeGreaterThan(0);
    expect(new Set(labelFormats)).toEqual(new Set(['0.0']));
    expect(
      all('formatted', 'c:valAx')
        .flatMap((a) => childElements(a, 'c:numFmt'))
        .map((f) => f.attribs.formatCode),
    ).toEqual(['0']);
    expect(val('formatted', 'c:min')).toEqual(['20']);
    expect(val('formatted', 'c:max')).toEqual(['100']);
    expect(all('formatted', 'c:legend')).toEqual([]);
    expect(all('formatted', 'c:dPt').map((p) => descendants(p, 'a:srgbClr')[0].attribs.val)).toEqual([
      '1F4E79',
      '1F4E79',
      'C55A11',
      '1F4E79',
      '1F4E79',
    ]);
  });

  test('a stacked area chart starts at zero', () => {
    expect(val('area', 'c:grouping')).toEqual(['stacked']);
    expect(val('area', 'c:min')).toEqual(['0']);
  });

  test('the descriptions read the transformed data, stacking, the trend and the highlight', () => {
    const d = Object.fromEntries(ORDER.map((v, i) => [v, descriptions[i]]));
    expect(d.stacked).toMatch(/^Column chart, stacked: Midterm: A 382\.0, B 515\.0, C 384\.0; Final: A 390\.1, B 435\.2, C 381\.2$/);
    expect(d.percent).toMatch(/^Bar chart, stacked to 100%: Midterm: Aigerim 80,/);
    expect(d.scatter).toBe(
      // Least squares by hand: x̄ 58, ȳ 70, Sxy 2270, Sxx 2230, Syy 2318.
      'Scatter chart: 80 91, 60 74, 75 88, 20 31, 55 66 (linear trend y = 1.018x + 10.96, R² = 0.997)',
    );
    expect(d.histogram).toBe('Histogram: 30–50 6, 50–70 9, 70–100 5; 50–70 highlighted');
    expect(d.combo).toMatch(/^Column chart: Hours: Mon 2\.5, .*; Score \(right axis\): Mon 61\.0,/);
  });
});

describe('highlight in a template whose accent is its first chart colour', () => {
  test("chalkboard: the accent is the bars' yellow, so the highlighted bar takes the next distinguishable chalk", async () => {
    const result = await buildInTemp({ 'deck.md': chartsDeck([CHARTS.formatted]), ...FILES }, { template: 'chalkboard' });
    const chart = parseXml(await (await openPptx(result.output!)).xml('ppt/charts/chart1.xml'), 'chart');
    expect(descendants(chart, 'c:dPt').map((p) => descendants(p, 'a:srgbClr')[0].attribs.val)).toEqual([
      'F2D16B',
      'F2D16B',
      'C3B1E1',
      'F2D16B',
      'F2D16B',
    ]);
  });
});

describe('descriptions in the deck language', () => {
  test('a German deck describes a chart in German, its numbers with a decimal comma', async () => {
    const result = await buildInTemp(
      {
        'deck.md': chartsDeck(['type: column\ndata: class\nfilter: final > 60\ngroup: grade\naggregate: {average: mean(final)}'], {
          lang: 'de-DE',
        }),
        ...FILES,
      },
      { write: false },
    );
    const chart = result.deck!.slides[1].elements.find((e) => e.kind === 'chart');
    expect(chart && chart.kind === 'chart' && chart.altText).toBe('Säulendiagramm: A 89,5, B 70,0');
  });
});

describe('chart errors, each at its line', () => {
  const cases: [string, string, number, string][] = [
    [
      'type: bar\ndata: class\ny: final\ntrendline: linear',
      'chart/trendline',
      12,
      'a trendline goes on a scatter or line chart, not a bar chart',
    ],
    ['type: scatter\ndata: class\nx: midterm\ny: final\ntrendline: cubic', 'chart/trendline', 13, '"trendline" must be linear'],
    ['type: pie\ndata: class\ny: final\nstacked: true', 'chart/stacked', 12, 'a pie chart cannot be stacked'],
    [
      'type: column\ndata: class\nx: student\ny: final\nhighlight: Chan',
      'chart/highlight',
      13,
      'there is no category "Chan" to highlight (categories: Aigerim, Bolat, Chen, Dana, Erlan)',
    ],
    ['type: column\ndata: class\ny: final\nlegend: left', 'chart/legend', 12, '"legend" must be right, bottom or none, not "left"'],
    [
      'type: histogram\ndata: class\nx: final\nbins: [50, 10]',
      'chart/bins',
      12,
      '"bins" must be a number of bins (1 to 100) or a rising list of edges',
    ],
    [
      'type: histogram\ndata: class\nx: grade',
      'chart/not-numeric',
      11,
      'column "grade" of dataset "class" must hold numbers, but line 2 of class.csv has "A"',
    ],
    ['type: column\ndata: class\ny: final\nformat: "0.0 dd"', 'chart/format', 12, 'the format "0.0 dd" is not a number pattern'],
    [
      'type: column\ndata: class\ngroup: grade\naggregate: {m: mean(student)}',
      'chart/not-numeric',
      12,
      'mean(student) needs numbers, but column "student" of dataset "class" holds text ("Aigerim" on line 2 of class.csv)',
    ],
    [
      'type: column\ndata: class\nfilter: final > 95',
      'chart/empty-filter',
      11,
      'the filter "final > 95" leaves no rows of dataset "class"',
    ],
  ];
  test.each(cases)('%s', async (spec, rule, line, message) => {
    const result = await buildInTemp({ 'deck.md': chartsDeck([spec]), ...FILES }, { write: false });
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule, line, message: expect.stringContaining(message) })]);
  });
});

export type { Document };
void root;
