import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';

// lectern as a developer uses it: the built package (npm run build), imported by name
// from a script outside this repository, through package.json's `exports`.
const run = promisify(execFile);

/** A course with two decks, so that build() takes the batch path (worker threads) too. */
const COURSE = {
  'content/week1.md': '---\ntitle: Fractions\n---\n# Halves and quarters\n\n- A half is two quarters\n',
  'content/week2.md': '---\ntitle: Decimals\ntemplate: school\n---\n# Tenths\n\nOne tenth is 0.1\n',
};

/** A folder holding `files` and `node_modules/lectern`, a link to this package as npm would install it. */
function consumerProject(files: Record<string, string>): string {
  const dir = tempDir('lectern-library-');
  writeFiles(dir, files);
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules/lectern'), 'dir');
  return dir;
}

/**
 * Runs a consumer's script in `dir` and parses the JSON it prints; given to Node
 * on the command line, whose options (--input-type) lectern's worker threads must not take.
 */
async function runScript(dir: string, script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: dir });
  return JSON.parse(stdout);
}

interface Result {
  file: string;
  output?: string;
  slides?: number;
  ok: boolean;
  diagnostics: { rule: string; message: string }[];
}

describe('lectern as a library', () => {
  it('build() from the installed package writes each deck of content/ with its slides and says ok', async () => {
    const dir = consumerProject({});
    const course = path.join(dir, 'course');
    writeFiles(course, COURSE);
    // A project template, found in templates/ of the folder given as `cwd`.
    cpSync(path.join(ROOT, 'templates/chalkboard'), path.join(course, 'templates/school'), { recursive: true });
    const results = (await runScript(
      dir,
      `import { build } from 'lectern';\nconsole.log(JSON.stringify(await build({ cwd: 'course', outDir: 'slides' })));\n`,
    )) as Result[];
    expect(results.map((r) => ({ ...r, file: path.relative(course, r.file), output: path.relative(course, r.output!) }))).toEqual([
      { file: 'content/week1.md', output: 'slides/week1.pptx', slides: 2, ok: true, diagnostics: [] },
      { file: 'content/week2.md', output: 'slides/week2.pptx', slides: 2, ok: true, diagnostics: [] },
    ]);
    const week1 = await (await openPptx(path.join(course, 'slides/week1.pptx'))).slides();
    expect(week1.map(textOf)).toEqual(['Fractions', 'Halves and quarters A half is two quarters 2']);
    // Built on a worker thread, with the project template its front matter names.
    const week2 = await openPptx(path.join(course, 'slides/week2.pptx'));
    expect(textOf((await week2.slides())[1])).toBe('Tenths One tenth is 0.1 2');
    expect(await week2.xml('ppt/theme/theme1.xml')).toContain('name="school"');
  });

  it('check() reports problems with their line and writes nothing; loadDeck() returns the model', async () => {
    const dir = consumerProject({});
    writeFiles(dir, {
      'content/week1.md': COURSE['content/week1.md'],
      'content/broken.md': '---\ntitle: Broken\ntemplate: nosuch\n---\n# A slide\n',
    });
    const { checked, loaded } = (await runScript(
      dir,
      [
        `import { check, loadDeck } from 'lectern';`,
        `const checked = await check();`,
        `const { deck, diagnostics } = await loadDeck('content/week1.md');`,
        `const loaded = { title: deck.meta.title, slides: deck.slides.length, diagnostics };`,
        `console.log(JSON.stringify({ checked, loaded }));`,
      ].join('\n'),
    )) as { checked: Result[]; loaded: unknown };
    expect(checked.map((r) => [path.basename(r.file), r.ok, r.output, r.slides])).toEqual([
      ['broken.md', false, undefined, undefined],
      ['week1.md', true, undefined, 2],
    ]);
    expect(checked[0].diagnostics).toEqual([expect.objectContaining({ rule: 'template/unknown', line: 3 })]);
    expect(loaded).toEqual({ title: 'Fractions', slides: 2, diagnostics: [] });
    expect(readdirSync(dir).sort()).toEqual(['content', 'node_modules']);
  });

  it('a bad input is an error with a one-line message, not a crash', async () => {
    const dir = consumerProject({});
    const answer = await runScript(
      dir,
      `import { build } from 'lectern';\nconsole.log(JSON.stringify(await build({ inputs: ['missing/'] }).then(() => 'built', (e) => [e.name, e.message])));\n`,
    );
    expect(answer).toEqual(['LecternError', '"missing/" does not exist']);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('ships type declarations for build, check, loadDeck and defineConfig that a TypeScript consumer compiles against', async () => {
    const dir = consumerProject({
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
        files: ['use.ts'],
      }),
      'use.ts': [
        `import { build, check, defineConfig, loadDeck, type BuildOptions, type DeckResult, type LecternConfig } from 'lectern';`,
        `const options: BuildOptions = { inputs: ['content/'], outDir: 'out', template: 'default', cwd: '.', pdf: false, strict: true, allowOutside: false };`,
        `const built: DeckResult[] = await build(options);`,
        `const firstOk: boolean = built[0].ok;`,
        `const checked: DeckResult[] = await check({ strict: true });`,
        `const { deck, diagnostics } = await loadDeck('content/week1.md', { template: 'chalkboard' });`,
        `const title: string | undefined = deck?.meta.title;`,
        `const lines: (number | undefined)[] = diagnostics.map((d) => d.line);`,
        `// @ts-expect-error: an option lectern does not have`,
        `await build({ outdir: 'typo' });`,
        `// @ts-expect-error: slides is a number`,
        `const wrong: string = checked[0].slides;`,
        `const config: LecternConfig = defineConfig({ inputs: 'lectures/', out: 'slides', lang: 'en-GB', soffice: '/opt/soffice', footer: '{{title}}' });`,
        `// @ts-expect-error: a key a config does not have`,
        `defineConfig({ otu: 'slides' });`,
        `export { firstOk, title, lines, wrong, config };`,
      ].join('\n'),
    });
    const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
    const compiled = await run(tsc, ['-p', dir], { cwd: dir }).then(
      () => 'no errors',
      (e: { stdout: string }) => e.stdout,
    );
    expect(compiled).toBe('no errors');
  });
});
