import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { buildAndRead, effects, pictures, textShapes, type BuiltDeck } from './support/slideParts.js';
import { libreOffice, need } from './support/tools.js';

const run = promisify(execFile);

async function built(body: string, frontMatter: Record<string, unknown> = {}, files: Record<string, Uint8Array> = {}): Promise<BuiltDeck> {
  const dir = tempDir();
  writeFiles(dir, { 'deck.md': deckText(body, frontMatter), ...files });
  return buildAndRead(dir);
}

/** The paragraphs of the text shape holding `text`, and the shape's id. */
function shapeWith(xml: string, text: string): { id: string; paragraphs: string[] } {
  const shape = textShapes(xml).find((s) => s.text.includes(text))!;
  const sp = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]).find((x) => x.includes(`id="${shape.id}"`))!;
  const paragraphs = [...sp.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((m) =>
    [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
  );
  return { id: shape.id, paragraphs };
}

/** Each click of a slide, as the texts of the paragraphs it shows (`[picture]` for a whole shape). */
function clicks(slideXml: string, shapeText: string): string[][] {
  const { id, paragraphs } = shapeWith(slideXml, shapeText);
  const out: string[][] = [];
  for (const e of effects(slideXml))
    (out[e.click - 1] ??= []).push(e.spid === id && e.paragraph !== undefined ? paragraphs[e.paragraph] : `[shape ${e.spid}]`);
  return out;
}

describe('click-by-click reveal, as PowerPoint writes "Appear, On Click, By paragraph"', () => {
  test('::: incremental: each item on its own click, first a click effect; the shape built by paragraph', async () => {
    const deck = await built('## Habits\n\n::: incremental\n- Eat spaghetti\n- Drink wine\n  - red\n- Sleep\n:::\n\nAfterwards.\n');
    const xml = deck.slides[1].xml;
    expect(clicks(xml, 'Eat spaghetti')).toEqual([['Eat spaghetti'], ['Drink wine', 'red'], ['Sleep']]);
    // The sub-item appears with its item; what follows the list is there from the start.
    expect(effects(xml).map((e) => e.nodeType)).toEqual(['clickEffect', 'clickEffect', 'withEffect', 'clickEffect']);
    const { id } = shapeWith(xml, 'Eat spaghetti');
    expect(xml).toContain(`<p:bldLst><p:bldP spid="${id}" grpId="0" build="p"/></p:bldLst>`);
    expect(xml).toMatch(/<p:cTn id="\d+" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" nodeType="clickEffect">/);
    expect(xml).toContain('<p:attrName>style.visibility</p:attrName>');
    // p:timing comes after the colour mapping, the last child of the slide.
    expect(xml).toMatch(/<\/p:clrMapOvr><p:timing>[\s\S]*<\/p:timing><\/p:sld>$/);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('{.incremental}, <!-- incremental --> and incremental: true make lists incremental; ::: nonincremental keeps one whole', async () => {
    const deck = await built(
      [
        '## Braced\n\n::: {.incremental}\n- a1\n- a2\n:::',
        '## Default\n\n- c1\n- c2',
        '## Kept whole\n\n::: {.nonincremental}\n- d1\n- d2\n:::',
      ].join('\n\n---\n\n'),
      { incremental: true },
    );
    expect(clicks(deck.slides[1].xml, 'a1')).toEqual([['a1'], ['a2']]);
    expect(clicks(deck.slides[2].xml, 'c1')).toEqual([['c1'], ['c2']]);
    expect(effects(deck.slides[3].xml)).toEqual([]);
    expect(deck.slides[3].xml).not.toContain('<p:timing>');
    // Without the default, <!-- incremental --> makes the next list incremental, and only that one.
    const comment = await built('## Comment\n\n<!-- incremental -->\n- b1\n- b2\n\nBetween.\n\n- whole 1\n- whole 2\n');
    expect(clicks(comment.slides[1].xml, 'b1')).toEqual([['b1'], ['b2']]);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test("without the deck's default, a list is shown whole; with Marp's * list, an item a click (- stays whole)", async () => {
    const plain = await built('## Plain\n\n* one\n* two\n');
    expect(plain.slides[1].xml).not.toContain('<p:timing>');
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md':
        '---\nmarp: true\n---\n\n# Fragmented\n\n* One\n* Two\n* Three\n\n---\n\n# Bullet list\n\n- One\n- Two\n\n---\n\n# Ordered\n\n1) One\n2) Two\n',
    });
    const marp = await buildAndRead(dir);
    expect(clicks(marp.slides[0].xml, 'One')).toEqual([['One'], ['Two'], ['Three']]);
    expect(marp.slides[1].xml).not.toContain('<p:timing>');
    expect(clicks(marp.slides[2].xml, 'One')).toEqual([['One'], ['Two']]);
    expect(await validatePptx(marp.output!)).toEqual([]);
  });

  test("pandoc's block-quoted list does the opposite of the deck's default", async () => {
    const quoted = '## Quoted\n\n> - Eat spaghetti\n> - Drink wine\n';
    const byDefault = await built(quoted, { format: 'pptx' });
    expect(clicks(byDefault.slides[1].xml, 'Eat spaghetti')).toEqual([['Eat spaghetti'], ['Drink wine']]);
    const incremental = await built(quoted, { format: 'pptx', incremental: true });
    expect(incremental.slides[1].xml).not.toContain('<p:timing>');
    // In a lectern deck a quote stays a quote.
    const lectern = await built(quoted);
    expect(lectern.slides[1].xml).not.toContain('<p:timing>');
  });

  test('Quarto shortcodes are left out with a warning at their line, not a Handlebars error', async () => {
    const deck = await built('## A\n\n{{< pagebreak >}}\n\nwords\n', { format: 'pptx' });
    expect(deck.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      "7: lectern does not run Quarto's shortcode {{< pagebreak >}}, so it is left out",
    ]);
    expect(deck.slides[1].text).not.toContain('{{');
  });

  test('. . . pauses: what follows appears on the next click, paragraphs and a picture alike', async () => {
    const deck = await built(
      '## Slide with a pause\n\ncontent before the pause\n\n. . .\n\ncontent after the pause\n\n. . .\n\n![a grey square](square.png)\n',
      {},
      { 'square.png': pngBytes(40, 40) },
    );
    const xml = deck.slides[1].xml;
    const picture = pictures(xml)[0];
    expect(clicks(xml, 'content before')).toEqual([['content after the pause'], [`[shape ${picture.id}]`]]);
    // A whole picture is shown without a paragraph range.
    expect(xml).toContain(`<p:spTgt spid="${picture.id}"/>`);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('a pause after an incremental list comes after its items; the timing names the ids the file keeps, next to a table', async () => {
    const deck = await built(
      '## Mixed\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n::: incremental\n- first\n- second\n:::\n\n. . .\n\nlast words\n',
    );
    const xml = deck.slides[1].xml;
    expect(clicks(xml, 'first')).toEqual([['first'], ['second'], ['last words']]);
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of effects(xml)) expect(ids).toContain(e.spid);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('LibreOffice opens a deck with builds; its PDF shows every slide in its final state', async () => {
    need(libreOffice);
    const deck = await built('## Habits\n\n::: incremental\n- Eat spaghetti\n- Drink wine\n:::\n\n. . .\n\nGood night\n');
    const profile = `file://${tempDir('lectern-lo-')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', deck.dir, deck.output!], {
      timeout: 120_000,
    });
    const text = (await run('pdftotext', [path.join(deck.dir, 'out', '..', 'deck.pdf'), '-'])).stdout;
    for (const words of ['Eat spaghetti', 'Drink wine', 'Good night']) expect(text).toContain(words);
  });
});
