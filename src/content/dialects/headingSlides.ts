import { fencedLines, type SlideText } from '../slides.js';

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/** A thematic break: three or more `-`, `*` or `_`, with spaces between allowed. */
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DIV_OPEN = /^\s*:{3,}\s*[^:\s]/;
const DIV_CLOSE = /^\s*:{3,}\s*$/;

/** A slide cut by headings, marked when it is a section's title slide. */
export interface HeadedSlide extends SlideText {
  /** Made by a heading above the slide level: a section title slide. */
  section?: boolean;
}

/** How a deck without slide separators is cut into slides. */
export interface HeadingRule {
  /** pandoc's `slide-level` (0: only thematic breaks cut); the default is found from the deck. */
  slideLevel?: number;
  /** Marp's `headingDivider`: headings at or above this level start slides, and none makes a section. */
  divider?: number;
}

/** The kind of each line that matters for cutting: a heading's depth, a rule, or other content. */
type LineKind = { heading: number } | 'rule' | 'content' | 'blank';

function lineKinds(lines: string[]): LineKind[] {
  const code = fencedLines(lines);
  let depth = 0;
  return lines.map((line, i) => {
    if (code[i]) return 'content';
    if (DIV_OPEN.test(line)) depth++;
    else if (DIV_CLOSE.test(line) && depth > 0) {
      depth--;
      return 'content';
    }
    if (depth > 0) return 'content';
    if (line.trim() === '') return 'blank';
    const heading = HEADING.exec(line);
    if (heading) return { heading: heading[1].length };
    return RULE.test(line) ? 'rule' : 'content';
  });
}

/**
 * pandoc's slide level: the highest heading level (smallest number) that is
 * followed immediately by content rather than another heading or a rule.
 */
export function defaultSlideLevel(kinds: LineKind[]): number {
  let level = 0;
  let pending: number | undefined;
  for (const kind of kinds) {
    if (kind === 'blank') continue;
    if (typeof kind === 'object') pending = kind.heading;
    else {
      if (kind === 'content' && pending !== undefined && (level === 0 || pending < level)) level = pending;
      pending = undefined;
    }
  }
  return level;
}

/**
 * Cuts a deck into slides the way pandoc does: every thematic break starts a
 * slide (and is dropped), as does every heading at the slide level; a heading
 * above it makes a section title slide; headings below it stay inside slides.
 */
export function splitByHeadings(text: string, rule: HeadingRule = {}): HeadedSlide[] {
  const lines = text.split('\n');
  const kinds = lineKinds(lines);
  const level = rule.divider ?? rule.slideLevel ?? defaultSlideLevel(kinds);
  const slides: HeadedSlide[] = [];
  let start = 0;
  let section = false;
  const cut = (end: number) => {
    const markdown = lines.slice(start, end).join('\n');
    if (markdown.trim() !== '') slides.push({ markdown, firstLine: start, ...(section ? { section } : {}) });
  };
  kinds.forEach((kind, i) => {
    if (kind === 'rule') {
      cut(i);
      start = i + 1;
      section = false;
    } else if (typeof kind === 'object' && kind.heading <= level) {
      cut(i);
      start = i;
      section = rule.divider === undefined && kind.heading < level;
    } else if (section && kind === 'content') {
      // Content under a section heading: pandoc shows it on a slide after the section's title slide.
      cut(i);
      start = i;
      section = false;
    }
  });
  cut(lines.length);
  return slides;
}

/**
 * Whether a lectern deck written without `---` reads as a pandoc deck: it has
 * more than one heading at pandoc's slide level (a deck of one slide with
 * headings inside it has one).
 */
export function headingsMakeSlides(text: string): boolean {
  const kinds = lineKinds(text.split('\n'));
  const level = defaultSlideLevel(kinds);
  return level > 0 && kinds.filter((k) => typeof k === 'object' && k.heading === level).length > 1;
}

/** Whether a deck body has a `---` slide separator outside code blocks. */
export function hasSeparators(text: string): boolean {
  const lines = text.split('\n');
  const code = fencedLines(lines);
  return lines.some((line, i) => !code[i] && /^ {0,3}---[ \t]*$/.test(line));
}
