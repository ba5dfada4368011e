/**
 * An audit of what lectern writes, over every deck the project ships (content/,
 * examples/, starters/), with each shipped template and a PowerPoint template file
 * nobody here wrote: each deck is built twice through the real CLI (the second time
 * from another folder, in another time zone) and every part of the package is read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDeck } from '../src/library.js';
import type { Deck } from '../src/model/types.js';
import { appProperties, uniqueShapeIds, withoutEmptyPlaceholders } from '../src/render/repair.js';
import { nameShapes } from '../src/render/shapeNames.js';
import { loadHighlighter } from '../src/typeset/highlight.js';
import { lectern } from './support/cli.js';
import { openPptx, ROOT, tempDir, validationQueue, type Package } from './support/pptx.js';
import { need, validator } from './support/tools.js';

/** The decks the project ships, relative to the repository: each Markdown file with front matter in content/, examples/ and starters/. */
const SHIPPED_DECKS = ['content', 'examples', 'starters']
  .flatMap((folder) => readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((f) => path.join(folder, f)))
  .filter((f) => f.endsWith('.md') && readFileSync(path.join(ROOT, f), 'utf8').startsWith('---'))
  .map((f) => f.split(path.sep).join('/'))
  .sort();

/** The content-rich decks (tables, charts, data, equations, code) each other template is tried with. */
const RICH_DECKS = ['content/kazakhstan-democracy.md', 'examples/physics-pendulum.md'];

/** The shipped templates other than `default` (which the shipped decks use), and a PowerPoint file made in PowerPoint. */
const OTHER_TEMPLATES = [
  ...readdirSync(path.join(ROOT, 'templates'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'default')
    .map((e) => e.name),
  'tests/fixtures/pptx-templates/pandoc-reference.pptx',
];

/** One build of a deck: the package, and the model of the deck it was built from. */
interface Built {
  label: string;
  file: string;
  pptx: Package;
  deck: Deck;
  /** The file built again from another folder in another time zone. */
  again: string;
}

/** Builds a deck with `template` twice through the CLI: in the repository, then from another folder in another time zone. */
async function buildTwice(deck: string, template?: string): Promise<Built> {
  const first = tempDir('lectern-audit-');
  const second = tempDir('lectern-audit-');
  const flag = template ? ['-t', template.endsWith('.pptx') ? path.join(ROOT, template) : template] : [];
  const runs = await Promise.all([
    lectern(['build', deck, ...flag, '-o', first], ROOT, { TZ: 'UTC', SOURCE_DATE_EPOCH: '' }),
    lectern(['build', path.join(ROOT, deck), ...flag, '-o', second], second, { TZ: 'Pacific/Kiritimati', SOURCE_DATE_EPOCH: '' }),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const loaded = await loadDeck(deck, { cwd: ROOT, ...(template ? { template: flag[1] } : {}) });
  expect(loaded.ok).toBe(true);
  const name = `${path.basename(deck, '.md')}.pptx`;
  const file = path.join(first, name);
  return {
    label: `${deck}${template ? ` on ${template}` : ''}`,
    file,
    pptx: await openPptx(file),
    deck: loaded.deck!,
    again: path.join(second, name),
  };
}

/** The text of an XML part's `a:t` elements, decoded, one entry a paragraph. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
    [...p[1].matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)].map((t) => decodeHTML(t[1])).join(''),
  );
}

/** The text of a slide's runs that are not code (code may show Markdown as it is written). */
function proseOf(xml: string): string {
  return [...xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)]
    .filter((r) => !/typeface="(Consolas|Courier New|Menlo|Monaco|DejaVu Sans Mono)"/.test(r[1]))
    .map((r) => decodeHTML(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/.exec(r[1])?.[1] ?? ''))
    .join(' ');
}

/** The speaker notes of a notes page: the text of its body placeholder. */
function notesOf(xml: string): string {
  const body = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
  return paragraphsOf(body).join('\n');
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Working text of lectern's, or of a template engine, that must never reach a part of the package. */
const WORKING_TEXT = /LECTERN|lectern-(parts|text|math|file)|\{\{|\}\}|\bundefined\b|\bNaN\b|\[object Object\]|>null</;

/** Markdown and HTML that would show on a slide as written, where the teacher meant it to be read. */
const RAW_SYNTAX = /\*\*|\]\(|:::|\$\$|<\/?[a-z][a-z0-9]*[\s/>]|&[a-z]+;/;

/** PowerPoint's names for slide sizes, by width × height in inches. */
const POWERPOINT_SIZES: Record<string, string> = {
  '13.33 × 7.50': 'Widescreen',
  '10.00 × 5.63': 'On-screen Show (16:9)',
  '10.00 × 6.25': 'On-screen Show (16:10)',
  '10.00 × 7.50': 'On-screen Show (4:3)',
};

/** The names PowerPoint gives the kinds of shape a slide holds, followed by a number. */
const SHAPE_NAME =
  /^(Title|Subtitle|Text Placeholder|Content Placeholder|Date Placeholder|Footer Placeholder|Slide Number Placeholder|Picture Placeholder|TextBox|Picture|Chart|Table|Equation|Rectangle|Straight Connector|Oval|Group) \d+$/;

describe('what lectern writes, for every deck the project ships', () => {
  let builds: Built[];

  beforeAll(async () => {
    expect(SHIPPED_DECKS).toEqual(expect.arrayContaining(RICH_DECKS));
    builds = await Promise.all([
      ...SHIPPED_DECKS.map((deck) => buildTwice(deck)),
      ...OTHER_TEMPLATES.flatMap((template) => RICH_DECKS.map((deck) => buildTwice(deck, template))),
    ]);
  }, 60_000);

  it('is the same bytes when built again from another folder in another time zone', () => {
    for (const b of builds) expect(readFileSync(b.again).equals(readFileSync(b.file)), b.label).toBe(true);
  });

  it('has no working text in any part: no markers, unrendered Handlebars, undefined, NaN or [object Object]', async () => {
    for (const b of builds) {
      for (const name of b.pptx.names.filter((n) => /\.(xml|rels)$/.test(n))) {
        const xml = await b.pptx.xml(name);
        expect(WORKING_TEXT.exec(xml)?.[0], `${b.label}: ${name}`).toBeUndefined();
      }
    }
  });

  it('has no working text in the workbooks behind its charts', async () => {
    for (const b of builds) {
      for (const name of b.pptx.names.filter((n) => n.endsWith('.xlsx'))) {
        const workbook = await openPptx(await b.pptx.bytes(name));
        for (const part of workbook.names.filter((n) => /\.(xml|rels)$/.test(n)))
          expect(WORKING_TEXT.exec(await workbook.xml(part))?.[0], `${b.label}: ${name}: ${part}`).toBeUndefined();
      }
    }
  });

  it('dates its notes master with the deck’s date, not pptxgenjs’s', async () => {
    for (const b of builds) {
      const master = await b.pptx.xml('ppt/notesMasters/notesMaster1.xml');
      const dates = [...master.matchAll(/type="datetime\w*"[^>]*>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
      const created = /<dcterms:created [^>]*>(\d{4}-\d\d-\d\d)/.exec(await b.pptx.xml('docProps/core.xml'))![1];
      expect(dates, b.label).toEqual([created]);
    }
  });

  it('numbers each slide with its number, and shows ‹#› for it on the masters and layouts', async () => {
    for (const b of builds) {
      for (const name of b.pptx.names.filter((n) => /^ppt\/(slides|slideLayouts|slideMasters)\/\w+\.xml$/.test(n))) {
        const numbers = [...(await b.pptx.xml(name)).matchAll(/type="slidenum"[^>]*>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
        const own = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1] ?? '‹#›';
        for (const number of numbers) expect(number, `${b.label}: ${name}`).toBe(own);
      }
    }
  });

  it('shows no Markdown or HTML as written on a slide, in a description or a chart, and no speaker notes', async () => {
    for (const b of builds) {
      for (const name of b.pptx.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
        const text = [...(await b.pptx.xml(name)).matchAll(/<(?:a:t|c:v)>([^<]*)</g)].map((m) => decodeHTML(m[1])).join(' | ');
        expect(RAW_SYNTAX.exec(text)?.[0], `${b.label}: ${name}: ${text}`).toBeUndefined();
      }
      const slides = await b.pptx.slides();
      slides.forEach((xml, i) => {
        const prose = proseOf(xml);
        expect(RAW_SYNTAX.exec(prose)?.[0], `${b.label}: slide ${i + 1}: ${prose}`).toBeUndefined();
        for (const [, descr] of xml.matchAll(/\sdescr="([^"]*)"/g))
          expect(RAW_SYNTAX.exec(decodeHTML(descr))?.[0], `${b.label}: slide ${i + 1}: ${descr}`).toBeUndefined();
        for (const line of (b.deck.slides[i].notes ?? '').split('\n').filter((l) => l.trim().length > 20))
          expect(squeeze(paragraphsOf(xml).join(' ')), `${b.label}: slide ${i + 1}`).not.toContain(squeeze(line));
      });
    }
  });

  it('has notes pages that hold the slide’s notes and nothing else', async () => {
    for (const b of builds) {
      const slides = await b.pptx.slides();
      expect(slides.length, b.label).toBe(b.deck.slides.length);
      for (let i = 1; i <= slides.length; i++) {
        const part = `ppt/notesSlides/notesSlide${i}.xml`;
        const notes = b.pptx.names.includes(part) ? await b.pptx.xml(part) : '';
        expect(squeeze(notesOf(notes)), `${b.label}: notes of slide ${i}`).toBe(squeeze(b.deck.slides[i - 1].notes ?? ''));
        // The notes page: the slide's picture, the notes, and the slide number, in the deck's language.
        const kinds = [...notes.matchAll(/<p:ph type="(\w+)"/g)].map((m) => m[1]);
        if (notes) expect(kinds, `${b.label}: ${part}`).toEqual(['sldImg', 'body', 'sldNum']);
        expect(notes.match(/ lang="([^"]*)"/g) ?? [], `${b.label}: ${part}`).not.toContain(
          b.deck.meta.lang === 'en-US' ? ' lang=""' : ' lang="en-US"',
        );
      }
    }
  });

  it('keeps the notes’ lines as written: an equation inside a sentence stays in it', async () => {
    const physics = builds.find((b) => b.label === 'examples/physics-pendulum.md')!;
    const notes = notesOf(await physics.pptx.xml('ppt/notesSlides/notesSlide4.xml'));
    expect(notes).toContain('draws the equations that stand on their own line ($$...$$).');
  });

  it('names each shape as PowerPoint does, once a slide, and describes every picture, chart and table', async () => {
    for (const b of builds) {
      (await b.pptx.slides()).forEach((xml, i) => {
        const where = `${b.label}: slide ${i + 1}`;
        const shapes = [...xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"([^>]*)>/g)].slice(1);
        const byName = new Map<string, string>();
        for (const [, id, name] of shapes) {
          expect(name, where).toMatch(SHAPE_NAME);
          // A shape and its fallback (mc:AlternateContent) share their id and name; no two others do.
          expect(byName.get(name) ?? id, `${where}: ${name}`).toBe(id);
          byName.set(name, id);
          expect(Number(id), where).toBeGreaterThan(1);
        }
        // A placeholder the slide leaves empty would show its prompt ("Click to add text") while the deck is edited.
        const empty = [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g)]
          .map((m) => m[0])
          .filter((sp) => /<p:ph\b/.test(sp) && !/<p:ph [^>]*type="(title|ctrTitle)"/.test(sp) && !/<a:t>[^<]|<a14:m>/.test(sp));
        expect(
          empty.map((sp) => /name="([^"]*)"/.exec(sp)![1]),
          `${where}: empty placeholders`,
        ).toEqual([]);
        const described = [...xml.matchAll(/<p:(pic|graphicFrame)>[\s\S]*?(<p:cNvPr [^>]*>)/g)].map((m) => ({
          kind: m[1],
          descr: /\sdescr="([^"]*)"/.exec(m[2])?.[1],
        }));
        for (const { kind, descr } of described) expect(descr?.trim(), `${where}: a ${kind} without a description`).toBeTruthy();
      });
    }
  });

  it('describes an equation as it reads: a fraction beside a term in brackets', async () => {
    const physics = builds.find((b) => b.label === 'examples/physics-pendulum.md')!;
    const descriptions = [...(await physics.pptx.xml('ppt/slides/slide2.xml')).matchAll(/name="Equation \d+" descr="([^"]*)"/g)].map((m) =>
      decodeHTML(m[1]),
    );
    expect(descriptions).toContain('T = 2π√(L/g)');
    expect(descriptions.find((d) => d.startsWith('E ='))).toMatch(/^E = \(1\/2\)mv² \+ mgL\(1 − cos/);
  });

  it('records the deck in its document properties: title, author, slide count and each slide’s title', async () => {
    for (const b of builds) {
      const core = await b.pptx.xml('docProps/core.xml');
      const app = await b.pptx.xml('docProps/app.xml');
      const tag = (xml: string, name: string) => decodeHTML(new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '');
      expect(tag(core, 'dc:title'), b.label).toBe(b.deck.meta.title);
      expect(tag(core, 'dc:creator'), b.label).toBe(b.deck.meta.author ?? '');
      expect(Number(tag(app, 'Slides')), b.label).toBe(b.deck.slides.length);
      // The slide size by PowerPoint's name for it (the shipped templates are 13.333 × 7.5 inches, pandoc's file 10 × 5.625).
      const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(await b.pptx.xml('ppt/presentation.xml'))!;
      const inches = `${(Number(size[1]) / 914400).toFixed(2)} × ${(Number(size[2]) / 914400).toFixed(2)}`;
      expect(tag(app, 'PresentationFormat'), `${b.label}: ${inches}`).toBe(POWERPOINT_SIZES[inches] ?? 'Custom');
      // HeadingPairs: (Fonts Used, n), (Theme, 1), (Slide Titles, n); TitlesOfParts: those parts in that order.
      const headings = /<HeadingPairs>([\s\S]*)<\/HeadingPairs>/.exec(app)![1];
      const counts = [...headings.matchAll(/<vt:i4>(\d+)<\/vt:i4>/g)].map((m) => Number(m[1]));
      expect(
        [...headings.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]),
        b.label,
      ).toEqual(['Fonts Used', 'Theme', 'Slide Titles']);
      const parts = [.../<TitlesOfParts>([\s\S]*)<\/TitlesOfParts>/.exec(app)![1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) =>
        decodeHTML(m[1]),
      );
      expect(parts.length, b.label).toBe(counts[0] + counts[1] + counts[2]);
      const themePart = /Type="[^"]*\/theme" Target="([^"]+)"/.exec(await b.pptx.xml('ppt/_rels/presentation.xml.rels'))![1];
      const themeName = /<a:theme [^>]*name="([^"]*)"/.exec(await b.pptx.xml(`ppt/${themePart}`))![1];
      expect(parts[counts[0]], b.label).toBe(decodeHTML(themeName));
      const listed = parts.slice(counts[0] + counts[1]);
      expect(listed, b.label).toEqual(b.deck.slides.map((s) => s.title));
    }
  });

  it('passes the Open XML SDK validator', async () => {
    need(validator);
    const queue = validationQueue();
    for (const b of builds) queue.add(b.file);
    expect(await queue.invalid()).toEqual([]);
  }, 60_000);
});

describe('shape ids and names', () => {
  const shape = (id: number, name: string, inside = '') =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr/><p:nvPr>${inside}</p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>x</a:t></a:r></a:p></p:txBody></p:sp>`;
  const fallback = (choice: string, other: string) =>
    `<mc:AlternateContent><mc:Choice Requires="a14">${choice}</mc:Choice><mc:Fallback>${other}</mc:Fallback></mc:AlternateContent>`;

  it('gives a shape whose id came before the next id after the highest, even where the clash is near the end', () => {
    const xml = shape(2, 'a') + shape(3, 'b') + shape(3, 'c') + shape(25, 'd');
    expect([...uniqueShapeIds(xml).matchAll(/id="(\d+)"/g)].map((m) => m[1])).toEqual(['2', '3', '26', '25']);
  });

  it('leaves the id of a fallback shape, which is the same shape as its choice', () => {
    const xml = shape(2, 'a') + fallback(shape(3, 'b'), shape(3, 'b')) + shape(25, 'd');
    expect(uniqueShapeIds(xml)).toBe(xml);
  });

  it('names shapes by kind and id, and a fallback after its choice, whatever pptxgenjs or the deck named them', () => {
    const picture = '<p:pic><p:nvPicPr><p:cNvPr id="9" name="LECTERN-TEXT-x-1-picture" descr="E = mc²"/></p:nvPicPr></p:pic>';
    const table =
      '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="8" name="Table: A &amp; B (3 rows)" descr="Table: A &amp; B (3 rows)"/></p:nvGraphicFramePr>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl/></a:graphicData></a:graphic></p:graphicFrame>';
    const equation = shape(4, 'Text 1').replace('<a:p>', '<a:p><a14:m><m:oMathPara/></a14:m>');
    const xml =
      shape(2, 'Text 1', '<p:ph type="title"/>') +
      fallback(equation, picture) +
      table +
      shape(25, 'Slide Number Placeholder 0', '<p:ph type="sldNum"/>');
    const names = [...nameShapes(xml).matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"( descr="[^"]*")?/g)].map((m) =>
      m.slice(1).join(' ').trim(),
    );
    expect(names).toEqual([
      '2 Title 1',
      '4 Equation 3',
      '4 Equation 3  descr="E = mc²"',
      '8 Table 7  descr="Table: A &amp; B (3 rows)"',
      '25 Slide Number Placeholder 24',
    ]);
  });

  it('takes off a slide the placeholders it leaves empty, but not an empty title, a picture or a text', () => {
    const empty = (id: number, type: string) =>
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="x"/><p:cNvSpPr/><p:nvPr><p:ph type="${type}" idx="${id}"/></p:nvPr></p:nvSpPr><p:txBody><a:bodyPr/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>`;
    const picture = '<p:pic><p:nvPicPr><p:cNvPr id="7" name="p"/><p:nvPr><p:ph type="pic" idx="7"/></p:nvPr></p:nvPicPr></p:pic>';
    const kept = [empty(2, 'title'), shape(3, 'b', '<p:ph type="body" idx="3"/>'), picture, shape(8, 'c')];
    const xml = kept[0] + empty(4, 'body') + kept[1] + picture + empty(5, 'body') + kept[3];
    expect(withoutEmptyPlaceholders(xml)).toBe(kept[0] + kept[1] + picture + kept[3]);
    expect(withoutEmptyPlaceholders(kept.join(''))).toBe(kept.join(''));
  });

  it('lists the fonts, the theme and each slide’s title in docProps/app.xml, escaped', () => {
    const xml = appProperties(
      '<Properties><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Arial</vt:lpstr><vt:lpstr>Slide 1</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
      {
        title: 't',
        keywords: [],
        lang: 'en-GB',
        time: new Date(0),
        parts: {
          fonts: ['Georgia', 'Calibri', 'Calibri'],
          theme: 'chalkboard',
          slideTitles: ['Salt & "pepper" <b>', ''],
          size: { width: 10, height: 7.5 },
        },
      },
    );
    expect(xml).toContain('<PresentationFormat>On-screen Show (4:3)</PresentationFormat>');
    expect(xml).toContain(
      '<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>Georgia</vt:lpstr><vt:lpstr>Calibri</vt:lpstr><vt:lpstr>chalkboard</vt:lpstr>' +
        '<vt:lpstr>Salt &amp; &quot;pepper&quot; &lt;b&gt;</vt:lpstr><vt:lpstr>Slide 2</vt:lpstr></vt:vector></TitlesOfParts>',
    );
    expect(xml).toContain('<vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4>');
  });
});

describe('code colours', () => {
  it('are the same on a slow or busy computer: no clock cuts the colouring of a line short', async () => {
    const highlighter = await loadHighlighter();
    const code = 'import csv\n\n# totals\nwith open("votes.csv") as f:\n    rows = list(csv.DictReader(f))\n';
    const unhurried = await highlighter.highlight(code, 'python', 'github-light');
    // Each look at the clock finds a second gone, as on a computer busy with other work.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      expect(await highlighter.highlight(code, 'python', 'github-light')).toEqual(unhurried);
    } finally {
      clock.mockRestore();
    }
    expect(unhurried.lines[0].map((r) => r.text)).toEqual(['import', ' csv']);
  });
});
