import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { ROOT, tempDir, writeFiles } from './support/pptx.js';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/lectern.js');

const CSV = 'candidate,votes,share_percent\nTokayev,6456393,81.31\nAgainst all,460484,5.80\n';
const chart = (spec: string) => `## Results\n\n\`\`\`chart\n${spec}\n\`\`\`\n`;
const withData = (body: string) => deckText(body, { data: { results: 'results.csv' } });

interface Case {
  /** Files of the project; the deck is content/deck.md. */
  files: Record<string, string | Uint8Array>;
  rule: string;
  /** `file:line` the message must name, the file relative to the project. */
  at: string;
  /** Part of the message the teacher reads. */
  says: string | RegExp;
}

/** `deckText` front matter takes lines 1-3 (---, title, ---), or 1-4 with `data:`; the body follows. */
const CASES: Record<string, Case> = {
  'malformed YAML front matter': {
    files: { 'content/deck.md': '---\ntitle: Test\nsubtitle: [unclosed\n---\n## A\n' },
    rule: 'front-matter/yaml',
    at: 'content/deck.md:3',
    says: 'the front matter is not valid YAML',
  },
  'front matter that is not a mapping': {
    files: { 'content/deck.md': '---\n- one\n- two\n---\n## A\n' },
    rule: 'front-matter/not-mapping',
    at: 'content/deck.md:2',
    says: '"key: value" lines',
  },
  'unknown layout': {
    files: { 'content/deck.md': deckText('## A\n\n<!-- layout: tabel -->\n\nText\n') },
    rule: 'layout/unknown',
    at: 'content/deck.md:6',
    says: 'unknown layout "tabel" (did you mean "table"?)',
  },
  'unknown template': {
    files: { 'content/deck.md': '---\ntitle: T\ntemplate: defualt\n---\n## A\n' },
    rule: 'template/unknown',
    at: 'content/deck.md:3',
    says: 'unknown template "defualt" (did you mean "default"?)',
  },
  'a dataset that does not exist': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: result\nx: candidate\ny: votes')), 'content/results.csv': CSV },
    rule: 'chart/unknown-dataset',
    at: 'content/deck.md:9',
    says: 'there is no dataset "result" (did you mean "results"?)',
  },
  'a chart column that does not exist': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: results\nx: candidate\ny: share')), 'content/results.csv': CSV },
    rule: 'chart/unknown-column',
    at: 'content/deck.md:11',
    says: 'has no column "share" (did you mean "share_percent"?) (columns: candidate, votes, share_percent)',
  },
  'a chart column that is not numeric': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: results\nx: votes\ny: candidate')), 'content/results.csv': CSV },
    rule: 'chart/not-numeric',
    at: 'content/deck.md:11',
    says: 'column "candidate" of dataset "results" must hold numbers, but line 2 of results.csv has "Tokayev"',
  },
  'an unknown chart type': {
    files: { 'content/deck.md': withData(chart('type: piechart\ndata: results')), 'content/results.csv': CSV },
    rule: 'chart/unknown-type',
    at: 'content/deck.md:8',
    says: 'unknown chart type "piechart"; use one of bar, column, line, area, pie, doughnut, scatter',
  },
  'bad chart YAML': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: [results')), 'content/results.csv': CSV },
    rule: 'chart/yaml',
    at: 'content/deck.md:9',
    says: 'the chart spec is not valid YAML',
  },
  'a ragged CSV row': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: results')), 'content/results.csv': 'a,b\nx,1\ny,2,3\n' },
    rule: 'data/csv',
    at: 'content/results.csv:3',
    says: /row has 3 values, but the header has 2 columns \(a, b\)/,
  },
  'an unterminated CSV row': {
    files: { 'content/deck.md': withData(chart('type: bar\ndata: results')), 'content/results.csv': 'a,b\n"x,1\ny,2\n' },
    rule: 'data/csv',
    at: 'content/results.csv:2',
    says: 'a quoted field is never closed',
  },
  'a missing data file': {
    files: { 'content/deck.md': withData('## A\n') },
    rule: 'data/unreadable',
    at: 'content/deck.md:3',
    says: 'cannot read data file "results.csv" for dataset "results": no such file',
  },
  'a data file that is a folder': {
    files: { 'content/deck.md': withData('## A\n'), 'content/results.csv/x': 'x' },
    rule: 'data/not-a-file',
    at: 'content/deck.md:3',
    says: 'it is a folder, not a file',
  },
  'a missing image': {
    files: { 'content/deck.md': deckText('## A\n\n![A map](map.png)\n') },
    rule: 'image/missing',
    at: 'content/deck.md:6',
    says: 'cannot read the picture "map.png": no such file',
  },
  'an image that is not an image': {
    files: { 'content/deck.md': deckText('## A\n\n![A map](map.png)\n'), 'content/map.png': 'just text' },
    rule: 'image/not-an-image',
    at: 'content/deck.md:6',
    says: '"map.png" is not a picture lectern can read',
  },
  'an image that is too large': {
    files: {
      'content/deck.md': deckText('## A\n\n![A map](map.png)\n'),
      'content/map.png': Buffer.concat([pngBytes(2, 2), Buffer.alloc(26 * 1024 * 1024)]),
    },
    rule: 'image/too-large',
    at: 'content/deck.md:6',
    says: /is 26\.0 MB; pictures over 25 MB/,
  },
  'an image outside the project': {
    files: { 'content/deck.md': deckText('## A\n\n![Secrets](../../../../etc/passwd)\n') },
    rule: 'path/outside-project',
    at: 'content/deck.md:6',
    says: 'is outside the project folder',
  },
  'a remote image': {
    files: { 'content/deck.md': deckText('## A\n\n![Logo](https://example.org/logo.png)\n') },
    rule: 'path/remote',
    at: 'content/deck.md:6',
    says: 'lectern does not download files',
  },
  'a Handlebars syntax error': {
    files: { 'content/deck.md': deckText('## A\n\n{{#each data.x}\n') },
    rule: 'handlebars/syntax',
    at: 'content/deck.md:6',
    says: 'template syntax error in the deck body',
  },
  'a file that is not UTF-8': {
    files: { 'content/deck.md': Buffer.from([...Buffer.from('---\ntitle: T\n---\n'), 0xff, 0xfe, 0x41]) },
    rule: 'file/not-utf8',
    at: 'content/deck.md:4',
    says: 'the file is not UTF-8 text',
  },
  'a file with NUL bytes': {
    files: { 'content/deck.md': Buffer.from('---\ntitle: T\n---\n## A\0\n') },
    rule: 'file/binary',
    at: 'content/deck.md:4',
    says: 'the file contains NUL bytes',
  },
  'an empty file': { files: { 'content/deck.md': '' }, rule: 'file/empty', at: 'content/deck.md:1', says: 'the file is empty' },
  'a 5 MB paragraph': {
    files: { 'content/deck.md': deckText(`## Big\n\n${'word '.repeat(1_000_000)}\n`) },
    rule: 'layout/too-long',
    at: 'content/deck.md:4',
    says: 'too long for one slide even at 18 pt',
  },
};

async function build(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'build'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return e;
  }
}

describe.concurrent('bad input gets one clear message at the place to fix, and nothing is written', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const dir = tempDir();
      writeFiles(dir, c.files);
      const result = await build(dir);
      expect(result.code).toBe(1);
      const message = result.stderr.split('\n').find((l) => l.includes(`[${c.rule}]`));
      expect(message, result.stderr).toBeDefined();
      expect(message!.trim().startsWith(`${c.at.replace(/\//g, path.sep)}:`), message).toBe(true);
      if (typeof c.says === 'string') expect(message).toContain(c.says);
      else expect(message).toMatch(c.says);
      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.stderr).not.toContain('internal error');
      expect(existsSync(path.join(dir, 'output')) ? readdirSync(path.join(dir, 'output')) : []).toEqual([]);
    });
  }
});

describe.concurrent('huge input builds', () => {
  it('a 2,000-row table continues over many slides with its header', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `| row ${i} | ${i} |`).join('\n');
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': deckText(`## Table\n\n| Name | Value |\n|---|--:|\n${rows}\n`) });
    const result = await build(dir);
    expect(result.code).toBe(0);
    const slides = Number(/\((\d+) slides\)/.exec(result.stdout)![1]);
    expect(slides).toBeGreaterThan(100);
  });

  it("a list nested 50 levels deep stops at PowerPoint's nine levels", async () => {
    const list = Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const dir = tempDir();
    writeFiles(dir, { 'content/deck.md': deckText(`## List\n\n${list}\n`) });
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
  });
});
