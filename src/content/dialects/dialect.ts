import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DeckSource, FrontMatter } from '../source.js';
import { keyLine } from '../source.js';

/** Which tool a deck was written for: lectern's own, pandoc (with Quarto and R Markdown), or Marp. */
export type Dialect = 'lectern' | 'pandoc' | 'marp';

/** How a deck's dialect is built: what the body parser and the model read. */
export interface DialectSettings {
  dialect: Dialect;
  /** pandoc's `slide-level`, when the front matter names one. */
  slideLevel?: number;
  /** Marp's `headingDivider`. */
  headingDivider?: number;
  /** Lists appear an item a click unless a `::: nonincremental` says otherwise (`incremental: true`). */
  incremental: boolean;
}

/** Reports something of another tool that lectern does not do as that tool does, at a line of the deck file. */
export type DialectWarn = (rule: string, message: string, at: { line?: number }) => void;

/** The output formats of Quarto (`format:`) and R Markdown (`output:`) whose options lectern reads. */
const FORMATS = ['pptx', 'revealjs', 'beamer', 'powerpoint_presentation', 'ioslides_presentation', 'slidy_presentation', 'xaringan'];

/** Marp's size presets lectern has a slide for; others are reported. */
const MARP_SIZES = new Set(['16:9', '1280x720']);

/**
 * Finds a deck's dialect and maps the front matter of Marp, Quarto and R
 * Markdown onto lectern's: Marp's `paginate` is `slideNumbers`, its `theme` a
 * template of that name when there is one, a Marp deck without a title takes
 * its first heading's; Quarto's `reference-doc` is passed on as the `template`.
 * What cannot be mapped is reported.
 */
export function readDialect(source: DeckSource, templates: { names(): string[] }, warn: DialectWarn): DialectSettings {
  const fm = source.frontMatter;
  const at = (key: string, nested = false) => ({ line: keyLine(source.text, key, nested) });
  if (fm.marp === true) return marpSettings(fm, templates, warn, at);
  const options = formatOptions(fm);
  const pandoc = source.titleBlock === true || fm.format !== undefined || fm.output !== undefined || fm['slide-level'] !== undefined;
  const reference = options['reference-doc'] ?? options.reference_doc;
  if (typeof reference === 'string' && fm.template === undefined) {
    const file = path.resolve(path.dirname(source.file), reference);
    if (existsSync(file)) fm.template = reference;
    else {
      warn(
        'dialect/reference-doc',
        `the reference-doc "${reference}" is not there, so the deck is built with lectern's default template`,
        at('reference-doc', true),
      );
    }
  }
  const level = Number(fm['slide-level'] ?? options['slide-level'] ?? options.slide_level);
  return {
    dialect: pandoc ? 'pandoc' : 'lectern',
    ...(Number.isInteger(level) && level >= 0 && level <= 6 ? { slideLevel: level } : {}),
    incremental: fm.incremental === true || options.incremental === true,
  };
}

/** The options under a deck's output format: `format: {pptx: {...}}` or `output: {powerpoint_presentation: {...}}`. */
function formatOptions(fm: FrontMatter): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of ['format', 'output']) {
    const value = fm[key];
    if (!value || typeof value !== 'object') continue;
    for (const name of FORMATS) {
      const options = (value as Record<string, unknown>)[name];
      if (options && typeof options === 'object') Object.assign(merged, options);
    }
  }
  return merged;
}

function marpSettings(
  fm: FrontMatter,
  templates: { names(): string[] },
  warn: DialectWarn,
  at: (key: string) => { line?: number },
): DialectSettings {
  if (typeof fm.theme === 'string' && fm.template === undefined) {
    if (templates.names().includes(fm.theme)) fm.template = fm.theme;
    else {
      warn(
        'dialect/marp-theme',
        `lectern has no template named "${fm.theme}" (it has ${templates.names().join(', ')}), so the Marp theme is not used; name a lectern template with "template:"`,
        at('theme'),
      );
    }
  }
  if (fm.size !== undefined && !MARP_SIZES.has(String(fm.size))) {
    warn('dialect/marp-size', `lectern's slides are 16:9, so "size: ${String(fm.size)}" is not used`, at('size'));
  }
  if (fm.style !== undefined) {
    warn('dialect/marp-style', 'lectern does not read CSS, so "style" is not used; a template sets the look of a deck', at('style'));
  }
  const divider = Number(fm.headingDivider);
  return {
    dialect: 'marp',
    ...(Number.isInteger(divider) && divider >= 1 && divider <= 6 ? { headingDivider: divider } : {}),
    incremental: false,
  };
}
