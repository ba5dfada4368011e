import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../src/render/zip.js';
import { escapeXml } from '../src/render/xml.js';
import { BIN, lectern } from './support/cli.js';
import { openPptx, tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { everyKindDeck, FIXTURES, TEMPLATE_FILES } from './support/pptxTemplates.js';
import { deckText } from './support/build.js';
import { pngBytes } from './support/images.js';

const TITLES = ['Part one', 'What plants need', 'Two sides', 'A table', 'A chart'];

/** A project with the template file and a deck using it. */
function project(file: string, deck: string, extra: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { 'content/deck.md': deck, 'content/school.pptx': readFileSync(path.join(FIXTURES, `${file}.pptx`)), ...extra });
  return dir;
}

/** The `p:ph` elements of a part, as attribute maps, by shape. */
function placeholders(xml: string): Record<string, string>[] {
  return [...xml.matchAll(/<p:ph\b([^>]*?)\/?>/g)].map((m) =>
    Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('a PowerPoint file as the template', () => {
  for (const name of TEMPLATE_FILES) {
    it(`builds a deck on ${name}.pptx: valid, every layout and picture kept, only the deck's slides, each on a layout of the file with its title in the title placeholder`, async () => {
      const dir = project(name, everyKindDeck('school.pptx'));
      const run = await lectern(['build'], dir);
      // The only words on stderr may be the note that a kind has no layout of its own.
      expect(run.stderr.split('\n').filter((l) => l && !l.includes('[layout/nearest]'))).toEqual([]);
      expect(run.code).toBe(0);
      const output = path.join(dir, 'output/deck.pptx');
      expect(await validatePptx(output)).toEqual([]);

      const template = await openPptx(readFileSync(path.join(FIXTURES, `${name}.pptx`)));
      const deck = await openPptx(output);
      const layoutsOf = (names: string[]) => names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
      const templateLayouts = await Promise.all(layoutsOf(template.names).map((n) => template.xml(n)));
      const deckLayouts = await Promise.all(layoutsOf(deck.names).map((n) => deck.xml(n)));
      expect(deckLayouts.sort()).toEqual(templateLayouts.sort());
      // Every picture of the file is in the deck, byte for byte.
      const pictures = async (pkg: typeof deck) =>
        Promise.all(
          pkg.names.filter((n) => n.startsWith('ppt/media/')).map(async (n) => Buffer.from(await pkg.bytes(n)).toString('base64')),
        );
      const deckPictures = new Set(await pictures(deck));
      for (const picture of await pictures(template)) expect(deckPictures.has(picture)).toBe(true);

      const slides = await deck.slides();
      expect(slides).toHaveLength(1 + TITLES.length);
      for (const [i, slide] of slides.entries()) {
        const rels = await deck.xml(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
        const layoutPart = `ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`;
        const layout = await deck.xml(layoutPart);
        expect(templateLayouts).toContain(layout);
        // Every placeholder of the slide is one of its layout's, by type and idx: "Reset slide" keeps it.
        const own = placeholders(layout).map((p) => `${p.type ?? 'obj'}/${p.idx ?? '0'}`);
        for (const ph of placeholders(slide)) expect(own, `slide ${i + 1}`).toContain(`${ph.type ?? 'obj'}/${ph.idx ?? '0'}`);
        const title = /<p:sp>(?:(?!<\/p:sp>).)*?<p:ph type="(?:title|ctrTitle)"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(slide)?.[0] ?? '';
        const expected = i === 0 ? 'Photosynthesis &amp; the $&amp; &quot;Leaf&quot; ]]&gt;' : TITLES[i - 1];
        expect(title, `slide ${i + 1}`).toContain(`<a:t>${expected}</a:t>`);
      }
      // The list went into the layout's content placeholder, with the file's bullets where its master has them
      // (PowerPoint's do; LibreOffice's PPTX export leaves them out, and lectern writes its own).
      expect(slides[2]).toMatch(/<p:ph (type="body" )?idx="\d+"\/>|<p:ph\/>/);
      const items =
        slides[2].match(/<a:pPr[^>]*>(?:(?!<\/a:p>).)*<a:t>(Light from the sun|Water|from the roots|Carbon dioxide)<\/a:t>/gs) ?? [];
      expect(items).toHaveLength(4);
      const masterBullets = /<p:bodyStyle><a:lvl1pPr(?:(?!<\/a:lvl1pPr>).)*<a:buChar/s.test(
        await template.xml('ppt/slideMasters/slideMaster1.xml'),
      );
      for (const item of items) expect(item.includes('<a:buChar'), item).toBe(!masterBullets);
      // The footer and slide number fill the file's placeholders.
      expect(slides[2]).toMatch(/<p:ph type="ftr"[^>]*\/>(?:(?!<\/p:sp>).)*<a:t>Biology<\/a:t>/s);
      if (
        /type="sldNum"/.test(
          await deck.xml(
            `ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(await deck.xml('ppt/slides/_rels/slide3.xml.rels'))![1]}`,
          ),
        )
      )
        // (with a colour where the file's would not read on its master: see tests/pptxMasters.test.ts)
        expect(slides[2]).toMatch(/<a:fld [^>]*type="slidenum"><a:rPr[^>]*(?:\/>|>(?:(?!<\/a:fld>).)*<\/a:rPr>)<a:t>3<\/a:t>/s);
      const presentation = await deck.xml('ppt/presentation.xml');
      const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/;
      expect(size.exec(presentation)!.slice(1)).toEqual(size.exec(await template.xml('ppt/presentation.xml'))!.slice(1));
    }, 120_000);
  }

  it('finds the file from the config (relative to it) and from -t (relative to the deck, the project, or where lectern runs)', async () => {
    const dir = tempDir();
    const deck = everyKindDeck('x').replace('template: x\n', '');
    writeFiles(dir, {
      'lectern.config.yaml': 'template: brand/school.pptx\n',
      'brand/school.pptx': readFileSync(path.join(FIXTURES, 'DNA.pptx')),
      'content/deck.md': deck,
    });
    const layoutName = async () => {
      const pkg = await openPptx(path.join(dir, 'output/deck.pptx'));
      const rels = await pkg.xml('ppt/slides/_rels/slide3.xml.rels');
      return /<p:cSld name="([^"]*)"/.exec(await pkg.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`))![1];
    };
    expect((await lectern(['build'], dir)).stderr).toContain('[layout/nearest]');
    expect(await layoutName()).toBe('Title, Content');
    writeFiles(dir, { 'school.potx': readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')) });
    const run = await lectern(['build', '-t', 'school.potx'], dir);
    expect(run.stderr).toBe('');
    expect(await layoutName()).toBe('Title and Content');
    const missing = await lectern(['build', '-t', 'gone.pptx'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the PowerPoint template "gone.pptx": ');
  }, 60_000);

  it('fills the picture placeholder of "Picture with Caption" with a picture slide\'s picture, and shrinks a long footer into its placeholder', async () => {
    const footer =
      'State of Democracy in Kazakhstan · Sources: Central Election Commission of Kazakhstan, OSCE/ODIHR final report · Week 3';
    const dir = project(
      'pandoc-reference',
      deckText('## A picture\n\n![A red square](square.png)\n\nWhat the picture shows.\n', { template: 'school.pptx', footer }),
      { 'content/square.png': pngBytes(40, 30) },
    );
    const run = await lectern(['build'], dir);
    expect(run.stderr).toBe('');
    const output = path.join(dir, 'output/deck.pptx');
    expect(await validatePptx(output)).toEqual([]);
    const deck = await openPptx(output);
    const slide = (await deck.slides())[1];
    const rels = await deck.xml('ppt/slides/_rels/slide2.xml.rels');
    const layout = await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
    expect(layout).toContain('<p:cSld name="Picture with Caption">');
    expect(slide).toMatch(/<p:pic>(?:(?!<\/p:pic>).)*<p:nvPr><p:ph type="pic" idx="1"\/>/s);
    // pandoc's footer placeholder is 3.2 in wide at 9 pt: this footer takes three lines there (Calibri's widths), and fits in two smaller.
    const size = Number(/<p:ph type="ftr"[^>]*\/>(?:(?!<\/p:sp>).)*<a:rPr [^>]*sz="(\d+)"/s.exec(slide)?.[1]);
    expect(size).toBeLessThan(900);
    expect(size).toBeGreaterThanOrEqual(700);
  }, 60_000);

  it("maps lectern layouts to the file's by name: pandoc's reference.pptx", async () => {
    const dir = project('pandoc-reference', everyKindDeck('school.pptx'));
    expect((await lectern(['build'], dir)).code).toBe(0);
    const deck = await openPptx(path.join(dir, 'output/deck.pptx'));
    const names: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const rels = await deck.xml(`ppt/slides/_rels/slide${i}.xml.rels`);
      const layout = await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
      names.push(/<p:cSld name="([^"]*)"/.exec(layout)![1]);
    }
    expect(names).toEqual(['Title Slide', 'Section Header', 'Title and Content', 'Two Content', 'Title and Content', 'Title and Content']);
    // The table and the chart fill the content placeholder, as when inserted through it in PowerPoint;
    // the placeholders a slide leaves empty are not on it (the section header's text placeholder).
    const slides = await deck.slides();
    for (const slide of [slides[4], slides[5]])
      expect(slide).toMatch(/<p:graphicFrame>(?:(?!<\/p:graphicFrame>).)*<p:nvPr><p:ph idx="1"\/>/s);
    expect(slides[1]).not.toContain('<p:ph type="body"');
  }, 60_000);

  it('uses the nearest layout where the file has none for a kind, and lectern check says so', async () => {
    // LibreOffice's templates have no section header.
    const dir = project('Sunset', everyKindDeck('school.pptx'));
    const run = await lectern(['check'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'content/deck.md:10: warning: school.pptx has no layout made for "section" slides, so lectern uses its layout "Title Slide", the nearest',
    );
    expect(run.stderr).toContain('[layout/nearest]');
  }, 60_000);

  it('takes layouts: {chart: "Title Only"} from a template folder built on the file (base:), and <!-- layout: "Name" --> picks any layout', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'templates/school/template.yaml':
        'description: Our school\nbase: school.pptx\nlayouts:\n  chart: "Title Only"\ncolors:\n  chart: ["#7B2D8E", "#F2A900"]\n',
      'templates/school/school.pptx': readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')),
      'content/deck.md': `${everyKindDeck('school')}\n---\n\n<!-- layout: "Comparison" -->\n\n## Picked by name\n\n- one\n\n---\n\n<!-- layout: Blank -->\n\n## Off the slide\n\nWords.\n`,
    });
    const run = await lectern(['build'], dir);
    expect(run.stderr).toBe('');
    const deck = await openPptx(path.join(dir, 'output/deck.pptx'));
    const layoutOf = async (i: number) => {
      const rels = await deck.xml(`ppt/slides/_rels/slide${i}.xml.rels`);
      return /<p:cSld name="([^"]*)"/.exec(await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`))![1];
    };
    expect(await layoutOf(6)).toBe('Title Only');
    expect(await layoutOf(7)).toBe('Comparison');
    // On "Blank" the title is a text box (off the slide, for screen readers), not a placeholder the layout lacks.
    expect(await layoutOf(8)).toBe('Blank');
    const blank = (await deck.slides())[7];
    expect(blank).toContain('<a:t>Off the slide</a:t>');
    expect(blank).not.toMatch(/<p:ph type="title"/);
    // The folder's chart colours go over the file's theme, for what lectern draws itself.
    expect(await deck.xml('ppt/charts/chart1.xml')).toContain('<a:srgbClr val="7B2D8E"/>');
    expect(await validatePptx(path.join(dir, 'output/deck.pptx'))).toEqual([]);

    const list = await lectern(['templates'], dir);
    expect(list.stdout).toContain('Title and Content');
  }, 60_000);

  it("gives a chart the whole of a small content area, and a sentence beside it a slide of its own (Midnightblue's is 2.2 in high)", async () => {
    const dir = project(
      'Midnightblue',
      everyKindDeck('school.pptx').replace('## A chart\n', '## A chart\n\nGrowth by season, in centimetres.\n'),
    );
    const run = await lectern(['build'], dir);
    expect(run.code).toBe(0);
    const slides = await (await openPptx(path.join(dir, 'output/deck.pptx'))).slides();
    expect(slides).toHaveLength(7);
    expect(slides[5]).toContain('Growth by season, in centimetres.');
    expect(slides[6]).toContain('<a:t>A chart (continued)</a:t>');
    expect(slides[6]).toContain('<c:chart ');
  }, 60_000);

  for (const [name, ratio] of [
    ['pandoc-reference', 16 / 9],
    ['Nature_Illustration', 4 / 3],
  ] as const) {
    it(`places text, tables and charts in the placeholders' own geometry on ${name}.pptx (${ratio > 1.5 ? '16:9' : '4:3'})`, async () => {
      const dir = project(name, everyKindDeck('school.pptx'));
      expect((await lectern(['build'], dir)).code).toBe(0);
      const deck = await openPptx(path.join(dir, 'output/deck.pptx'));
      const [cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/
        .exec(await deck.xml('ppt/presentation.xml'))!
        .slice(1)
        .map(Number);
      expect(cx / cy).toBeCloseTo(ratio, 1);
      const slides = await deck.slides();
      const box = (xml: string) => /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.slice(1).map(Number);
      const rels = await deck.xml('ppt/slides/_rels/slide3.xml.rels');
      const layout = await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
      // The content placeholder: the layout's shape with no type or type body and idx 1 (pandoc), or none (LibreOffice).
      const contentShape = (xml: string) =>
        [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>).)*<\/p:sp>/gs)]
          .map((m) => m[0])
          .find((sp) => /<p:ph(?: type="body")?(?: idx="1")?\/>/.test(sp));
      const own = contentShape(layout)!;
      const area = /<a:off /.test(own) ? box(own) : box(contentShape(await deck.xml('ppt/slideMasters/slideMaster1.xml'))!);
      // The list fills that placeholder, at its place.
      expect(box(contentShape(slides[2])!)).toEqual(area);
      // The table and the chart sit inside it.
      for (const slide of [slides[4], slides[5]]) {
        const [x, y, w, h] = box(/<p:graphicFrame>(?:(?!<\/p:graphicFrame>).)*<\/p:graphicFrame>/s.exec(slide)![0]);
        expect(x).toBeGreaterThanOrEqual(area[0] - 1);
        expect(y).toBeGreaterThanOrEqual(area[1] - 1);
        expect(x + w).toBeLessThanOrEqual(area[0] + area[2] + 1);
        expect(y + h).toBeLessThanOrEqual(area[1] + area[3] + 1);
      }
    }, 60_000);
  }

  it('puts the subtitle and author in the content placeholder of a title layout without a subtitle, or in the notes with a warning', async () => {
    const built = async (layout: string) => {
      const dir = tempDir();
      writeFiles(dir, {
        'templates/school/template.yaml': `base: school.pptx\nlayouts:\n  title: "${layout}"\n`,
        'templates/school/school.pptx': readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')),
        'content/deck.md': deckText('## One\n\n- a\n', { template: 'school', subtitle: 'How plants eat light', author: 'Ms. Example' }),
      });
      const run = await lectern(['build'], dir);
      const deck = await openPptx(path.join(dir, 'output/deck.pptx'));
      return {
        run,
        slide: (await deck.slides())[0],
        notes: deck.names.includes('ppt/notesSlides/notesSlide1.xml') ? await deck.xml('ppt/notesSlides/notesSlide1.xml') : '',
      };
    };
    const content = await built('Title and Content');
    expect(content.run.stderr).toBe('');
    expect(content.slide).toMatch(
      /<p:ph idx="1"\/>(?:(?!<\/p:sp>).)*<a:t>How plants eat light<\/a:t>(?:(?!<\/p:sp>).)*<a:t>Ms\. Example<\/a:t>/s,
    );
    const blank = await built('Title Only');
    expect(blank.run.stderr).toContain(
      'content/deck.md:1: warning: the title slide\'s layout "Title Only" has no place for the subtitle and author, so they are in its speaker notes [layout/no-subtitle]',
    );
    expect(blank.notes).toContain('How plants eat light');
    expect(blank.notes).toContain('Ms. Example');
  }, 60_000);

  it('names a layout the file does not have, with a did-you-mean', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'templates/school/template.yaml': 'base: school.pptx\nlayouts:\n  chart: "Title Onyl"\n',
      'templates/school/school.pptx': readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')),
      'content/deck.md': everyKindDeck('school'),
    });
    const run = await lectern(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /templates\/school\/template\.yaml:3: error: layouts: chart: "Title Onyl" is not a layout of school\.pptx \(did you mean "Title Only"\?\)/,
    );
  }, 60_000);
});

describe('layout names with characters that mean something in XML, Markdown or a replacement string', () => {
  const NAME = 'Inhalt & <Text> "$&" ]]> {{x}} ‏עברית 内容';
  it('builds on the layout, picks it by name, and lists and shows it, the name as written', async () => {
    const entries = readZip(readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx'))).map((e) =>
      e.name === 'ppt/slideLayouts/slideLayout2.xml'
        ? {
            name: e.name,
            data: Buffer.from(
              Buffer.from(e.data)
                .toString('utf8')
                .replace('name="Title and Content"', () => `name="${escapeXml(NAME)}"`),
            ),
          }
        : e,
    );
    const dir = tempDir();
    writeFiles(dir, {
      'templates/school/template.yaml': 'base: school.pptx\n',
      'templates/school/school.pptx': writeZip(entries, new Date(Date.UTC(2024, 0, 1))),
      // A deck writes `{{` as `\{{` (its body is Handlebars first).
      'content/deck.md': deckText(`## One\n\n- a\n\n---\n\n<!-- layout: ${NAME.replace('{{', '\\{{')} -->\n\n## Two\n\n- b\n`, {
        template: 'school',
      }),
    });
    const run = await lectern(['build'], dir);
    expect(run.stderr).toBe('');
    const output = path.join(dir, 'output/deck.pptx');
    expect(await validatePptx(output)).toEqual([]);
    const deck = await openPptx(output);
    for (const n of [2, 3])
      expect(await deck.xml(`ppt/slides/_rels/slide${n}.xml.rels`)).toContain('Target="../slideLayouts/slideLayout2.xml"');
    expect(await deck.xml('ppt/slideLayouts/slideLayout2.xml')).toContain(`<p:cSld name="${escapeXml(NAME)}">`);
    expect((await lectern(['templates'], dir)).stdout).toContain(JSON.stringify(NAME));
    const show = await lectern(['templates', 'show', 'school'], dir);
    expect(show.stderr).toBe('');
    const sheet = await openPptx(path.join(dir, 'output/school-layouts.pptx'));
    expect((await sheet.slides())[2]).toContain(`<a:t>${escapeXml(NAME)}</a:t>`);
  }, 60_000);
});

describe('lectern build --watch with a PowerPoint template', () => {
  it("rebuilds a deck when its PowerPoint template file changes, on the new file's layouts", async () => {
    const dir = project('DNA', everyKindDeck('school.pptx'));
    const child = spawn(process.execPath, [BIN, 'build', '--watch'], { cwd: dir });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const waitFor = async (pattern: RegExp, count = 1) => {
      for (let waited = 0; waited < 30_000; waited += 50) {
        if ((output.match(new RegExp(pattern, 'g')) ?? []).length >= count) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${pattern} in:\n${output}`);
    };
    const contentLayout = async () => {
      const deck = await openPptx(path.join(dir, 'output/deck.pptx'));
      const rels = await deck.xml('ppt/slides/_rels/slide3.xml.rels');
      return /<p:cSld name="([^"]*)"/.exec(await deck.xml(`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]}`))![1];
    };
    try {
      await waitFor(/Watching for changes/);
      expect(await contentLayout()).toBe('Title, Content');
      writeFileSync(path.join(dir, 'content/school.pptx'), readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')));
      await waitFor(/✓ content\/deck\.md/, 2);
      expect(await contentLayout()).toBe('Title and Content');
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);
});

describe('lectern templates import, show and list', () => {
  it('import makes a template folder around the file, prints the mapping, and the folder builds decks', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'Our School 2024.pptx': readFileSync(path.join(FIXTURES, 'Sunset.pptx')),
      'content/deck.md': everyKindDeck('our-school-2024'),
    });
    const run = await lectern(['templates', 'import', 'Our School 2024.pptx'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Made template "our-school-2024" in templates/our-school-2024/ from Our School 2024.pptx');
    expect(run.stdout).toMatch(/content +"Title, Content" +\(by its name\)/);
    expect(run.stdout).toMatch(/section +"Title Slide" +\(the nearest: the file has no layout for it\)/);
    const yaml = readFileSync(path.join(dir, 'templates/our-school-2024/template.yaml'), 'utf8');
    expect(yaml).toContain('base: "Our School 2024.pptx"');
    expect(yaml).toContain('  two-column: "Title, 2 Content"');
    expect(readFileSync(path.join(dir, 'templates/our-school-2024/Our School 2024.pptx'))).toEqual(
      readFileSync(path.join(FIXTURES, 'Sunset.pptx')),
    );
    const build = await lectern(['build'], dir);
    expect(build.code).toBe(0);
    expect(await validatePptx(path.join(dir, 'output/deck.pptx'))).toEqual([]);

    const again = await lectern(['templates', 'import', 'Our School 2024.pptx'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('templates/our-school-2024 already exists');

    const list = await lectern(['templates'], dir);
    expect(list.stdout).toContain('built on Our School 2024.pptx');
    expect(list.stdout).toContain(
      'layouts: "Blank Slide", "Title Slide", "Title, Content", "Title, 2 Content", "Title Only", "Centered Text"',
    );
  }, 60_000);

  it('import refuses a file that is not a usable PowerPoint file, naming it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'school.pptx': 'not a zip', 'notes.txt': 'x' });
    const bad = await lectern(['templates', 'import', 'school.pptx'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the PowerPoint template "school.pptx" is not a PowerPoint file');
    const wrong = await lectern(['templates', 'import', 'notes.txt'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"notes.txt" is not a PowerPoint file: name a .pptx or .potx file');
  }, 60_000);

  it("show writes a deck with a slide on each of the file's layouts, its content placeholders labelled", async () => {
    const dir = tempDir();
    writeFiles(dir, { 'school.pptx': readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')) });
    const run = await lectern(['templates', 'show', 'school.pptx'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Wrote output/school-layouts.pptx: 12 slides, one on each layout of school.pptx');
    const output = path.join(dir, 'output/school-layouts.pptx');
    expect(await validatePptx(output)).toEqual([]);
    const deck = await openPptx(output);
    const slides = await deck.slides();
    // Slide 6 is on "Comparison": its four content placeholders each hold their label, in the placeholder itself.
    expect(slides[5]).toContain('<a:t>Comparison</a:t>');
    for (const idx of ['1', '2', '3', '4'])
      expect(slides[5]).toMatch(new RegExp(`<p:ph [^>]*idx="${idx}"/>(?:(?!</p:sp>).)*\\(idx ${idx}\\) placeholder</a:t>`, 's'));
  }, 60_000);
});

describe('a PowerPoint template that cannot be used is one clear error naming the file', () => {
  const pandoc = readZip(readFileSync(path.join(FIXTURES, 'pandoc-reference.pptx')));
  const zipOf = (entries: typeof pandoc) => writeZip(entries, new Date(Date.UTC(2024, 0, 1)));
  const edit = (name: string, change: (xml: string) => string) =>
    zipOf(pandoc.map((e) => (e.name === name ? { name, data: Buffer.from(change(Buffer.from(e.data).toString('utf8'))) } : e)));
  const ole = (stream: string) => {
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    Buffer.from(stream, 'utf16le').copy(bytes, 1024);
    return bytes;
  };
  const CASES: [string, Uint8Array, RegExp][] = [
    ['not a zip', Buffer.from('just some text, not a presentation'), /is not a PowerPoint file: a \.pptx or \.potx file is a zip archive/],
    ['a zip without ppt/presentation.xml', zipOf(pandoc.filter((e) => e.name !== 'ppt/presentation.xml')), /has no ppt\/presentation\.xml/],
    ['an encrypted file', ole('EncryptedPackage'), /is protected with a password/],
    ['a legacy .ppt', ole('PowerPoint Document'), /is an old PowerPoint 97-2003 file \(\.ppt\)/],
    [
      'a file with no layouts',
      edit('ppt/slideMasters/slideMaster1.xml', (xml) => xml.replace(/<p:sldLayoutIdLst>.*<\/p:sldLayoutIdLst>/s, '')),
      /has no slide layouts/,
    ],
    [
      'an external relationship',
      edit('ppt/slideLayouts/_rels/slideLayout2.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///C:/logo.png" TargetMode="External"/></Relationships>',
        ),
      ),
      /links to a file outside it \(file:\/\/\/C:\/logo\.png, from ppt\/slideLayouts\/slideLayout2\.xml\)/,
    ],
    [
      'a broken relationship',
      edit('ppt/slideLayouts/_rels/slideLayout2.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/gone.png"/></Relationships>',
        ),
      ),
      /is damaged: ppt\/slideLayouts\/slideLayout2\.xml refers to ppt\/media\/gone\.png, which is not in the file/,
    ],
  ];
  for (const [what, bytes, message] of CASES) {
    it(`${what}`, async () => {
      const dir = tempDir();
      writeFiles(dir, { 'content/deck.md': everyKindDeck('school.pptx'), 'content/school.pptx': bytes });
      const run = await lectern(['build'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('content/deck.md:7: error: the PowerPoint template "school.pptx" ');
      expect(run.stderr).toMatch(message);
      expect(
        run.stderr
          .trim()
          .split('\n')
          .filter((l) => l.includes('error:')),
      ).toHaveLength(1);
    }, 60_000);
  }
});
