import type { Run } from '../content/blocks.js';
import { importModule } from '../lazyImport.js';
import { ASCII_GRAMMAR } from './asciiPatterns.js';

/** A token as shiki gives it. */
interface ShikiToken {
  content: string;
  color?: string;
  fontStyle?: number;
}
interface ShikiTheme {
  bg: string;
  fg: string;
}
interface ShikiHighlighter {
  loadLanguage(...langs: unknown[]): Promise<void>;
  loadTheme(...themes: unknown[]): Promise<void>;
  getTheme(name: string): ShikiTheme;
  codeToTokensBase(
    code: string,
    options: { lang: string; theme: string; tokenizeTimeLimit: number; tokenizeMaxLineLength: number },
  ): ShikiToken[][];
}

/** Highlighted code: its lines as coloured runs, and the panel it sits on. */
export interface HighlightedCode {
  lines: Run[][];
  panel: { background: string; foreground: string };
}

/**
 * Code highlighting: shiki with its JavaScript engine and its grammars precompiled to
 * JavaScript regular expressions (translating a grammar's Oniguruma patterns took
 * longer than the rest of a build), loading each language and theme the first time a
 * deck uses it.
 */
export interface CodeHighlighter {
  /** The name of a language shiki has (its own or an alias, such as `py`), in lower case; undefined if it has none. */
  language(name: string): string | undefined;
  /** shiki's themes, for messages. */
  themes(): string[];
  hasTheme(name: string): boolean;
  highlight(code: string, language: string, theme: string): Promise<HighlightedCode>;
}

/**
 * shiki stops colouring a line after 500 ms by default, so that a slow or busy computer
 * (a batch build, an old laptop) would colour the same code differently, and leave the
 * rest of the code in the wrong colours. A deck is coloured the same everywhere: no time
 * limit, and a line too long for any slide stays plain, whatever the clock.
 */
const TOKENIZE_LIMITS = { tokenizeTimeLimit: 0, tokenizeMaxLineLength: 2000 };

const ALL_ASCII = /^[\x00-\x7f]*$/;

let loading: Promise<CodeHighlighter> | undefined;

/** The highlighter, loaded the first time a deck has code in a language. */
export function loadHighlighter(): Promise<CodeHighlighter> {
  loading ??= Promise.all([
    importModule<{ createHighlighterCore(options: object): Promise<ShikiHighlighter> }>('shiki/core'),
    importModule<{ createJavaScriptRawEngine(): unknown }>('shiki/engine/javascript'),
    // The names alone: shiki's own lists hold a loader for each language and theme, which is more to load.
    importModule<{ languageNames: string[]; languageAliasNames: string[] }>('@shikijs/langs-precompiled'),
    importModule<{ themeNames: string[] }>('@shikijs/themes'),
  ]).then(async ([core, engine, { languageNames, languageAliasNames }, { themeNames }]) => {
    // Code that is all ASCII is coloured with the ASCII twins of the grammars (src/typeset/asciiPatterns.ts),
    // other code with the grammars themselves: two highlighters, as both have the same names.
    const highlighters = new Map<boolean, Promise<ShikiHighlighter>>();
    const highlighter = (ascii: boolean) => {
      let shiki = highlighters.get(ascii);
      if (!shiki)
        highlighters.set(
          ascii,
          (shiki = core.createHighlighterCore({ themes: [], langs: [], engine: engine.createJavaScriptRawEngine() })),
        );
      return shiki;
    };
    const languages = new Set([...languageNames, ...languageAliasNames]);
    const themes = new Set(themeNames);
    const loaded = new Set<string>();
    const once = async (key: string, load: () => Promise<void>) => {
      if (loaded.has(key)) return;
      await load();
      loaded.add(key);
    };
    return {
      language: (name) => (languages.has(name.toLowerCase()) ? name.toLowerCase() : undefined),
      themes: () => [...themes],
      hasTheme: (name) => themes.has(name),
      async highlight(code, language, theme) {
        const ascii = ALL_ASCII.test(code);
        const shiki = await highlighter(ascii);
        // A language's grammar (with those it embeds), its patterns already JavaScript regular expressions; an alias's is its language's.
        const grammar = ascii ? `${ASCII_GRAMMAR}${language}` : `@shikijs/langs-precompiled/${language}`;
        await once(`${ascii} lang:${language}`, () => shiki.loadLanguage(importModule(grammar)));
        await once(`${ascii} theme:${theme}`, () => shiki.loadTheme(importModule(`@shikijs/themes/${theme}`)));
        const { bg, fg } = shiki.getTheme(theme);
        const lines = shiki.codeToTokensBase(code, { lang: language, theme, ...TOKENIZE_LIMITS }).map((tokens) => tokens.map(tokenRun));
        return { lines, panel: { background: hex(bg) ?? 'FFFFFF', foreground: hex(fg) ?? '000000' } };
      },
    };
  });
  return loading;
}

/** shiki's font styles (a bit field). */
const FONT_STYLE = { italic: 1, bold: 2, underline: 4 } as const;

function tokenRun(token: ShikiToken): Run {
  const style = token.fontStyle ?? 0;
  const color = token.color ? hex(token.color) : undefined;
  return {
    text: token.content,
    code: true,
    ...(color ? { color } : {}),
    ...(style & FONT_STYLE.italic ? { italic: true } : {}),
    ...(style & FONT_STYLE.bold ? { bold: true } : {}),
    ...(style & FONT_STYLE.underline ? { underline: true } : {}),
  };
}

/** `#abc`, `#aabbcc` or `#aabbccdd` as `AABBCC` (the alpha dropped). */
export function hex(color: string): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (!m) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1].slice(0, 6);
  return digits.toUpperCase();
}
