import type { Align, Run, TypesetDisplayMath } from '../content/blocks.js';
import type { FrontMatter } from '../content/source.js';
import type { Box } from '../templates/types.js';
import type { Strings } from '../i18n/messages.js';

export type { Align, Run };

/** Document properties, from the front matter, with their defaults filled in. */
export type DeckMeta = Pick<FrontMatter, 'title' | 'subtitle' | 'author' | 'date' | 'organization' | 'subject'> & {
  keywords: string[];
  /** BCP 47 tag set on every text run. */
  lang: string;
  /** Which way the deck's text reads: right to left for Arabic, Hebrew, Persian, Urdu, or `dir: rtl`. */
  dir: 'ltr' | 'rtl';
  /** The deck's own words for those lectern generates (`strings:`), over its template's. */
  strings?: Strings;
};

/** The whole presentation as plain data: what the renderer writes, nothing more. */
export interface Deck {
  /** The Markdown file it was built from. */
  file: string;
  meta: DeckMeta;
  template: string;
  footer?: string;
  slideNumbers: boolean;
  slides: Slide[];
}

export interface Slide {
  /** Name of the template layout this slide uses. */
  layout: string;
  title: string;
  /** Points, when a long title is shrunk to fit its box. */
  titleSize?: number;
  /** Where the title goes when not where its layout puts it (beside a split background picture). */
  titleBox?: Box;
  subtitle?: string;
  byline?: string;
  elements: Element[];
  notes?: string;
  /** 1-based line of the deck file where the slide starts. */
  line: number;
  /** The slide's own background colour (Marp's `backgroundColor`), as hex without `#`. */
  background?: string;
  /** The slide's own text colour (Marp's `color`), as hex without `#`. */
  textColor?: string;
  /** Pictures behind everything on the slide (Marp's `![bg]`, Quarto's `background-image`), drawn first. */
  backgrounds?: ImageElement[];
  /** A line of text at the top of the slide (Marp's `header`). */
  header?: string;
  /** The slide's own footer, for a deck whose footer changes from slide to slide (Marp's `footer`). */
  footer?: string;
  /** Whether this slide shows its number, over the deck's `slideNumbers` (Marp's `paginate`). */
  slideNumber?: boolean;
}

/** Where an element sits: inches, and the layout content area it belongs to. */
export interface Placement extends Box {
  region: string;
  /** The click on which the element appears (none: with the slide). */
  step?: number;
}

export interface Paragraph {
  runs: Run[];
  style: 'body' | 'heading' | 'quote' | 'code' | 'caption';
  /** A code line: its indent in characters, kept when a long line wraps (a hanging indent). */
  hanging?: number;
  /** 0 for plain paragraphs; list nesting depth, from 1, for list items. */
  level: number;
  bullet?: 'bullet' | 'number';
  /** First number of a numbered list, on its first item. */
  numberFrom?: number;
  /** The click on which the paragraph appears (none: with the slide). */
  step?: number;
}

export interface TextElement extends Placement {
  kind: 'text';
  paragraphs: Paragraph[];
  /** Points; the same for every paragraph, after shrinking to fit. */
  fontSize: number;
  /** Fill the layout's placeholder for the region instead of a free text box. */
  placeholder?: string;
  /** The colour of the panel behind code (RRGGBB). */
  fill?: string;
}

/** A display equation: a box of its own, the equation centred in it. */
export interface MathElement extends Placement {
  kind: 'math';
  math: TypesetDisplayMath;
  /** Points. */
  fontSize: number;
}

export interface TableElement extends Placement {
  kind: 'table';
  header: Run[][];
  rows: Run[][][];
  align: Align[];
  /** Column widths in inches. */
  columnWidths: number[];
  /** Body rows that stand out, by index: rows a `highlight:` expression picks, and the totals row. */
  rowStyles?: ('highlight' | 'total' | null)[];
  /** The description for screen readers of a table made from data (else made from its header when written). */
  altText?: string;
  fontSize: number;
  rowHeight: number;
}

export type ChartType = 'bar' | 'column' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

export interface ChartSeries {
  name: string;
  values: number[];
  /** In a combination chart, how this series is drawn (else as the chart's type). */
  type?: 'column' | 'bar' | 'line' | 'area';
  /** On the value axis on the right. */
  secondary?: boolean;
}

export interface ChartElement extends Placement {
  kind: 'chart';
  chartType: ChartType;
  title?: string;
  /** Category labels; for scatter charts, the x values as text. */
  labels: string[];
  series: ChartSeries[];
  /** Unit shown after values in data labels and alt text, e.g. "%". */
  unit: string;
  /** Decimal places shown in data labels: the most any value has. */
  decimals: number;
  /** Where the value axis starts and ends, when fixed: bar, column and area charts start at 0 (or at the spec's `min:`). */
  valueAxis: { min?: number; max?: number };
  showValues: boolean;
  /** The series' colours in order; for a pie or doughnut, and a bar chart with a highlighted category, the points'. */
  colors: string[];
  /** The Excel number format of data labels and the value axis, e.g. `#,##0.0"%"`. */
  numberFormat: string;
  /** Bars or areas stacked on each other, or stacked to 100%. */
  stacked?: 'stacked' | 'percent';
  legend: 'right' | 'bottom' | 'none';
  /** Axis titles: the category (x) axis, the value (y) axis, and the secondary value axis. */
  xTitle?: string;
  yTitle?: string;
  y2Title?: string;
  /** A native linear trendline on every series, with its equation and R² shown when asked. */
  trendline?: { showEquation: boolean; showR2: boolean };
  /** Gap between bars, as a percentage of a bar's width (a histogram's bars touch). */
  gapWidth?: number;
  /** The chart's description for screen readers, generated from its data. */
  altText: string;
}

export interface ImageElement extends Placement {
  kind: 'image';
  path: string;
  altText: string;
  /** Fills its box, cropped to it: the picture's size in pixels, for the crop. */
  cover?: { width: number; height: number };
}

export type Element = TextElement | TableElement | ChartElement | ImageElement | MathElement;
