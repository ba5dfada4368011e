import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { pdfPages } from './support/libreoffice.js';
import { libreOffice, need } from './support/tools.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';

/** Generous: two cores are shared by several test runs. */
const DEADLINE_MS = 30_000;
/** LibreOffice takes seconds to start, more on a busy machine. */
const LIBREOFFICE_MS = 180_000;

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/**
 * `lectern build --watch` running in a fresh project of `files`, and ways to wait for what it does
 * (for up to `deadline` ms each).
 */
async function startWatch(files: Record<string, string>, args: string[] = [], deadline = DEADLINE_MS) {
  const dir = tempDir();
  writeFiles(dir, files);
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/lectern.js'), 'build', '--watch', ...args], { cwd: dir });
  child = proc;
  let output = '';
  let stdout = '';
  proc.stdout.on('data', (d) => ((output += d), (stdout += d)));
  proc.stderr.on('data', (d) => (output += d));
  const poll = async (what: string, done: () => Promise<boolean> | boolean) => {
    for (const started = Date.now(); Date.now() - started < deadline; await new Promise((r) => setTimeout(r, 50))) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`lectern stopped (${proc.exitCode ?? proc.signalCode}):\n${output}`);
      if (await done()) return;
    }
    throw new Error(`timed out waiting for ${what} in:\n${output}`);
  };
  const slides = async (deck: string) => (await (await openPptx(path.join(dir, 'output', deck))).slides()).map(textOf);
  const watching = {
    dir,
    get output() {
      return output;
    },
    /** What was printed to stdout alone. */
    get stdout() {
      return stdout;
    },
    /** Where the output is now: `waitFor(..., since)` looks only at what is printed after it. */
    mark: () => output.length,
    /** Waits until the output has `count` matches of `pattern` after `since`. */
    waitFor: (pattern: RegExp, count = 1, since = 0) =>
      poll(String(pattern), () => (output.slice(since).match(new RegExp(pattern, 'g')) ?? []).length >= count),
    /** Waits until slide `n` (0 = the title) of the deck's .pptx contains `text`. */
    waitForSlide: (deck: string, n: number, text: string) =>
      poll(`"${text}" on slide ${n} of ${deck}`, async () => {
        try {
          return (await slides(deck))[n]?.includes(text) ?? false;
        } catch {
          return false; // not written yet, or being replaced
        }
      }),
    slides,
    alive: () => proc.exitCode === null && proc.signalCode === null,
  };
  await watching.waitFor(/Watching for changes/);
  return watching;
}

/** A deck listing the `name` column of the data file at `csv` (a path from the deck). */
const listDeck = (heading: string, csv: string) =>
  deckText(`## ${heading}`, { data: { results: csv } }) + '\n\n{{#each data.results}}\n- {{name}}\n{{/each}}\n';

/** What an unexpected exception looks like when it escapes: a stack trace or the CLI's last resort. */
const CRASH = /internal error|\n\s+at .+:\d+:\d+/;

describe('lectern build --watch', () => {
  it('keeps running after an invalid edit and rebuilds when it is fixed, and when data or a new deck appear', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'content/a.md':
        deckText('## First\n\nHello', { data: { results: 'results.csv' } }) + '\n\n{{#each data.results}}\n- {{name}}\n{{/each}}\n',
      'content/results.csv': 'name\nAlpha\n',
    });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/lectern.js'), 'build', '--watch'], { cwd: dir });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    /** Waits until the output has `count` matches of `pattern`. */
    const waitFor = async (pattern: RegExp, count = 1) => {
      for (let waited = 0; waited < 20_000; waited += 50) {
        if ((output.match(new RegExp(pattern, 'g')) ?? []).length >= count) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${pattern} in:\n${output}`);
    };
    const slideText = async (deck: string, n: number) => textOf((await (await openPptx(path.join(dir, 'output', deck))).slides())[n]);
    try {
      await waitFor(/Watching for changes/);
      expect(output).toMatch(/✓ content\/a\.md → output\/a\.pptx \(2 slides\) in \d+ ms/);
      const good = readFileSync(path.join(dir, 'output/a.pptx'));

      writeFileSync(path.join(dir, 'content/a.md'), deckText('## First\n\n{{#if title}}\nunclosed'));
      await waitFor(/\[handlebars\/syntax\]/);
      expect(output).toContain('content/a.md:6: error: "{{#if}}" is never closed');
      expect(readFileSync(path.join(dir, 'output/a.pptx')).equals(good)).toBe(true);

      writeFileSync(
        path.join(dir, 'content/a.md'),
        deckText('## Fixed\n\nHello again', { data: { results: 'results.csv' } }) + '\n\n{{#each data.results}}\n- {{name}}\n{{/each}}\n',
      );
      await waitFor(/✓ content\/a\.md/, 2);
      expect(await slideText('a.pptx', 1)).toContain('Hello again');

      writeFileSync(path.join(dir, 'content/results.csv'), 'name\nAlpha\nBeta\n');
      await waitFor(/✓ content\/a\.md/, 3);
      expect(await slideText('a.pptx', 1)).toContain('Beta');

      // Editors often save by writing a new file and renaming it over the old one, again and again.
      for (const [n, word] of [
        [4, 'Gamma'],
        [5, 'Delta'],
      ] as const) {
        writeFileSync(path.join(dir, 'content/.a.md.swp'), deckText(`## ${word}`));
        renameSync(path.join(dir, 'content/.a.md.swp'), path.join(dir, 'content/a.md'));
        await waitFor(/✓ content\/a\.md/, n);
        expect(await slideText('a.pptx', 1)).toContain(word);
      }

      writeFileSync(path.join(dir, 'content/b.md'), deckText('## New deck'));
      await waitFor(/✓ content\/b\.md/);
      expect(await slideText('b.pptx', 1)).toContain('New deck');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
    }
  });

  describe('recovers', () => {
    it('from a broken template.yaml, rebuilding the deck once it is fixed', async () => {
      const w = await startWatch({
        'content/a.md': deckText('## First\n\nHello', { template: 'mine' }),
        'templates/mine/template.yaml': 'extends: default\ncolors:\n  primary: "#123456"\n',
      });
      const theme = async () => (await openPptx(path.join(w.dir, 'output/a.pptx'))).xml('ppt/theme/theme1.xml');
      expect(await theme()).toContain('123456');

      writeFileSync(path.join(w.dir, 'templates/mine/template.yaml'), 'extends: default\ncolors: [unclosed\n');
      await w.waitFor(/templates\/mine\/template\.yaml:\d+(:\d+)?: error: .*\[template\/yaml\]/);

      const since = w.mark();
      writeFileSync(path.join(w.dir, 'templates/mine/template.yaml'), 'extends: default\ncolors:\n  primary: "#ABCDEF"\n');
      await w.waitFor(/✓ content\/a\.md/, 1, since);
      expect(await theme()).toContain('ABCDEF');
      expect(w.alive()).toBe(true);
    });

    it('from a template.yaml broken before the start, building the deck once it is fixed', async () => {
      const w = await startWatch({
        'content/a.md': deckText('## First\n\nHello', { template: 'mine' }),
        'templates/mine/template.yaml': 'extends: default\ncolors: [unclosed\n',
      });
      expect(w.output).toMatch(/✗ content\/a\.md: not built/);
      writeFileSync(path.join(w.dir, 'templates/mine/template.yaml'), 'extends: default\ncolors:\n  primary: "#ABCDEF"\n');
      await w.waitForSlide('a.pptx', 1, 'Hello');
      expect(await (await openPptx(path.join(w.dir, 'output/a.pptx'))).xml('ppt/theme/theme1.xml')).toContain('ABCDEF');
      expect(w.alive()).toBe(true);
    });

    it('from content/ deleted and made again, building the decks in it', async () => {
      const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') });
      rmSync(path.join(w.dir, 'content'), { recursive: true });
      mkdirSync(path.join(w.dir, 'content'));
      writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## Second\n\nBack again'));
      await w.waitForSlide('a.pptx', 1, 'Back again');

      // And the new folder is watched: a later save is built too.
      writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## Third\n\nSaved later'));
      await w.waitForSlide('a.pptx', 1, 'Saved later');
      expect(w.output).not.toMatch(CRASH);
      expect(w.alive()).toBe(true);
    });

    it('from data/ deleted and made again, rebuilding the deck that reads it', async () => {
      const w = await startWatch({
        'content/a.md': listDeck('Results', '../data/results.csv'),
        'data/results.csv': 'name\nAlpha\n',
      });
      expect((await w.slides('a.pptx'))[1]).toContain('Alpha');

      rmSync(path.join(w.dir, 'data'), { recursive: true });
      await w.waitFor(/✗ content\/a\.md: not built/);
      mkdirSync(path.join(w.dir, 'data'));
      writeFileSync(path.join(w.dir, 'data/results.csv'), 'name\nBeta\n');
      await w.waitForSlide('a.pptx', 1, 'Beta');

      writeFileSync(path.join(w.dir, 'data/results.csv'), 'name\nGamma\n');
      await w.waitForSlide('a.pptx', 1, 'Gamma');
      expect(w.output).not.toMatch(CRASH);
      expect(w.alive()).toBe(true);
    });

    it('from a deck replaced by a folder, and back', async () => {
      const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') });
      const deck = path.join(w.dir, 'content/a.md');
      const since = w.mark();
      rmSync(deck);
      mkdirSync(deck);
      writeFileSync(path.join(deck, 'inner.md'), deckText('## Inside\n\nA deck in the folder'));
      await w.waitForSlide('inner.pptx', 1, 'A deck in the folder');

      rmSync(deck, { recursive: true });
      writeFileSync(deck, deckText('## File again\n\nA file once more'));
      await w.waitForSlide('a.pptx', 1, 'A file once more');
      expect(w.output.slice(since)).not.toMatch(CRASH);
      expect(w.output.slice(since)).not.toMatch(/could not rebuild|EISDIR/);
      expect(w.alive()).toBe(true);
    });

    it('from an unexpected fault in one deck: says so in one line, builds the others, and builds it once the fault is gone', async () => {
      const w = await startWatch({
        'content/a.md': listDeck('A', 'results.csv'),
        'content/b.md': listDeck('B', 'results.csv'),
        'content/results.csv': 'name\nAlpha\n',
      });
      // a.pptx cannot be replaced while a folder stands in its place.
      rmSync(path.join(w.dir, 'output/a.pptx'));
      mkdirSync(path.join(w.dir, 'output/a.pptx'));
      const since = w.mark();
      writeFileSync(path.join(w.dir, 'content/results.csv'), 'name\nBeta\n');
      await w.waitForSlide('b.pptx', 1, 'Beta');
      await w.waitFor(/content\/a\.md/, 1, since);
      const report = w.output
        .slice(since)
        .split('\n')
        .filter((line) => line.includes('a.md') || line.includes('a.pptx'));
      // One line naming the deck and the file in the way (a diagnostic, if the fault ever becomes one, is fine too).
      expect(report.join('\n')).toMatch(/could not rebuild content\/a\.md: .*output\/a\.pptx|✗ content\/a\.md[^]*output\/a\.pptx/);
      expect(w.output.slice(since)).not.toMatch(CRASH);

      rmSync(path.join(w.dir, 'output/a.pptx'), { recursive: true });
      writeFileSync(path.join(w.dir, 'content/results.csv'), 'name\nGamma\n');
      await w.waitForSlide('a.pptx', 1, 'Gamma');
      expect(w.alive()).toBe(true);
    });

    it('from a file it cannot even look at (a symbolic link to itself) appearing in content/', async () => {
      const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') });
      symlinkSync('loop.md', path.join(w.dir, 'content/loop.md'));
      writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## Second\n\nStill watching'));
      await w.waitForSlide('a.pptx', 1, 'Still watching');
      expect(w.output).not.toMatch(CRASH);
      expect(w.alive()).toBe(true);
    });
  });

  it('rebuilds with the output folder holding the project (-o .)', async () => {
    const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') }, ['-o', '.']);
    expect(existsSync(path.join(w.dir, 'a.pptx'))).toBe(true);
    writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## Second\n\nEdited'));
    await w.waitFor(/✓ content\/a\.md → a\.pptx/, 2);
    expect((await (await openPptx(path.join(w.dir, 'a.pptx'))).slides()).map(textOf)[1]).toContain('Edited');
  });

  it('builds a deck saved into a new folder in content/', async () => {
    const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') });
    mkdirSync(path.join(w.dir, 'content/week2'));
    writeFileSync(path.join(w.dir, 'content/week2/c.md'), deckText('## Week two\n\nNew folder'));
    await w.waitForSlide('c.pptx', 1, 'New folder');
    expect(w.alive()).toBe(true);
  });

  it('forgets a deleted deck: its data changing builds nothing, and it is built again when it comes back', async () => {
    const w = await startWatch({
      'content/a.md': listDeck('A', 'results.csv'),
      'content/b.md': listDeck('B', 'other.csv'),
      'content/results.csv': 'name\nAlpha\n',
      'content/other.csv': 'name\nOne\n',
    });
    const since = w.mark();
    rmSync(path.join(w.dir, 'content/a.md'));
    await w.waitFor(/content\/a\.md was removed/, 1, since);
    writeFileSync(path.join(w.dir, 'content/results.csv'), 'name\nBeta\n');
    writeFileSync(path.join(w.dir, 'content/other.csv'), 'name\nTwo\n');
    await w.waitForSlide('b.pptx', 1, 'Two');
    expect(w.output.slice(since)).not.toMatch(/content\/a\.md(?! was removed)/);
    expect(existsSync(path.join(w.dir, 'output/a.pptx'))).toBe(true);

    writeFileSync(path.join(w.dir, 'content/a.md'), listDeck('A again', 'results.csv'));
    await w.waitForSlide('a.pptx', 1, 'Beta');
    expect(w.output).not.toMatch(CRASH);
    expect(w.alive()).toBe(true);
  });
});

describe('lectern build --watch --pdf, --format json', () => {
  it(
    'rebuilds the PDF of a deck rebuilt after an edit',
    async () => {
      need(libreOffice);
      const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') }, ['--pdf'], LIBREOFFICE_MS);
      const pdf = path.join(w.dir, 'output/a.pdf');
      expect(w.stdout).toMatch(/✓ content\/a\.md → output\/a\.pptx \(2 slides\) in \d+ ms\n {2}\+ output\/a\.pdf\n/);
      expect(pdfPages(pdf)).toBe(2);
      const since = w.mark();
      writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## First\n\nHello\n\n---\n\n## Second\n\nAgain'));
      await w.waitFor(/\+ output\/a\.pdf/, 1, since);
      expect(pdfPages(pdf)).toBe(3);
      expect(w.output).not.toMatch(CRASH);
    },
    LIBREOFFICE_MS * 2,
  );

  it('prints one JSON line per rebuild, as one deck of build --format json, and nothing else on stdout', async () => {
    const w = await startWatch({ 'content/a.md': deckText('## First\n\nHello') }, ['--format', 'json']);
    const lines = () =>
      w.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    expect(lines()).toEqual([{ file: 'content/a.md', ok: true, output: 'output/a.pptx', slides: 2, diagnostics: [] }]);

    writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## First\n\n{{#if title}}\nunclosed'));
    await w.waitFor(/"ok":false/);
    expect(lines()[1]).toEqual({
      file: 'content/a.md',
      ok: false,
      diagnostics: [expect.objectContaining({ rule: 'handlebars/syntax', file: 'content/a.md', line: 6, severity: 'error' })],
    });

    writeFileSync(path.join(w.dir, 'content/a.md'), deckText('## First\n\nHello\n\n---\n\n## Second\n\nAgain'));
    await w.waitFor(/"slides":3/);
    expect(lines()).toHaveLength(3);
    const built = await lectern(['build', '--format', 'json'], w.dir);
    expect(lines()[2]).toEqual(JSON.parse(built.stdout).decks[0]);
    expect(w.output).toContain('Watching for changes');
    expect(w.alive()).toBe(true);
  });
});
