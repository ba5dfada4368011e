import { describe, expect, it } from 'vitest';
import { fontMetrics } from '../src/model/fontMetrics.js';
import { textMeasure } from '../src/model/measure.js';
import type { Deck, TableElement, TextElement } from '../src/model/types.js';
import { buildInTemp, deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { tempDir, writeFiles } from './support/pptx.js';

const calibri = textMeasure({ body: 'Calibri', heading: 'Calibri', code: 'Consolas' });
const width = (text: string, font = 'Calibri', bold = false) =>
  [...text].reduce((w, c) => w + fontMetrics(font).advance(c.codePointAt(0)!, bold), 0);

describe('character widths', () => {
  it("are Calibri's (through Carlito), regular and bold, not one average", () => {
    // Calibri's advance widths, in thousandths of an em: i 229, W 890, m 799; bold W 899.
    expect(width('i')).toBeCloseTo(0.23, 2);
    expect(width('W')).toBeCloseTo(0.89, 2);
    expect(width('m')).toBeCloseTo(0.799, 2);
    expect(width('W', 'Calibri', true)).toBeGreaterThan(width('W'));
    expect(width('Illinois')).toBeLessThan(width('MWMWMWMW') / 2);
  });

  it('Cyrillic and Kazakh letters have their own widths; Arabic and Hebrew come from the font LibreOffice falls back to', () => {
    // Carlito's Ж: 801 thousandths of an em, 833 in bold (beyond the Latin table every run measures with first).
    expect(width('Ж')).toBeCloseTo(0.801, 3);
    expect(width('Ж', 'Calibri', true)).toBeCloseTo(0.833, 3);
    expect(width('Қазақстан')).toBeGreaterThan(4);
    expect(width('Қазақстан')).toBeLessThan(6);
    expect(width('שלום')).toBeGreaterThan(2);
    expect(width('مرحبا')).toBeGreaterThan(1.5);
  });

  it('East Asian characters are a square em, emoji too; combining marks and joiners take no room', () => {
    expect(width('日本語の文章')).toBeCloseTo(6, 5);
    expect(width('한국어')).toBeCloseTo(2.76, 2);
    expect(width('😀')).toBe(1);
    expect(width('e\u0301')).toBeCloseTo(width('e'), 2);
    expect(width('a\u200db')).toBeCloseTo(width('ab'), 5);
    // A character outside the Basic Multilingual Plane is one character; a lone surrogate does not swallow the next.
    expect(calibri.lines('𠀀𠀀𠀀𠀀', 4.01, 72)).toBe(1);
    expect(calibri.lines('\ud800abc', 10, 72)).toBe(1);
  });

  it('a font without a table is measured as the widest open font of its kind, and says so', () => {
    expect(fontMetrics('Georgia')).toMatchObject({ table: 'DejaVu Serif', known: false });
    expect(fontMetrics('Fira Code')).toMatchObject({ table: 'DejaVu Sans Mono', known: false });
    expect(fontMetrics('Segoe UI')).toMatchObject({ table: 'DejaVu Sans', known: false });
    expect(fontMetrics('Times New Roman')).toMatchObject({ table: 'Liberation Serif', known: true });
    expect(fontMetrics('Arial')).toMatchObject({ table: 'Liberation Sans', known: true });
  });
});

describe('line breaking', () => {
  /** Lines of `text` in a box as wide as `ems` em at 72 pt (1 em = 1 inch). */
  const lines = (text: string, ems: number) => calibri.lines(text, ems, 72);

  it('breaks Latin text between words, and after a hyphen', () => {
    expect(lines('the quick brown fox', width('the quick brown fox') + 0.01)).toBe(1);
    expect(lines('the quick brown fox', width('the quick brown') + 0.01)).toBe(2);
    expect(lines('well-known', width('well-known') - 0.01)).toBe(2);
    expect(lines('well known', width('well known') - 0.01)).toBe(2);
    expect(lines('wellknown', width('wellknown') - 0.01)).toBe(2);
  });

  it('breaks Chinese and Japanese between any two characters, but never before closing punctuation', () => {
    expect(lines('一二三四五六七八九十', 5.01)).toBe(2);
    expect(lines('一二三四五六七八九十', 3.01)).toBe(4);
    // 。 cannot start a line: 四 goes down with it.
    expect(lines('一二三四。', 4.01)).toBe(2);
    expect(lines('一二三。四', 4.01)).toBe(2);
    expect(calibri.lines('一二三。四五六', 4.01, 72)).toBe(2);
  });

  it('a word longer than the line breaks between its characters', () => {
    expect(lines('Donaudampfschifffahrtsgesellschaft', width('Donaudampfschifffahrtsgesellschaft') / 3 + 0.01)).toBe(3);
  });
});

/** The rows of each continued table, the paragraphs of each text, slide by slide (the title slide left out). */
const tableRows = (deck: Deck) => deck.slides.slice(1).map((s) => (s.elements.find((e) => e.kind === 'table') as TableElement).rows.length);
const texts = (deck: Deck) =>
  deck.slides
    .slice(1)
    .map((s) => (s.elements.find((e) => e.kind === 'text') as TextElement).paragraphs.map((p) => p.runs.map((r) => r.text).join('')));

describe('balanced slides', () => {
  it('a 24-row table that needs three slides at the smallest size goes 8/8/8, each slide repeating the header', async () => {
    // Each row two lines tall at 12 pt: eleven to a slide.
    const long = 'a long description of the district that wraps onto a second line of its cell in the table '.repeat(2);
    const rows = Array.from({ length: 24 }, (_, i) => `| Region ${i + 1} | ${long} | ${1000 + i} |`).join('\n');
    const result = await buildInTemp(deckText(`# Regions\n\n| Region | Notes | Voters |\n|:--|:--|--:|\n${rows}\n`), { write: false });
    expect(result.diagnostics).toEqual([]);
    expect(tableRows(result.deck!)).toEqual([8, 8, 8]);
  });

  it('26 short rows go 13/13 at a smaller size rather than 11/11/4 at the table size', async () => {
    const rows = Array.from({ length: 26 }, (_, i) => `| Region ${i + 1} | ${50 + i}% |`).join('\n');
    const result = await buildInTemp(deckText(`# Turnout\n\n| Region | Turnout |\n|:--|--:|\n${rows}\n`), { write: false });
    expect(tableRows(result.deck!)).toEqual([13, 13]);
    const sizes = result.deck!.slides.slice(1).map((s) => (s.elements[0] as TableElement).fontSize);
    expect(sizes[0]).toBe(sizes[1]);
  });

  it('continuation slides say "(continued)" once, also after an untitled slide that continues a titled one', async () => {
    const items = Array.from({ length: 15 }, (_, i) => `- Point number ${i + 1} of the lecture`).join('\n');
    const result = await buildInTemp(deckText(`# Points\n\n${items}\n\n---\n\n${items}\n\n---\n\nOne more thing.\n`), { write: false });
    expect(result.deck!.slides.slice(1).map((s) => s.title)).toEqual([
      'Points',
      'Points (continued)',
      'Points (continued)',
      'Points (continued)',
      'Points (continued)',
    ]);
  });

  it('fifteen one-line bullets that do not fit one slide split 8/7, and no slide ends on a lone item', async () => {
    const items = Array.from({ length: 15 }, (_, i) => `- Point number ${i + 1} of the lecture`).join('\n');
    const result = await buildInTemp(deckText(`# Points\n\n${items}\n`), { write: false });
    expect(texts(result.deck!).map((t) => t.length)).toEqual([8, 7]);
    for (let n = 14; n <= 40; n += 13) {
      const many = Array.from({ length: n }, (_, i) => `- Point ${i + 1}`).join('\n');
      const pages = texts((await buildInTemp(deckText(`# Points\n\n${many}\n`), { write: false })).deck!).map((t) => t.length);
      expect(Math.max(...pages) - Math.min(...pages), `${n} items: ${pages.join('/')}`).toBeLessThanOrEqual(1);
    }
  });

  it('no slide holds a lone row of a table or a lone item of a list that runs over several slides', async () => {
    // A paragraph of growing length before the table or list pushes where the slide breaks through every row.
    for (let k = 8; k <= 16; k += 2) {
      const paragraph = 'A paragraph before the table that explains what the figures show. '.repeat(k);
      for (const n of [8, 14, 20]) {
        const rows = Array.from({ length: n }, (_, i) => `| Region ${i + 1} | ${50 + i}% |`).join('\n');
        const table = (
          await buildInTemp(deckText(`# Table\n\n${paragraph}\n\n| Region | Turnout |\n|:--|--:|\n${rows}\n`), { write: false })
        ).deck!;
        const counts = table.slides
          .slice(1)
          .map((s) => (s.elements.find((e) => e.kind === 'table') as TableElement | undefined)?.rows.length);
        expect(counts, `${k} sentences, ${n} rows`).not.toContain(1);
        const items = Array.from({ length: n }, (_, i) => `- Item ${i + 1} of the list`).join('\n');
        const list = (await buildInTemp(deckText(`# List\n\n${paragraph}\n\nThe list:\n\n${items}\n`), { write: false })).deck!;
        const perSlide = texts(list).map((page) => page.filter((p) => p.startsWith('Item')).length);
        expect(perSlide, `${k} sentences, ${n} items`).not.toContain(1);
      }
    }
  });

  it('a table of a header alone stays on its slide when the slide continues', async () => {
    const items = Array.from({ length: 20 }, (_, i) => `- Item ${i + 1}`).join('\n');
    const deck = (await buildInTemp(deckText(`# Slide\n\n| Lonely header |\n| --- |\n\n${items}\n`), { write: false })).deck!;
    const tables = deck.slides.flatMap((s) => s.elements.filter((e): e is TableElement => e.kind === 'table'));
    expect(tables.map((t) => t.header.map((cell) => cell.map((r) => r.text).join('')))).toEqual([['Lonely header']]);
  });

  it('a heading or a lead-in stays on the slide of the list it introduces', async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- Item ${i + 1} with a few words`).join('\n');
    for (let before = 8; before <= 14; before++) {
      const body = `# Slide\n\n${list(before)}\n\n### Part two\n\nThe second part has these items:\n\n${list(8)}\n`;
      const pages = texts((await buildInTemp(deckText(body), { write: false })).deck!);
      for (const page of pages) {
        const last = page[page.length - 1];
        expect(last, `${before} items first: a slide ends on "${last}"`).not.toBe('Part two');
        expect(last, `${before} items first: a slide ends on "${last}"`).not.toBe('The second part has these items:');
      }
    }
  });

  it('a long code block splits at a blank line, and each part is the code as written', async () => {
    const sections = Array.from({ length: 6 }, (_, s) => Array.from({ length: 5 }, (_, l) => `x${s}_${l} = ${s} * ${l}`).join('\n'));
    const code = sections.join('\n\n');
    const result = await buildInTemp(deckText(`# Code\n\n\`\`\`python\n${code}\n\`\`\`\n`), { write: false });
    const pages = texts(result.deck!).map((t) => t.join('\n'));
    expect(pages.length).toBe(2);
    // Each slide holds whole sections, and together they are the code.
    for (const page of pages) for (const part of page.split('\n\n')) expect(sections).toContain(part);
    expect(pages.join('\n\n')).toBe(code);
  });

  it('a code block without blank lines splits between lines, never inside one', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `print("line ${i + 1}")`);
    const result = await buildInTemp(deckText(`# Code\n\n\`\`\`python\n${lines.join('\n')}\n\`\`\`\n`), { write: false });
    const pages = texts(result.deck!).map((t) => t.join('\n').split('\n'));
    expect(pages.length).toBe(2);
    expect(pages.flat()).toEqual(lines);
    expect(Math.abs(pages[0].length - pages[1].length)).toBeLessThanOrEqual(1);
  });
});

describe('the footer band', () => {
  it("text, code and tables end above a layout's footer and slide number, even when the content area runs into them", async () => {
    const template = {
      'templates/tall/template.yaml': 'extends: default\n',
      // The content area runs to 7.3 in; the master's footer starts at 6.98 in.
      'templates/tall/layouts/content.hbs': '<layout>\n{{> chrome}}\n  <body x="0.6" y="1.6" w="12.13" h="5.7"/>\n</layout>\n',
    };
    const items = Array.from({ length: 30 }, (_, i) => `- Item ${i + 1}`).join('\n');
    const result = await buildInTemp(
      { 'deck.md': deckText(`# Items\n\n${items}\n`, { footer: 'Course' }), ...template },
      { write: false, template: 'tall' },
    );
    expect(result.diagnostics).toEqual([]);
    for (const slide of result.deck!.slides.slice(1)) {
      const text = slide.elements[0] as TextElement;
      expect(text.y + text.h).toBeLessThanOrEqual(6.98 + 1e-9);
      expect(calibri.textHeight(text.paragraphs, text.w, text.fontSize)).toBeLessThanOrEqual(6.98 - 1.6 + 1e-9);
    }
  });
});

describe('fonts lectern has no widths for', () => {
  it('are measured by their kind, and the build says so once, as a note that --strict does not fail on', async () => {
    const template = { 'templates/serif/template.yaml': 'extends: default\nfonts:\n  body: Georgia\n  heading: Georgia\n' };
    const body = '# One\n\nText\n\n---\n\n# Two\n\nMore text\n';
    const result = await buildInTemp({ 'deck.md': deckText(body), ...template }, { write: false, template: 'serif' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'font/no-metrics', severity: 'note', message: expect.stringContaining('"Georgia"') }),
    ]);
    expect(result.diagnostics[0].message).toContain('DejaVu Serif');
  });

  it('lectern check names the font once for the run, and --strict passes; lectern build does not repeat it', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'content/deck.md': deckText('# One\n\nText\n\n---\n\n# Two\n\nMore\n', { template: 'chalkboard' }),
      'content/other.md': deckText('# Three\n\nText\n', { template: 'chalkboard' }),
    });
    const check = await lectern(['check', '--strict', 'content'], dir);
    expect(check.code).toBe(0);
    const notes = check.stderr.split('\n').filter((l) => l.includes('[font/no-metrics]'));
    // Once for the run, not once a deck or a slide.
    expect(notes).toEqual([expect.stringMatching(/^ {2}content\/\w+\.md: note: .*"Georgia" of template "chalkboard".*DejaVu Serif/)]);
    const build = await lectern(['build', 'content'], dir);
    expect(build.code).toBe(0);
    expect(build.stderr + build.stdout).not.toContain('font/no-metrics');
  });
});
