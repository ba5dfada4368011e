import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { INSET, PARAGRAPH_SPACING, paragraphScale, textMeasure } from '../src/model/measure.js';
import type { TextElement } from '../src/model/types.js';
import { openPptx, ROOT, tempDir, textOf, validatePptx } from './support/pptx.js';
import { libreOffice, need, validator } from './support/tools.js';

const run = promisify(execFile);

/**
 * A lecture in seven languages (tests/fixtures/_languages): a lead-in and a nested
 * list, a table of 24 regions with numbers, a code block of 24 lines, and prose.
 * Each is built with the default template and rendered by LibreOffice, in one call.
 */
const LANGUAGES = ['en', 'de', 'ru', 'kk', 'zh', 'ja', 'ar'] as const;
const CORPUS = path.join(ROOT, 'tests/fixtures/_languages');
/** Points per inch: the PDF's unit. */
const PT = 72;

interface Rendered {
  result: DeckResult;
  pdf: string;
  /** Each page's words, with their boxes in points. */
  pages: Word[][];
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

let rendering: Promise<Map<string, Rendered>> | undefined;

/** Builds every deck and converts them all to PDF in one LibreOffice run (once for the file's tests). */
function renderAll(): Promise<Map<string, Rendered>> {
  rendering ??= (async () => {
    const out = tempDir();
    const templates = new TemplateLibrary([SHIPPED_TEMPLATES]);
    const results = await Promise.all(LANGUAGES.map((lang) => buildDeckFile(path.join(CORPUS, `${lang}.md`), { outDir: out, templates })));
    for (const r of results) expect(r.diagnostics, r.file).toEqual([]);
    const profile = `file://${tempDir('lectern-lo-')}`;
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...results.map((r) => r.output!)],
      { timeout: 300_000 },
    );
    const rendered = new Map<string, Rendered>();
    for (const [i, lang] of LANGUAGES.entries()) {
      const pdf = path.join(out, `${lang}.pdf`);
      const html = (await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
      rendered.set(lang, { result: results[i], pdf, pages: wordsOf(html) });
    }
    return rendered;
  })();
  return rendering;
}

/** The words of each page of `pdftotext -bbox` output. */
function wordsOf(html: string): Word[][] {
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5],
      })),
    );
}

/** What a reader compares: the letters of a slide, as words, or as characters in scripts written without spaces. */
function tokens(text: string, lang: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  if (lang === 'zh' || lang === 'ja') return [...normal].filter((c) => /\p{L}/u.test(c));
  // pdftotext takes Arabic's lam-alef ligatures apart in the other order; compare words without those letters.
  const words = normal.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
  return lang === 'ar' ? words.map((w) => w.replace(/[\u0621-\u0627\u0644]/g, '')).filter(Boolean) : words;
}

/** The default template's footer band: where the footer and the slide number start (master.hbs). */
const FOOTER_TOP = 6.98 * PT;

describe('decks in seven languages, rendered by LibreOffice', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: one page per slide, every word on its page, nothing past the page or into the footer, no lines overlapping`, async () => {
      need(libreOffice);
      const { result, pdf, pages } = (await renderAll()).get(lang)!;
      const slides = await (await openPptx(result.output!)).slides();
      expect(pages.length).toBe(slides.length);
      expect(result.deck!.slides.length).toBe(slides.length);
      for (let i = 0; i < slides.length; i++) {
        const page = (await run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-raw', pdf, '-'])).stdout;
        const onPage = new Set(tokens(page, lang));
        const missing = tokens(textOf(slides[i]), lang).filter((t) => !onPage.has(t));
        expect(missing, `slide ${i + 1}: text missing from the page (clipped or off the slide)`).toEqual([]);

        for (const line of pages[i]) {
          // The footer and the slide number sit in the footer band.
          expect(line.xMin, `slide ${i + 1}: "${line.text}" starts left of the page`).toBeGreaterThanOrEqual(-0.5);
          expect(line.xMax, `slide ${i + 1}: "${line.text}" runs off the right of the page`).toBeLessThanOrEqual(13.333 * PT + 0.5);
          expect(line.yMax, `slide ${i + 1}: "${line.text}" runs off the bottom`).toBeLessThanOrEqual(7.5 * PT + 0.5);
          // A line of the body that reaches into the footer band.
          if (line.yMin < FOOTER_TOP - 2)
            expect(line.yMax, `slide ${i + 1}: "${line.text}" reaches into the footer`).toBeLessThan(FOOTER_TOP + 1);
        }
        // Two words drawn over each other; lines may touch by their fonts' ascent and descent, no more than a fifth.
        for (const [a, b] of pairs(pages[i])) {
          const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
          const overlap =
            Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 1 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > height / 5;
          expect(overlap, `slide ${i + 1}: "${a.text}" and "${b.text}" overlap`).toBe(false);
        }
      }
    }, 600_000);
  }

  it('every deck passes the Open XML SDK validator', async () => {
    need(libreOffice);
    need(validator);
    for (const [lang, { result }] of await renderAll()) expect(await validatePptx(result.output!), lang).toEqual([]);
  }, 600_000);

  it('each text box is as tall on the page as lectern measured it, within 10%', async () => {
    need(libreOffice);
    const rendered = await renderAll();
    const ratios: string[] = [];
    const off: string[] = [];
    for (const lang of LANGUAGES) {
      const { result, pages } = rendered.get(lang)!;
      const measure = textMeasure({ body: 'Calibri', heading: 'Calibri', code: 'Consolas' });
      result.deck!.slides.forEach((slide, i) => {
        for (const e of slide.elements.filter((e): e is TextElement => e.kind === 'text')) {
          const paragraphs = e.paragraphs;
          const last = paragraphs[paragraphs.length - 1];
          // From the top of the first line to the bottom of the last: the box less its insets and the last paragraph's space after.
          const measured =
            (measure.textHeight(paragraphs, e.w, e.fontSize) - 2 * INSET.y) * PT - e.fontSize * paragraphScale(last) * PARAGRAPH_SPACING;
          if (measured < PT) continue;
          const inside = pages[i].filter(
            (l) => l.yMin >= e.y * PT - 2 && l.yMin < (e.y + e.h) * PT && l.xMin >= e.x * PT - 2 && l.xMin < (e.x + e.w) * PT,
          );
          const height = Math.max(...inside.map((l) => l.yMax)) - Math.min(...inside.map((l) => l.yMin));
          const ratio = height / measured;
          ratios.push(`${lang} slide ${i + 1}: ${ratio.toFixed(3)} (${height.toFixed(0)} pt)`);
          if (ratio < 0.9 || ratio > 1.1)
            off.push(`${lang} slide ${i + 1}: rendered ${height.toFixed(1)} pt, measured ${measured.toFixed(1)} pt`);
        }
      });
    }
    console.log(`rendered / measured height: ${ratios.join('; ')}`);
    expect(off).toEqual([]);
    expect(ratios.length).toBeGreaterThanOrEqual(LANGUAGES.length * 2);
  }, 600_000);
});

function* pairs<T>(list: T[]): Generator<[T, T]> {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) yield [list[i], list[j]];
}
