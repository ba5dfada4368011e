import type { Align, Run } from '../content/blocks.js';
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
  subtitle?: string;
  byline?: string;
  elements: Element[];
  notes?: string;
  /** 1-based line of the deck file where the slide starts. */
  line: number;
}

/** Where an element sits: inches, and the layout content area it belongs to. */
export interface Placement extends Box {
  region: string;
}

export interface Paragraph {
  runs: Run[];
  style: 'body' | 'heading' | 'quote' | 'code' | 'caption';
  /** 0 for plain paragraphs; list nesting depth, from 1, for list items. */
  level: number;
  bullet?: 'bullet' | 'number';
  /** First number of a numbered list, on its first item. */
  numberFrom?: number;
}

export interface TextElement extends Placement {
  kind: 'text';
  paragraphs: Paragraph[];
  /** Points; the same for every paragraph, after shrinking to fit. */
  fontSize: number;
  /** Fill the layout's placeholder for the region instead of a free text box. */
  placeholder?: string;
}

export interface TableElement extends Placement {
  kind: 'table';
  header: Run[][];
  rows: Run[][][];
  align: Align[];
  /** Column widths in inches. */
  columnWidths: number[];
  fontSize: number;
  rowHeight: number;
}

export type ChartType = 'bar' | 'column' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

export interface ChartSeries {
  name: string;
  values: number[];
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
  colors: string[];
  /** The chart's description for screen readers, generated from its data. */
  altText: string;
}

export interface ImageElement extends Placement {
  kind: 'image';
  path: string;
  altText: string;
}

export type Element = TextElement | TableElement | ChartElement | ImageElement;
