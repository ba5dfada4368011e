import { existsSync, readdirSync } from 'node:fs';
import { decodeHTML } from 'entities';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDeckFile, modelDeck, TemplateLibrary } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { buildInTemp, deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { FIXTURES, fixtureCases } from './support/fixtures.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { markdownWords, missingWords, paragraphTexts } from './support/words.js';

/** A slide's text, paragraph by paragraph, as it reads. */
const textOf = (xml: string) => paragraphTexts(xml).join('\n');

const EMU = 914400;

/** Builds `body` as a deck (with two pictures at hand) and returns its result and each slide's XML. */
async function built(body: string, files: Record<string, string | Uint8Array> = {}) {
  const result = await buildInTemp({ 'deck.md': deckText(body), 'wide.png': pngBytes(40, 20), 'tall.png': pngBytes(20, 40), ...files });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const slides = await (await openPptx(result.output!)).slides();
  return { result, slides };
}

/** The run properties (`<a:rPr …>`) of the run whose whole text is `text`. */
function runProperties(xml: string, text: string): string {
  const run = [...xml.matchAll(/<a:r>(<a:rPr[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>))<a:t>([^<]*)<\/a:t><\/a:r>/g)].find(
    (m) => decodeHTML(m[2]) === text,
  );
  if (!run) throw new Error(`no run "${text}" in ${textOf(xml)}`);
  return run[1];
}

/** The pictures of a slide, in inches. */
function pictures(xml: string) {
  return [...xml.matchAll(/<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => {
    const [x, y, w, h] = m.slice(1).map((n) => Number(n) / EMU);
    return { x, y, w, h };
  });
}

describe('pictures in a paragraph', () => {
  test('two pictures on one line sit side by side, each fitted at its aspect ratio, within the content area', async () => {
    const { result, slides } = await built('# Two\n\n![A wide one](wide.png) ![A tall one](tall.png)');
    const pics = pictures(slides[1]);
    expect(pics).toHaveLength(2);
    const [a, b] = pics;
    expect(a.x + a.w).toBeLessThanOrEqual(b.x); // left to right, not overlapping
    expect(a.w / a.h).toBeCloseTo(2, 2);
    expect(b.w / b.h).toBeCloseTo(0.5, 2);
    const template = new TemplateLibrary([SHIPPED_TEMPLATES]).load('default', { title: 't' }, { file: 'deck.md' });
    const region = template.layouts.get(result.deck!.slides[1].layout)!.regions.get('body')!;
    for (const p of pics) {
      expect(p.x).toBeGreaterThanOrEqual(region.x - 1e-3);
      expect(p.y).toBeGreaterThanOrEqual(region.y - 1e-3);
      expect(p.x + p.w).toBeLessThanOrEqual(region.x + region.w + 1e-3);
      expect(p.y + p.h).toBeLessThanOrEqual(region.y + region.h + 1e-3);
    }
    expect(slides[1]).toContain('descr="A wide one"');
    expect(slides[1]).toContain('descr="A tall one"');
    expect(textOf(slides[1])).not.toContain('A wide one');
  });

  test('a picture inside a sentence is a picture of its own, and the sentence stays text', async () => {
    const { slides } = await built('# Inline\n\nThe flag ![A wide one](wide.png) flies here.');
    expect(pictures(slides[1])).toHaveLength(1);
    expect(textOf(slides[1])).toContain('The flag flies here.');
  });
});

describe('block quotes', () => {
  test('a list inside a quote is kept, as a list, in italics; nested quotes too', async () => {
    const { slides } = await built('# Quoted\n\n> Said:\n>\n> - first point\n> - second point\n>\n>> deeper words');
    const text = textOf(slides[1]);
    for (const words of ['Said:', 'first point', 'second point', 'deeper words']) expect(text).toContain(words);
    expect(runProperties(slides[1], 'first point')).toContain(' i="1"');
    const item = slides[1].match(/<a:p>(?:(?!<\/a:p>)[\s\S])*first point/)![0];
    expect(item).toContain('<a:buChar char="•"/>');
  });
});

describe('headings inside a slide', () => {
  test('headings of levels 3 to 6 are kept, in bold', async () => {
    const { slides } = await built('## Title\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\ntext');
    for (const h of ['Three', 'Four', 'Five', 'Six']) expect(runProperties(slides[1], h)).toContain(' b="1"');
  });
});

describe('task lists', () => {
  test('[ ] and [x] become ☐ and ☑', async () => {
    const { slides } = await built('# Tasks\n\n- [ ] to do\n- [x] done\n- [link](https://example.org) stays');
    const text = textOf(slides[1]);
    expect(text).toContain('☐ to do');
    expect(text).toContain('☑ done');
    expect(text).not.toContain('[ ]');
    expect(text).not.toContain('[x]');
  });
});

describe('inline HTML', () => {
  test('<sub>, <sup>, <u>, <mark>, <kbd> and <br> are run properties and breaks; entities are decoded', async () => {
    const { slides, result } = await built(
      '# Marks\n\nH<sub>2</sub>O and E = mc<sup>2</sup>, <u>under</u>, <mark>marked</mark>, <kbd>Ctrl</kbd>\n\nline one<br>line two &copy; &amp; <b>&lt;bold&gt;</b>',
    );
    const xml = slides[1];
    const text = textOf(xml);
    expect(result.diagnostics).toEqual([]);
    expect(runProperties(xml, '2')).toContain('baseline="-25000"');
    expect([...xml.matchAll(/baseline="30000"[^>]*>(?:(?!<a:t>)[\s\S])*<a:t>2<\/a:t>/g)]).toHaveLength(1);
    expect(runProperties(xml, 'under')).toContain(' u="sng"');
    expect(runProperties(xml, 'marked')).toContain('<a:highlight><a:srgbClr val="FFFF00"/></a:highlight>');
    expect(runProperties(xml, 'Ctrl')).toMatch(/<a:latin typeface="[^"]*(Mono|Consol|Courier|Code)[^"]*"/);
    expect(text).toContain('line one\nline two');
    expect(runProperties(xml, '<bold>')).toContain(' b="1"');
    expect(text).toContain('line two © &');
    expect(text).not.toMatch(/<\/?(sub|sup|u|mark|kbd|br|b)>|&copy;|&amp;/);
  });

  test('other HTML keeps its text on the slide, without the tags, and warns at its line and column', async () => {
    const { slides, result } = await built(
      '# Raw\n\nSome <span style="color:red">red</span> words.\n\n<div class="box">\nboxed &amp; kept\n</div>',
    );
    const text = textOf(slides[1]);
    expect(text).toContain('Some red words.');
    expect(text).toContain('boxed & kept');
    expect(text).not.toMatch(/<\/?(span|div)|&amp;/);
    const warnings = result.diagnostics.map((d) => [d.rule, d.line, d.column]);
    // The deck's front matter is three lines: the body starts on line 4.
    expect(warnings).toEqual([
      ['markdown/html', 6, 6],
      ['markdown/html', 8, 1],
    ]);
    expect(result.diagnostics[0].message).toContain('<span style="color:red">');
  });
});

describe('::: blocks lectern does not know', () => {
  test('keep their content, lose their ::: lines, and warn at their line and column', async () => {
    const { slides, result } = await built('# Boxes\n\n::: warning\nMind the **gap**.\n:::\n\nAfter.\n\n:::');
    const text = textOf(slides[1]);
    expect(text).toContain('Mind the gap.');
    expect(text).toContain('After.');
    expect(text).not.toContain(':::');
    expect(text).not.toContain('warning');
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['markdown/unknown-container', 6, 1],
      ['markdown/unknown-container', 12, 1],
    ]);
    expect(result.diagnostics[0].message).toContain('::: warning');
  });
});

describe('footnotes', () => {
  test('a reference is a superscript number; its note, defined anywhere in the deck, is small print at the foot of the slide', async () => {
    const { slides, result } = await built(
      '# First\n\nTurnout fell[^turnout] sharply.\n\n---\n\n# Second\n\nAgain[^turnout], and more[^2].\n\n[^turnout]: Central Election Commission, 2022.\n[^2]: Another note.\n[^unused]: Never referred to.',
    );
    expect(textOf(slides[1])).toContain('Turnout fell1 sharply.');
    expect(runProperties(slides[1], '1')).toContain('baseline="30000"');
    expect(textOf(slides[1])).toContain('Central Election Commission, 2022.');
    expect(textOf(slides[1])).not.toContain('[^');
    expect(textOf(slides[2])).toContain('Again1, and more2.');
    expect(textOf(slides[2])).toContain('Another note.');
    expect(slides).toHaveLength(3); // the definitions make no slide of their own
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([['markdown/footnote-unused', 16]]);
    expect(result.diagnostics[0].message).toContain('Never referred to.');
  });
});

test('a deck with every construct is valid for the Open XML SDK', async () => {
  const { result } = await built(
    [
      '# All',
      '',
      '![A wide one](wide.png) ![A tall one](tall.png)',
      '',
      '> - quoted item\n>> nested',
      '',
      '- [ ] task\n- [x] done',
      '',
      'H<sub>2</sub>O x<sup>2</sup> <u>u</u> <mark>m</mark> <kbd>k</kbd> a<br>b &copy; <span>s</span>[^1]',
      '',
      '::: warning\ninside\n:::',
      '',
      '[^1]: A note.',
      '',
      '---',
      '',
      '| H<sub>2</sub>O | <mark>x</mark> |\n| --- | --- |\n| <u>a</u> | b<sup>2</sup> |',
    ].join('\n'),
  );
  expect(await validatePptx(result.output!)).toEqual([]);
}, 60_000);

describe('--strict', () => {
  test('check and build list warnings and succeed; with --strict they fail with exit 1 and write nothing', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'deck.md': deckText('# Raw\n\nSome <span>text</span>.') });
    const check = await lectern(['check', 'deck.md'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('deck.md:6:6: warning:');
    expect(check.stderr).toContain('[markdown/html]');

    const strictCheck = await lectern(['check', '--strict', 'deck.md'], dir);
    expect(strictCheck.code).toBe(1);
    expect(strictCheck.stderr).toContain('deck.md:6:6: error:');

    const strictBuild = await lectern(['build', '--strict', 'deck.md', '-o', 'out'], dir);
    expect(strictBuild.code).toBe(1);
    expect(existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : []).toEqual([]);

    const build = await lectern(['build', 'deck.md', '-o', 'out'], dir);
    expect(build.code).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['deck.pptx']);
  }, 30_000);
});

describe('every word the teacher wrote is in the deck, or a warning names it', () => {
  test('the checker sees words the Markdown shows, and not its markup', () => {
    expect(
      markdownWords('# T\n\n**bo**ld [link](https://x.org/y) ![alt words](a.png) <span a="z">in</span>\n\n```chart\ntype: bar\n```'),
    ).toEqual(['T', 'bold', 'link', 'alt', 'words', 'in']);
  });

  test.each(fixtureCases())('fixture %s', async (name) => {
    const dir = path.join(FIXTURES, name);
    const templates = new TemplateLibrary([path.join(FIXTURES, '_templates'), SHIPPED_TEMPLATES]);
    const file = path.join(dir, 'deck.md');
    const result = await buildDeckFile(file, { outDir: tempDir(), templates });
    expect(result.ok).toBe(true);
    const { markdown } = await modelDeck(file, { templates });
    expect(await missingWords(markdown, result.output!, result.diagnostics)).toEqual([]);
  });

  test('a deck that loses words fails the property', async () => {
    // A layout without a body area: its content goes to the speaker notes, so every word is still there.
    const { result } = await built('<!-- layout: section -->\n# Divider\n\nwords moved to the notes');
    const { markdown } = await modelDeck(path.join(result.dir, 'deck.md'), {
      templates: new TemplateLibrary([SHIPPED_TEMPLATES]),
    });
    expect(await missingWords(markdown, result.output!, result.diagnostics)).toEqual([]);
    expect(await missingWords(`${markdown}\n\nunwritten`, result.output!, result.diagnostics)).toEqual(['unwritten']);
  });
});
