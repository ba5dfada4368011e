import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInTemp, deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, textOf, validatePptx, type Package } from './support/pptx.js';

const CSV = 'candidate,votes,share_percent\nTokayev,6456393,81.31\nAgainst all,460484,5.80\nDairabayev,271641,3.42\n';

const BODY = `
## Bullets and formatting

- **Bold** and *italic* and ~~struck~~ and \`code\`
  - second level with a [link](https://example.org)
    - third level
1. first
2. second

::: notes
Say hello to the class.
:::

---

## Results

\`\`\`table
data: results
columns: [candidate, {share_percent: "Share (%)"}]
\`\`\`

---

## Chart

\`\`\`chart
type: bar
data: results
x: candidate
y: share_percent
title: Share of the vote (%)
\`\`\`

---

## Picture

![A wide grey rectangle](wide.png)

---

# Part two
`;

describe('rendering a deck to PowerPoint XML', () => {
  let pptx: Package;
  let slides: string[];

  beforeAll(async () => {
    const result = await buildInTemp({
      'deck.md': deckText(BODY, {
        author: 'Ms. Example',
        organization: 'Springfield & Co <School>',
        subject: 'Civics',
        keywords: ['elections', 'democracy'],
        lang: 'kk-KZ',
        footer: 'Civics · {{author}}',
        data: { results: 'results.csv' },
      }),
      'results.csv': CSV,
      'wide.png': pngBytes(400, 100),
    });
    expect(result.diagnostics).toEqual([]);
    pptx = await openPptx(result.output!);
    slides = await pptx.slides();
  });

  it('makes a title slide from the front matter, then one slide per section of Markdown', () => {
    expect(slides).toHaveLength(6);
    expect(textOf(slides[0])).toContain('Test deck');
    expect(textOf(slides[0])).toContain('Ms. Example');
  });

  it('puts every slide title in a title placeholder', () => {
    const titles = slides.map((xml) => {
      const shape = xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g)!.find((sp) => /<p:ph[^>]*type="title"/.test(sp));
      return shape && textOf(shape);
    });
    expect(titles).toEqual(['Test deck', 'Bullets and formatting', 'Results', 'Chart', 'Picture', 'Part two']);
  });

  it('sets the deck language on every text run, speaker notes included, with no stray alternative language', async () => {
    const notes = await pptx.xml('ppt/notesSlides/notesSlide2.xml');
    for (const xml of [...slides, notes]) {
      const runs = xml.match(/<a:(rPr|endParaRPr)\b[^>]*>/g) ?? [];
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) expect(run).toContain('lang="kk-KZ"');
      expect(xml).not.toContain('altLang=');
    }
  });

  it('names fonts without the character sets pptxgenjs invents for them', () => {
    expect(slides[1]).toMatch(/<a:latin typeface="[^"]+"\/>/);
    expect(slides.join('')).not.toMatch(/charset="-12\d"/);
  });

  it('writes bullets at their nesting level, numbered lists, and inline formatting', () => {
    const xml = slides[1];
    expect(xml).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>/);
    expect(xml).toMatch(/<a:pPr[^>]*lvl="2"[^>]*>/);
    expect(xml).toContain('<a:buAutoNum type="arabicPeriod"');
    expect(xml).toMatch(/<a:rPr[^>]*b="1"[^>]*>[\s\S]*?<a:t>Bold<\/a:t>/);
    expect(xml).toMatch(/<a:rPr[^>]*i="1"[^>]*>[\s\S]*?<a:t>italic<\/a:t>/);
    expect(xml).toMatch(/<a:rPr[^>]*strike="sngStrike"[^>]*>[\s\S]*?<a:t>struck<\/a:t>/);
    expect(xml).toMatch(/<a:latin typeface="Consolas"[^>]*\/>[\s\S]*?<a:t>code<\/a:t>/);
    expect(xml).toContain('<a:hlinkClick r:id=');
  });

  it('links a run to its address through the slide relationships', async () => {
    const id = /<a:hlinkClick r:id="([^"]+)"\/>[\s\S]*?<a:t>link<\/a:t>/.exec(slides[1])![1];
    const rels = await pptx.xml('ppt/slides/_rels/slide2.xml.rels');
    expect(rels).toMatch(
      new RegExp(`<Relationship Id="${id}" Type="[^"]+/hyperlink" Target="https://example.org/?" TargetMode="External"/>`),
    );
  });

  it("lets text in a placeholder take its font and colour from the layout's placeholder, as PowerPoint does", async () => {
    const body = slides[1].match(/<p:sp>[\s\S]*?<\/p:sp>/g)!.find((sp) => /<p:ph[^>]*type="body"/.test(sp))!;
    const plain = /<a:rPr[^>]*>(?:(?!<\/a:rPr>)[\s\S])*?<\/a:rPr><a:t>Bold<\/a:t>|<a:rPr[^>]*\/><a:t>Bold<\/a:t>/.exec(body)![0];
    expect(plain).not.toContain('<a:latin');
    expect(plain).not.toContain('<a:solidFill');
    // The layout styles the first level only: a nested item says its font and colour.
    const nested = /<a:pPr[^>]*lvl="1"[\s\S]*?<\/a:rPr><a:t>second level with a /.exec(body)![0];
    expect(nested).toMatch(/<a:solidFill><a:srgbClr val="[0-9A-F]{6}"\/><\/a:solidFill><a:latin typeface="Calibri"\/>/);
    expect(body).toContain('<a:latin typeface="Consolas"/>');
    const layoutFile = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(await pptx.xml('ppt/slides/_rels/slide2.xml.rels'))![1];
    const layout = await pptx.xml(`ppt/slideLayouts/${layoutFile}`);
    const placeholder = layout.match(/<p:sp>[\s\S]*?<\/p:sp>/g)!.find((sp) => /<p:ph[^>]*type="body"/.test(sp))!;
    expect(placeholder).toMatch(
      /<a:defRPr[^>]*sz="\d+"[^>]*><a:solidFill><a:srgbClr val="[0-9A-F]{6}"\/><\/a:solidFill><a:latin typeface="[^"]+"\/>/,
    );
    expect(slides.join('')).not.toContain('LECTERN-TEXT');
  });

  it('keeps a list item with mixed formatting in one paragraph', () => {
    const paragraph = slides[1].match(/<a:p>[\s\S]*?<\/a:p>/g)!.find((p) => p.includes('struck'))!;
    expect(textOf(paragraph).replace(/\s+/g, ' ')).toBe('Bold and italic and struck and code');
  });

  it('keeps one paragraph-properties element per paragraph', () => {
    for (const xml of slides) {
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) expect((p.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });

  it('writes speaker notes to the notes page', async () => {
    const notes = await pptx.xml('ppt/notesSlides/notesSlide2.xml');
    expect(textOf(notes)).toContain('Say hello to the class.');
  });

  it('makes a native table with a marked header row and formatted numbers', () => {
    const xml = slides[2];
    expect(xml).toContain('<a:tbl>');
    expect(xml).toContain('<a:tblPr firstRow="1" bandRow="1"');
    const rows = xml.match(/<a:tr\b[\s\S]*?<\/a:tr>/g)!;
    expect(rows).toHaveLength(4);
    expect(textOf(rows[0])).toBe('Candidate Share (%)');
    // The deck is in Kazakh, which writes a decimal comma.
    expect(textOf(rows[2])).toBe('Against all 5,80');
    expect(rows[1]).toMatch(/<a:pPr[^>]*algn="r"[\s\S]*?81,31/);
  });

  it('makes a native bar chart whose embedded data are the dataset values', async () => {
    const rels = await pptx.xml('ppt/slides/_rels/slide4.xml.rels');
    const chartPart = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(rels)![1];
    const chart = await pptx.xml(`ppt/charts/${chartPart}`);
    expect(chart).toContain('<c:barDir val="bar"/>');
    const values = [...chart.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0][0];
    expect([...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([81.31, 5.8, 3.42]);
    const categories = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(chart)![1];
    expect(categories).toContain('<c:strRef>');
    expect(categories).not.toContain('multiLvlStrRef');
    expect([...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(['Tokayev', 'Against all', 'Dairabayev']);
    expect(chart).toContain('formatCode="#,##0.00&quot;%&quot;"');
    const chartRels = await pptx.xml(`ppt/charts/_rels/${chartPart}.rels`);
    expect(chartRels).toMatch(/Target="(?:\.\.|\/ppt)\/embeddings\/Microsoft_Excel_Worksheet\d+\.xlsx"/);
  });

  it("embeds the chart's data as a valid workbook, with only the parts that editing the data needs", async () => {
    const name = pptx.names.find((n) => n.endsWith('.xlsx'))!;
    const bytes = await pptx.bytes(name);
    const workbook = await openPptx(bytes);
    expect(workbook.names.sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = await workbook.xml('xl/worksheets/sheet1.xml');
    expect([...sheet.matchAll(/<c r="B\d+"><v>([^<]*)<\/v>/g)].map((m) => Number(m[1]))).toEqual([81.31, 5.8, 3.42]);
    expect(await workbook.xml('xl/sharedStrings.xml')).toContain('<t>Tokayev</t>');
    const file = path.join(tempDir(), 'data.xlsx');
    writeFileSync(file, bytes);
    expect(await validatePptx(file)).toEqual([]);
  });

  it("describes the chart for screen readers from its data, in the deck's language (Kazakh)", () => {
    expect(slides[3]).toContain('descr="Жолақты диаграмма, Share of the vote (%): Tokayev 81,31%, Against all 5,80%, Dairabayev 3,42%"');
  });

  it('fits a picture in its area at its aspect ratio, with its alt text as description', () => {
    const xml = slides[4];
    expect(xml).toContain('descr="A wide grey rectangle"');
    const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(xml)!;
    expect(Number(ext[1]) / Number(ext[2])).toBeCloseTo(4, 2);
  });

  it('uses the template layouts, each a named slide layout', async () => {
    const layoutNames = await Promise.all(
      pptx.names
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map(async (n) => /<p:cSld name="([^"]+)"/.exec(await pptx.xml(n))![1]),
    );
    expect(layoutNames).toEqual(expect.arrayContaining(['title', 'section', 'content', 'two-column', 'chart', 'table', 'image']));
    const layoutOf = async (i: number) => {
      const rels = await pptx.xml(`ppt/slides/_rels/slide${i}.xml.rels`);
      const target = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)![1];
      return /<p:cSld name="([^"]+)"/.exec(await pptx.xml(`ppt/slideLayouts/${target}`))![1];
    };
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(layoutOf))).toEqual(['title', 'content', 'table', 'chart', 'image', 'section']);
  });

  it('writes document properties from the front matter, escaped', async () => {
    const core = await pptx.xml('docProps/core.xml');
    expect(core).toContain('<dc:title>Test deck</dc:title>');
    expect(core).toContain('<dc:creator>Ms. Example</dc:creator>');
    expect(core).toContain('<dc:subject>Civics</dc:subject>');
    expect(core).toContain('<cp:keywords>elections, democracy</cp:keywords>');
    const app = await pptx.xml('docProps/app.xml');
    expect(app).toContain('<Application>lectern</Application>');
    expect(app).toContain('<Company>Springfield &amp; Co &lt;School&gt;</Company>');
  });

  it('puts the background, top bar, footer and slide number on the slide master, not on each slide', async () => {
    const master = await pptx.xml('ppt/slideMasters/slideMaster1.xml');
    expect(master).toMatch(/<p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"\/>/);
    expect(textOf(master)).toContain('Civics · Ms. Example');
    expect(master).toContain('<a:srgbClr val="1F4E79"/>');
    expect(master).toContain('type="sldNum"');
    for (const xml of slides) expect(textOf(xml)).not.toContain('Civics');
    expect(slides[1]).toContain('type="sldNum"');
  });

  it('lets title and section layouts hide the master, and keeps no helper layouts', async () => {
    const layouts = await Promise.all(pptx.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => pptx.xml(n)));
    const byName = new Map(layouts.map((xml) => [/<p:cSld name="([^"]+)"/.exec(xml)![1], xml]));
    expect([...byName.keys()].sort()).toEqual(['chart', 'content', 'image', 'section', 'table', 'title', 'two-column']);
    expect(byName.get('title')).toMatch(/<p:sldLayout [^>]*showMasterSp="0"/);
    expect(byName.get('section')).toMatch(/<p:sldLayout [^>]*showMasterSp="0"/);
    expect(byName.get('content')).not.toContain('showMasterSp');
    expect(byName.get('content')).not.toContain('<p:bg>');
    const contentTypes = await pptx.xml('[Content_Types].xml');
    for (const part of contentTypes.match(/PartName="\/([^"]+)"/g)!.map((m) => m.slice(11, -1))) expect(pptx.names).toContain(part);
  });
});

describe('titles', () => {
  it('shrink when they do not fit their box, and keep the template size when they do', async () => {
    const long = 'A very long slide title that goes on and on about the state of democracy in Central Asia today';
    const result = await buildInTemp(deckText(`## ${long}\n\nText\n\n---\n\n## Short\n\nText`));
    const slides = await (await openPptx(result.output!)).slides();
    const titleSize = (xml: string) => Number(/<p:ph[^>]*type="title"[\s\S]*?<a:rPr[^>]*sz="(\d+)"/.exec(xml)![1]) / 100;
    expect(titleSize(slides[1])).toBeLessThan(36);
    expect(titleSize(slides[1])).toBeGreaterThanOrEqual(24);
    expect(titleSize(slides[2])).toBe(36);
  });
});

describe('numbered lists', () => {
  it('that start at 0 or past 32767 number from 1, the range PowerPoint allows, in a valid file', async () => {
    const result = await buildInTemp(deckText('## Zero\n\n0. zero\n1. one\n\n---\n\n## Big\n\n40000. big\n'));
    const slides = await (await openPptx(result.output!)).slides();
    expect(slides[1]).toContain('<a:buAutoNum type="arabicPeriod"/>');
    expect(slides.join('')).not.toContain('startAt=');
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  it('give every item its list’s first number, and start the next list again', async () => {
    const result = await buildInTemp(deckText('## Steps\n\n3. three\n4. four\n\nThen:\n\n1. one\n2. two\n'));
    const xml = (await (await openPptx(result.output!)).slides())[1];
    const numbering = [...xml.matchAll(/<a:buAutoNum ([^>]*)\/>[\s\S]*?<a:t>(\w+)<\/a:t>/g)].map((m) => `${m[2]}: ${m[1].trim()}`);
    expect(numbering).toEqual([
      'three: type="arabicPeriod" startAt="3"',
      'four: type="arabicPeriod" startAt="3"',
      'one: type="arabicPeriod"',
      'two: type="arabicPeriod"',
    ]);
  });
});

describe('a deck built after another in the same process (a batch, watch mode)', () => {
  it('numbers its charts from 1 and is the same file as when built on its own', async () => {
    // A link that looks like a chart's part name, in a table cell (whose links pptxgenjs writes itself), stays as written.
    const table = '\n---\n\n## Sources\n\n| Source |\n|---|\n| [Chart 7](https://example.org/charts/chart7.xml) |\n';
    const files = {
      'deck.md': deckText(BODY + table, { data: { results: 'results.csv' } }),
      'results.csv': CSV,
      'wide.png': pngBytes(400, 100),
    };
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const first = await buildInTemp(files);
      const second = await buildInTemp(files);
      const pptx = await openPptx(second.output!);
      expect(pptx.names.filter((n) => /chart|embeddings/.test(n)).sort()).toEqual([
        'ppt/charts/_rels/chart1.xml.rels',
        'ppt/charts/chart1.xml',
        'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      ]);
      expect(await pptx.xml('ppt/slides/_rels/slide4.xml.rels')).toMatch(/Target="(\.\.|\/ppt)\/charts\/chart1\.xml"/);
      const rels = await Promise.all(pptx.names.filter((n) => n.startsWith('ppt/slides/_rels/')).map((n) => pptx.xml(n)));
      expect(rels.join('')).toContain('Target="https://example.org/charts/chart7.xml"');
      expect(readFileSync(second.output!).equals(readFileSync(first.output!))).toBe(true);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});
