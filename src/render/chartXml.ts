import type { ChartElement } from '../model/types.js';
import type { PartListener } from './jszipShim.js';
import {
  childElements,
  createElement,
  escapeXml,
  descendants,
  insert,
  insertBefore,
  parseXml,
  root,
  serializeXml,
  type Element,
} from './xml.js';

/**
 * What lectern changes in a chart part that pptxgenjs cannot write: a native linear
 * trendline on each series, and per-point colours (`c:dPt`) put before the data labels,
 * where the schema wants them (pptxgenjs writes them after).
 */
export interface ChartPartEdit {
  trendline?: NonNullable<ChartElement['trendline']>;
  /** The trendline's colour, `RRGGBB`. */
  color: string;
  pointsBeforeLabels?: boolean;
  /** Each series' colour by its `c:idx`: line markers are set to it. */
  seriesColors?: string[];
}

/** Series elements a trendline comes before (CT_LineSer, CT_ScatterSer). */
const AFTER_TRENDLINE = new Set(['c:errBars', 'c:cat', 'c:val', 'c:xVal', 'c:yVal', 'c:smooth', 'c:extLst']);
const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;

/**
 * Applies `edits[n - 1]` to `ppt/charts/chart<n>.xml`: the n-th chart the deck adds
 * (charts are numbered from 1 in the order they are added). Parts without an edit pass
 * through unparsed.
 */
export function withChartEdits(onPart: PartListener, edits: (ChartPartEdit | undefined)[]): PartListener {
  if (edits.every((e) => e === undefined)) return onPart;
  return (name, content) => {
    const n = Number(CHART_PART.exec(name)?.[1]);
    const edit = edits[n - 1];
    onPart(name, edit && typeof content === 'string' ? editChart(content, name, edit) : content);
  };
}

/** Adds a linear trendline (`c:trendline`) to every series of the chart's line and scatter plots; puts points before labels. */
export function editChart(xml: string, part: string, edit: ChartPartEdit): string {
  const doc = parseXml(xml, part);
  if (edit.pointsBeforeLabels) {
    for (const series of descendants(root(doc), 'c:ser')) {
      const labels = childElements(series, 'c:dLbls')[0];
      if (labels) for (const point of childElements(series, 'c:dPt')) insertBefore(labels, point);
    }
  }
  if (edit.seriesColors) {
    for (const series of descendants(root(doc), 'c:ser')) {
      const color = edit.seriesColors[Number(childElements(series, 'c:idx')[0]?.attribs.val)];
      if (color === undefined) continue;
      for (const marker of childElements(series, 'c:marker'))
        for (const rgb of descendants(marker, 'a:srgbClr')) rgb.attribs.val = escapeXml(color);
    }
  }
  if (!edit.trendline) return serializeXml(doc);
  for (const plot of [...descendants(root(doc), 'c:lineChart'), ...descendants(root(doc), 'c:scatterChart')]) {
    for (const series of childElements(plot, 'c:ser')) {
      const before = childElements(series).find((child) => AFTER_TRENDLINE.has(child.name));
      const trendline = trendlineElement({ ...edit, trendline: edit.trendline });
      if (before) insertBefore(before, trendline);
      else insert(series, trendline, 'last');
    }
  }
  return serializeXml(doc);
}

function trendlineElement({ trendline, color }: ChartPartEdit & { trendline: NonNullable<ChartPartEdit['trendline']> }): Element {
  const el = (tag: string, attributes: Record<string, string> = {}, children: Element[] = []) => {
    const element = createElement(tag, attributes);
    for (const child of children) insert(element, child, 'last');
    return element;
  };
  return el('c:trendline', {}, [
    el('c:spPr', {}, [
      el('a:ln', { w: '22225', cap: 'rnd' }, [el('a:solidFill', {}, [el('a:srgbClr', { val: color })]), el('a:prstDash', { val: 'dash' })]),
    ]),
    el('c:trendlineType', { val: 'linear' }),
    el('c:dispRSqr', { val: trendline.showR2 ? '1' : '0' }),
    el('c:dispEq', { val: trendline.showEquation ? '1' : '0' }),
    ...(trendline.showR2 || trendline.showEquation
      ? [
          el('c:trendlineLbl', {}, [
            el('c:numFmt', { formatCode: '#,##0.00', sourceLinked: '0' }),
            el('c:txPr', {}, [
              el('a:bodyPr'),
              el('a:lstStyle'),
              el('a:p', {}, [
                el('a:pPr', {}, [el('a:defRPr', { sz: '1400' }, [el('a:solidFill', {}, [el('a:srgbClr', { val: color })])])]),
                el('a:endParaRPr', { lang: 'en-US' }),
              ]),
            ]),
          ]),
        ]
      : []),
  ]);
}
