/**
 * A faster first highlight for the code most decks show: code written in ASCII.
 *
 * Most of a first highlight is V8 making the grammar's regular expressions, and much
 * of that is their Unicode properties: `[\$_\p{Alpha}]`, written some 1,600 times
 * across the bundled grammars, is a class of hundreds of ranges in and beyond the
 * BMP, looked up and compiled again at each place. On text that is all ASCII a
 * property means only its ASCII characters, so each pattern has a twin with every
 * `\p{…}` and `\P{…}` written as a class of those characters. It matches the same
 * on that text (tests/code.test.ts compares the tokens of every bundled grammar),
 * and V8 makes it far faster: JavaScript's 534 patterns in 2.5 ms instead of 17,
 * and their first highlight of three lines in 65 ms instead of 90.
 * scripts/ascii-grammars.mjs writes the twins of the bundled grammars into the CLI's
 * bundle; code with any other character is coloured with the grammar itself.
 */

/**
 * `lectern:ascii-grammar/<language>` is the grammar lectern colours code that is all ASCII
 * with: in the CLI's bundle, for the languages it bundles, the ASCII twin of the
 * language's grammar (scripts/ascii-grammars.mjs); elsewhere the grammar itself
 * (src/lazyImport.ts).
 */
export const ASCII_GRAMMAR = 'lectern:ascii-grammar/';

/** oniguruma-to-es's `EmulatedRegExp`, rebuilt from its source, flags and options. */
type RegExpClass = new (source: string, flags: string, options?: unknown) => RegExp;

/**
 * The pattern with each Unicode property as the class of its ASCII characters; the
 * pattern itself if it has none, or if its flags make that unsafe: without `v`
 * (where `[` inside a class is a character, not a nested class) or with `i`.
 */
export function asciiTwin(pattern: RegExp): RegExp {
  if (!pattern.flags.includes('v') || pattern.flags.includes('i') || !/\\[pP]\{/.test(pattern.source)) return pattern;
  const source = pattern.source;
  let twin = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') {
      twin += source[i];
      continue;
    }
    const property = /\\([pP])\{([^}]*)\}/y;
    property.lastIndex = i;
    const m = property.exec(source);
    if (m) {
      // A class, which v mode also takes inside a class (a nested class).
      twin += asciiClass(m[1] === 'P', m[2]);
      i += m[0].length - 1;
    } else {
      // Any other escape, as it is: the backslash and the character after it.
      twin += source.slice(i, i + 2);
      i++;
    }
  }
  // RegExp itself takes no options, and ignores them.
  return new (pattern.constructor as RegExpClass)(twin, pattern.flags, (pattern as { rawOptions?: unknown }).rawOptions);
}

const classes = new Map<string, string>();

/** `[…]` of the ASCII characters `\p{name}` (or `\P{name}`) matches. */
function asciiClass(negated: boolean, name: string): string {
  const escape = `\\${negated ? 'P' : 'p'}{${name}}`;
  let known = classes.get(escape);
  if (known === undefined) {
    const property = new RegExp(`^${escape}$`, 'v');
    const hex = (code: number) => `\\x${code.toString(16).padStart(2, '0')}`;
    let ranges = '';
    for (let code = 0; code < 128; code++) {
      if (!property.test(String.fromCharCode(code))) continue;
      let last = code;
      while (last < 127 && property.test(String.fromCharCode(last + 1))) last++;
      ranges += last > code ? `${hex(code)}-${hex(last)}` : hex(code);
      code = last;
    }
    known = `[${ranges}]`;
    classes.set(escape, known);
  }
  return known;
}
