/**
 * Front matter that YAML reads without complaint but not as the teacher meant: a key
 * of lectern's misspelt, which then does nothing, and a value cut short at a `#`.
 */
import { closest } from '../suggest.js';
import { FRONT_MATTER_KEYS } from './source.js';

/** Keys other tools use for one of lectern's, which `closest` cannot see are meant. */
const OTHER_NAMES: Record<string, (typeof FRONT_MATTER_KEYS)[number]> = {
  language: 'lang',
  theme: 'template',
  institute: 'organization',
  institution: 'organization',
  school: 'organization',
};

/** A key of the teacher's that looks like a misspelling of one of lectern's. */
export interface MisspeltKey {
  key: string;
  /** The key of lectern's it is probably meant to be. */
  meant: string;
}

/**
 * The keys of a lectern deck's front matter that lectern does not read, that are
 * close to a key it does (`tempalte`, `Title`, `slideNumber`), and that the deck
 * does not use as `{{key}}`: most likely a typo, which would otherwise do nothing
 * at all. `text` is the whole deck file, where a key of the teacher's own is used.
 */
export function misspeltKeys(frontMatter: Record<string, unknown>, text: string): MisspeltKey[] {
  const known = new Set<string>(FRONT_MATTER_KEYS);
  const found: MisspeltKey[] = [];
  let used: Set<string> | undefined;
  for (const key of Object.keys(frontMatter)) {
    if (known.has(key)) continue;
    const meant = Object.hasOwn(OTHER_NAMES, key.toLowerCase()) ? OTHER_NAMES[key.toLowerCase()] : closest(key, FRONT_MATTER_KEYS);
    if (meant === undefined || frontMatter[meant] !== undefined || (used ??= mustacheNames(text)).has(key)) continue;
    found.push({ key, meant });
  }
  return found;
}

/** The message for a misspelt key. */
export function misspeltKeyMessage({ key, meant }: MisspeltKey): string {
  return `lectern does not read the front matter key "${key}" (did you mean "${meant}"?), so it does nothing; a key of your own is only shown where the deck writes {{${key}}}`;
}

/** The names inside the deck's `{{…}}` (`{{week}}`, `{{#if week}}`, `{{upper week}}`): the keys it uses. */
function mustacheNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const part of text.split('{{').slice(1)) {
    const end = part.indexOf('}}');
    const inside = end < 0 ? part : part.slice(0, end);
    for (const word of inside.split(/[\s()=~#/^&>{}"']+/)) if (word) names.add(word.split('.')[0]);
  }
  return names;
}

/** A front-matter value that YAML cut short at a `#` the teacher meant as text (`title: Lesson #3`). */
export interface CommentCut {
  key: string;
  /** The value as YAML reads it, and as written. */
  kept: string;
  written: string;
  line: number;
}

/**
 * Values of the front matter that YAML ends at ` #`, where the `#` is followed by
 * a letter or digit (`Lesson #3`, `C #sharp`) rather than a space: most likely
 * text, not a comment, which YAML drops in silence. (`key: value  # a note` is a comment.)
 */
export function commentCuts(text: string): CommentCut[] {
  const lines = text.split('\n');
  const cuts: CommentCut[] = [];
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[i]); i++) {
    const m = /^\s*([\w-]+):[ \t]+([^\s"'#|>[{&*!][^#]*?)[ \t]+(#\S.*?)\s*$/.exec(lines[i]);
    if (m) cuts.push({ key: m[1], kept: m[2], written: `${m[2]} ${m[3]}`, line: i + 1 });
  }
  return cuts;
}

/** The message for a value cut at a `#`. */
export function commentCutMessage({ key, kept, written }: CommentCut): string {
  return `YAML reads the "#" in "${key}: ${written}" as the start of a comment, so ${key} is only "${kept}"; put the value in quotes: ${key}: "${written}"`;
}
