import type { Strings } from '../i18n/messages.js';
import type { FilePresentation } from './pptx/readLayouts.js';
import type { PowerPointPackage } from './pptx/readPackage.js';

/** A PowerPoint template file as read: its parts, and its slide size, masters and layouts. */
export interface PowerPointBase {
  pkg: PowerPointPackage;
  presentation: FilePresentation;
  /** The parts a deck takes from it: masters, layouts, themes, pictures (not its slides). */
  parts: string[];
}

/** A rectangle on the slide, in inches from the top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextStyle {
  font?: string;
  /** Points. */
  size?: number;
  /** Six hex digits, no '#'. */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
}

export type Styled = Box & TextStyle;

/** A shape drawn on every slide of a layout; not part of a slide's content. */
export type Decoration =
  | { kind: 'rect'; box: Box; fill: string }
  | { kind: 'line'; box: Box; color: string; width: number }
  | { kind: 'text'; box: Box; style: TextStyle; text: string }
  | { kind: 'image'; box: Box; path: string };

/** A slide layout, as its `layouts/<name>.hbs` file describes it. */
export interface Layout {
  name: string;
  /** The .hbs file, for messages. */
  file: string;
  background?: string;
  /** A picture filling the background (an absolute path). */
  backgroundImage?: string;
  /** Whether slides of this layout show the slide master's decoration (false for `master="hide"`). */
  showMaster: boolean;
  title?: Styled;
  subtitle?: Styled;
  byline?: Styled;
  /** Content areas, by name (`body`, or `left` and `right`). */
  regions: Map<string, Styled>;
  footer?: Styled;
  slideNumber?: Styled;
  decorations: Decoration[];
  /** Where this layout comes from, in a PowerPoint template: slides of it go on that layout of the file. */
  fileLayout?: FileLayoutRef;
}

/** A layout of a PowerPoint template file, and which of its placeholders each part of a slide fills. */
export interface FileLayoutRef {
  /** The layout's name in the file. */
  name: string;
  /** Its part in the file, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
  part: string;
  /** By lectern's name (`title`, `subtitle`, `body`, `left`, `right`, `date`, `footer`, `slideNumber`): the placeholder's `type` and `idx` as the layout writes them. */
  placeholders: Record<string, Record<string, string>>;
  /** Whether the file's master gives list items their bullets; if not, lectern writes them. */
  bullets: boolean;
  /** By lectern's name, like `placeholders`: the text colour lectern writes where the one the file gives would not read on its background. */
  colors?: Record<string, string>;
  /** Said in `lectern check` when a slide uses the layout: the file had no layout made for this kind. */
  nearest?: string;
  /** Said once when a slide uses the layout: its name is that of layouts on several masters, and which one lectern took. */
  ambiguous?: string;
}

export interface Theme {
  colors: {
    primary: string;
    background: string;
    text: string;
    accent: string;
    muted: string;
    /** Series colours for charts, in order. */
    chart: string[];
  };
  fonts: { heading: string; body: string; code: string };
  /** Font sizes in points: defaults and the smallest allowed when shrinking to fit. */
  sizes: { title: number; body: number; minBody: number; table: number; minTable: number };
  /** Absolute path of the logo image, if the template has one. */
  logo?: string;
  /** The highlighting theme of code (`code.theme`, a shiki theme), and where it is set; else one that suits the background. */
  code?: { theme: string; at: { file: string; line?: number } };
}

/** A loaded template: its theme and its layouts, ready for one deck. */
export interface Template {
  name: string;
  dir: string;
  /** Its folder and those of the templates it extends: what a deck using it depends on. */
  dirs: string[];
  description: string;
  theme: Theme;
  layouts: Map<string, Layout>;
  /** The slide master's decoration, from `master.hbs`: shown on every layout that does not hide it. */
  master?: Layout;
  /** The template's own words for those lectern generates (`strings:` in template.yaml). */
  strings?: Strings;
  /** The slide size in inches: 16:9 (SLIDE), or a PowerPoint template's own. */
  size: { width: number; height: number };
  /** The PowerPoint file whose masters, layouts, theme and pictures the deck is built on. */
  base?: PowerPointBase;
}

/** Slide size of every deck: 16:9, in inches. */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
