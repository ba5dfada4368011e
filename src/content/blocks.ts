/** A piece of inline text with its formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /** Underlined (`<u>`, `<ins>`). */
  underline?: boolean;
  /** Marked with a highlighter (`<mark>`). */
  highlight?: boolean;
  /** Lowered or raised (`<sub>`, `<sup>`, a footnote's marker). */
  baseline?: 'sub' | 'sup';
  /** A line break before this run's text. */
  break?: boolean;
  /** Inline TeX math (`$...$`): the run's text is its linear form, for measuring and for programs without equations. */
  math?: MathSource;
  /** Colour of a code token (RRGGBB), from the highlighting theme. */
  color?: string;
}

/** TeX as the deck writes it, where it is, and what typesetting made of it (a display equation's with its picture). */
export interface MathSource<Typeset extends TypesetMath = TypesetMath> {
  tex: string;
  /** 1-based line and column of the TeX in the deck file. */
  line: number;
  column: number;
  /** Set by typesetting (content/typeset.ts). */
  typeset?: Typeset;
}

/** An equation converted: native OMML for PowerPoint, and a plain-text form, which an inline equation's fallback shows. */
export interface TypesetMath {
  /** The `m:oMath` element. */
  omml: string;
  /** A plain-text form, e.g. `T = 2π√(L/g)`. */
  linear: string;
}

/** A display equation converted: also drawn as SVG (paths, no fonts), the picture programs without equations show, and its size in em. */
export interface TypesetDisplayMath extends TypesetMath {
  svg: string;
  width: number;
  height: number;
}

export interface ListItem {
  runs: Run[];
  children: ListBlock[];
}

export type Align = 'left' | 'center' | 'right';

interface At {
  /** 1-based line in the deck file. */
  line: number;
  /** The click on which the block appears (0 or none: with the slide); see model/reveal.ts. */
  step?: number;
}

/** A length as written: `50%` of the area, or inches (`3in`, `300px`, Marp's `w:200`). */
export type Length = { unit: '%'; value: number } | { unit: 'in'; value: number };

/** How a background picture fills its area (Marp's `cover`, `contain`/`fit`). */
export type BackgroundFit = 'cover' | 'contain';

/** A picture's size and placement, from pandoc attributes (`{width=50%}`) or Marp's alt keywords (`w:200`, `bg left:40%`). */
export interface ImageOptions {
  width?: Length;
  height?: Length;
  /** A background picture: the whole slide, or a side of it whose width is `split` (a fraction). */
  background?: { fit: BackgroundFit; side?: 'left' | 'right'; split?: number; vertical?: boolean };
}

/** A heading; `classes` and `attributes` from pandoc's `{.smaller background-image="x.png"}` or Marp's `<!-- fit -->`. */
export type HeadingBlock = At & { kind: 'heading'; depth: number; runs: Run[]; classes?: string[]; attributes?: Record<string, string> };
export type ParagraphBlock = At & { kind: 'paragraph'; runs: Run[] };
/** A block quote: the paragraphs, lists and quotes inside it. */
export type QuoteBlock = At & { kind: 'quote'; blocks: Block[] };
/**
 * A list; `incremental` when its items appear one click at a time (false when a
 * `::: nonincremental` says so); `againstDefault` for pandoc's block-quoted list,
 * which does the opposite of the deck's default.
 */
export type ListBlock = At & {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
  incremental?: boolean;
  againstDefault?: boolean;
};
export type CodeBlock = At & {
  kind: 'code';
  lang: string;
  text: string;
  /** Number the lines, from `startFrom` (```` ```python {numbers} ````, pandoc's `.numberLines`). */
  numbers?: boolean;
  startFrom?: number;
  /** 1-based lines to highlight (```` ```python {3-5} ````). */
  highlight?: number[];
  /** The highlighted lines as coloured runs, and the panel's colours, set by typesetting. */
  lines?: Run[][];
  panel?: { background: string; foreground: string };
};
/** A display equation (`$$...$$`, a ```` ```math ```` fence). */
export type MathBlock = At & {
  kind: 'math';
  math: MathSource<TypesetDisplayMath>;
  /** Written inside a paragraph (`the law $$F = ma$$ holds`): in speaker notes it stays on the paragraph's line. */
  inParagraph?: true;
};
export type TableBlock = At & { kind: 'table'; align: (Align | undefined)[]; header: Run[][]; rows: Run[][][] };
export type ImageBlock = At & { kind: 'image'; src: string; alt: string; options?: ImageOptions };
/** Several pictures in one paragraph, shown side by side. */
export type ImageRowBlock = At & { kind: 'images'; images: ImageBlock[] };
/** A footnote a slide refers to, shown in small print at the slide's foot. */
export type FootnoteBlock = At & { kind: 'footnote'; number: number; runs: Run[] };
/** A ```chart fence: YAML chart spec, parsed by the model stage. */
export type ChartBlock = At & { kind: 'chart'; yaml: string };
/** A ```table fence: YAML spec of a results table from a dataset. */
export type DataTableBlock = At & { kind: 'datatable'; yaml: string };
export type NotesBlock = At & { kind: 'notes'; text: string };
/** Columns; `widths` are the fractions a `::: {.column width="40%"}` asks for. */
export type ColumnsBlock = At & { kind: 'columns'; columns: Block[][]; widths?: (number | undefined)[] };
/** A pause (pandoc's `. . .`): what follows appears on the next click. */
export type PauseBlock = At & { kind: 'pause' };
/** Content of a div with a class lectern renders by its size (`.smaller`, `.r-fit-text`). */
export type SizedBlock = At & { kind: 'sized'; size: 'smaller' | 'fit'; blocks: Block[] };
/** `<!-- name: value -->`, e.g. `<!-- layout: chart -->`. */
export type DirectiveBlock = At & { kind: 'directive'; name: string; value: string };

/** What one slide's Markdown parses to, in reading order. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | QuoteBlock
  | ListBlock
  | CodeBlock
  | MathBlock
  | TableBlock
  | ImageBlock
  | ImageRowBlock
  | FootnoteBlock
  | ChartBlock
  | DataTableBlock
  | NotesBlock
  | ColumnsBlock
  | PauseBlock
  | SizedBlock
  | DirectiveBlock;

/** One slide's source: its blocks and the file line where it starts. */
export interface SlideSource {
  blocks: Block[];
  line: number;
}

/** The text of runs, with their line breaks. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => (r.break ? `\n${r.text}` : r.text)).join('');
}
