import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, TemplateLibrary } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { FIXTURES } from './support/fixtures.js';
import { openPptx, tempDir, textOf, validatePptx } from './support/pptx.js';
import { libreOffice, need } from './support/tools.js';

const run = promisify(execFile);
const DATA = path.join(FIXTURES, '_data');

describe('LibreOffice draws the results deck (tables and charts from the marks workbook)', () => {
  for (const template of ['default', 'chalkboard']) {
    it(`with the "${template}" template: valid, one page per slide, every table word, axis title and trend label on its page`, async () => {
      need(libreOffice);
      const dir = tempDir();
      for (const file of ['results.md', 'marks.xlsx', 'noten.csv']) copyFileSync(path.join(DATA, file), path.join(dir, file));
      const result = await buildDeckFile(path.join(dir, 'results.md'), {
        outDir: dir,
        template,
        templates: new TemplateLibrary([SHIPPED_TEMPLATES]),
      });
      expect(result.diagnostics).toEqual([]);
      expect(await validatePptx(result.output!)).toEqual([]);
      const profile = `file://${tempDir('lectern-lo-')}`;
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, result.output!], {
        timeout: 120_000,
      });
      const pdf = result.output!.replace(/\.pptx$/, '.pdf');
      const slides = await (await openPptx(result.output!)).slides();
      expect(Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1])).toBe(slides.length);
      const page = async (n: number) => (await run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'])).stdout;
      // The grouped table: every cell on the page, the totals row included.
      const table = await page(2);
      for (const word of textOf(slides[1]).split(/\s+/).filter(Boolean)) expect(table).toContain(word);
      expect(table).toMatch(/Total\s+20\s+100\.0%/);
      // The charts' axis titles and labels are drawn (charts are not slide text: read the page).
      expect(await page(3)).toMatch(/Points[\s\S]*Group|Group[\s\S]*Points/);
      expect(await page(3)).toContain('435.2');
      expect(await page(4)).toMatch(/f\(x\) = |y = /);
      expect(await page(4)).toMatch(/R² = /);
      expect(await page(5)).toContain('Quiz score');
      expect(await page(6)).toContain('50–60');
      // The German CSV: decimal commas read as numbers, filtered, formatted.
      expect(await page(7)).toMatch(/Mathe\s+1\.5\s+12\.5\s+1,234\.5/);
    }, 180_000);
  }
});
