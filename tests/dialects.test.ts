import { execFile } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { FIXTURES } from './support/fixtures.js';
import { lectern } from './support/cli.js';
import { deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { buildAndRead, buildDialectFixture, textShapes, type BuiltDeck } from './support/slideParts.js';
import { libreOffice, need } from './support/tools.js';

const run = promisify(execFile);

/**
 * The decks of tests/fixtures/dialects, written as pandoc's MANUAL ("Slide shows"),
 * Quarto's PowerPoint page and Marp's directives and image-syntax pages write them,
 * and the number of slides pandoc 2.17.1.1 makes of each (`pandoc <deck> -o x.pptx`,
 * counted once here: pandoc is not installed in CI). Where pandoc is on the PATH the
 * test asks it again.
 */
const PANDOC_DECKS = [
  { fixture: 'pandoc-habits', deck: 'habits.md', pandocSlides: 8 },
  { fixture: 'pandoc-features', deck: 'deck.md', pandocSlides: 11 },
  { fixture: 'quarto', deck: 'deck.md', pandocSlides: 10 },
];

/** Syntax of pandoc, Quarto or Marp that must never reach a slide or its notes as text. */
const RAW_SYNTAX = [
  /:::/,
  /\{[.#][\w-]+/,
  /\{(width|height)=/,
  /\. \. \./,
  /<!--|-->/,
  /<\/?div/i,
  /\b_?(class|paginate|backgroundColor|backgroundImage|header|footer|color|theme|marp):/,
  /!\[/,
  /\bbg\b/,
  /\b(w|h|width|height):\d/,
  /^%/m,
  /background-image=/,
  /reference-doc/,
];

function rawSyntaxIn(deck: BuiltDeck): string[] {
  return deck.slides.flatMap((slide, i) =>
    [
      ['slide', slide.text],
      ['notes', slide.notes],
    ].flatMap(([where, text]) =>
      RAW_SYNTAX.filter((pattern) => pattern.test(text)).map((p) => `slide ${i + 1} ${where}: ${p} in "${text}"`),
    ),
  );
}

/** The text of a slide's title placeholder. */
function titleOf(slideXml: string): string {
  return (
    textShapes(slideXml).find((s) =>
      /type="title"/.test(slideXml.slice(slideXml.indexOf(`id="${s.id}"`), slideXml.indexOf(`id="${s.id}"`) + 400)),
    )?.text ?? ''
  );
}

const slideOf = (deck: BuiltDeck, title: string) => {
  const slide = deck.slides.find((s) => titleOf(s.xml) === title);
  if (!slide) throw new Error(`no slide titled "${title}" (titles: ${deck.slides.map((s) => titleOf(s.xml)).join(' | ')})`);
  return slide;
};

const pandocOnPath = (() => {
  try {
    return readdirSync('/usr/bin').includes('pandoc');
  } catch {
    return false;
  }
})();

describe('pandoc and Quarto decks build as they are', () => {
  for (const { fixture, deck, pandocSlides } of PANDOC_DECKS) {
    test(`${fixture}: as many slides as pandoc makes (${pandocSlides}), no raw syntax on a slide or in its notes, valid`, async () => {
      const built = await buildDialectFixture(fixture, deck);
      expect(built.slides.length).toBe(pandocSlides);
      if (pandocOnPath) {
        const out = path.join(built.dir, 'pandoc.pptx');
        await run('pandoc', [deck, '-o', out], { cwd: built.dir });
        const { stdout } = await run('unzip', ['-l', out]);
        expect(stdout.match(/ppt\/slides\/slide\d+\.xml/g)!.length).toBe(built.slides.length);
      }
      expect(rawSyntaxIn(built)).toEqual([]);
      expect(await validatePptx(built.output!)).toEqual([]);
    });
  }

  test("pandoc's % title block makes the title slide, with the author and the date", async () => {
    const built = await buildDialectFixture('pandoc-habits', 'habits.md');
    expect(titleOf(built.slides[0].xml)).toBe('Habits');
    expect(built.slides[0].text).toContain('John Doe');
    expect(built.slides[0].text).toContain('March 22, 2005');
  });

  test("pandoc's notes field in the metadata is the title slide's speaker notes", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md':
        '---\ntitle: My Presentation\nauthor: Jane Doe\nnotes: |\n  Welcome everyone to this presentation.\n  Remember to introduce yourself and mention the key topics.\nformat: pptx\n---\n\n## First\n\nwords\n',
    });
    const built = await buildAndRead(dir);
    expect(built.slides[0].notes).toContain('Welcome everyone to this presentation.');
    expect(built.slides[0].text).not.toContain('Welcome');
  });

  test("headings above pandoc's slide level are section slides; a rule starts a slide", async () => {
    const built = await buildDialectFixture('pandoc-habits', 'habits.md');
    const titles = built.slides.map((s) => titleOf(s.xml));
    expect(titles).toEqual([
      'Habits',
      'In the morning',
      'Getting up',
      'Breakfast',
      'In the evening',
      'Dinner',
      'Dinner (continued)',
      'Going to sleep',
    ]);
    // The section slides carry only their heading.
    expect(built.slides[1].text).toBe('In the morning 2');
  });

  test('slide-level in the front matter cuts at that level, as pandoc --slide-level does', async () => {
    const dir = tempDir();
    const body = '\n# In the morning\n\nsome intro text\n\n## Getting up\n\n- Turn off alarm\n\n# Evening\n\n## Dinner\n\n- a\n';
    writeFiles(dir, { 'one.md': deckText(body), 'two.md': deckText(body, { 'slide-level': 2 }) });
    // Without it, level 1 is the slide level: its headings are followed by text (pandoc: 3 slides with the title).
    expect((await buildAndRead(dir, 'one.md')).slides.map((s) => titleOf(s.xml))).toEqual(['Test deck', 'In the morning', 'Evening']);
    // With 2, level-1 headings are sections, and the text under one goes on a slide of its own (pandoc: 6).
    expect((await buildAndRead(dir, 'two.md')).slides.length).toBe(6);
  });

  test('::: notes, ::: {.notes} and <div class="notes"> go to the speaker notes of their slide, never on it', async () => {
    const features = await buildDialectFixture('pandoc-features');
    const gettingUp = slideOf(features, 'Getting up');
    expect(gettingUp.notes).toContain('This is my note.');
    expect(gettingUp.notes).toContain('like this list');
    expect(gettingUp.text).not.toContain('note');
    const sleep = slideOf(features, 'Going to sleep');
    expect(sleep.notes).toContain('Remind them that sleep is a habit too.');
    expect(sleep.text).not.toContain('Remind');
    const quarto = await buildDialectFixture('quarto');
    const noted = slideOf(quarto, 'Slide with speaker notes');
    expect(noted.notes).toContain('Speaker notes go here.');
    expect(noted.text).not.toContain('Speaker notes go here');
    // No other slide has notes.
    expect(quarto.slides.filter((s) => s.notes.trim() !== '').length).toBe(1);
  });

  test('::: {.column width="40%"} columns take 40% and 60% of the width the two columns share', async () => {
    const quarto = await buildDialectFixture('quarto');
    const [left, right] = textShapes(slideOf(quarto, 'Dinner').xml).filter((s) => /spaghetti|Spaghetti/.test(s.text));
    expect(left.text).toContain('Eat spaghetti');
    expect(Math.abs(left.w / (left.w + right.w) - 0.4)).toBeLessThan(0.02);
    expect(right.x).toBeGreaterThan(left.x + left.w);
  });

  test("Quarto's {.smaller} starts the slide's text smaller; {.r-fit-text} larger", async () => {
    const quarto = await buildDialectFixture('quarto');
    const size = (xml: string, text: string) =>
      Number(new RegExp(`<a:r><a:rPr [^>]*sz="(\\d+)"[^>]*>(?:(?!</a:r>).)*${text}`).exec(xml)![1]);
    expect(size(slideOf(quarto, 'Dinner').xml, 'Eat spaghetti')).toBeLessThan(2400);
    expect(size(slideOf(quarto, 'Big text').xml, 'Sleep well')).toBeGreaterThan(2400);
    expect(size(slideOf(quarto, 'Getting up').xml, 'Turn off alarm')).toBe(2400);
  });

  test("Quarto's reference-doc is passed on as the template; a missing one is a warning at its line that lectern check lists", async () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'dialects', 'quarto'), dir, { recursive: true });
    const checked = await lectern(['check', 'deck.md'], dir);
    expect(checked.code).toBe(0);
    expect(checked.stdout + checked.stderr).toMatch(/deck\.md:7: warning: the reference-doc "school-template\.pptx" is not there/);
  });

  test("Quarto's reference-doc that is there is the template: the deck is built on that PowerPoint file's layouts", async () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'dialects', 'quarto'), dir, { recursive: true });
    cpSync(path.join(FIXTURES, 'pptx-templates', 'pandoc-reference.pptx'), path.join(dir, 'school-template.pptx'));
    const run = await lectern(['build', 'deck.md', '-o', 'out'], dir);
    expect(run.stderr).not.toMatch(/reference-doc/);
    const deck = await openPptx(path.join(dir, 'out', 'deck.pptx'));
    const rels = await deck.xml('ppt/slides/_rels/slide2.xml.rels');
    const layout = await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
    // pandoc's reference.pptx names its layouts as PowerPoint does; lectern's own are named "content", "section"...
    expect(layout).toMatch(/<p:cSld name="(Title and Content|Section Header|Two Content|Title Only)"/);
    expect(await validatePptx(path.join(dir, 'out', 'deck.pptx'))).toEqual([]);
  });
});

describe('Marp decks build as they are', () => {
  test('no duplicate title slide: the first slide is the deck as written, a lead slide in the title layout', async () => {
    const marp = await buildDialectFixture('marp');
    expect(marp.slides.length).toBe(8);
    expect(marp.slides.filter((s) => titleOf(s.xml) === 'Habits').length).toBe(1);
    expect(titleOf(marp.slides[0].xml)).toBe('Habits');
    expect(marp.slides[0].text).toContain('A Marp deck, built by lectern as it is');
    expect(rawSyntaxIn(marp)).toEqual([]);
    expect(await validatePptx(marp.output!)).toEqual([]);
  });

  test('directives are not notes; an HTML comment that is not one is', async () => {
    const marp = await buildDialectFixture('marp');
    expect(marp.slides[1].notes).toContain('Presenter note: wish them good morning first.');
    expect(marp.slides.filter((s) => s.notes.trim() !== '').length).toBe(1);
  });

  test('paginate, _paginate, header and footer (and a footer emptied from a slide on)', async () => {
    const marp = await buildDialectFixture('marp');
    const numbered = marp.slides.map((s) => /type="sldNum"/.test(s.xml));
    expect(numbered).toEqual([false, true, true, true, true, true, true, true]);
    for (const slide of marp.slides) {
      const header = textShapes(slide.xml).find((s) => s.text === 'Habits' && s.y < 0.5);
      expect(header, 'the header line at the top of every slide').toBeDefined();
    }
    expect(marp.slides.map((s) => s.text.includes('John Doe · March 22, 2005'))).toEqual([true, true, true, true, true, true, true, false]);
  });

  test('_backgroundColor and _color colour their own slide only', async () => {
    const marp = await buildDialectFixture('marp');
    const night = slideOf(marp, 'Breakfast at night');
    expect(night.xml).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="000000"\/>/);
    expect(night.xml).toMatch(/<a:srgbClr val="FFFFFF"\/><\/a:solidFill>(?:(?!<a:t>).)*<a:t>Eat eggs/);
    expect(slideOf(marp, 'Getting up').xml).not.toContain('<p:bg>');
  });

  test("a theme lectern has no template for, size 4:3 and Marp's style are warnings at their lines", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md': '---\nmarp: true\ntheme: gaia\nsize: 4:3\n---\n\n# Hello\n\nworld\n',
    });
    const checked = await lectern(['check', 'deck.md'], dir);
    const out = checked.stdout + checked.stderr;
    expect(out).toMatch(/deck\.md:3: warning: lectern has no template named "gaia"/);
    expect(out).toMatch(/deck\.md:4: warning: lectern's slides are 16:9, so "size: 4:3" is not used/);
    // The title comes from the first heading, and there is no title slide besides.
    const built = await buildAndRead(dir);
    expect(built.slides.length).toBe(1);
    expect(titleOf(built.slides[0].xml)).toBe('Hello');
  });

  test('an unknown directive value and a class lectern does not draw are warnings, and nothing is printed', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md':
        '---\nmarp: true\n---\n\n<!-- _class: invert -->\n<!-- _backgroundColor: linear-gradient(red, blue) -->\n\n# Hello\n\nworld\n',
    });
    const built = await buildAndRead(dir);
    expect(built.diagnostics.map((d) => `${d.line}: ${d.rule}`)).toEqual(['5: dialect/marp-directive', '6: dialect/marp-color']);
    expect(rawSyntaxIn(built)).toEqual([]);
  });
});

describe('what lectern does not draw is a warning at its line, and keeps its text', () => {
  test('heading attributes lectern does not use, and a div it does not know', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md': deckText('\n## Steps {.fragment data-x="1"}\n\n::: {.callout-note}\nA note for the class.\n:::\n', { format: 'pptx' }),
    });
    const built = await buildAndRead(dir);
    expect(built.diagnostics.map((d) => `${d.line}: ${d.rule}`)).toEqual([
      '6: markdown/attributes',
      '6: markdown/attributes',
      '8: markdown/unknown-container',
    ]);
    expect(built.slides[1].text).toContain('A note for the class.');
    expect(rawSyntaxIn(built)).toEqual([]);
  });
});

describe('more of Marp', () => {
  test('headingDivider cuts at headings; backgroundImage: url(...) covers the slide; <!-- pause --> is a pause', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deck.md':
        "---\nmarp: true\nheadingDivider: 2\n---\n\n# First\n\nwords\n\n## Second\n\n<!-- _backgroundImage: url('back.png') -->\n\nbefore\n\n<!-- pause -->\n\nafter\n",
      'back.png': pngBytes(64, 36),
    });
    const built = await buildAndRead(dir);
    expect(built.slides.map((s) => titleOf(s.xml))).toEqual(['First', 'Second']);
    expect(built.slides[1].xml).toMatch(/<p:pic>/);
    expect(built.slides[1].xml).toContain('<p:timing>');
    expect(built.diagnostics).toEqual([]);
    expect(rawSyntaxIn(built)).toEqual([]);
  });
});

describe('nasty text in directives and attributes', () => {
  test('$&, ]]>, <, CJK and RTL in a header, a footer and a picture description reach the slide as text, validly', async () => {
    const dir = tempDir();
    const nasty = '$& ]]> a < b 漢字 עברית';
    // A description cannot hold an unmatched ] (it would end the picture's brackets, in any Markdown).
    const alt = '$& a < b 漢字 עברית';
    writeFiles(dir, {
      'deck.md': `\ufeff---\r\nmarp: true\r\nheader: "${nasty}"\r\n---\r\n\r\n<!-- _footer: "${nasty}" -->\r\n\r\n# ${nasty} {.smaller}\r\n\r\n![${alt} w:100](p.png)\r\n`,
      'p.png': pngBytes(20, 10),
    });
    const built = await buildAndRead(dir);
    const slide = built.slides[0];
    // The header, the footer and the title (its {.smaller} taken out).
    expect(textShapes(slide.xml).filter((s) => s.text === nasty).length).toBe(3);
    expect(slide.xml).toContain('descr="$&amp; a &lt; b 漢字 עברית"');
    expect(titleOf(slide.xml)).toBe(nasty);
    expect(await validatePptx(built.output!)).toEqual([]);
  });
});

describe('LibreOffice renders the decks of other tools', () => {
  test('one page a slide for each, with the text that appears on a click shown (the final state)', async () => {
    need(libreOffice);
    const out = tempDir();
    const decks = [...PANDOC_DECKS, { fixture: 'marp', deck: 'deck.md', pandocSlides: 0 }];
    const built = await Promise.all(decks.map((d) => buildDialectFixture(d.fixture, d.deck)));
    const files = built.map((b, i) => {
      const file = path.join(out, `${decks[i].fixture}.pptx`);
      cpSync(b.output!, file);
      return file;
    });
    const profile = `file://${tempDir('lectern-lo-')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], {
      timeout: 240_000,
    });
    for (const [i, file] of files.entries()) {
      const pdf = file.replace(/\.pptx$/, '.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1]);
      expect(pages, decks[i].fixture).toBe(built[i].slides.length);
    }
    const features = (await run('pdftotext', [path.join(out, 'pandoc-features.pdf'), '-'])).stdout;
    for (const words of ['content after the pause', 'Get out of bed']) expect(features).toContain(words);
    expect(features).not.toContain('. . .');
  });
});
