// The ASCII twins of shiki's precompiled grammars, for the typesetting bundle (scripts/bundle.mjs):
// each grammar again, with every pattern replaced by its ASCII twin (src/typeset/asciiPatterns.ts).
// lectern colours code that is all ASCII with them: they match the same on that code, and V8 makes
// them several times faster than the grammar's own patterns, which spell out Unicode properties.
import { EmulatedRegExp } from 'oniguruma-to-es';
import { ASCII_GRAMMAR, asciiTwin } from '../dist/typeset/asciiPatterns.js';

/**
 * An esbuild plugin that gives `lectern:ascii-grammar/<name>` for each name of `names` (the
 * names shiki loads a grammar under → the grammar): the grammar's module, its patterns
 * replaced by their twins, once for all its names. With the specifiers it serves, for the
 * bundle's list.
 */
export function asciiGrammars(names) {
  const specifiers = [...names.keys()].map((name) => `${ASCII_GRAMMAR}${name}`);
  const plugin = {
    name: 'ascii-grammars',
    setup(build) {
      build.onResolve({ filter: /^lectern:ascii-grammar\// }, (args) => ({
        path: names.get(args.path.slice(ASCII_GRAMMAR.length)),
        namespace: 'ascii-grammar',
      }));
      build.onLoad({ filter: /.*/, namespace: 'ascii-grammar' }, async ({ path: id }) => {
        const grammars = (await import(`@shikijs/langs-precompiled/${id}`)).default;
        return {
          contents: `import { EmulatedRegExp } from 'oniguruma-to-es';\nexport default ${source(grammars)};\n`,
          loader: 'js',
          resolveDir: '.',
        };
      });
    },
  };
  return { specifiers, plugin };
}

/** A grammar's value as JavaScript source, each pattern its ASCII twin. */
function source(value) {
  if (value instanceof RegExp) {
    const twin = asciiTwin(value);
    // `source` escapes what a literal needs escaped; an EmulatedRegExp is made again from its options.
    if (twin.constructor === RegExp) return `/${twin.source}/${twin.flags}`;
    if (!(twin instanceof EmulatedRegExp)) throw new Error(`a grammar pattern of an unknown kind: ${twin.constructor.name}`);
    return `new EmulatedRegExp(${JSON.stringify(twin.source)}, ${JSON.stringify(twin.flags)}, ${JSON.stringify(twin.rawOptions)})`;
  }
  if (Array.isArray(value)) return `[${value.map(source).join(',')}]`;
  if (value === undefined) return 'undefined';
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, v]) => `${JSON.stringify(key)}:${source(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
