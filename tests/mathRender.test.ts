import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { MathElement } from '../src/model/types.js';
import { buildInTemp } from './support/build.js';
import { ROOT } from './support/pptx.js';
import { need, libreOffice } from './support/tools.js';

/** A page of a PDF as grey pixels (pdftoppm's PGM), 0 black to 255 white. */
function pageGrey(pdf: string, page: number, dpi: number): { width: number; height: number; at(x: number, y: number): number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const offset = header[0].length;
  const width = Number(header[1]);
  return { width, height: Number(header[2]), at: (x, y) => pgm[offset + y * width + x] };
}

test('LibreOffice draws every display equation and the highlighted code of the physics example', async () => {
  need(libreOffice);
  const result = await buildInTemp({ 'deck.md': readFileSync(path.join(ROOT, 'examples/physics-pendulum.md'), 'utf8') });
  expect(result.ok).toBe(true);
  const pptx = path.join(result.dir, 'physics.pptx');
  copyFileSync(result.output!, pptx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', result.dir, pptx], { stdio: 'ignore', timeout: 120_000 });
  const pdf = path.join(result.dir, 'physics.pdf');
  const dpi = 40;
  const equations = result.deck!.slides[1].elements.filter((e): e is MathElement => e.kind === 'math');
  expect(equations).toHaveLength(2);
  const page = pageGrey(pdf, 2, dpi);
  for (const e of equations) {
    // Ink inside the equation's box: LibreOffice drew it (it leaves the box empty when it cannot).
    let dark = 0;
    for (let y = Math.floor(e.y * dpi); y < Math.ceil((e.y + e.h) * dpi); y++)
      for (let x = Math.floor(e.x * dpi); x < Math.ceil((e.x + e.w) * dpi); x++) if (page.at(x, y) < 128) dark++;
    expect(dark, `ink in the box of ${e.math.linear}`).toBeGreaterThan(20);
  }
  const code = execFileSync('pdftotext', ['-f', '3', '-l', '3', '-layout', pdf, '-'], { encoding: 'utf8' });
  expect(code).toContain('def gravity(length_m, period_s):');
  expect(code).toMatch(/^\s*5\s+return 4 \* math\.pi/m);
}, 180_000);
