import type { SlideSource } from './blocks.js';
import { expandBody } from './expand.js';
import { takeFootnotes } from './footnotes.js';
import { parseSlideMarkdown, type SlideParseOptions } from './markdown.js';
import { splitSlides } from './slides.js';
import type { DeckSource } from './source.js';
import type { DialectSettings } from './dialects/dialect.js';
import { takeShortcodes } from './dialects/quartoShortcodes.js';
import { hasSeparators, headingsMakeSlides, splitByHeadings, type HeadedSlide } from './dialects/headingSlides.js';

/** A deck's body: its Markdown after Handlebars, and the slides made from it. */
export interface ParsedBody {
  markdown: string;
  slides: SlideSource[];
}

/**
 * The body of a deck, expanded with Handlebars and split into slides, each
 * parsed to blocks that remember their line in the deck file. Footnote
 * definitions may be anywhere in the body; each slide shows those it refers to.
 */
export function parseDeckBody(
  source: DeckSource,
  context: object,
  warn?: SlideParseOptions['warn'],
  dialect: DialectSettings = { dialect: 'lectern', incremental: false },
): ParsedBody {
  const expanded = expandBody(bodyOf(source, dialect, warn), context, source.file, source.bodyLine);
  const sourceLines = expanded.sourceLines;
  const { text, footnotes } = takeFootnotes(expanded.text, (i) => sourceLines[i]);
  const slides = slideTexts(text, dialect).map(({ markdown, firstLine, section }) => {
    const lineOf = (index: number) => sourceLines[Math.min(firstLine + index, sourceLines.length - 1)];
    const firstText = markdown.split('\n').findIndex((l) => l.trim() !== '');
    const line = lineOf(Math.max(firstText, 0));
    const blocks = parseSlideMarkdown(markdown, lineOf, { warn, footnotes, dialect: dialect.dialect });
    // A section's title slide under a heading of any level (a slide of only a `#` heading is one already).
    if (section && !blocks.some((b) => b.kind === 'directive' && b.name === 'layout')) {
      blocks.push({ kind: 'directive', name: 'layout', value: 'section', line });
    }
    return { blocks, line };
  });
  for (const note of footnotes.unused()) {
    warn?.(
      'markdown/footnote-unused',
      `no slide refers to the footnote [^${note.label}] ("${note.markdown}"), so it is not shown; refer to it with [^${note.label}] where it belongs`,
      { line: note.line, column: 1 },
    );
  }
  for (const note of footnotes.duplicates) {
    warn?.(
      'markdown/footnote-duplicate',
      `the footnote [^${note.label}] is defined again here ("${note.markdown}"); the first definition is the one shown, so give this one another label`,
      { line: note.line, column: 1 },
    );
  }
  return { markdown: expanded.text, slides };
}

/** A deck's body; a pandoc deck's without Quarto's shortcodes, which are reported. */
function bodyOf(source: DeckSource, dialect: DialectSettings, warn: SlideParseOptions['warn']): string {
  if (dialect.dialect !== 'pandoc') return source.body;
  const { body, shortcodes } = takeShortcodes(source.body);
  for (const { source: code, line } of shortcodes) {
    warn?.('dialect/quarto-shortcode', `lectern does not run Quarto's shortcode ${code}, so it is left out`, {
      line: source.bodyLine + line,
    });
  }
  return body;
}

/**
 * The slides of a deck body: a Marp deck's are cut at `---` (and at headings
 * with `headingDivider`); a pandoc deck's, and a lectern deck's without any
 * `---` but with several headings at pandoc's slide level, by pandoc's
 * slide-level rule; a lectern deck's at `---`.
 */
function slideTexts(text: string, dialect: DialectSettings): HeadedSlide[] {
  if (dialect.dialect === 'marp') {
    if (dialect.headingDivider === undefined) return splitSlides(text);
    return splitSlides(text).flatMap((slide) =>
      splitByHeadings(slide.markdown, { divider: dialect.headingDivider }).map((s) => ({ ...s, firstLine: slide.firstLine + s.firstLine })),
    );
  }
  if (dialect.dialect === 'pandoc' || dialect.slideLevel !== undefined || (!hasSeparators(text) && headingsMakeSlides(text))) {
    return splitByHeadings(text, { slideLevel: dialect.slideLevel });
  }
  return splitSlides(text);
}
