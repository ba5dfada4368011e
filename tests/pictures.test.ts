import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { TemplateLibrary } from '../src/pipeline.js';
import { SLIDE } from '../src/templates/types.js';
import { deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { buildAndRead, pictures, textShapes, type BuiltDeck } from './support/slideParts.js';
import { libreOffice, need } from './support/tools.js';

const run = promisify(execFile);

const template = new TemplateLibrary([SHIPPED_TEMPLATES]).load('default', {}, { file: 'default' });
/** The content area of the default template's layouts, which sizes in % are fractions of. */
const area = (layout: string, region = 'body') => template.layouts.get(layout)!.regions.get(region)!;

/** A 4:3 and a square picture, for every deck here. */
const PICTURES = { 'photo.png': pngBytes(400, 300), 'square.png': pngBytes(40, 40) };

async function built(body: string, frontMatter: Record<string, unknown> = {}): Promise<BuiltDeck> {
  const dir = tempDir();
  writeFiles(dir, { 'deck.md': deckText(body, frontMatter), ...PICTURES });
  return buildAndRead(dir);
}

const near = (actual: number, expected: number, tolerance = 0.02) => Math.abs(actual - expected) <= tolerance * Math.abs(expected);

describe("picture sizes, in pandoc's and Marp's syntax, in lectern's own decks", () => {
  test("{width=50%} and {width=25%} are that fraction of the content area, within 2%, at the picture's aspect ratio", async () => {
    const deck = await built('## Half\n\n![a photo](photo.png){width=50%}\n\n---\n\n## Quarter\n\n![a photo](photo.png){width=25%}\n');
    for (const [slide, fraction] of [
      [1, 0.5],
      [2, 0.25],
    ] as const) {
      const [pic] = pictures(deck.slides[slide].xml);
      expect(near(pic.w / area('image').w, fraction), `${pic.w} of ${area('image').w}`).toBe(true);
      expect(near(pic.h / pic.w, 0.75, 0.01)).toBe(true);
      // Centred in the area.
      expect(near(pic.x + pic.w / 2, area('image').x + area('image').w / 2, 0.01)).toBe(true);
    }
    expect(deck.diagnostics).toEqual([]);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test("{height=3in} and {width=300px} are lengths; Marp's w:200 h:100 and width:200px are pixels (96 to the inch)", async () => {
    const deck = await built(
      [
        '## Inches\n\n![a photo](photo.png){height=3in}',
        '## Pixels\n\n![a photo](photo.png){width=300px}',
        '## Marp keywords\n\n![w:200 h:100](photo.png)',
        '## Marp width\n\n![a photo width:200px](photo.png)',
      ].join('\n\n---\n\n'),
    );
    const [inches, pixels, both, width] = deck.slides.slice(1).map((s) => pictures(s.xml)[0]);
    expect(near(inches.h, 3)).toBe(true);
    expect(near(inches.w, 4)).toBe(true);
    expect(near(pixels.w, 300 / 96)).toBe(true);
    expect(near(both.w, 200 / 96) && near(both.h, 100 / 96)).toBe(true);
    expect(near(width.w, 200 / 96)).toBe(true);
    // Marp's keywords are not the picture's description; the words besides them are.
    expect(deck.slides[4].xml).toMatch(/descr="a photo"/);
    expect(
      textShapes(deck.slides[3].xml)
        .map((s) => s.text)
        .join(' '),
    ).not.toMatch(/w:200|h:100/);
  });

  test('in a column, a % width is of the column', async () => {
    const deck = await built(
      '## Dinner\n\n::: columns\n::: column\n- Eat spaghetti\n:::\n::: column\n![a photo](photo.png){width=50%}\n:::\n:::\n',
    );
    const [pic] = pictures(deck.slides[1].xml);
    expect(near(pic.w / area('two-column', 'right').w, 0.5)).toBe(true);
  });

  test('Marp filters lectern does not draw are a warning at their line; the picture is shown', async () => {
    const deck = await built('## Old photo\n\n![an old photo sepia](photo.png)\n');
    expect(pictures(deck.slides[1].xml).length).toBe(1);
    expect(deck.diagnostics.map((d) => `${d.line}: ${d.rule}: ${d.message}`)).toEqual([
      '6: image/options: lectern does not draw the picture options sepia of "photo.png"; the picture is shown without them',
    ]);
  });
});

describe('background pictures', () => {
  test('![bg] covers the whole slide, cropped to it, behind the title and the text', async () => {
    const deck = await built('## Full bleed\n\n![bg](square.png)\n\nSome words over the picture.\n');
    const xml = deck.slides[1].xml;
    const [pic] = pictures(xml);
    expect([pic.x, pic.y]).toEqual([0, 0]);
    expect(near(pic.w, SLIDE.width, 0.001) && near(pic.h, SLIDE.height, 0.001)).toBe(true);
    // A square picture on a 16:9 slide loses its top and bottom.
    expect(pic.crop).toMatch(/t="\d{4,}" b="\d{4,}"/);
    expect(xml.indexOf('<p:pic>')).toBeLessThan(xml.indexOf('type="title"'));
    expect(textShapes(xml).some((s) => s.text === 'Some words over the picture.')).toBe(true);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('![bg contain] and ![bg fit] fit inside the slide, centred', async () => {
    const deck = await built('## Contain\n\n![bg contain](square.png)\n\n---\n\n## Fit\n\n![bg fit](photo.png)\n');
    const [square] = pictures(deck.slides[1].xml);
    expect(near(square.h, SLIDE.height, 0.001) && near(square.w, SLIDE.height, 0.001)).toBe(true);
    expect(near(square.x, (SLIDE.width - SLIDE.height) / 2, 0.001)).toBe(true);
    const [photo] = pictures(deck.slides[2].xml);
    expect(near(photo.h, SLIDE.height, 0.001) && near(photo.w, SLIDE.height / 0.75, 0.001)).toBe(true);
    expect(photo.crop).toBeUndefined();
  });

  test('![bg left:40%] takes the left 40% of the slide, and the title and text move into the rest', async () => {
    const deck = await built(
      '## Split backgrounds\n\n![bg left:40%](photo.png)\n\nThe space of a slide content will shrink to the right side.\n',
    );
    const xml = deck.slides[1].xml;
    const [pic] = pictures(xml);
    expect([pic.x, pic.y]).toEqual([0, 0]);
    expect(near(pic.w, 0.4 * SLIDE.width, 0.001) && near(pic.h, SLIDE.height, 0.001)).toBe(true);
    for (const shape of textShapes(xml).filter((s) => s.text.trim() !== '' && !/^\d+$/.test(s.text))) {
      expect(shape.x, shape.text).toBeGreaterThanOrEqual(0.4 * SLIDE.width);
      expect(shape.x + shape.w, shape.text).toBeLessThanOrEqual(SLIDE.width + 1e-6);
    }
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('![bg right] takes the right half; several bg pictures share their area side by side, or one above the other with vertical', async () => {
    const deck = await built(
      '## Right\n\n![bg right](photo.png)\n![bg](square.png)\n\nOn the left.\n\n---\n\n## Three\n\n![bg](photo.png)\n![bg](square.png)\n![bg](photo.png)\n\n---\n\n## Vertical\n\n![bg vertical](photo.png)\n![bg](square.png)\n',
    );
    const right = pictures(deck.slides[1].xml);
    expect(right.map((p) => Math.round(p.x * 1000) / 1000)).toEqual([
      Math.round((SLIDE.width / 2) * 1000) / 1000,
      Math.round(((SLIDE.width * 3) / 4) * 1000) / 1000,
    ]);
    expect(right.every((p) => near(p.w, SLIDE.width / 4, 0.001) && near(p.h, SLIDE.height, 0.001))).toBe(true);
    const words = textShapes(deck.slides[1].xml).find((s) => s.text === 'On the left.')!;
    expect(words.x + words.w).toBeLessThanOrEqual(SLIDE.width / 2 + 1e-6);
    const three = pictures(deck.slides[2].xml);
    expect(three.map((p) => Math.round(p.x * 100) / 100)).toEqual([0, 4.44, 8.89]);
    expect(three.every((p) => near(p.w, SLIDE.width / 3, 0.001))).toBe(true);
    const vertical = pictures(deck.slides[3].xml);
    expect(vertical.map((p) => [p.x, Math.round(p.y * 100) / 100])).toEqual([
      [0, 0],
      [0, SLIDE.height / 2],
    ]);
    expect(await validatePptx(deck.output!)).toEqual([]);
  });

  test('Quarto\'s ## Title {background-image="x.png"} is a full-bleed background; the heading keeps only its text', async () => {
    const deck = await built('## Going to sleep {background-image="photo.png"}\n\n- Get in bed\n');
    const xml = deck.slides[1].xml;
    const [pic] = pictures(xml);
    expect(near(pic.w, SLIDE.width, 0.001) && near(pic.h, SLIDE.height, 0.001)).toBe(true);
    expect(deck.slides[1].text).toContain('Going to sleep');
    expect(deck.slides[1].text).not.toContain('{');
  });

  test('LibreOffice draws sized, split and full-bleed pictures, one page a slide', async () => {
    need(libreOffice);
    const deck = await built(
      '## Half\n\n![a photo](photo.png){width=50%}\n\n---\n\n## Split\n\n![bg left:40%](photo.png)\n\nWords.\n\n---\n\n## Full\n\n![bg](square.png)\n',
    );
    const profile = `file://${tempDir('lectern-lo-')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', deck.dir, deck.output!], {
      timeout: 120_000,
    });
    const pdf = path.join(deck.dir, 'deck.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1])).toBe(deck.slides.length);
    expect((await run('pdftotext', [pdf, '-'])).stdout).toContain('Words.');
  });
});
