import { ASCII_GRAMMAR } from './typeset/asciiPatterns.js';

/**
 * Loads a package the first time a deck needs it (the math and highlighting
 * libraries), so that a deck without equations or code never pays for them.
 * In the CLI's bundle, which runs from V8's code cache and so cannot use
 * `import()` itself (src/cli/bundle.ts), scripts/bundle.mjs puts a small file
 * beside the bundle that does the import for it.
 */
export function importModule<T>(specifier: string): Promise<T> {
  // Outside the CLI's bundle a grammar has no ASCII twin: the grammar itself.
  return import(
    specifier.startsWith(ASCII_GRAMMAR) ? `@shikijs/langs-precompiled/${specifier.slice(ASCII_GRAMMAR.length)}` : specifier
  ) as Promise<T>;
}
