import { spawn } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckText } from './support/build.js';
import { openPptx, ROOT, tempDir, textOf, writeFiles } from './support/pptx.js';

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
});
