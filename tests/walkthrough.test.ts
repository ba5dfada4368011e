/**
 * The everyday slips of a teacher following the README for the first time: a
 * front-matter key misspelt, a picture whose file name has spaces, a picture or
 * data file named a letter wrong. Each is a message at its line that says what
 * was meant, or just works; nothing the teacher wrote does nothing in silence.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInTemp, deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { pngBytes } from './support/images.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';
import { FIXTURES } from './support/pptxTemplates.js';
import { textShapes } from './support/slideParts.js';

const CSV = 'mode,students\nWalk,11\nBus,8\n';

/** The warnings and errors of a build, as `line: [rule] message`. */
const said = (result: { diagnostics: { line?: number; rule: string; message: string }[] }) =>
  result.diagnostics.map((d) => `${d.line}: [${d.rule}] ${d.message}`);

describe('a misspelt front-matter key', () => {
  it('is a warning at its line naming the key meant, for tempalte, autor, slideNumber, language and theme', async () => {
    const deck = [
      '---',
      'title: How we get to school',
      'autor: Ms. Example',
      'tempalte: chalkboard',
      'slideNumber: false',
      'language: de',
      'theme: chalkboard',
      '---',
      '## One',
      '',
      'Text',
    ].join('\n');
    const result = await buildInTemp(deck);
    expect(result.ok).toBe(true);
    expect(said(result)).toEqual([
      `3: [front-matter/unknown-key] lectern does not read the front matter key "autor" (did you mean "author"?), so it does nothing; a key of your own is only shown where the deck writes {{autor}}`,
      `4: [front-matter/unknown-key] lectern does not read the front matter key "tempalte" (did you mean "template"?), so it does nothing; a key of your own is only shown where the deck writes {{tempalte}}`,
      `5: [front-matter/unknown-key] lectern does not read the front matter key "slideNumber" (did you mean "slideNumbers"?), so it does nothing; a key of your own is only shown where the deck writes {{slideNumber}}`,
      `6: [front-matter/unknown-key] lectern does not read the front matter key "language" (did you mean "lang"?), so it does nothing; a key of your own is only shown where the deck writes {{language}}`,
      `7: [front-matter/unknown-key] lectern does not read the front matter key "theme" (did you mean "template"?), so it does nothing; a key of your own is only shown where the deck writes {{theme}}`,
    ]);
  });

  it('is not reported when the deck uses it as {{key}}, or when it is far from every key of lectern', async () => {
    const deck = deckText('## Week {{week}}\n\nOn {{upper dates}}, {{#if room}}in {{room}}{{/if}}, with {{autor.name}}', {
      week: 3,
      dates: 'Mondays',
      room: 'B12',
      autor: { name: 'Ms. Example' },
      classSize: 28,
    });
    const result = await buildInTemp(deck);
    expect(result.ok).toBe(true);
    expect(said(result)).toEqual([]);
  });

  it('is not reported in a Marp or pandoc deck, whose front matter is that tool’s', async () => {
    const marp = await buildInTemp('---\nmarp: true\ntheme: default\npaginate: true\n---\n# One\n');
    expect(said(marp).filter((d) => d.includes('front-matter/unknown-key'))).toEqual([]);
    const pandoc = await buildInTemp('---\ntitle: T\nformat: pptx\ninstitute: Springfield\n---\n# One\n');
    expect(said(pandoc).filter((d) => d.includes('front-matter/unknown-key'))).toEqual([]);
  });

  it('fails --strict, like any warning', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'content/a.md': '---\ntitle: A\ntempalte: chalkboard\n---\n## One\n' });
    const run = await lectern(['build', '--strict'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/a.md:3: error: lectern does not read the front matter key "tempalte" (did you mean "template"?)');
  });

  it('for the title, is the error that the title is missing, at the misspelt line, saying what to write', async () => {
    for (const key of ['titel', 'Title', 'tittle']) {
      const result = await buildInTemp(`---\n# a comment\n${key}: How we get to school\nauthor: Ms. Example\n---\n## One\n`);
      expect(said(result)).toEqual([`3: [front-matter/title] the front matter needs a "title"; write "title:", not "${key}:"`]);
    }
    const none = await buildInTemp('---\nauthor: Ms. Example\n---\n## One\n');
    expect(said(none)).toEqual(['2: [front-matter/title] the front matter needs a "title", a line such as "title: Fractions"']);
  });
});

describe('a picture whose file name has spaces', () => {
  it('is the picture, not the Markdown as text, also with a size and in Marp’s background form', async () => {
    const result = await buildInTemp({
      'deck.md': deckText(
        [
          '## A photo',
          '',
          '![Our class on the trip](images/class photo 2024.png)',
          '',
          '---',
          '',
          '## Sized',
          '',
          '![Our class](images/class photo 2024.png){width=40%}',
          '',
          '---',
          '',
          '## Two',
          '',
          '![left](images/class photo 2024.png) ![right](<images/class photo 2024.png>)',
          '',
          '---',
          '',
          '## Code keeps it',
          '',
          '`![not a picture](images/class photo 2024.png)`',
        ].join('\n'),
      ),
      'images/class photo 2024.png': pngBytes(400, 300),
    });
    expect(said(result)).toEqual([]);
    const pptx = await openPptx(result.output!);
    const slides = await pptx.slides();
    // Slide 1 is the title slide.
    const pictures = (xml: string) => [...xml.matchAll(/<p:pic>[\s\S]*?descr="([^"]*)"/g)].map((m) => m[1]);
    expect(pictures(slides[1])).toEqual(['Our class on the trip']);
    expect(textOf(slides[1])).not.toContain('![');
    expect(pictures(slides[2])).toEqual(['Our class']);
    // 40% of the content area's width (the default template's is 11,091,672 EMU).
    const width = (xml: string) => Number(/<p:pic>[\s\S]*?<a:ext cx="(\d+)"/.exec(xml)![1]);
    expect(width(slides[2]) / 11091672).toBeCloseTo(0.4, 2);
    expect(pictures(slides[3])).toEqual(['left', 'right']);
    expect(pictures(slides[4])).toEqual([]);
    expect(textOf(slides[4])).toContain('![not a picture](images/class photo 2024.png)');
  });

  it('that is missing is an error naming it as written, and the file it probably is', async () => {
    const result = await buildInTemp({
      'deck.md': deckText('## A photo\n\n![Our class](images/class foto 2024.png)\n'),
      'images/class photo 2024.png': pngBytes(40, 30),
    });
    expect(said(result)).toEqual([
      '6: [image/missing] cannot read the picture "images/class foto 2024.png": no such file; did you mean "class photo 2024.png", in the same folder?',
    ]);
  });
});

describe('a file named a letter wrong', () => {
  it('a picture: the error names the file in its folder that was meant', async () => {
    const result = await buildInTemp({
      'deck.md': deckText('## Map\n\n![A map](images/mpa.png)\n'),
      'images/map.png': pngBytes(40, 30),
      'images/school.png': pngBytes(40, 30),
    });
    expect(said(result)).toEqual([
      '6: [image/missing] cannot read the picture "images/mpa.png": no such file; did you mean "map.png", in the same folder?',
    ]);
  });

  it('a data file: the same; a name close to none, or a folder that is not there, says only to check it', async () => {
    const deck = (file: string) => deckText('## Travel\n\n```table\ndata: travel\n```\n', { data: { travel: file } });
    const near = await buildInTemp({ 'deck.md': deck('data/travel-survy.csv'), 'data/travel-survey.csv': CSV });
    expect(said(near)).toEqual([
      '3: [data/unreadable] cannot read data file "travel-survy.csv" for dataset "travel": no such file; did you mean "travel-survey.csv", in the same folder?',
    ]);
    const far = await buildInTemp({ 'deck.md': deck('data/marks.csv'), 'data/travel-survey.csv': CSV });
    expect(said(far)).toEqual([
      '3: [data/unreadable] cannot read data file "marks.csv" for dataset "travel": no such file; check its name and folder',
    ]);
    const noFolder = await buildInTemp({ 'deck.md': deck('dat/travel-survey.csv'), 'data/travel-survey.csv': CSV });
    expect(said(noFolder)).toEqual([
      '3: [data/unreadable] cannot read data file "travel-survey.csv" for dataset "travel": no such file; check its name and folder',
    ]);
  });
});

describe('a PowerPoint file with no layout for a kind of slide', () => {
  const deck = '---\ntitle: T\n---\n# A section\n\n---\n\n## Content\n\nText\n';
  const school = () => readFileSync(path.join(FIXTURES, 'Sunset.pptx'));

  it('used as it is, says to make a template of it to choose the layout', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': deck, 'school.pptx': school() });
    const run = await lectern(['build', '-t', 'school.pptx'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'content/deck.md:4: warning: school.pptx has no layout made for "section" slides, so lectern uses its layout "Title Slide", the nearest; to choose another, make a template of the file with "lectern templates import school.pptx" and set layouts: {section: "Layout name"} in its template.yaml [layout/nearest]',
    );
  });

  it('in a template folder, names that folder’s template.yaml', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': deck, 'school.pptx': school() });
    expect((await lectern(['templates', 'import', 'school.pptx'], dir)).code).toBe(0);
    const run = await lectern(['build', '-t', 'school'], dir);
    expect(run.stderr).toContain(
      'the nearest; to choose another, set layouts: {section: "Layout name"} in templates/school/template.yaml [layout/nearest]',
    );
  });
});

describe('a CSV row with a value too few or too many', () => {
  it('names its line, the header’s columns, and the likely fix', async () => {
    const deck = deckText('## Marks\n\n```table\ndata: marks\n```\n', { data: { marks: 'marks.csv' } });
    const short = await buildInTemp({ 'deck.md': deck, 'marks.csv': 'name,group,final\nAigerim,A,72\nBolat\n' });
    expect(short.diagnostics.map((d) => [path.basename(d.file), d.line, d.message])).toEqual([
      [
        'marks.csv',
        3,
        'this row has 1 value, but the header has 3 columns (name, group, final); give every column a value (an empty one is nothing between two ","s)',
      ],
    ]);
    const long = await buildInTemp({ 'deck.md': deck, 'marks.csv': 'name;final\nAigerim;72\nSmith; John;58\n' });
    expect(long.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'this row has 3 values, but the header has 2 columns (name, final); put double quotes around a value that holds a ";"'],
    ]);
  });
});

describe('the source line of a results table', () => {
  /** The table's box and the box of the text shape holding `words`, in inches. */
  const boxes = (xml: string, words: string) => {
    const frame = /<p:graphicFrame>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    const table = { x: +frame[1] / 914400, y: +frame[2] / 914400, w: +frame[3] / 914400, h: +frame[4] / 914400 };
    return { table, source: textShapes(xml).find((s) => s.text.includes(words))! };
  };

  it('sits under a narrow, centred table, from its left edge to its right, and text after it keeps the full width', async () => {
    const result = await buildInTemp({
      'deck.md': deckText('## The answers\n\n```table\ndata: travel\nsource: Class survey, 28 students\n```\n\nMost of us walk.\n', {
        data: { travel: 'travel.csv' },
      }),
      // The starter deck's table: three short columns.
      'travel.csv': 'mode,students,share_percent\nWalk,11,39.3\nBus,8,28.6\nCar,5,17.9\n',
    });
    expect(said(result)).toEqual([]);
    const [, slide] = await (await openPptx(result.output!)).slides();
    const { table, source } = boxes(slide, 'Source: Class survey');
    // The table is centred, far from the content area's left edge (0.6 in).
    expect(table.x).toBeGreaterThan(3);
    expect(source.text).toBe('Source: Class survey, 28 students');
    expect(source.x).toBeCloseTo(table.x, 3);
    expect(source.w).toBeCloseTo(table.w, 3);
    expect(source.y).toBeGreaterThanOrEqual(table.y + table.h - 0.01);
    const after = textShapes(slide).find((s) => s.text === 'Most of us walk.')!;
    expect(after.x).toBeCloseTo(0.6, 1);
    expect(after.w).toBeGreaterThan(10);
  });

  it('longer than a narrow table is wide, keeps the area’s width rather than wrap, in English and in Arabic', async () => {
    for (const [lang, source, csv] of [
      ['en-US', 'Central Election Commission of Kazakhstan, 21 November 2022', 'mode,students\nWalk,11\n'],
      ['ar', 'استطلاع الصف السابع، المدرسة الثانوية رقم ١٢، نوفمبر ٢٠٢٤', 'طريقة,طلاب\nمشي,11\n'],
    ]) {
      const result = await buildInTemp({
        'deck.md': deckText(`## T\n\n\`\`\`table\ndata: t\nsource: ${source}\n\`\`\`\n`, { lang, data: { t: 't.csv' } }),
        't.csv': csv,
      });
      const [, slide] = await (await openPptx(result.output!)).slides();
      const { table, source: line } = boxes(slide, source);
      expect(table.w).toBeLessThan(4);
      expect(line.x).toBeCloseTo(0.6, 1);
      expect(line.w).toBeGreaterThan(10);
    }
  });

  it('under a table that runs over two slides, is under its last part, aligned with it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Student ${i + 1},${40 + i}`).join('\n');
    const result = await buildInTemp({
      'deck.md': deckText('## Marks\n\n```table\ndata: marks\nsource: Mark book\n```\n', { data: { marks: 'marks.csv' } }),
      'marks.csv': `name,final\n${rows}\n`,
    });
    const slides = (await (await openPptx(result.output!)).slides()).slice(1);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.slice(0, -1).some((xml) => textOf(xml).includes('Mark book'))).toBe(false);
    const { table, source } = boxes(slides[slides.length - 1], 'Source: Mark book');
    expect(source.x).toBeCloseTo(table.x, 3);
    expect(source.y + source.h).toBeLessThan(7.5 - 0.6);
  });
});

describe('run from a folder inside the project', () => {
  it('lectern new writes into the project’s content/, not a content/ inside content/, and the project still builds', async () => {
    const dir = tempDir();
    expect((await lectern(['init'], dir)).code).toBe(0);
    expect((await lectern(['templates', 'copy', 'default', 'myschool'], dir)).code).toBe(0);
    writeFiles(dir, { 'content/week2.md': '---\ntitle: Week 2\ntemplate: myschool\n---\n## One\n' });
    const made = await lectern(['new', 'Week 5'], path.join(dir, 'content/data'));
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Created ${path.join(dir, 'content', 'week-5.md')}`);
    expect(readFileSync(path.join(dir, 'content/week-5.md'), 'utf8')).toMatch(/^title: "Week 5"$/m);
    expect(existsSync(path.join(dir, 'content/content'))).toBe(false);
    expect(existsSync(path.join(dir, 'content/data/content'))).toBe(false);
    // content/ is not made a project of its own: its decks still find the project's templates/.
    const build = await lectern(['build'], path.join(dir, 'content'));
    expect(build.stderr).toBe('');
    expect(build.stdout).toContain('3 decks built');
  });

  it('lectern templates show writes into the project’s output/', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': '---\ntitle: T\n---\n## One\n', 'school.pptx': readFileSync(path.join(FIXTURES, 'Sunset.pptx')) });
    const run = await lectern(['templates', 'show', '../school.pptx'], path.join(dir, 'content'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'output/school-layouts.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'content/output'))).toBe(false);
  });
});

describe('lectern --help', () => {
  it('says where the README is, and shows a PowerPoint file as the template', async () => {
    const { stdout } = await lectern(['--help'], tempDir());
    expect(stdout).toContain('$ lectern build -t school.pptx');
    expect(stdout).toContain('$ lectern templates import school.pptx');
    expect(stdout).toContain(`lectern's own README.md, in ${ROOT}`);
    expect(existsSync(path.join(ROOT, 'README.md'))).toBe(true);
    expect(stdout).not.toContain('every feature');
  });

  it('check --strict does not speak of building', async () => {
    const check = await lectern(['check', '--help'], tempDir());
    expect(check.stdout).toMatch(/--strict +treat warnings as errors: lectern exits with 1 if a\s+deck has any/);
    const build = await lectern(['build', '--help'], tempDir());
    expect(build.stdout).toMatch(/--strict +treat warnings as errors: a deck with any is not built/);
  });
});

describe('the line of a built deck', () => {
  it('names an output folder far from the current one by its full path, and a near one relatively', async () => {
    const dir = path.join(tempDir(), 'school', 'year-9', 'history');
    const out = tempDir();
    writeFiles(dir, { 'content/a.md': '---\ntitle: A\n---\n## One\n' });
    const far = await lectern(['build', '-o', out], dir);
    expect(far.stdout).toContain(`✓ ${path.join('content', 'a.md')} → ${path.join(out, 'a.pptx')} (2 slides)`);
    const near = await lectern(['build'], path.join(dir, 'content'));
    expect(near.stdout).toContain(`✓ a.md → ${path.join('..', 'output', 'a.pptx')} (2 slides)`);
  });
});

describe('YAML as a teacher writes it', () => {
  const frontMatter = async (lines: string[]) => said(await buildInTemp(['---', ...lines, '---', '## One', '', 'Text'].join('\n')));

  it('a colon in a value, a Tab, an unclosed quote: one line each, saying what to do', async () => {
    expect(await frontMatter(['title: Week 3: Fractions'])).toEqual([
      '2: [front-matter/yaml] the front matter is not valid YAML: a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
    ]);
    expect(await frontMatter(['title: A', 'data:', '\tmarks: marks.csv'])).toEqual([
      '4: [front-matter/yaml] the front matter is not valid YAML: a line is indented with the Tab key; indent with spaces',
    ]);
    expect(await frontMatter(['title: A', 'subtitle: "Fractions, part one'])).toEqual([
      '3: [front-matter/yaml] the front matter is not valid YAML: a value starts with a quote but does not end with one; end it with the same quote',
    ]);
  });

  it('the same in a chart spec and in template.yaml', async () => {
    const chart = await buildInTemp(
      deckText('## C\n\n```chart\ntype: bar\ntitle: Week 3: Fractions\nlabels: [a]\nseries: [{name: s, values: [1]}]\n```\n'),
    );
    expect(said(chart)).toEqual([
      '8: [chart/yaml] chart: the chart spec is not valid YAML: a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
    ]);
    const template = await buildInTemp({
      'deck.md': deckText('## One\n', { template: 'mine' }),
      'templates/mine/template.yaml': 'extends: default\ndescription: Springfield: our school\n',
    });
    expect(template.diagnostics.map((d) => [path.basename(d.file), d.line, d.message])).toEqual([
      [
        'template.yaml',
        2,
        'template.yaml is not valid YAML: a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
      ],
    ]);
  });

  it('a front matter with no closing line is that error, not the YAML of its slides', async () => {
    const result = await buildInTemp('---\ntitle: A\n\n## One\n\n- a point\n');
    expect(said(result)).toEqual([
      '1: [front-matter/unclosed] the front matter has no closing line; end it with a line holding only "---"',
    ]);
  });

  it('a value cut short at a "#" is a warning with the quotes to write; a comment after two spaces and "# " is not', async () => {
    const result = await buildInTemp(
      [
        '---',
        'title: Lesson #3 fractions',
        'subtitle: Notes  # a comment',
        'author: Ms. Example # of 7B',
        '---',
        '## One',
        '',
        'Text',
      ].join('\n'),
    );
    expect(result.ok).toBe(true);
    expect(said(result)).toEqual([
      '2: [front-matter/comment] YAML reads the "#" in "title: Lesson #3 fractions" as the start of a comment, so title is only "Lesson"; put the value in quotes: title: "Lesson #3 fractions"',
    ]);
  });
});

describe('naming the decks to build', () => {
  const course = () => {
    const dir = tempDir();
    writeFiles(dir, {
      'content/week2.md': '---\ntitle: Week 2\n---\n## One\n',
      'content/Неделя 3 — дроби.md': '---\ntitle: Дроби\n---\n## Один\n',
    });
    return dir;
  };

  it('a name with spaces left unquoted, a deck without .md, a letter wrong: each says what was meant', async () => {
    const dir = course();
    const spaces = await lectern(['build', 'content/Неделя', '3', '—', 'дроби.md'], dir);
    expect(spaces.code).toBe(2);
    expect(spaces.stderr.trim()).toBe(
      'lectern: "content/Неделя" does not exist; a name with spaces needs quotes around it: "content/Неделя 3 — дроби.md"',
    );
    expect((await lectern(['build', 'content/week2'], dir)).stderr.trim()).toBe(
      'lectern: "content/week2" does not exist (did you mean "content/week2.md"?)',
    );
    expect((await lectern(['build', 'content/wek2.md'], dir)).stderr.trim()).toBe(
      `lectern: "content/wek2.md" does not exist (did you mean "${path.join('content', 'week2.md')}"?)`,
    );
    expect((await lectern(['build', 'lectures/'], dir)).stderr.trim()).toBe('lectern: "lectures/" does not exist');
  });

  it('a deck named without "build" says the command to run', async () => {
    const run = await lectern(['content/Неделя 3 — дроби.md'], course());
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'lectern: "content/Неделя 3 — дроби.md" is not a command; to build it: lectern build "content/Неделя 3 — дроби.md"',
    );
  });

  it('lectern build where there is no content/ says how to start', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'notes.md': '---\ntitle: Notes\n---\n## One\n' });
    const run = await lectern(['build'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `lectern: there is no content/ folder in ${dir}, where lectern looks for decks when none is named; make a project with "lectern init", or name the decks to build, e.g. lectern build notes.md`,
    );
  });
});

describe('a CSV saved by German Excel, in an English deck', () => {
  it('a chart or a mean of its decimal-comma column says how to read it', async () => {
    const csv = 'mode;students;share_percent\nWalk;11;39,3\nBus;8;28,6\n';
    const chart = await buildInTemp({
      'deck.md': deckText('## C\n\n```chart\ntype: bar\ndata: travel\nx: mode\ny: share_percent\n```\n', { data: { travel: 'de.csv' } }),
      'de.csv': csv,
    });
    expect(chart.diagnostics.map((d) => d.message)).toEqual([
      'chart: column "share_percent" of dataset "travel" must hold numbers, but line 2 of de.csv has "39,3"; if "39,3" is a number with a decimal comma, read the file with decimal: "," (data: {travel: {file: …, decimal: ","}})',
    ]);
    const table = await buildInTemp({
      'deck.md': deckText('## T\n\n```table\ndata: travel\ngroup: mode\naggregate: {share: mean(share_percent)}\n```\n', {
        data: { travel: 'de.csv' },
      }),
      'de.csv': csv,
    });
    expect(table.diagnostics.map((d) => d.message)).toEqual([
      'table: mean(share_percent) needs numbers, but column "share_percent" of dataset "travel" holds text ("39,3" on line 2 of de.csv); if "39,3" is a number with a decimal comma, read the file with decimal: "," (data: {travel: {file: …, decimal: ","}})',
    ]);
    const fixed = await buildInTemp({
      'deck.md': deckText('## C\n\n```chart\ntype: bar\ndata: travel\nx: mode\ny: share_percent\n```\n', {
        data: { travel: { file: 'de.csv', decimal: ',' } },
      }),
      'de.csv': csv,
    });
    expect(said(fixed)).toEqual([]);
  });
});

describe('a picture in another folder than the deck says', () => {
  it('names the subfolder it is in, or the folder above', async () => {
    const below = await buildInTemp({ 'deck.md': deckText('## Map\n\n![A map](map.png)\n'), 'images/map.png': pngBytes(40, 30) });
    expect(said(below)).toEqual([
      '6: [image/missing] cannot read the picture "map.png": no such file in that folder; one of that name is in its subfolder "images"',
    ]);
    const above = await buildInTemp(
      { 'content/deck.md': deckText('## Map\n\n![A map](map.png)\n'), 'map.png': pngBytes(40, 30), 'package.json': '{}' },
      { deck: 'content/deck.md' },
    );
    expect(said(above)).toEqual([
      '6: [image/missing] cannot read the picture "map.png": no such file in that folder; one of that name is in the folder above it',
    ]);
  });
});

describe('a deck or CSV saved by Notepad or Word in the old Windows encoding', () => {
  it('says so, and how to save it as UTF-8 (a data file may also name its encoding)', async () => {
    const ansi = (text: string) => new Uint8Array([...text].map((c) => (c === '’' ? 0x92 : c === '–' ? 0x96 : c.charCodeAt(0))));
    const deck = await buildInTemp({ 'deck.md': ansi('---\r\ntitle: Fractions\r\nauthor: Ms. O’Brien – 7B\r\n---\r\n## One\r\n') });
    expect(said(deck)).toEqual([
      '3: [file/not-utf8] the file is not UTF-8 text: it is saved in another encoding, such as ANSI (Windows-1252); save it again as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8)',
    ]);
    const data = await buildInTemp({
      'deck.md': deckText('## T\n\n```table\ndata: marks\n```\n', { data: { marks: 'marks.csv' } }),
      'marks.csv': ansi('name,final\r\nO’Brien,72\r\n'),
    });
    expect(data.diagnostics.map((d) => d.message)).toEqual([
      'the file is not UTF-8 text: it is saved in another encoding, such as ANSI (Windows-1252); save it again as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8), or give its dataset encoding: windows-1252',
    ]);
    const word = await buildInTemp({ 'deck.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe]) });
    expect(word.diagnostics.map((d) => d.message)).toEqual([
      'the file is not UTF-8 text: it is a Word document or another zip file; save it as plain text (UTF-8)',
    ]);
  });
});
