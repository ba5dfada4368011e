import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // pptxgenjs zips through lectern's JSZip stand-in in the tests as in the CLI (scripts/bundle.mjs).
  plugins: [
    {
      name: 'lectern-jszip-shim',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === 'jszip' && importer?.includes(`${path.sep}pptxgenjs${path.sep}`)) return path.resolve('src/render/jszipShim.ts');
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // LibreOffice and the validator are whole processes; two cores, two workers.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summaryReporter.ts'],
    // Loaded through vite, not Node, so that the plugin above sees its imports.
    server: { deps: { inline: ['pptxgenjs'] } },
  },
});
