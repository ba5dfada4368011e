import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { lectern } from './support/cli.js';
import { deckText } from './support/build.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles, type Package } from './support/pptx.js';

/** The name of the slide layout that slide `n` (1-based) uses. */
async function layoutOf(pptx: Package, n: number): Promise<string | undefined> {
  const rels = await pptx.xml(`ppt/slides/_rels/slide${n}.xml.rels`);
  const target = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)?.[1];
  return /<p:cSld name="([^"]*)"/.exec(await pptx.xml(`ppt/slideLayouts/${target}`))?.[1];
}

/** Every layout name in a package. */
async function layoutNames(pptx: Package): Promise<string[]> {
  const parts = pptx.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
  return Promise.all(parts.map(async (p) => /<p:cSld name="([^"]*)"/.exec(await pptx.xml(p))?.[1] ?? ''));
}

/** All the speaker notes' text in a package. */
async function notesOf(pptx: Package): Promise<string> {
  const parts = pptx.names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
  return (await Promise.all(parts.map(async (p) => textOf(await pptx.xml(p))))).join('\n');
}

/** One template's lines in the `lectern templates` listing, from its name to the next blank line. */
function entryOf(listing: string, name: string): string {
  const entry = listing.split('\n\n').find((block) => block.startsWith(`  ${name} `));
  if (!entry) throw new Error(`no entry for "${name}" in:\n${listing}`);
  return entry;
}

const shipped = (name: string) => ({
  description: (YAML.parse(readFileSync(path.join(ROOT, 'templates', name, 'template.yaml'), 'utf8')) as { description: string })
    .description,
  layouts: readdirSync(path.join(ROOT, 'templates', name, 'layouts'))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => f.slice(0, -4))
    .sort(),
});

describe('lectern init', () => {
  it('writes a project whose starter deck builds, with a title, a list, a table and chart from its CSV, and notes', async () => {
    const dir = tempDir();
    const result = await lectern(['init', 'year 9 history'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const project = path.join(dir, 'year 9 history');
    for (const file of [
      'content/first-lesson.md',
      'content/data/travel-survey.csv',
      'templates/README.md',
      'output/.gitkeep',
      'README.md',
      'package.json',
    ]) {
      expect(existsSync(path.join(project, file)), file).toBe(true);
      expect(result.stdout).toContain(file);
    }
    expect(result.stdout).toContain('Next:\n  cd "year 9 history"\n  npx lectern build    # builds output/first-lesson.pptx\n');
    expect(readFileSync(path.join(project, 'templates/README.md'), 'utf8')).toContain('lectern templates copy default myschool');
    expect(readFileSync(path.join(project, 'README.md'), 'utf8')).toMatch(
      /npx lectern build[\s\S]*lectern new[\s\S]*lectern templates copy/,
    );

    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(pkg.scripts).toEqual({ build: 'lectern build' });
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toEqual({ lectern: `^${version}` });
    expect(pkg.name).toBe('year-9-history');

    const build = await lectern(['build'], project);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`✓ ${path.join('content', 'first-lesson.md')} → ${path.join('output', 'first-lesson.pptx')} (4 slides)`);
    const pptx = await openPptx(path.join(project, 'output/first-lesson.pptx'));
    const slides = await pptx.slides();
    expect(textOf(slides[0])).toContain('How we get to school');
    expect(textOf(slides[1])).toContain('Every student in class 7B answered');
    expect(slides[2]).toContain('<a:tbl>');
    expect(textOf(slides[2])).toMatch(/Walk 11 39\.3/);
    expect(pptx.names.some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(await notesOf(pptx)).toContain('Speaker notes: only you see them');
  });

  it('refuses to overwrite files, lists them, and writes nothing', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'content/first-lesson.md': 'my own notes', 'README.md': 'my readme' });
    const result = await lectern(['init'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lectern does not overwrite files');
    expect(result.stderr).toContain(`  README.md\n  ${path.join('content', 'first-lesson.md')}\n`);
    expect(readFileSync(path.join(dir, 'content/first-lesson.md'), 'utf8')).toBe('my own notes');
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
  });
});

describe('lectern new', () => {
  it('writes a deck that shows the main features and builds without a warning', async () => {
    const dir = tempDir();
    const result = await lectern(['new', 'Week 1: Fractions'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created ${path.join('content', 'week-1-fractions.md')}`);
    expect(result.stdout).toContain('npx lectern build content/week-1-fractions.md');
    const source = readFileSync(path.join(dir, 'content/week-1-fractions.md'), 'utf8');
    expect(source).toMatch(/^title: "Week 1: Fractions"$/m);
    expect(source).toMatch(/^template: default\b/m);

    const build = await lectern(['build'], dir);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('(9 slides)');
    expect(build.stdout).not.toContain('warning');

    const pptx = await openPptx(path.join(dir, 'output/week-1-fractions.pptx'));
    const slides = await pptx.slides();
    const titles = [
      'Week 1: Fractions',
      'Part one: text',
      'Text and lists',
      'Two columns',
      'Part two: tables and charts',
      'A table',
      'A chart',
      'A table as a plain slide',
      'Pictures',
    ];
    expect(slides.map((s, i) => textOf(s).startsWith(titles[i]))).toEqual(titles.map(() => true));
    const layouts = await Promise.all(slides.map((_, i) => layoutOf(pptx, i + 1)));
    expect(layouts).toEqual(['title', 'section', 'content', 'two-column', 'section', 'table', 'chart', 'content', 'content']);
    expect(textOf(slides[2])).toContain('There are 28 students in this class');
    expect(slides[2]).toMatch(/<a:hlinkClick [^>]*r:id=/);
    expect(slides[5]).toContain('<a:tbl>');
    expect(pptx.names.some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    const notes = await notesOf(pptx);
    expect(notes).toContain('Speaker notes: what you say');
    expect(notes).toContain('An HTML comment is a speaker note too.');
    // The {{!-- comments --}} explaining each feature are left out of slides and notes.
    expect(slides.map(textOf).join(' ') + notes).not.toMatch(/lectern leaves it out|colons in the line|school-map\.png/);
  });

  it('writes the template chosen with -t, and refuses to overwrite a deck', async () => {
    const dir = tempDir();
    expect((await lectern(['new', 'photosynthesis.md', '-t', 'chalkboard'], dir)).code).toBe(0);
    const source = readFileSync(path.join(dir, 'content/photosynthesis.md'), 'utf8');
    expect(source).toMatch(/^title: "Photosynthesis"$/m);
    expect(source).toMatch(/^template: chalkboard\b/m);
    writeFileSync(path.join(dir, 'content/photosynthesis.md'), 'my notes');
    const again = await lectern(['new', 'photosynthesis'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`lectern does not overwrite files:\n  ${path.join('content', 'photosynthesis.md')}`);
    expect(readFileSync(path.join(dir, 'content/photosynthesis.md'), 'utf8')).toBe('my notes');
  });

  it('fails on an unknown template, suggesting the closest, and writes nothing', async () => {
    const dir = tempDir();
    const result = await lectern(['new', 'week1', '-t', 'chalkbord'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown template "chalkbord" (did you mean "chalkboard"?)');
    expect(existsSync(path.join(dir, 'content'))).toBe(false);
  });
});

describe('lectern templates', () => {
  it('lists the shipped templates with their descriptions and layouts', async () => {
    const result = await lectern(['templates'], tempDir());
    expect(result.code).toBe(0);
    for (const name of ['default', 'chalkboard']) {
      const { description, layouts } = shipped(name);
      const entry = entryOf(result.stdout, name);
      expect(entry).toContain(description);
      expect(entry).toContain('shipped with lectern');
      expect(entry).toContain(`layouts: ${layouts.join(', ')}`);
    }
    expect((await lectern(['templates', 'list'], tempDir())).stdout).toBe(result.stdout);
  });

  it('lists project templates first, saying when one shadows a shipped template', async () => {
    const dir = tempDir();
    expect((await lectern(['templates', 'copy', 'chalkboard', 'default'], dir)).code).toBe(0);
    const { stdout } = await lectern(['templates'], dir);
    expect(stdout.indexOf('  default ')).toBeLessThan(stdout.indexOf('  chalkboard '));
    const entry = entryOf(stdout, 'default');
    expect(entry).toContain(`project: ${path.join('templates', 'default')}, shadows the shipped one`);
    expect(entry).toContain(`A copy of chalkboard: ${shipped('chalkboard').description}`);
  });

  it('copies a template whose edited colours and fonts show in the built deck', async () => {
    const dir = tempDir();
    const copy = await lectern(['templates', 'copy', 'default', 'myschool'], dir);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(copy.stdout).toContain('templates/myschool/template.yaml');
    expect(copy.stdout).toContain('templates/myschool/layouts/*.hbs');
    expect(copy.stdout).toContain('template: myschool');
    expect(copy.stdout).toContain('-t myschool');

    const yaml = path.join(dir, 'templates/myschool/template.yaml');
    const doc = YAML.parseDocument(readFileSync(yaml, 'utf8'));
    doc.setIn(['colors', 'primary'], '#7B2D8E');
    doc.setIn(['fonts', 'heading'], 'Georgia');
    writeFileSync(yaml, doc.toString());
    writeFiles(dir, { 'content/deck.md': deckText('## Hello\n\nWorld', { template: 'myschool' }) });
    const build = await lectern(['build'], dir);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const slides = await (await openPptx(path.join(dir, 'output/deck.pptx'))).slides();
    expect(slides[1]).toContain('<a:srgbClr val="7B2D8E"/>');
    expect(slides[1]).toContain('typeface="Georgia"');
  });

  it('refuses to copy over a template, and suggests a name for an unknown one', async () => {
    const dir = tempDir();
    expect((await lectern(['templates', 'copy', 'default', 'myschool'], dir)).code).toBe(0);
    const again = await lectern(['templates', 'copy', 'chalkboard', 'myschool'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${path.join('templates', 'myschool')} already exists`);
    expect(readFileSync(path.join(dir, 'templates/myschool/template.yaml'), 'utf8')).toContain('A copy of default');
    const unknown = await lectern(['templates', 'copy', 'defualt', 'other'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown template "defualt" (did you mean "default"?)');
    expect(existsSync(path.join(dir, 'templates/other'))).toBe(false);
    const badName = await lectern(['templates', 'copy', 'default', 'my school'], dir);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('"my school" cannot be a template name');
  });

  it('a layout added to a copy becomes a slide layout of that name', async () => {
    const dir = tempDir();
    expect((await lectern(['templates', 'copy', 'default', 'myschool'], dir)).code).toBe(0);
    const layouts = path.join(dir, 'templates/myschool/layouts');
    copyFileSync(path.join(layouts, 'content.hbs'), path.join(layouts, 'quiz.hbs'));
    expect(entryOf((await lectern(['templates'], dir)).stdout, 'myschool')).toMatch(/layouts: .*\bquiz\b/);

    writeFiles(dir, { 'content/deck.md': deckText('## Question 1\n\n<!-- layout: quiz -->\n\n- A\n- B', { template: 'myschool' }) });
    const build = await lectern(['build'], dir);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const pptx = await openPptx(path.join(dir, 'output/deck.pptx'));
    expect(await layoutNames(pptx)).toContain('quiz');
    expect(await layoutOf(pptx, 2)).toBe('quiz');
  });
});

describe('lectern --help', () => {
  it('shows the new commands with examples', async () => {
    const { stdout } = await lectern(['--help'], ROOT);
    expect(stdout).toMatch(/init \[dir\] +start a project/);
    expect(stdout).toMatch(/new \[options\] <name> +start a deck/);
    expect(stdout).toMatch(/\n  templates +list the templates/);
    expect(stdout).toContain('$ lectern templates copy default school');
  });
});
