import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, TemplateLibrary } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { buildInTemp, deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { openPptx, ROOT, tempDir, textOf, validatePptx } from './support/pptx.js';

/** Content that suits each layout, so that every layout of every template is built and checked. */
const LAYOUT_CONTENT: Record<string, string> = {
  section: '# A section',
  content: '## Text\n\n- one\n- two\n\nA paragraph with **bold** and a [link](https://example.org).',
  'two-column': '## Two columns\n\n::: columns\n::: column\n- left\n:::\n::: column\n- right\n:::\n:::',
  chart: '## Chart\n\n```chart\ntype: pie\nlabels: [A, B]\nseries: [{name: S, values: [60, 40]}]\n```',
  table: '## Table\n\n| Name | Value |\n|:--|--:|\n| a | 1 |\n| b | 2 |',
  image: '## Picture\n\n![A grey square](square.png)',
};

function layoutDeck(layouts: string[]): string {
  return layouts
    .filter((l) => l !== 'title')
    .map((l) => `<!-- layout: ${l} -->\n${LAYOUT_CONTENT[l] ?? `## The ${l} layout\n\nSome text for it.`}`)
    .join('\n\n---\n\n');
}

const library = new TemplateLibrary([SHIPPED_TEMPLATES]);

describe('every deck the tests build passes the Open XML SDK validator', () => {
  it('the default deck, content/kazakhstan-democracy.md', async () => {
    const out = tempDir();
    const result = await buildDeckFile(path.join(ROOT, 'content/kazakhstan-democracy.md'), { outDir: out, templates: library });
    expect(result.diagnostics).toEqual([]);
    expect(await validatePptx(result.output!)).toEqual([]);

    // Accessibility: a titled title placeholder on every slide, a description on every picture
    // and chart, and the deck's language on every text run.
    const slides = await (await openPptx(result.output!)).slides();
    expect(slides).toHaveLength(15);
    slides.forEach((xml, i) => {
      const title = xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g)!.find((sp) => /<p:ph[^>]*type="title"/.test(sp));
      expect(title && textOf(title).trim(), `slide ${i + 1}`).toBeTruthy();
      for (const frame of xml.match(/<p:(graphicFrame|pic)>[\s\S]*?<\/p:\1>/g) ?? [])
        expect(frame, `slide ${i + 1}`).toMatch(/<p:cNvPr [^>]*descr="[^"]{10,}"/);
      for (const run of xml.match(/<a:rPr\b[^>]*>/g) ?? []) expect(run, `slide ${i + 1}`).toContain('lang="en-US"');
    });
    expect(slides.filter((xml) => xml.includes('<c:chart ')).length).toBe(3);
  });

  for (const name of library.names()) {
    it(`every layout of the "${name}" template`, async () => {
      const layouts = [...library.load(name, { title: 't' }, { file: 'test' }).layouts.keys()];
      const result = await buildInTemp({
        'deck.md': deckText(layoutDeck(layouts), { template: name, footer: 'Footer {{title}}' }),
        'square.png': pngBytes(50, 50),
      });
      expect(result.diagnostics).toEqual([]);
      expect(result.deck!.slides.map((s) => s.layout)).toEqual(['title', ...layouts.filter((l) => l !== 'title')]);
      expect(await validatePptx(result.output!)).toEqual([]);
    });
  }

  const fixtures = path.join(ROOT, 'tests/fixtures');
  const cases = existsSync(fixtures) ? readdirSync(fixtures).filter((c) => existsSync(path.join(fixtures, c, 'deck.md'))) : [];
  for (const name of cases) {
    it(`the fixture "${name}"`, async () => {
      const result = await buildDeckFile(path.join(fixtures, name, 'deck.md'), {
        outDir: tempDir(),
        templates: library,
      });
      expect(result.ok).toBe(true);
      expect(await validatePptx(result.output!)).toEqual([]);
    });
  }
});
