// Bundles the compiled CLI (dist/cli) into dist/bundle: one file per entry plus
// shared chunks, so that starting lectern reads a few files instead of hundreds.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: start from an empty folder.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/main.js', 'dist/cli/buildWorker.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  alias: {
    // pptxgenjs zips with jszip; lectern's stand-in (src/render/jszipShim.ts) hands the parts over as they are.
    jszip: './dist/render/jszipShim.js',
    // Loaded at start-up by dependencies, never used by lectern (see each stub).
    'js-yaml': './scripts/stubs/js-yaml.cjs',
    'source-map': './scripts/stubs/source-map.cjs',
  },
  // CommonJS dependencies call require(); ESM output needs one defined.
  banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
});
