import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Block } from '../src/content/blocks.js';
import type { DataEntry, Dataset } from '../src/data/datasets.js';
import { DiagnosticError } from '../src/diagnostics.js';
import { chartFromBlock, describeChart } from '../src/model/charts.js';
import { chooseLayout } from '../src/model/chooseLayout.js';
import type { ChartElement, Deck, Element, TableElement, TextElement } from '../src/model/types.js';
import { SLIDE } from '../src/templates/types.js';
import { buildInTemp } from './support/build.js';
import { FIXTURES, FIXTURE_TEMPLATES, deckToJson, fixtureCases, modelFixture } from './support/fixtures.js';

const UPDATE = process.env.UPDATE === '1';

/** Warnings a fixture is meant to produce, by `case.template`; every other build must be clean. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  // `plain` has no two-column layout: the slide falls back to content, which has one area.
  'two-column.plain': ['layout/columns'],
};

describe('golden model fixtures (UPDATE=1 rewrites tests/fixtures/<case>/model.<template>.json)', () => {
  test('the fixture set covers the cases the model must get right', () => {
    expect(fixtureCases()).toEqual(
      expect.arrayContaining([
        'basic',
        'lists',
        'table-markdown',
        'chart-dataset',
        'chart-inline',
        'datatable',
        'two-column',
        'layout-directive',
        'long-list',
        'long-table',
        'image',
      ]),
    );
  });

  for (const name of fixtureCases()) {
    for (const template of FIXTURE_TEMPLATES) {
      test(`${name} with the ${template} template`, async () => {
        const dir = path.join(FIXTURES, name);
        const { deck, warnings } = await modelFixture(name, template);
        const actual = deckToJson(deck, dir);
        const golden = path.join(dir, `model.${template}.json`);
        if (UPDATE) writeFileSync(golden, actual);
        expect(existsSync(golden), `${golden} is missing; run UPDATE=1 npx vitest run tests/model.test.ts`).toBe(true);
        expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
        expect(warnings.map((w) => w.rule)).toEqual(EXPECTED_WARNINGS[`${name}.${template}`] ?? []);
      });
    }
  }
});

/** The text of a text element's paragraphs, one string each. */
const paragraphsOf = (e: Element | undefined) => (e as TextElement).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
const cellsOf = (rows: TableElement['rows']) => rows.map((row) => row.map((cell) => cell.map((r) => r.text).join('')));
const contentSlides = (deck: Deck) => deck.slides.slice(1);

describe('what the fixtures show', () => {
  test('basic: title slide from the front matter, section slide, notes, an untitled slide continues the last title', async () => {
    const { deck } = await modelFixture('basic', 'default');
    expect(deck.footer).toBe('Elections in Central Asia · Dr. A. Teacher');
    expect(deck.slides.map((s) => [s.layout, s.title, s.line])).toEqual([
      ['title', 'Elections in Central Asia', 1],
      ['content', 'Why elections matter', 9],
      ['section', 'Part 1: Kazakhstan', 22],
      ['content', 'The 2022 election', 26],
      ['content', 'The 2022 election (continued)', 34],
    ]);
    expect(deck.slides[0]).toMatchObject({ subtitle: 'Lecture 3', byline: 'Dr. A. Teacher\nExample University · 2024-03-01' });
    expect(deck.slides[1].notes).toBe('Start with a question to the class.');
    expect(deck.slides[3].notes).toBe('Mention the turnout here.');
    expect(paragraphsOf(deck.slides[1].elements[0])).toEqual([
      'Elections give citizens a voice and governments legitimacy.',
      'Accountability',
      'Participation',
    ]);
  });

  test('basic with plain: layouts the template lacks fall back to content', async () => {
    const { deck } = await modelFixture('basic', 'plain');
    expect(deck.slides.map((s) => s.layout)).toEqual(['title', 'content', 'content', 'content', 'content']);
    expect(deck.template).toBe('plain');
  });

  test('lists: three levels deep, and an ordered list keeps its start number', async () => {
    const { deck } = await modelFixture('lists', 'default');
    const [nested, ordered] = contentSlides(deck).map((s) => (s.elements[0] as TextElement).paragraphs);
    expect(nested.map((p) => [p.level, p.bullet, p.runs[0].text])).toEqual([
      [1, 'bullet', 'Institutions'],
      [2, 'bullet', 'Parliament'],
      [3, 'bullet', 'Mazhilis'],
      [3, 'bullet', 'Senate'],
      [2, 'bullet', 'President'],
      [1, 'bullet', 'Parties'],
    ]);
    expect(ordered.map((p) => [p.level, p.bullet, p.numberFrom])).toEqual([
      [1, 'number', 3],
      [1, 'number', undefined],
      [2, 'number', 1],
      [2, 'number', undefined],
      [1, 'number', undefined],
    ]);
  });

  test('table-markdown: the alignment row sets each column', async () => {
    const { deck } = await modelFixture('table-markdown', 'default');
    const table = deck.slides[1].elements[0] as TableElement;
    expect(deck.slides[1].layout).toBe('table');
    expect(table.align).toEqual(['left', 'right', 'center']);
    expect(cellsOf([table.header])).toEqual([['Party', 'Seats', 'Change']]);
    expect(cellsOf(table.rows)[0]).toEqual(['Amanat', '62', '−14']);
  });

  test('chart-dataset: a CSV column becomes a bar chart in %, with alt text and a source line', async () => {
    const { deck } = await modelFixture('chart-dataset', 'default');
    const [chart, source] = deck.slides[1].elements as [ChartElement, TextElement];
    expect(chart).toMatchObject({
      kind: 'chart',
      chartType: 'bar',
      title: 'Share of the vote (%)',
      unit: '%',
      decimals: 2,
      showValues: true,
    });
    expect(chart.labels[0]).toBe('Kassym-Jomart Tokayev');
    expect(chart.series).toEqual([{ name: 'Share percent', values: [81.31, 5.8, 3.42, 2.6, 2.53, 2.22, 2.12] }]);
    expect(chart.altText).toMatch(
      /^Bar chart, Share of the vote \(%\): Kassym-Jomart Tokayev 81\.31%, Against all 5\.80%, Zhiguli Dairabayev 3\.42%, /,
    );
    expect(paragraphsOf(source)).toEqual(['Source: Central Election Commission, 2022']);
    expect(source.paragraphs[0].style).toBe('caption');
  });

  test('chart-inline: labels and two named series', async () => {
    const { deck } = await modelFixture('chart-inline', 'default');
    const chart = deck.slides[1].elements[0] as ChartElement;
    expect(chart.labels).toEqual(['Week 1', 'Week 2', 'Week 3', 'Week 4']);
    expect(chart.series).toEqual([
      { name: 'Lectures', values: [92, 88, 85.5, 90] },
      { name: 'Seminars', values: [75, 80, 78, 82] },
    ]);
    expect(chart.altText).toBe(
      'Line chart, Attendance by week (%): Lectures: Week 1 92.0%, Week 2 88.0%, Week 3 85.5%, Week 4 90.0%; Seminars: Week 1 75.0%, Week 2 80.0%, Week 3 78.0%, Week 4 82.0%',
    );
  });

  test('datatable: renamed columns, sorted by students descending, three rows, numbers formatted and right-aligned', async () => {
    const { deck } = await modelFixture('datatable', 'default');
    const table = deck.slides[1].elements[0] as TableElement;
    expect(cellsOf([table.header])).toEqual([['Course', 'Students', 'Pass rate (%)']]);
    expect(cellsOf(table.rows)).toEqual([
      ['Political economy', '2,890', '70.00'],
      ['Comparative politics', '1,234', '81.50'],
      ['Research methods', '412', '92.25'],
    ]);
    expect(table.align).toEqual(['left', 'right', 'right']);
  });

  test('two-column: each column goes to its own area', async () => {
    const { deck } = await modelFixture('two-column', 'default');
    const [left, right] = deck.slides[1].elements as TextElement[];
    expect(deck.slides[1].layout).toBe('two-column');
    expect([left.region, right.region]).toEqual(['left', 'right']);
    expect(paragraphsOf(left)).toEqual(['Majoritarian', 'One winner per district', 'Stable majorities']);
    expect(paragraphsOf(right)).toEqual(['Proportional', 'Seats follow votes', 'Coalitions']);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.w);
  });

  test('layout-directive: the directive overrides the table rule', async () => {
    const { deck } = await modelFixture('layout-directive', 'default');
    expect(contentSlides(deck).map((s) => s.layout)).toEqual(['content', 'table']);
  });

  test('long-list: continues on a "(continued)" slide, in order, without notes', async () => {
    const { deck } = await modelFixture('long-list', 'default');
    const slides = contentSlides(deck);
    expect(slides.map((s) => s.title)).toEqual(['Regions of Kazakhstan', 'Regions of Kazakhstan (continued)']);
    const items = slides.flatMap((s) => paragraphsOf(s.elements[0]));
    expect(items).toHaveLength(20);
    expect(items[0]).toBe('Abai');
    expect(items[19]).toBe('Shymkent (city)');
    expect(slides[0].notes).toBe('Twenty units in all.');
    expect(slides[1].notes).toBeUndefined();
  });

  test('long-table: every page repeats the header and the rows continue in order', async () => {
    const { deck } = await modelFixture('long-table', 'default');
    const slides = contentSlides(deck);
    expect(slides.length).toBeGreaterThan(1);
    const tables = slides.map((s) => s.elements[0] as TableElement);
    for (const t of tables) expect(cellsOf([t.header])).toEqual([['Region', 'Turnout']]);
    const rows = tables.flatMap((t) => cellsOf(t.rows));
    expect(rows).toHaveLength(26);
    expect(rows[0]).toEqual(['Abai', '57%']);
    expect(rows[25]).toEqual(['Region Z', '72%']);
    expect(slides.slice(1).every((s) => s.title === 'Example figures by region (continued)')).toBe(true);
    for (const t of tables) expect(t.columnWidths).toEqual(tables[0].columnWidths);
  });

  test('image: the picture keeps its aspect ratio and is centred; alt text carried', async () => {
    const { deck } = await modelFixture('image', 'default');
    const image = deck.slides[1].elements[0];
    if (image.kind !== 'image') throw new Error(`expected an image, got ${image.kind}`);
    expect(deck.slides[1].layout).toBe('image');
    expect(image.w / image.h).toBeCloseTo(2, 6);
    expect(image.altText).toBe('A rectangle, navy on the left half and orange on the right');
    expect(path.basename(image.path)).toBe('flag.png');
    // Centred in the image layout's area (x 0.6, w 12.13).
    expect(image.x + image.w / 2).toBeCloseTo(0.6 + 12.13 / 2, 6);
  });
});

describe('chooseLayout', () => {
  const ALL = new Set(['title', 'section', 'content', 'two-column', 'chart', 'table', 'image']);
  const ONLY_CONTENT = new Set(['title', 'content']);
  const at = { line: 7 };
  const paragraph: Block = { kind: 'paragraph', runs: [{ text: 'Some text' }], ...at };
  const list: Block = { kind: 'list', ordered: false, start: 1, items: [{ runs: [{ text: 'a' }], children: [] }], ...at };
  const chart: Block = { kind: 'chart', yaml: 'type: bar', ...at };
  const datatable: Block = { kind: 'datatable', yaml: 'data: x', ...at };
  const table: Block = { kind: 'table', align: [], header: [[{ text: 'h' }]], rows: [], ...at };
  const image: Block = { kind: 'image', src: 'a.png', alt: 'a', ...at };
  const columns: Block = { kind: 'columns', columns: [[paragraph], [paragraph]], ...at };
  const choose = (shape: { content: Block[]; titleDepth?: number; requested?: { name: string; line: number } }, layouts = ALL) =>
    chooseLayout({ file: 'deck.md', line: 5, ...shape }, layouts);

  test('1. a directive names the layout, whatever the content', () => {
    expect(choose({ content: [chart], requested: { name: 'content', line: 6 } })).toBe('content');
    expect(choose({ content: [paragraph, list], requested: { name: 'chart', line: 6 } })).toBe('chart');
  });

  test('1. a directive naming a custom layout the template lacks is an error at the directive, with did-you-mean', () => {
    let error: unknown;
    try {
      choose({ content: [paragraph], requested: { name: 'tabel', line: 6 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostic).toMatchObject({
      rule: 'layout/unknown',
      file: 'deck.md',
      line: 6,
      message:
        'unknown layout "tabel" (did you mean "table"?); this template has "title", "section", "content", "two-column", "chart", "table", "image"',
    });
    expect(() => choose({ content: [chart], requested: { name: 'quiz', line: 6 } }, ONLY_CONTENT)).toThrow(
      'unknown layout "quiz"; this template has "title", "content"',
    );
  });

  test('1. a directive may write a layout name in another case or spacing, when only one layout has it', () => {
    const file = new Set(['content', 'Title Only', 'Master 2 / Title, Content', 'Two  Content', 'two content']);
    expect(choose({ content: [paragraph], requested: { name: 'title only', line: 6 } }, file)).toBe('Title Only');
    expect(choose({ content: [paragraph], requested: { name: 'master 2 / title, content', line: 6 } }, file)).toBe(
      'Master 2 / Title, Content',
    );
    expect(choose({ content: [paragraph], requested: { name: 'Content', line: 6 } }, file)).toBe('content');
    // Two layouts that differ only so: the name must be written exactly.
    expect(() => choose({ content: [paragraph], requested: { name: 'TWO CONTENT', line: 6 } }, file)).toThrow(
      'unknown layout "TWO CONTENT"',
    );
  });

  test('1. a directive naming a standard layout the template lacks falls back to content', () => {
    expect(choose({ content: [chart], requested: { name: 'chart', line: 6 } }, ONLY_CONTENT)).toBe('content');
  });

  test('2. only a # heading is a section; a ## heading alone, or a # heading with text, is not', () => {
    expect(choose({ content: [], titleDepth: 1 })).toBe('section');
    expect(choose({ content: [], titleDepth: 2 })).toBe('content');
    expect(choose({ content: [paragraph], titleDepth: 1 })).toBe('content');
  });

  test('3. a ::: columns block is two-column', () => {
    expect(choose({ content: [columns], titleDepth: 1 })).toBe('two-column');
    expect(choose({ content: [paragraph, columns] })).toBe('two-column');
  });

  test('4. one chart, table or image, with at most one paragraph besides', () => {
    expect(choose({ content: [chart] })).toBe('chart');
    expect(choose({ content: [paragraph, chart] })).toBe('chart');
    expect(choose({ content: [datatable] })).toBe('table');
    expect(choose({ content: [table, paragraph] })).toBe('table');
    expect(choose({ content: [image] })).toBe('image');
  });

  test('5. anything else is content', () => {
    expect(choose({ content: [paragraph] })).toBe('content');
    expect(choose({ content: [chart, chart] })).toBe('content');
    expect(choose({ content: [paragraph, paragraph, chart] })).toBe('content');
    expect(choose({ content: [list, chart] })).toBe('content');
    expect(choose({ content: [chart, table] })).toBe('content');
  });

  test('a layout the template lacks falls back to content', () => {
    expect(choose({ content: [], titleDepth: 1 }, ONLY_CONTENT)).toBe('content');
    expect(choose({ content: [columns] }, ONLY_CONTENT)).toBe('content');
    expect(choose({ content: [chart] }, ONLY_CONTENT)).toBe('content');
    expect(choose({ content: [image] }, ONLY_CONTENT)).toBe('content');
  });
});

describe('placement', () => {
  test('every element of every fixture slide lies inside the 13.333 x 7.5 in slide', async () => {
    let checked = 0;
    for (const name of fixtureCases()) {
      for (const template of FIXTURE_TEMPLATES) {
        const { deck } = await modelFixture(name, template);
        deck.slides.forEach((slide, n) => {
          for (const e of slide.elements) {
            const where = `${name}/${template} slide ${n + 1} ${e.kind} at (${e.x}, ${e.y}) size ${e.w} x ${e.h}`;
            expect(e.x, where).toBeGreaterThanOrEqual(0);
            expect(e.y, where).toBeGreaterThanOrEqual(0);
            expect(e.w, where).toBeGreaterThan(0);
            expect(e.h, where).toBeGreaterThan(0);
            expect(e.x + e.w, where).toBeLessThanOrEqual(SLIDE.width + 1e-9);
            expect(e.y + e.h, where).toBeLessThanOrEqual(SLIDE.height + 1e-9);
            checked++;
          }
        });
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  test('elements placed in one area do not overlap (stacked, or pictures side by side)', async () => {
    const apart = (a: Element, b: Element) =>
      a.y + a.h <= b.y + 1e-9 || b.y + b.h <= a.y + 1e-9 || a.x + a.w <= b.x + 1e-9 || b.x + b.w <= a.x + 1e-9;
    for (const name of fixtureCases()) {
      for (const template of FIXTURE_TEMPLATES) {
        const { deck } = await modelFixture(name, template);
        for (const slide of deck.slides) {
          const regions = new Set(slide.elements.map((e) => e.region));
          for (const region of regions) {
            const elements = slide.elements.filter((e) => e.region === region);
            for (let i = 1; i < elements.length; i++) {
              for (let j = 0; j < i; j++) expect(apart(elements[j], elements[i]), `${name}/${template} "${slide.title}"`).toBe(true);
            }
          }
        }
      }
    }
  });

  /** Builds a deck of one slide holding a list of `n` items with the default template. */
  async function listSlides(n: number) {
    const items = Array.from({ length: n }, (_, i) => `- Item ${i + 1}`).join('\n');
    const result = await buildInTemp(`---\ntitle: Fit\n---\n# Items\n\n${items}\n`, { write: false });
    expect(result.diagnostics).toEqual([]);
    return result.deck!.slides.slice(1).map((s) => ({
      title: s.title,
      size: (s.elements[0] as TextElement).fontSize,
      items: (s.elements[0] as TextElement).paragraphs.length,
    }));
  }

  test('text that fits stays at the 24 pt body size', async () => {
    expect(await listSlides(9)).toEqual([{ title: 'Items', size: 24, items: 9 }]);
  });

  test('text shrinks from 24 pt toward 18 pt before it continues on a new slide', async () => {
    expect(await listSlides(11)).toEqual([{ title: 'Items', size: 20, items: 11 }]);
    expect(await listSlides(13)).toEqual([{ title: 'Items', size: 18, items: 13 }]);
  });

  test('text too long at 18 pt continues on a "(continued)" slide, never below 18 pt', async () => {
    const slides = await listSlides(14);
    expect(slides.map((s) => s.title)).toEqual(['Items', 'Items (continued)']);
    // Balanced: two slides of seven, not ten and four.
    expect(slides.map((s) => s.items)).toEqual([7, 7]);
    for (const s of slides) expect(s.size).toBeGreaterThanOrEqual(18);
  });

  test('a numbered list that continues on the next slide numbers on there', async () => {
    const items = Array.from({ length: 14 }, (_, i) => `${i + 3}. Item number ${i + 3} with a few more words to fill the line`);
    const result = await buildInTemp(`---\ntitle: List\n---\n# Items\n\n${items.join('\n')}\n`, { write: false });
    const [first, second] = contentSlides(result.deck!).map((s) => (s.elements[0] as TextElement).paragraphs);
    expect(first[0].numberFrom).toBe(3);
    expect(first.slice(1).every((p) => p.numberFrom === undefined)).toBe(true);
    expect(second[0].numberFrom).toBe(3 + first.length);
    expect(second.slice(1).every((p) => p.numberFrom === undefined)).toBe(true);
  });

  test('a chart gets the height the text leaves, down to the bottom of the area', async () => {
    const deck = `---\ntitle: Chart\n---\n# Chart\n\nOne line of text.\n\n\`\`\`chart\ntype: column\nlabels: [a, b]\nseries: [{name: n, values: [1, 2]}]\n\`\`\`\n`;
    const result = await buildInTemp(deck, { write: false });
    const [text, chart] = result.deck!.slides[1].elements;
    expect(result.deck!.slides[1].layout).toBe('chart');
    expect(text.kind).toBe('text');
    expect(chart.kind).toBe('chart');
    // The default chart layout's area: y 1.6, h 5.3; 0.2 in between pieces.
    expect(text.y).toBeCloseTo(1.6, 6);
    expect(chart.y).toBeCloseTo(text.y + text.h + 0.2, 6);
    expect(chart.y + chart.h).toBeCloseTo(1.6 + 5.3, 6);
    expect(chart.h).toBeGreaterThan(4);
  });

  test('a chart alone fills its area', async () => {
    const deck = `---\ntitle: Chart\n---\n# Chart\n\n\`\`\`chart\ntype: pie\nlabels: [a, b]\nseries: [{name: n, values: [1, 2]}]\n\`\`\`\n`;
    const chart = (await buildInTemp(deck, { write: false })).deck!.slides[1].elements[0];
    expect([chart.x, chart.y, chart.w, chart.h]).toEqual([0.9, 1.6, 11.53, 5.3]);
  });
});

describe('chart and table errors', () => {
  const CSV = 'candidate,votes,share_percent\nTokayev,6456392,81.31\nAgainst all,460484,5.80\n';
  /**
   * A deck whose fence opens on line 8, so the fence's first YAML line is line 9:
   * ---, title, data:, results, ---, # heading, blank, fence.
   */
  async function fenceError(kind: 'chart' | 'table', yaml: string) {
    const deck = `---\ntitle: Errors\ndata:\n  results: results.csv\n---\n# Slide\n\n\`\`\`${kind}\n${yaml}\n\`\`\`\n`;
    const result = await buildInTemp({ 'deck.md': deck, 'results.csv': CSV }, { write: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const { rule, line, message, severity } = result.diagnostics[0];
    expect(severity).toBe('error');
    expect(result.diagnostics[0].file).toBe(path.join(result.dir, 'deck.md'));
    return { rule, line, message };
  }

  test('unknown dataset, with did-you-mean, at the data: line', async () => {
    expect(await fenceError('chart', 'type: bar\ndata: reslts')).toEqual({
      rule: 'chart/unknown-dataset',
      line: 10,
      message: 'chart: there is no dataset "reslts" (did you mean "results"?); datasets: results',
    });
  });

  test('unknown column lists the columns, at the y: line', async () => {
    expect(await fenceError('chart', 'type: bar\ndata: results\nx: candidate\ny: share')).toEqual({
      rule: 'chart/unknown-column',
      line: 12,
      message: 'chart: dataset "results" has no column "share" (did you mean "share_percent"?) (columns: candidate, votes, share_percent)',
    });
  });

  test('a column of text cannot be plotted', async () => {
    expect(await fenceError('chart', 'type: bar\ndata: results\nx: votes\ny: candidate')).toEqual({
      rule: 'chart/not-numeric',
      line: 12,
      message: 'chart: column "candidate" of dataset "results" must hold numbers, but line 2 of results.csv has "Tokayev"',
    });
  });

  test('unknown chart type, at the type: line', async () => {
    const error = await fenceError('chart', 'data: results\ntype: bars');
    expect(error.rule).toBe('chart/unknown-type');
    expect(error.line).toBe(10);
    expect(error.message).toBe('chart: unknown chart type "bars"; use one of bar, column, line, area, pie, doughnut, scatter, histogram');
  });

  test('bad chart YAML points at the bad line inside the fence', async () => {
    const error = await fenceError('chart', 'type: bar\ndata: results\ntitle: Share: of the vote\ny: votes');
    expect(error.rule).toBe('chart/yaml');
    expect(error.line).toBe(11);
    expect(error.message).toBe(
      'chart: the chart spec is not valid YAML: a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
    );
  });

  test('a pie chart with two series from a dataset is refused at the y: line', async () => {
    expect(await fenceError('chart', 'type: pie\ndata: results\nx: candidate\ny: [votes, share_percent]')).toEqual({
      rule: 'chart/too-many-series',
      line: 12,
      message: 'chart: a pie chart shows one series, but this one has 2; use a bar or column chart',
    });
  });

  test('an inline pie chart with two series is refused at the series: line', async () => {
    const error = await fenceError(
      'chart',
      'type: pie\nlabels: [a, b]\nseries:\n  - {name: x, values: [1, 2]}\n  - {name: y, values: [3, 4]}',
    );
    expect(error.rule).toBe('chart/too-many-series');
    expect(error.line).toBe(11);
  });

  test('datatable: unknown column lists the columns, at the columns: line', async () => {
    expect(await fenceError('table', 'data: results\ncolumns: [candidate, share]')).toEqual({
      rule: 'table/unknown-column',
      line: 10,
      message: 'table: dataset "results" has no column "share" (did you mean "share_percent"?) (columns: candidate, votes, share_percent)',
    });
  });

  test('datatable: unknown dataset', async () => {
    const error = await fenceError('table', 'data: votes');
    expect(error.rule).toBe('table/unknown-dataset');
    expect(error.line).toBe(9);
    expect(error.message).toBe('table: there is no dataset "votes"; datasets: results');
  });
});

describe('describeChart', () => {
  test('one series: type, title, then each label with its value, decimals and unit', () => {
    const labels = ['Kassym-Jomart Tokayev', 'Against all', 'Zhiguli Dairabayev'];
    const text = describeChart({
      type: 'bar',
      title: 'Share of the vote (%)',
      labels,
      series: [{ name: 'Share', values: [81.31, 5.8, 3.42] }],
      unit: '%',
      decimals: 2,
    });
    expect(text).toBe('Bar chart, Share of the vote (%): Kassym-Jomart Tokayev 81.31%, Against all 5.80%, Zhiguli Dairabayev 3.42%');
  });

  test('no title, no unit, thousands separators', () => {
    expect(
      describeChart({ type: 'pie', labels: ['Yes', 'No'], series: [{ name: 'Votes', values: [6456392, 460484] }], unit: '', decimals: 0 }),
    ).toBe('Pie chart: Yes 6,456,392, No 460,484');
  });

  test('several series are named, separated by semicolons', () => {
    const text = describeChart({
      type: 'column',
      title: 'Seats',
      labels: ['2016', '2021'],
      series: [
        { name: 'Amanat', values: [84, 76] },
        { name: 'Ak Zhol', values: [7, 12] },
      ],
      unit: '',
      decimals: 0,
    });
    expect(text).toBe('Column chart, Seats: Amanat: 2016 84, 2021 76; Ak Zhol: 2016 7, 2021 12');
  });

  test('chartFromBlock writes the alt text from the dataset it plots', () => {
    const dataset: Dataset = {
      name: 'results',
      columns: ['candidate', 'share_percent'],
      records: [
        { candidate: 'Kassym-Jomart Tokayev', share_percent: 81.31 },
        { candidate: 'Against all', share_percent: 5.8 },
      ],
      origin: { file: 'results.csv', line: 1 },
    };
    const datasets = new Map<string, DataEntry>([['results', { kind: 'table', dataset }]]);
    const chart = chartFromBlock(
      { kind: 'chart', yaml: 'type: bar\ndata: results\ntitle: Share of the vote (%)', line: 3 },
      'deck.md',
      datasets,
      ['112233'],
    );
    expect(chart.unit).toBe('%');
    expect(chart.altText).toBe('Bar chart, Share of the vote (%): Kassym-Jomart Tokayev 81.31%, Against all 5.80%');
  });
});
