import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, TemplateLibrary } from '../src/pipeline.js';
import { deckText } from './support/build.js';
import { BIN, lectern, run } from './support/cli.js';
import { pngBytes } from './support/images.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const RESULTS = 'candidate,votes,share_percent\nTokayev,6456393,81.31\nAgainst all,460484,5.80\n';
const GOOD = deckText('## Results\n\n```chart\ntype: bar\ndata: results\nx: candidate\ny: share_percent\n```\n', {
  data: { results: 'results.csv' },
});
const BAD_COLUMN = deckText('## Results\n\nSome text.\n\n```chart\ntype: bar\ndata: results\nx: candidate\ny: share\n```\n', {
  data: { results: 'results.csv' },
});

function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, { 'content/results.csv': RESULTS, ...files });
  return dir;
}

describe('lectern (the command line)', () => {
  it('shows help with examples, and its version', async () => {
    const help = await lectern(['--help'], ROOT);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lectern');
    expect(help.stdout).toContain('$ lectern build content/week1.md');
    expect(help.stdout).toMatch(/build \[options\] \[inputs\.\.\.\]/);
    const version = await lectern(['--version'], ROOT);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('exits 2 on bad usage', async () => {
    const result = await lectern(['build', '--no-such-flag'], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('builds every deck in content/ into output/, one line per deck with its slide count', async () => {
    const dir = project({ 'content/week1.md': GOOD, 'content/week2.md': deckText('## Hello\n\nWorld') });
    const result = await lectern(['build'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✓ ${path.join('content', 'week1.md')} → ${path.join('output', 'week1.pptx')} (2 slides)`);
    expect(result.stdout).toContain(`✓ ${path.join('content', 'week2.md')} → ${path.join('output', 'week2.pptx')} (2 slides)`);
    expect(result.stdout).toContain('2 decks built');
    const slides = await (await openPptx(path.join(dir, 'output/week2.pptx'))).slides();
    expect(textOf(slides[1])).toContain('World');
  });

  it('builds a deck in any folder with the shipped templates, and -o and -t', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'notes/lesson.md': deckText('## Hi\n\nThere', { template: 'default' }) });
    const result = await lectern(['build', 'notes/lesson.md', '-o', 'slides', '-t', 'chalkboard'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'slides/lesson.pptx'))).toBe(true);
  });

  it('uses a template from the project templates/ folder', async () => {
    const dir = project({ 'content/a.md': deckText('## Hi', { template: 'school' }) });
    cpSync(path.join(ROOT, 'templates/default'), path.join(dir, 'templates/school'), { recursive: true });
    const yaml = path.join(dir, 'templates/school/template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('primary: "#1F4E79"', 'primary: "#7B2D8E"'));
    expect((await lectern(['build'], dir)).code).toBe(0);
    const slides = await (await openPptx(path.join(dir, 'output/a.pptx'))).slides();
    expect(slides[1]).toContain('7B2D8E');
  });

  it('reports an error at its file, line and column, without a stack trace, and writes nothing', async () => {
    const dir = project({ 'content/deck.md': BAD_COLUMN });
    const result = await lectern(['build'], dir);
    expect(result.code).toBe(1);
    // Front matter takes lines 1-4; the chart fence opens on line 9 and "y: share" is line 13.
    expect(result.stderr).toContain(
      `${path.join('content', 'deck.md')}:13:1: error: chart: dataset "results" has no column "share" (did you mean "share_percent"?) (columns: candidate, votes, share_percent) [chart/unknown-column]`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('leaves the previous output untouched when a build fails', async () => {
    const dir = project({ 'content/deck.md': GOOD });
    expect((await lectern(['build'], dir)).code).toBe(0);
    const before = sha256(path.join(dir, 'output/deck.pptx'));
    writeFileSync(path.join(dir, 'content/deck.md'), BAD_COLUMN);
    expect((await lectern(['build'], dir)).code).toBe(1);
    expect(sha256(path.join(dir, 'output/deck.pptx'))).toBe(before);
    expect(readdirSync(path.join(dir, 'output'))).toEqual(['deck.pptx']);
  });

  it('builds the good decks and exits 1 when another deck has errors', async () => {
    const dir = project({ 'content/good.md': GOOD, 'content/bad.md': BAD_COLUMN });
    const result = await lectern(['build'], dir);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(dir, 'output/good.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'output/bad.pptx'))).toBe(false);
    expect(result.stdout).toContain('1 deck built, 1 failed');
  });

  it('check reports problems and writes nothing', async () => {
    const dir = project({ 'content/deck.md': BAD_COLUMN });
    const bad = await lectern(['check'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[chart/unknown-column]');
    writeFileSync(path.join(dir, 'content/deck.md'), GOOD);
    const good = await lectern(['check'], dir);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`✓ ${path.join('content', 'deck.md')} checked (2 slides)`);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('says so when there is nothing to build', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'content'));
    const result = await lectern(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no decks (.md files) found in content/');
  });

  it('builds byte-identical files from the same inputs, and honours SOURCE_DATE_EPOCH', async () => {
    const dir = project({ 'content/deck.md': GOOD });
    await lectern(['build', '-o', 'a'], dir);
    await new Promise((r) => setTimeout(r, 1100));
    await lectern(['build', '-o', 'b'], dir);
    expect(sha256(path.join(dir, 'a/deck.pptx'))).toBe(sha256(path.join(dir, 'b/deck.pptx')));
    await lectern(['build', '-o', 'c'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    const core = await (await openPptx(path.join(dir, 'c/deck.pptx'))).xml('docProps/core.xml');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>');
  });

  it('check --format json prints the diagnostics for editors and CI', async () => {
    const dir = project({ 'content/bad.md': BAD_COLUMN, 'content/good.md': GOOD });
    const result = await lectern(['check', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.decks).toEqual([
      {
        file: path.join('content', 'bad.md'),
        ok: false,
        diagnostics: [
          {
            severity: 'error',
            rule: 'chart/unknown-column',
            message:
              'chart: dataset "results" has no column "share" (did you mean "share_percent"?) (columns: candidate, votes, share_percent)',
            file: path.join('content', 'bad.md'),
            line: 13,
            column: 1,
          },
        ],
      },
      { file: path.join('content', 'good.md'), ok: true, slides: 2, diagnostics: [] },
    ]);
  });

  it('refuses pictures outside the project unless --allow-outside', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'map.png': pngBytes(20, 10) });
    const dir = project({ 'content/deck.md': deckText(`## Map\n\n![A map](${path.join(outside, 'map.png')})`) });
    const refused = await lectern(['build'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[path/outside-project]');
    const allowed = await lectern(['build', '--allow-outside'], dir);
    expect(allowed.code).toBe(0);
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
  });

  it('keeps Handlebars from reaching object prototypes', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n\nX{{title.constructor.name}}Y{{lookup this "__proto__"}}Z') });
    expect((await lectern(['build'], dir)).code).toBe(0);
    const slides = await (await openPptx(path.join(dir, 'output/deck.pptx'))).slides();
    expect(textOf(slides[1])).toContain('XYZ');
  });

  it('build --pdf without LibreOffice says how to install it, still writes the .pptx, and exits 1', async () => {
    const dir = project({ 'content/deck.md': GOOD });
    const result = await lectern(['build', '--pdf'], dir, {
      PATH: path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath),
      LECTERN_SOFFICE: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no PDFs written: LibreOffice was not found: install LibreOffice');
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'output/deck.pdf'))).toBe(false);
  });

  it('refuses two decks that would write the same file, and survives a closed pipe', async () => {
    const dir = project({ 'content/a/week.md': GOOD, 'content/b/week.md': GOOD });
    const clash = await lectern(['build'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('would both be written as week.pptx');
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
    const piped = await run('sh', ['-c', `"${process.execPath}" "${BIN}" build content/a/week.md | head -c 1 >/dev/null; echo "exit $?"`], {
      cwd: dir,
    });
    expect(piped.stderr).not.toContain('EPIPE');
  });
});

describe("lectern as it runs: one bundle, started from V8's code cache (src/cli/bundle.ts)", () => {
  /** Loads the bundle of the package at `root` in a fresh process (with `flags` for V8); says whether V8 started it from the cache. */
  async function startsFromCache(root: string, flags: string[] = []): Promise<boolean> {
    const script = `import { loadLectern, codeCacheUsed } from ${JSON.stringify(path.join(root, 'dist/cli/bundle.js'))};
      loadLectern(); console.log(codeCacheUsed());`;
    const { stdout } = await run(process.execPath, [...flags, '--input-type=module', '-e', script]);
    return JSON.parse(stdout) as boolean;
  }

  /** A copy of the built package whose code cache `damage` changes (or removes, returning undefined). */
  function packageWith(damage: (cache: Buffer) => Buffer | undefined): string {
    const dir = tempDir();
    for (const part of ['bin', 'dist', 'templates', 'package.json'])
      cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    const cache = path.join(dir, 'dist/bundle/lectern.cjs.v8cache');
    const changed = damage(readFileSync(cache));
    if (changed) writeFileSync(cache, changed);
    else rmSync(cache);
    return dir;
  }

  it('writes the same files as the sources do, with the shipped templates compiled when the bundle was built', async () => {
    const decks = { default: path.join(ROOT, 'starters/deck.md'), chalkboard: path.join(ROOT, 'content/kazakhstan-democracy.md') };
    const epoch = { SOURCE_DATE_EPOCH: '1700000000' };
    for (const [template, deck] of Object.entries(decks)) {
      const out = tempDir();
      const cli = await lectern(['build', deck, '-t', template, '-o', path.join(out, 'cli')], ROOT, epoch);
      expect(cli.code, cli.stderr).toBe(0);
      process.env.SOURCE_DATE_EPOCH = epoch.SOURCE_DATE_EPOCH;
      try {
        const result = await buildDeckFile(deck, {
          outDir: path.join(out, 'sources'),
          template,
          templates: new TemplateLibrary(),
        });
        expect(result.ok, template).toBe(true);
      } finally {
        delete process.env.SOURCE_DATE_EPOCH;
      }
      const name = `${path.basename(deck, '.md')}.pptx`;
      expect(sha256(path.join(out, 'cli', name)), template).toBe(sha256(path.join(out, 'sources', name)));
    }
  });

  it('starts from the cache that npm run build saved', async () => {
    expect(await startsFromCache(ROOT)).toBe(true);
  });

  it('compiles as usual, and builds, when V8 runs with other flags than the cache was made with', async () => {
    const flags = ['--max-semi-space-size=64'];
    expect(await startsFromCache(ROOT, flags)).toBe(false);
    const { stdout } = await run(process.execPath, [...flags, BIN, 'build', path.join(ROOT, 'starters/deck.md'), '-o', tempDir()]);
    expect(stdout).toMatch(/deck\.pptx \(\d+ slides\)/);
  });

  it('compiles as usual, and builds, when the cache is missing, cut short or damaged', async () => {
    const damages: Record<string, (cache: Buffer) => Buffer | undefined> = {
      missing: () => undefined,
      'cut short': (cache) => cache.subarray(0, cache.length / 3),
      // V8 does not check the bytes: without lectern's digest this would crash the process.
      damaged: (cache) => Buffer.from(cache.map((byte, i) => (i > cache.length / 2 && i % 7 === 0 ? byte ^ 0x5a : byte))),
    };
    const projectDir = project({ 'content/week.md': GOOD });
    for (const [name, damage] of Object.entries(damages)) {
      const pkg = packageWith(damage);
      expect(await startsFromCache(pkg), name).toBe(false);
      const { stdout } = await run(process.execPath, [path.join(pkg, 'bin/lectern.js'), 'build', '-o', `out-${name}`], { cwd: projectDir });
      expect(stdout, name).toContain('(2 slides)');
    }
  });
});
