import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, TemplateLibrary } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';
import { libreOffice, need } from './support/tools.js';

const run = promisify(execFile);

/** The decks rendered: the default deck, and a deck with every Markdown construct saved by a Windows editor (BOM, CRLF, UTF-16 data). */
const DECKS = {
  'the default deck': path.join(ROOT, 'content/kazakhstan-democracy.md'),
  'the Windows-saved deck of every construct': path.join(ROOT, 'tests/fixtures/windows-saved/deck.md'),
};

describe('LibreOffice opens the decks', () => {
  for (const [what, deck] of Object.entries(DECKS))
    for (const template of new TemplateLibrary([SHIPPED_TEMPLATES]).names()) {
      it(`converts ${what} with the "${template}" template to PDF, one page per slide, all text on its page`, async () => {
        need(libreOffice);
        const out = tempDir();
        const result = await buildDeckFile(deck, {
          outDir: out,
          template,
          templates: new TemplateLibrary([SHIPPED_TEMPLATES]),
        });
        expect(result.ok).toBe(true);
        const profile = `file://${tempDir('lectern-lo-')}`;
        await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, result.output!], {
          timeout: 120_000,
        });
        const pdf = result.output!.replace(/\.pptx$/, '.pdf');
        const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1]);
        const slides = await (await openPptx(result.output!)).slides();
        expect(pages).toBe(slides.length);
        console.log(`LibreOffice render test: ${template}: ${pages} pages for ${slides.length} slides`);

        // Text that ran off its slide would be cut from the page: every word a slide holds must be on its page.
        for (let i = 0; i < slides.length; i++) {
          const page = (await run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'])).stdout;
          const onPage = new Set(words(page));
          const missing = words(textOf(slides[i])).filter((w) => !onPage.has(w));
          expect(missing, `slide ${i + 1}`).toEqual([]);
        }
      }, 180_000);
    }

  it('build --pdf writes a PDF beside each deck, one page per slide', async () => {
    need(libreOffice);
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': '---\ntitle: PDF\n---\n## One\n\nText\n\n---\n\n## Two\n\n- a\n- b\n' });
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin/lectern.js'), 'build', '--pdf'], { cwd: dir, timeout: 180_000 });
    expect(stdout).toContain(`+ ${path.join('output', 'deck.pdf')}`);
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [path.join(dir, 'output/deck.pdf')])).stdout)![1]);
    expect(pages).toBe(3);
    console.log(`LibreOffice render test: build --pdf wrote ${pages} pages`);
  }, 180_000);
});

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3);
}
