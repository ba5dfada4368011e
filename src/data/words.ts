/**
 * Every English word lectern writes about data on a slide: the totals row's label and
 * the descriptions of tables and charts that screen readers read. One table, so that
 * the language work can route each through its message catalogue.
 */
export const DATA_WORDS = {
  total: 'Total',
  and: 'and',
  more: (n: string) => `and ${n} more`,
  rows: (n: string) => `${n} rows`,
  table: 'Table',
  chart: {
    bar: 'Bar chart',
    column: 'Column chart',
    line: 'Line chart',
    area: 'Area chart',
    pie: 'Pie chart',
    doughnut: 'Doughnut chart',
    scatter: 'Scatter chart',
    histogram: 'Histogram',
  },
  stacked: 'stacked',
  percentStacked: 'stacked to 100%',
  trend: (slope: string, intercept: string, r2: string) => `linear trend y = ${slope}x ${intercept}, R² = ${r2}`,
  highlighted: (what: string) => `${what} highlighted`,
  secondaryAxis: 'right axis',
} as const;

/** The words of one language; English is the only one lectern has until the message catalogue lands. */
export type DataWords = typeof DATA_WORDS;
