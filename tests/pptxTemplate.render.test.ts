import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lectern } from './support/cli.js';
import { openPptx, tempDir, textOf, validatePptx, writeFiles } from './support/pptx.js';
import { libreOffice, need } from './support/tools.js';
import { everyKindDeck, FIXTURES, TEMPLATE_FILES } from './support/pptxTemplates.js';

const run = promisify(execFile);
/** One of LibreOffice's own Impress templates, where Debian and Ubuntu install them. */
const VINTAGE = '/usr/lib/libreoffice/share/template/common/presnt/Vintage.otp';

/** Words of a text, as pdftotext and the slide XML both give them. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3);
}

/** Text boxes of a page, from `pdftotext -bbox-layout`: their words and where they are (points). */
function blocks(html: string): { text: string; x: number; y: number; w: number; h: number }[] {
  return [...html.matchAll(/<block xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/block>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]) - Number(m[1]),
    h: Number(m[4]) - Number(m[2]),
    text: [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
  }));
}

describe('LibreOffice renders decks built on PowerPoint template files', () => {
  it(`one page per slide, every word on its page, no text past the page or on other text, for ${TEMPLATE_FILES.join(', ')}`, async () => {
    need(libreOffice);
    const dir = tempDir();
    const profile = `file://${tempDir('lectern-lo-')}`;
    // Vintage (4:3) is 2.6 MB as PPTX, too big to keep as a fixture: LibreOffice saves it as PPTX here.
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pptx', '--outdir', path.join(dir, 'content'), VINTAGE],
      {
        timeout: 300_000,
      },
    );
    const outputs: string[] = [];
    for (const name of [...TEMPLATE_FILES, 'Vintage']) {
      writeFiles(dir, {
        [`content/${name}.md`]: everyKindDeck(`${name}.pptx`),
        ...(name === 'Vintage' ? {} : { [`content/${name}.pptx`]: readFileSync(path.join(FIXTURES, `${name}.pptx`)) }),
      });
      outputs.push(path.join(dir, 'output', `${name}.pptx`));
    }
    expect((await lectern(['build'], dir)).code).toBe(0);
    expect(await validatePptx(path.join(dir, 'output/Vintage.pptx'))).toEqual([]);
    // One soffice call for every deck.
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...outputs],
      {
        timeout: 300_000,
      },
    );
    for (const output of outputs) {
      const pdf = path.join(dir, 'pdf', path.basename(output).replace(/\.pptx$/, '.pdf'));
      const info = (await run('pdfinfo', [pdf])).stdout;
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      const slides = await (await openPptx(output)).slides();
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1]), output).toBe(slides.length);
      for (let i = 0; i < slides.length; i++) {
        const page = (await run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-bbox-layout', pdf, '-'])).stdout;
        const found = blocks(page);
        const onPage = new Set(words(found.map((b) => b.text).join(' ')));
        expect(
          words(textOf(slides[i])).filter((w) => !onPage.has(w)),
          `${path.basename(output)} slide ${i + 1}`,
        ).toEqual([]);
        // Glyph boxes include the font's descent: a template's own footer placeholder may end at the page's
        // edge (Midnightblue's ends 0.01 in past it), and its text's box a few points below.
        const edge = 4;
        for (const b of found) {
          expect(
            b.x >= -edge && b.y >= -edge && b.x + b.w <= width + edge && b.y + b.h <= height + edge,
            `${path.basename(output)} slide ${i + 1}: "${b.text}" off the page`,
          ).toBe(true);
        }
        // No two blocks of text overlap (by more than a sliver).
        for (const [j, a] of found.entries())
          for (const b of found.slice(j + 1)) {
            const overlap =
              Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
              Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
            expect(overlap, `${path.basename(output)} slide ${i + 1}: "${a.text}" overlaps "${b.text}"`).toBeLessThan(20);
          }
      }
      console.log(`LibreOffice render test: ${path.basename(output)}: ${slides.length} pages, text on its page, none overlapping`);
    }
  }, 600_000);
});
