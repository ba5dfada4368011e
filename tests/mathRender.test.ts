import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { MathElement, Slide } from '../src/model/types.js';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, ROOT } from './support/pptx.js';
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

/** The plain-text form of every inline equation on a slide (in its text and its tables' cells), as the deck model holds it. */
function inlineEquations(slide: Slide): string[] {
  const runs = slide.elements.flatMap((e) =>
    e.kind === 'text' ? e.paragraphs.flatMap((p) => p.runs) : e.kind === 'table' ? [...e.header.flat(), ...e.rows.flat(2)] : [],
  );
  return runs.filter((r) => r.math?.typeset).map((r) => r.text);
}

test('LibreOffice shows equations among text and in table cells (their fallback), PowerPoint keeps them native', async () => {
  need(libreOffice);
  // As a statistics course and Wikipedia write them: inline in prose, in a list, in a table, in a title, on a dark template.
  const deck = deckText(
    [
      '## Euler and $\\pi$',
      '',
      "Euler's identity $e^{i\\pi} + 1 = 0$ links five constants; the sample mean $\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i$ estimates $\\mu$.",
      '',
      '- the variance $s^2 = \\frac{1}{n-1}\\sum (x_i - \\bar{x})^2$',
      '- a root $\\sqrt[3]{27} = 3$ and an angle $\\alpha \\le \\frac{\\pi}{2}$',
      '',
      '---',
      '',
      '## Distributions',
      '',
      '| Distribution | Mean | Variance |',
      '|:--|:--|:--|',
      '| Binomial | $np$ | $np(1-p)$ |',
      '| Poisson | $\\lambda$ | $\\lambda$ |',
      '| Normal | $\\mu$ | $\\sigma^2$ |',
    ].join('\n'),
    { template: 'chalkboard' },
  );
  const result = await buildInTemp({ 'deck.md': deck });
  expect(result.ok).toBe(true);
  const pptx = path.join(result.dir, 'inline.pptx');
  copyFileSync(result.output!, pptx);
  // PowerPoint's native equations stay in the mc:Choice of each shape and table.
  const pkg = await openPptx(pptx);
  for (const n of [2, 3]) {
    const xml = await pkg.xml(`ppt/slides/slide${n}.xml`);
    const choices = [...xml.matchAll(/<mc:Choice [^>]*Requires="a14m">([\s\S]*?)<\/mc:Choice><mc:Fallback>([\s\S]*?)<\/mc:Fallback>/g)];
    expect(choices.length).toBeGreaterThan(0);
    for (const [, choice, fallback] of choices) {
      expect(choice).toContain('<a14:m><m:oMath ');
      expect(fallback).not.toContain('a14:m');
    }
  }
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', result.dir, pptx], { stdio: 'ignore', timeout: 120_000 });
  const pdf = path.join(result.dir, 'inline.pdf');
  const flat = (s: string) => s.replace(/\s+/g, '');
  for (const [index, slide] of result.deck!.slides.entries()) {
    const page = flat(execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), pdf, '-'], { encoding: 'utf8' }));
    for (const equation of inlineEquations(slide)) expect(page, `slide ${index + 1}`).toContain(flat(equation));
  }
  expect(inlineEquations(result.deck!.slides[2])).toHaveLength(6);
}, 180_000);

test('LibreOffice draws `|`, `&`, `#` and `_` in an equation as themselves, not as its own formula syntax', async () => {
  need(libreOffice);
  const result = await buildInTemp(deckText('## Bars\n\n$$|x - r| + a \\& b + \\#c + \\_$$\n'));
  expect(result.ok).toBe(true);
  const pptx = path.join(result.dir, 'bars.pptx');
  copyFileSync(result.output!, pptx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', result.dir, pptx], { stdio: 'ignore', timeout: 120_000 });
  const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', path.join(result.dir, 'bars.pdf'), '-'], { encoding: 'utf8' });
  // StarMath reads `|` as "or" (∨), `&` as "and" (∧), `#` as a column break and `_` as a subscript; ¿ is its error mark.
  for (const c of ['|', '&', '#', '_']) expect(text, text).toContain(c);
  for (const c of ['¿', '∨', '∧']) expect(text, text).not.toContain(c);
}, 180_000);
