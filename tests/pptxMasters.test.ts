import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../src/templates/colors.js';
import { readPowerPointPackage } from '../src/templates/pptx/readPackage.js';
import { readFilePresentation } from '../src/templates/pptx/readLayouts.js';
import { lectern } from './support/cli.js';
import { deckText } from './support/build.js';
import { openPptx, tempDir, validatePptx, writeFiles, type Package } from './support/pptx.js';
import { everyKindDeck, FIXTURES } from './support/pptxTemplates.js';

/** The part a relationship of `part` of the given kind points at, e.g. a slide's layout. */
async function related(pkg: Package, part: string, kind: 'slideLayout' | 'slideMaster'): Promise<string> {
  const rels = await pkg.xml(`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`);
  const target = new RegExp(`Type="[^"]*/${kind}" Target="([^"]+)"|Target="([^"]+)" Type="[^"]*/${kind}"`).exec(rels)!;
  return path.posix.join(path.posix.dirname(part), target[1] ?? target[2]);
}

/** The master part slide `n` (from 1) sits on, through its layout. */
async function masterOfSlide(deck: Package, n: number): Promise<{ layout: string; master: string }> {
  const layout = await related(deck, `ppt/slides/slide${n}.xml`, 'slideLayout');
  return { layout, master: await related(deck, layout, 'slideMaster') };
}

/** The parts of a package under a folder (masters, layouts, themes), as their text. */
async function partsUnder(pkg: Package, folder: string): Promise<string[]> {
  return Promise.all(pkg.names.filter((n) => new RegExp(`^ppt/${folder}/[^/]+\\.xml$`).test(n)).map((n) => pkg.xml(n)));
}

/** A project with LibreOffice's template `file` and a deck using it. */
function project(file: string, deck: string, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { 'content/deck.md': deck, 'content/school.pptx': readFileSync(path.join(FIXTURES, `${file}.pptx`)), ...extra });
  return dir;
}

// LibreOffice's Lights and Piano saved as PPTX: master 1 is the dark title look, master 2 the one the file's own
// content slide uses (Piano: white below a black title bar; Lights: a light glow behind a half-white text area).
const CASES = [
  { file: 'Lights', title: 1, content: 2 },
  { file: 'Piano', title: 1, content: 2 },
];

describe('a PowerPoint file with several masters', () => {
  for (const { file, title, content } of CASES) {
    it(`${file}.pptx: title slides on master ${title}, content, two-column, table and chart slides on master ${content}, their text readable, every master kept byte for byte`, async () => {
      const dir = project(file, everyKindDeck('school.pptx'));
      const run = await lectern(['build'], dir);
      expect(run.stderr.split('\n').filter((l) => l && !l.includes('[layout/nearest]'))).toEqual([]);
      expect(run.code).toBe(0);
      const output = path.join(dir, 'output/deck.pptx');
      expect(await validatePptx(output)).toEqual([]);
      const template = await openPptx(readFileSync(path.join(FIXTURES, `${file}.pptx`)));
      const deck = await openPptx(output);
      // Every master, layout and theme of the file is in the deck as it is.
      for (const folder of ['slideMasters', 'slideLayouts', 'theme']) {
        const kept = new Set(await partsUnder(deck, folder));
        for (const part of await partsUnder(template, folder)) expect(kept.has(part), folder).toBe(true);
      }
      const masterXml = (n: number) => template.xml(`ppt/slideMasters/slideMaster${n}.xml`);
      expect(await deck.xml((await masterOfSlide(deck, 1)).master)).toBe(await masterXml(title));
      for (const n of [3, 4, 5, 6])
        expect(await deck.xml((await masterOfSlide(deck, n)).master), `slide ${n}`).toBe(await masterXml(content));

      // The list's text takes its colour from the layout (lectern writes none), and that colour reads on what
      // the master draws behind the content placeholder; the title, whose inherited colour would not, is written.
      const slide = (await deck.slides())[2];
      const body = /<p:sp>(?:(?!<\/p:sp>).)*<p:ph\/>(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(slide)![0];
      expect(body).toContain('<a:t>Light from the sun</a:t>');
      expect(body).not.toContain('<a:solidFill>');
      const presentation = readFilePresentation(readPowerPointPackage(output, { file: output }), { file: output });
      const contentLayout = (await masterOfSlide(deck, 3)).layout;
      const layout = presentation.layouts.find((l) => l.part === contentLayout)!;
      const text = layout.placeholders.find((p) => p.type === 'obj')!;
      expect(contrast(text.text!, text.backdrop!)).toBeGreaterThanOrEqual(4.5);
      const titleShape = /<p:sp>(?:(?!<\/p:sp>).)*<p:ph type="title"\/>(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(slide)![0];
      const titleColor = /<a:rPr[^>]*><a:solidFill><a:srgbClr val="([0-9A-F]{6})"\/>(?:(?!<\/a:r>).)*<a:t>What plants need</s.exec(
        titleShape,
      )?.[1];
      const titleBehind = layout.placeholders.find((p) => p.type === 'title')!.backdrop!;
      expect(contrast(titleColor ?? layout.placeholders.find((p) => p.type === 'title')!.text!, titleBehind)).toBeGreaterThanOrEqual(4.5);
      if (file === 'Piano') {
        // Worked by hand from the XML: master 2 has no background of its own, so the theme's lt1 (white) is behind
        // the text, whose colour is the theme's dk1 (black); its title sits on a black bar and is written white.
        expect([text.text, text.backdrop]).toEqual(['000000', 'FFFFFF']);
        expect([titleColor, titleBehind]).toEqual(['FFFFFF', '000000']);
      }
    }, 120_000);
  }

  it('layouts: and <!-- layout: --> reach a layout of any master by "Master N / Name"; a name several masters have means the content master\'s, said once', async () => {
    const deck = deckText(
      [
        '## On master three',
        '',
        '- a',
        '',
        '---',
        '',
        '<!-- layout: "Title, Content" -->',
        '',
        '## By name alone',
        '',
        '- b',
        '',
        '---',
        '',
        '<!-- layout: "Title, Content" -->',
        '',
        '## Again',
        '',
        '- c',
        '',
        '---',
        '',
        '<!-- layout: "Master 1 / Title, Content" -->',
        '',
        '## On master one',
        '',
        '- d',
      ].join('\n'),
      { template: 'school' },
    );
    const dir = tempDir();
    writeFiles(dir, {
      'templates/school/template.yaml': 'base: Lights.pptx\nlayouts:\n  content: "Master 3 / Title, Content"\n',
      'content/deck.md': deck,
    });
    writeFiles(dir, { 'templates/school/Lights.pptx': readFileSync(path.join(FIXTURES, 'Lights.pptx')) });
    const run = await lectern(['build'], dir);
    expect(run.code).toBe(0);
    const ambiguous = run.stderr.split('\n').filter((l) => l.includes('[layout/ambiguous]'));
    const line = deck.split('\n').indexOf('<!-- layout: "Title, Content" -->') + 1;
    expect(ambiguous).toEqual([
      `  content/deck.md:${line}: warning: Lights.pptx has 3 layouts named "Title, Content", one on each of 3 masters, so lectern uses "Master 2 / Title, Content"; to choose another, name it with its master: "Master 1 / Title, Content" or "Master 3 / Title, Content" [layout/ambiguous]`,
    ]);
    const output = path.join(dir, 'output/deck.pptx');
    expect(await validatePptx(output)).toEqual([]);
    const built = await openPptx(output);
    const template = await openPptx(readFileSync(path.join(FIXTURES, 'Lights.pptx')));
    const masters = await Promise.all([2, 3, 4, 5].map(async (n) => built.xml((await masterOfSlide(built, n)).master)));
    const expected = await Promise.all([3, 2, 2, 1].map((n) => template.xml(`ppt/slideMasters/slideMaster${n}.xml`)));
    masters.forEach((xml, i) => expect(xml === expected[i], `slide ${i + 2}`).toBe(true));
    for (const n of [2, 3, 4, 5]) expect(await built.xml(`ppt/slides/slide${n}.xml`)).toMatch(/<p:ph\/>/);
  }, 60_000);

  it('a master that is not there is an error naming the slide line', async () => {
    const deck = deckText('<!-- layout: "Master 9 / Title, Content" -->\n\n## One\n\n- a\n', { template: 'school.pptx' });
    const dir = project('Lights', deck);
    const run = await lectern(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /content\/deck\.md:\d+: error: unknown layout "Master 9 \/ Title, Content" \(did you mean "Master \d \/ Title, Content"\?\)/,
    );
    // The file's layouts each once, quoted (their names have commas), and how to name one master's.
    expect(run.stderr).toContain('"Title Slide", "Title, Content", "Title, 2 Content", "Title Only"');
    expect(run.stderr).toContain(', on 3 masters: to choose one master\'s layout, name the master first, as in "Master 1 / Blank Slide"');
    expect(run.stderr.match(/Title Only/g)).toHaveLength(1);
  }, 60_000);

  it('templates show says which master each kind of slide goes on, and puts a slide on every layout of every master', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'Lights.pptx': readFileSync(path.join(FIXTURES, 'Lights.pptx')) });
    const run = await lectern(['templates', 'show', 'Lights.pptx'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Wrote output/Lights-layouts.pptx: 37 slides, one on each layout of Lights.pptx');
    expect(run.stdout).toContain("lectern's slides go on these layouts (the file has 3 masters):");
    expect(run.stdout).toMatch(/\n {2}title +"Title Slide" +on Master 1\n/);
    expect(run.stdout).toMatch(/\n {2}content +"Title, Content" +on Master 2\n/);
    expect(run.stdout).toMatch(/\n {2}chart +"Title, Content" +on Master 2\n/);
    const sheet = await openPptx(path.join(dir, 'output/Lights-layouts.pptx'));
    const slides = await sheet.slides();
    // After the sheet's title slide, one slide a layout, masters in order.
    expect(slides[27]).toContain('<a:t>Master 3 / Title, Content</a:t>');
    expect(await sheet.xml('ppt/slides/_rels/slide28.xml.rels')).toContain('Target="../slideLayouts/slideLayout27.xml"');
  }, 60_000);
});
