// Bundles the compiled CLI (dist/cli) into one CommonJS file, dist/bundle/lectern.cjs,
// so that starting lectern reads one file instead of hundreds, and saves V8's code
// cache for it beside it (src/cli/bundle.ts explains). Then bundles the library
// (dist/library.js, what `import 'lectern'` gets) into one ES module, dist/lib/lectern.js.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { ASCII_GRAMMAR } from '../dist/typeset/asciiPatterns.js';
import { asciiGrammars } from './ascii-grammars.mjs';

const BUNDLE = 'dist/bundle/lectern.cjs';
const LIBRARY = 'dist/lib/lectern.js';
// Start from empty folders: no cache of an older bundle.
rmSync('dist/bundle', { recursive: true, force: true });
rmSync(path.dirname(LIBRARY), { recursive: true, force: true });

// pptxgenjs zips with jszip; lectern's stand-in (src/render/jszipShim.ts) hands the parts over as they are.
// pptxgenjs has no way to be given another zip library: it is bundled, with its import of jszip
// pointed at the stand-in, which no other code (a library user's own jszip) sees.
const JSZIP_SHIM = { jszip: './dist/render/jszipShim.js' };
/** The file beside the bundle that imports the packages lectern loads only when a deck needs them (src/lazyImport.ts). */
const LAZY_IMPORT = './lazy-import.cjs';
/**
 * The packages of src/lazyImport.ts that typeset equations and highlight code, bundled
 * together into dist/bundle/typeset.cjs with a code cache of its own (src/cli/bundle.ts),
 * each evaluated the first time a deck needs it. With them, the grammars (by their names
 * and aliases) of the languages lectern is most asked for, whose regular expressions took
 * V8 longer to parse than the highlighting, and the shipped templates' themes. Other
 * grammars and themes load from node_modules as usual.
 */
const TYPESET = 'dist/bundle/typeset.cjs';
const BUNDLED_GRAMMARS = ['python', 'javascript', 'typescript', 'java', 'c', 'r', 'sql', 'shellscript'];
/** The bundled grammars by every name shiki loads them under (their own, and their aliases): name → grammar. */
const grammarNames = new Map(
  (
    await Promise.all(
      BUNDLED_GRAMMARS.map(async (id) => {
        const grammars = (await import(`@shikijs/langs-precompiled/${id}`)).default;
        return [id, ...(grammars.find((g) => g.name === id).aliases ?? [])].map((name) => [name, id]);
      }),
    )
  ).flat(),
);
/** Their ASCII twins, by the same names (src/typeset/asciiPatterns.ts). */
const twins = asciiGrammars(grammarNames);
const TYPESET_LIBRARIES = [
  'temml',
  'mathml2omml',
  'mathjax-full/js/mathjax.js',
  'mathjax-full/js/input/mathml.js',
  'mathjax-full/js/output/svg.js',
  'mathjax-full/js/adaptors/liteAdaptor.js',
  'mathjax-full/js/handlers/html.js',
  'shiki/core',
  'shiki/engine/javascript',
  '@shikijs/langs-precompiled',
  '@shikijs/themes',
  ...globSync('templates/*/template.yaml')
    .map((file) => parseYaml(readFileSync(file, 'utf8'))?.code?.theme)
    .filter((theme) => typeof theme === 'string')
    .map((theme) => `@shikijs/themes/${theme}`),
  ...[...grammarNames.keys()].map((name) => `@shikijs/langs-precompiled/${name}`),
  ...twins.specifiers,
];
/** Wrapped as Node wraps a CommonJS module, so that V8 takes the file's text as it is (src/cli/bundle.ts); strict, as the sources are ES modules. */
const WRAPPER = { banner: "(function (exports, require, module, __filename, __dirname) {'use strict';", footer: '})' };
/** What both CommonJS bundles are built with: one file for Node 20, kept in memory for writeBundle. */
const NODE_BUNDLE = { write: false, metafile: true, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' };

const lectern = await build({
  entryPoints: ['dist/cli/lectern.js'],
  outfile: BUNDLE,
  ...NODE_BUNDLE,
  alias: {
    ...JSZIP_SHIM,
    // Loaded at start-up by dependencies, never used by lectern (see each stub).
    'js-yaml': './scripts/stubs/js-yaml.cjs',
    'source-map': './scripts/stubs/source-map.cjs',
  },
  plugins: [builtinStubs(), precompiledTemplates(), lazyImports()],
  external: [LAZY_IMPORT],
  // The code's own import.meta.url (where the shipped templates and the worker's file are), in CommonJS.
  define: { 'import.meta.url': '__lecternUrl' },
  // Wrapped as Node wraps a CommonJS module, so that V8 takes the file's text as it is
  // (src/cli/bundle.ts), without a copy of 1.6 MB to add the wrapper; strict, as the
  // sources are ES modules ("use strict" must come first to count).
  banner: { js: `${WRAPPER.banner} var __lecternUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: WRAPPER.footer },
});
writeBundle(BUNDLE, lectern);

// The typesetting libraries: by specifier, a function that evaluates the module and gives it (esbuild's import() of a bundled module).
const typeset = await build({
  stdin: {
    contents: `module.exports = {\n${TYPESET_LIBRARIES.map((specifier) => `  ${JSON.stringify(specifier)}: () => import(${JSON.stringify(specifier)}),\n`).join('')}};\n`,
    resolveDir: '.',
  },
  outfile: TYPESET,
  ...NODE_BUNDLE,
  plugins: [twins.plugin],
  banner: { js: WRAPPER.banner },
  footer: { js: WRAPPER.footer },
});
writeBundle(TYPESET, typeset);

writeFileSync(
  path.join(path.dirname(BUNDLE), LAZY_IMPORT),
  `// Loads a package for the bundle (src/lazyImport.ts): a typesetting library from typeset.cjs, through
// src/cli/bundle.ts (with its code cache), any other with import(), which works in a file Node loads itself.
// The ASCII twin of a grammar the bundle does not have is the grammar itself (src/lazyImport.ts).
const TYPESET = new Set(${JSON.stringify(TYPESET_LIBRARIES)});
const ASCII_GRAMMAR = ${JSON.stringify(ASCII_GRAMMAR)};
let typeset;
module.exports = (specifier) => {
  if (!TYPESET.has(specifier))
    return import(specifier.startsWith(ASCII_GRAMMAR) ? '@shikijs/langs-precompiled/' + specifier.slice(ASCII_GRAMMAR.length) : specifier);
  typeset ??= import('../cli/bundle.js').then((bundle) => bundle.loadTypesetLibraries());
  return typeset.then((libraries) => libraries[specifier]());
};
`,
);

// Build the starter deck, which uses every feature, with the fresh bundle, and keep the code V8 compiled for it.
const { loadLectern, loadTypesetLibraries, saveCodeCache } = await import('../dist/cli/bundle.js');
const out = mkdtempSync(path.join(os.tmpdir(), 'lectern-warm-'));
const quiet = { out: () => {}, err: (s) => console.error(s) };
const code = await loadLectern().main(['node', 'lectern', 'build', 'starters/deck.md', '-o', out], quiet);
if (code !== 0) throw new Error(`the starter deck did not build with the new bundle (exit code ${code})`);
// Then the physics example, with equations and code, for lectern's code that typesets them and the typesetting libraries' cache.
const physics = await loadLectern().main(['node', 'lectern', 'build', 'examples/physics-pendulum.md', '-o', out], quiet);
rmSync(out, { recursive: true, force: true });
if (physics !== 0) throw new Error(`the physics example did not build with the new bundle (exit code ${physics})`);
saveCodeCache();
// The grammars the example does not use, evaluated, so that their code is in the cache too: their
// ASCII twins, which colour most code. The grammars themselves (for code with other characters) are left
// out, a tenth of the cache that every deck with code would read; the rare deck that needs one compiles it.
const libraries = Object.entries(loadTypesetLibraries());
await Promise.all(libraries.filter(([specifier]) => !specifier.startsWith('@shikijs/langs-precompiled/')).map(([, load]) => load()));
saveCodeCache('typeset');

// The library: lectern's code and pptxgenjs, which must go through the stand-in; the other
// dependencies stay packages of their own, imported from node_modules as usual.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
await build({
  entryPoints: ['dist/library.js'],
  outfile: LIBRARY,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  alias: JSZIP_SHIM,
  external: Object.keys(dependencies).filter((name) => name !== 'pptxgenjs' && name !== 'jszip'),
  plugins: [precompiledTemplates()],
});

/**
 * The shipped templates' Handlebars files, compiled now (src/templates/precompiled.ts):
 * their code lands in the bundle, and so in the code cache.
 */
function precompiledTemplates() {
  return {
    name: 'precompiled-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/]templates[\\/]precompiled\.js$/ }, async () => {
        const { decodeText } = await import('../dist/input/readInput.js');
        const files = globSync('templates/*/**/*.hbs').sort();
        const entries = files.map((file) => {
          const source = decodeText(readFileSync(file), file, 'template');
          return `[${JSON.stringify(source)}, ${Handlebars.precompile(source)}]`;
        });
        return { contents: `export const PRECOMPILED = new Map([\n${entries.join(',\n')}\n]);\n`, loader: 'js', watchFiles: files };
      });
    },
  };
}

/**
 * Writes a bundle, which must not use import(): it fails in code run from a V8 code cache
 * (src/cli/bundle.ts). esbuild leaves non-ASCII characters in comments and regular expressions.
 * Escaped, the bundle is ASCII, which Node reads (as latin1, see src/cli/bundle.ts) without decoding.
 */
function writeBundle(file, { outputFiles, metafile }) {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports);
  const dynamic = imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  if (dynamic.length > 0)
    throw new Error(`${file} contains import() of ${dynamic.join(', ')}, which fails in code run from a V8 code cache (src/cli/bundle.ts)`);
  const source = outputFiles[0].text;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** src/lazyImport.ts in the bundle: its import() goes through the file beside the bundle. */
function lazyImports() {
  return {
    name: 'lazy-imports',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/]lazyImport\.js$/ }, () => ({
        contents: `export function importModule(specifier) { return require(${JSON.stringify(LAZY_IMPORT)})(specifier); }\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Node modules that dependencies load and lectern does not need at start-up, replaced by
 * the stand-ins in scripts/stubs/ (each says why). pptxgenjs loads fs and https with
 * import(), which code run from a cache cannot use; commander loads child_process, and
 * fdir picomatch, from node_modules, though neither is used.
 */
function builtinStubs() {
  const stubs = [
    { module: 'node:fs', kind: 'dynamic-import', from: /pptxgenjs/, stub: 'fs-import.mjs' },
    { module: 'node:https', kind: 'dynamic-import', from: /pptxgenjs/, stub: 'https-import.mjs' },
    { module: 'node:child_process', kind: 'require-call', from: /commander/, stub: 'child-process-spawn.cjs' },
    { module: 'module', kind: 'import-statement', from: /[\\/]fdir[\\/]/, stub: 'fdir-require.cjs' },
  ];
  return {
    name: 'builtin-stubs',
    setup(build) {
      build.onResolve({ filter: /^(node:|module$)/ }, (args) => {
        const stub = stubs.find((s) => s.module === args.path && s.kind === args.kind && s.from.test(args.importer));
        return stub ? { path: path.resolve('scripts/stubs', stub.stub) } : undefined;
      });
    },
  };
}
