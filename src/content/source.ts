import matter from 'gray-matter';
import YAML from 'yaml';
import { fail } from '../diagnostics.js';
import { keyLineIn, keyPathLineIn } from '../yamlKeys.js';
import { yamlReason } from '../yamlErrors.js';
import { readInputText } from '../input/readInput.js';
import { isLanguageTag } from './languageTag.js';
import { readTitleBlock } from './dialects/pandocTitleBlock.js';
import { checkStrings, type Strings } from '../i18n/messages.js';
import { misspeltKeys } from './frontMatterSlips.js';

/** The deck settings a teacher writes in the front matter. */
export interface FrontMatter {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  organization?: string;
  subject?: string;
  keywords?: string[];
  template?: string;
  lang?: string;
  footer?: string;
  slideNumbers?: boolean;
  /** Which way the deck's text reads: `rtl` for right to left; by default, the way its `lang` is written. */
  dir?: 'ltr' | 'rtl';
  /** The deck's own words for those lectern generates ("continued", "Source"...), over its template's. */
  strings?: Strings;
  /** Named datasets: a path to a CSV or JSON file, or inline YAML. */
  data?: Record<string, unknown>;
  /** Every other key, available to Handlebars in the body. */
  [key: string]: unknown;
}

/** A deck file split into its front matter and its body. */
export interface DeckSource {
  file: string;
  /** The whole file, for finding the line of a front-matter key. */
  text: string;
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** The front matter came from pandoc's `% title` block. */
  titleBlock?: boolean;
}

const TEXT_KEYS = ['title', 'subtitle', 'author', 'date', 'organization', 'subject', 'template', 'lang', 'footer', 'dir'] as const;

/** Every front-matter key lectern itself reads (README, "Front matter"); any other key is the teacher's own, for `{{key}}`. */
export const FRONT_MATTER_KEYS = [...TEXT_KEYS, 'keywords', 'strings', 'slideNumbers', 'incremental', 'slide-level', 'data'] as const;

/** Reads a deck file and parses its YAML front matter. */
export async function loadDeckSource(file: string): Promise<DeckSource> {
  return parseDeckSource(readInputText(file, 'deck', { what: 'the deck' }), file);
}

/** Splits deck text into front matter and body, with the body's starting line. */
export function parseDeckSource(text: string, file: string): DeckSource {
  const titleBlock = readTitleBlock(text);
  if (titleBlock?.title) {
    const { lines, ...frontMatter } = titleBlock;
    const body = text.split('\n').slice(lines).join('\n');
    return { file, text, frontMatter: checkFrontMatter(frontMatter, text, file), body, bodyLine: lines + 1, titleBlock: true };
  }
  if (!/^---\n/.test(text)) {
    throw fail(
      'front-matter/missing',
      'the deck has no front matter; start the file with a line "---", a "title: ..." line and another "---" (or with pandoc\'s "% title" line)',
      {
        file,
        line: 1,
        column: 1,
      },
    );
  }
  // gray-matter reads a front matter with no closing line as the whole file, whose slides are then not YAML.
  if (!text.split('\n').some((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line))) {
    throw fail('front-matter/unclosed', 'the front matter has no closing line; end it with a line holding only "---"', { file, line: 1 });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter hands YAML the text from the end of the opening "---", so YAML's lines are the file's.
    parsed = matter(text, { engines: { yaml: (s: string) => YAML.parse(s) as object } });
  } catch (error) {
    const pos = error instanceof YAML.YAMLError ? error.linePos?.[0] : undefined;
    throw fail('front-matter/yaml', `the front matter is not valid YAML: ${yamlReason(error)}`, {
      file,
      line: pos ? pos.line : 1,
      column: pos?.col,
    });
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw fail('front-matter/not-mapping', 'the front matter must be a list of "key: value" lines', { file, line: 2 });
  }
  const frontMatter = checkFrontMatter(data as Record<string, unknown>, text, file);
  const bodyOffset = text.length - parsed.content.length;
  return { file, text, frontMatter, body: parsed.content, bodyLine: countLines(text.slice(0, bodyOffset)) + 1 };
}

function checkFrontMatter(data: Record<string, unknown>, text: string, file: string): FrontMatter {
  const at = (key: string) => ({ file, line: keyLine(text, key) });
  // A Marp deck's title is its first slide's heading when the front matter names none.
  if (data.marp === true && (data.title === undefined || data.title === null))
    data = { ...data, title: firstHeading(text) ?? titleOf(file) };
  const out: Record<string, unknown> = { ...data };
  if (data.title === undefined || data.title === null || String(data.title).trim() === '') {
    const misspelt = misspeltKeys(data, text).find((m) => m.meant === 'title');
    if (misspelt)
      throw fail('front-matter/title', `the front matter needs a "title"; write "title:", not "${misspelt.key}:"`, at(misspelt.key));
    throw fail('front-matter/title', 'the front matter needs a "title", a line such as "title: Fractions"', {
      file,
      line: keyLine(text, 'title') ?? 2,
    });
  }
  for (const key of TEXT_KEYS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') throw fail('front-matter/type', `"${key}" must be text, not a list or mapping`, at(key));
    out[key] = String(value);
  }
  if (data.keywords !== undefined) {
    const k = data.keywords;
    out.keywords = Array.isArray(k)
      ? k.map(String)
      : String(k)
          .split(/\s*,\s*/)
          .filter(Boolean);
  }
  if (data.slideNumbers !== undefined && typeof data.slideNumbers !== 'boolean') {
    throw fail('front-matter/type', '"slideNumbers" must be true or false', at('slideNumbers'));
  }
  if (data.data !== undefined && (data.data === null || typeof data.data !== 'object' || Array.isArray(data.data))) {
    throw fail(
      'front-matter/type',
      '"data" must be a mapping of dataset names to files or values, e.g. "results: results.csv"',
      at('data'),
    );
  }
  if (out.dir !== undefined && out.dir !== 'ltr' && out.dir !== 'rtl') {
    throw fail('front-matter/dir', `"dir" must be "rtl" (right to left) or "ltr" (left to right), not "${String(out.dir)}"`, at('dir'));
  }
  if (data.strings !== undefined)
    out.strings = checkStrings(data.strings, (keys) => ({ file, line: keyPathLine(text, ['strings', ...keys]) }));
  if (typeof out.lang === 'string' && !isLanguageTag(out.lang)) {
    throw fail('front-matter/lang', `"lang" must be a language tag such as "en-US" or "kk-KZ", not "${out.lang}"`, at('lang'));
  }
  return out as FrontMatter;
}

/** Line of a nested key in the front matter, `['strings', 'table', 'one']`: the deepest of them found. */
export function keyPathLine(text: string, path: string[]): number | undefined {
  return keyPathLineIn(text.split('\n'), path, { from: 1, until: (line) => /^---\s*$/.test(line) });
}

/** Line of a key in the front matter (the file's line 1 is the opening ---): a top-level one, or a `nested` one. */
export function keyLine(text: string, key: string, nested = false): number | undefined {
  return keyLineIn(text.split('\n'), key, { nested, from: 1, until: (line) => /^---\s*$/.test(line) });
}

function firstHeading(text: string): string | undefined {
  return /^ {0,3}#{1,6}[ \t]+(?:<!--.*?-->\s*)?(.+?)[ \t#]*$/m.exec(text)?.[1];
}

function titleOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
