import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, textOf, validatePptx } from './support/pptx.js';

/** The text of every slide of a built deck, one string per slide. */
async function slideTexts(file: string): Promise<string[]> {
  return (await (await openPptx(file)).slides()).map(textOf);
}

describe('helpers print numbers as people write them', () => {
  it('without binary noise, and with decimals= on every numeric helper', async () => {
    const body = [
      '# Figures',
      '',
      '- {{add 0.1 0.2}} and {{mul 3 1.1}} and {{sub 0.3 0.1}}',
      '- {{div 10 3 decimals=2}} and {{add 1 1 decimals=2}} and {{mul 1.005 1 decimals=2}}',
      '- {{number 1234.5 decimals=2}} and {{number 2.5 digits=2}} and {{percent 81.3 decimals=1}}',
      '- {{percent 0.071 ratio=true}} and {{number (add 0.1 0.2)}} and {{sum rows "v"}}',
    ].join('\n');
    const result = await buildInTemp(deckText(body, { rows: [{ v: 0.1 }, { v: 0.2 }, { v: null }] }));
    expect(result.diagnostics).toEqual([]);
    const slide = (await slideTexts(result.output!)).join('\n');
    expect(slide).toContain('0.3 and 3.3 and 0.2');
    expect(slide).toContain('3.33 and 2.00 and 1.01');
    expect(slide).toContain('1,234.50 and 2.50 and 81.3%');
    expect(slide).toContain('7.10% and 0.3 and 0.3');
    expect(slide).not.toMatch(/0000000|NaN|undefined|object Object/);
  });

  // Each case: the deck body, the line of the deck file the error names, and what its message says.
  const FAULTS: { name: string; body: string; line: number; rule: string; says: string }[] = [
    {
      name: 'a missing value',
      body: '# A\n\nWon {{percent share}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"{{percent share}}": "percent" needs a number, but got nothing',
    },
    {
      name: 'no argument at all',
      body: '# A\n\n{{number}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"{{number}}": "number" needs a number, but got nothing',
    },
    {
      name: 'text that is not a number',
      body: '# A\n\nx\n\n{{number title}}',
      line: 9,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got the text "Test deck"',
    },
    {
      name: 'a group of values',
      body: '# A\n\n{{number rows}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got a list',
    },
    {
      name: 'a missing second number',
      body: '# A\n\n{{add 1}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"add" needs a number, but got nothing',
    },
    { name: 'division by zero', body: '# A\n\n\n{{div 1 0}}', line: 8, rule: 'handlebars/division-by-zero', says: 'cannot divide by zero' },
    {
      name: 'an empty cell in a loop',
      body: '# A\n\n{{#each rows}}\n- {{number v}}\n{{/each}}',
      line: 8,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got an empty value',
    },
    {
      name: 'decimals that are not a whole number',
      body: '# A\n\n{{number 2 decimals="two"}}',
      line: 7,
      rule: 'handlebars/decimals',
      says: 'decimals= as a whole number from 0 to 20, not the text "two"',
    },
  ];
  for (const fault of FAULTS) {
    it(`report ${fault.name} at its line of the deck`, async () => {
      const result = await buildInTemp(deckText(fault.body, { rows: [{ v: 1 }, { v: null }] }));
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toHaveLength(1);
      const [d] = result.diagnostics;
      expect(d).toMatchObject({ rule: fault.rule, line: fault.line, severity: 'error' });
      expect(d.file).toMatch(/deck\.md$/);
      expect(d.message).toContain(fault.says);
    });
  }
});

/** A deck of one chart slide whose fence holds `yaml`; its fence opens on line 7 (front matter of 4 lines, heading, blank). */
function chartDeck(yaml: string, frontMatter: Record<string, unknown> = {}): string {
  return deckText(`# Chart\n\n\`\`\`chart\n${yaml}\n\`\`\`\n`, { data: { results: 'results.csv' }, ...frontMatter });
}

/** The `c:valAx` element of a built deck's first chart. */
async function valueAxis(file: string): Promise<string> {
  const xml = await (await openPptx(file)).xml('ppt/charts/chart1.xml');
  return /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)?.[0] ?? '';
}

const SHARES = 'school,pass_percent\nNorth,79\nSouth,86\n';

describe('charts are honest', () => {
  for (const type of ['bar', 'column', 'area']) {
    it(`a ${type} chart shows its value axis, starting at 0 (79 is drawn as 79/86 of 86)`, async () => {
      const result = await buildInTemp({ 'deck.md': chartDeck(`type: ${type}\ndata: results`), 'results.csv': SHARES });
      expect(result.diagnostics).toEqual([]);
      const axis = await valueAxis(result.output!);
      expect(axis).toMatch(/<c:delete val="0"\/>/);
      expect(/<c:scaling>[\s\S]*?<\/c:scaling>/.exec(axis)?.[0]).toMatch(/<c:min val="0"\/>/);
      expect(axis).not.toMatch(/<c:max /);
      expect(await validatePptx(result.output!)).toEqual([]);
    });
  }

  it('a line chart keeps its axis where the data is; min: and max: fix either end of any chart', async () => {
    const line = await buildInTemp({ 'deck.md': chartDeck('type: line\ndata: results'), 'results.csv': SHARES });
    expect(await valueAxis(line.output!)).not.toMatch(/<c:min /);
    const fixed = await buildInTemp({ 'deck.md': chartDeck('type: bar\ndata: results\nmin: 50\nmax: 100'), 'results.csv': SHARES });
    expect(fixed.diagnostics).toEqual([]);
    expect(/<c:scaling>[\s\S]*?<\/c:scaling>/.exec(await valueAxis(fixed.output!))?.[0]).toMatch(
      /<c:max val="100"\/>\s*<c:min val="50"\/>/,
    );
    expect(await validatePptx(fixed.output!)).toEqual([]);
  });

  it('a chart of negative values ends its axis at 0', async () => {
    const result = await buildInTemp({ 'deck.md': chartDeck('type: column\ndata: results'), 'results.csv': 'x,change\nA,-3\nB,-8\n' });
    const axis = await valueAxis(result.output!);
    expect(axis).toMatch(/<c:max val="0"\/>/);
    expect(axis).not.toMatch(/<c:min /);
  });

  // Each case: the fence's YAML, the deck line the error names (the fence opens on line 7), its rule and message.
  const SPEC_FAULTS: { name: string; yaml: string; line: number; rule: string; says: string }[] = [
    {
      name: 'min: that is not a number',
      yaml: 'type: bar\ndata: results\nmin: low',
      line: 10,
      rule: 'chart/type',
      says: '"min" must be a number',
    },
    {
      name: 'min: above max:',
      yaml: 'type: bar\ndata: results\nmin: 90\nmax: 10',
      line: 10,
      rule: 'chart/axis-range',
      says: '"min" (90) must be below "max" (10)',
    },
    {
      name: 'min: on a pie chart',
      yaml: 'type: pie\ndata: results\nmin: 0',
      line: 10,
      rule: 'chart/no-axis',
      says: 'a pie chart has no value axis',
    },
    {
      name: '.inf in inline values',
      yaml: 'type: bar\nlabels: [a, b]\nseries:\n  - {name: S, values: [1, .inf]}',
      line: 10,
      rule: 'chart/not-finite',
      says: 'value 2 of series 1 is Infinity, which a chart cannot draw',
    },
    {
      name: '.nan in inline values',
      yaml: 'type: bar\nlabels: [a, b]\nseries:\n  - {name: S, values: [.nan, 1]}',
      line: 10,
      rule: 'chart/not-finite',
      says: 'value 1 of series 1 is NaN',
    },
  ];
  for (const fault of SPEC_FAULTS) {
    it(`reports ${fault.name} at its line of the deck`, async () => {
      const result = await buildInTemp({ 'deck.md': chartDeck(fault.yaml), 'results.csv': SHARES }, { write: false });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ rule: fault.rule, line: fault.line, file: path.join(result.dir, 'deck.md') });
      expect(result.diagnostics[0].message).toContain(fault.says);
    });
  }

  it('reports 1e400 in a CSV at the line of its row in the data file, even after sort:', async () => {
    const csv = 'school,pass_percent\nNorth,79\n\n"South\nCampus",86\nEast,1e400\nWest,70\n';
    const result = await buildInTemp(
      { 'deck.md': chartDeck('type: bar\ndata: results\nsort: school'), 'results.csv': csv },
      { write: false },
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ rule: 'chart/not-finite', file: path.join(result.dir, 'results.csv'), line: 6 });
    expect(d.message).toBe(
      'chart: "1e400" in column "pass_percent" of dataset "results" is not a number a chart can draw (too large, infinite or undefined); write a number, or leave the cell empty (the chart is at deck.md:7)',
    );
  });

  it('reports Infinity in an inline dataset of the front matter at its line', async () => {
    const deck = `---\ntitle: T\ndata:\n  results:\n    - {school: North, pass: 79}\n    - {school: South, pass: .inf}\n---\n# C\n\n\`\`\`chart\ntype: bar\ndata: results\n\`\`\`\n`;
    const result = await buildInTemp(deck, { write: false });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'chart/not-finite', line: 4, file: path.join(result.dir, 'deck.md') });
    expect(result.diagnostics[0].message).toContain('"Infinity" in column "pass"');
  });

  it('draws 130,000 points without spreading them into a call (no RangeError), and validates', async () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => `${i},${((i * 7919) % 1000) / 10}`);
    const result = await buildInTemp({
      'deck.md': chartDeck('type: line\ndata: results\ntitle: Readings'),
      'results.csv': `t,reading\n${rows.join('\n')}\n`,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const xml = await (await openPptx(result.output!)).xml('ppt/charts/chart1.xml');
    expect(xml).toContain('<c:ptCount val="130000"/>');
    const slide = (await (await openPptx(result.output!)).slides())[1];
    expect(slide).toContain('and 129,950 more');
    expect(await validatePptx(result.output!)).toEqual([]);
  }, 120_000);
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" fill="#1F4E79"/><circle cx="60" cy="30" r="20" fill="#F2C14E"/></svg>';

describe('SVG pictures', () => {
  it('get a real PNG fallback, rendered at about twice the placed size, and the deck validates', async () => {
    const result = await buildInTemp({ 'deck.md': deckText('# Logo\n\n![The school logo](logo.svg)\n'), 'logo.svg': SVG });
    expect(result.diagnostics).toEqual([]);
    const pkg = await openPptx(result.output!);
    const slide = (await pkg.slides())[1];
    const rels = await pkg.xml('ppt/slides/_rels/slide2.xml.rels');
    // The picture's blip points at the PNG; its SVG extension at the SVG.
    const blip = /<a:blip r:embed="(rId\d+)">[\s\S]*?<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(slide);
    expect(blip).not.toBeNull();
    const target = (id: string) => `ppt/${new RegExp(`Id="${id}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)![1]}`;
    const png = await pkg.bytes(target(blip![1]));
    const svg = await pkg.bytes(target(blip![2]));
    expect(target(blip![1])).toMatch(/\.png$/);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(svg).toString()).toBe(SVG);
    // The PNG's width (IHDR) is about 192 pixels per inch of the placed width.
    const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(slide)!;
    const width = Buffer.from(png).readUInt32BE(16);
    expect(Math.abs(width - (Number(ext[1]) / 914400) * 192)).toBeLessThan(2);
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  it('that are broken are an error at the picture line', async () => {
    const result = await buildInTemp(
      {
        'deck.md': deckText('# Logo\n\ntext\n\n![The school logo](logo.svg)\n'),
        'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g></svg>',
      },
      { write: false },
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'image/svg', line: 8, file: path.join(result.dir, 'deck.md') });
    expect(result.diagnostics[0].message).toMatch(/^"logo\.svg" is not an SVG picture lectern can draw: expected 'g' tag, not 'svg'/);
  });
});
