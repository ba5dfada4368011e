import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../src/diagnostics.js';
import { decodeText } from '../src/input/readInput.js';
import { writeFileAtomic } from '../src/render/writeAtomic.js';
import { buildInTemp, deckText } from './support/build.js';
import { BIN, run, type CliRun } from './support/cli.js';
import { diagnosticOf } from './support/diagnostics.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, textOf, writeFiles } from './support/pptx.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const utf16le = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
const utf16be = (text: string) => new Uint8Array(Buffer.from(utf16le(text)).swap16());

/** How editors save text: each turns the same text into the bytes on disk. */
const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'UTF-8 with CRLF (Windows editors)': (t) => utf8(crlf(t)),
  'UTF-8 with lone CR (old Mac editors)': (t) => utf8(t.replace(/\n/g, '\r')),
  'UTF-8 with a BOM and CRLF (Notepad)': (t) => utf8(`\uFEFF${crlf(t)}`),
  'UTF-16 LE with a BOM and CRLF (Notepad "Unicode", Excel "Unicode text")': (t) => utf16le(crlf(t)),
  'UTF-16 BE with a BOM': (t) => utf16be(t),
};

/** A deck, its data and its template (which extends default, with a partial), as the teacher means them. */
const PROJECT: Record<string, string> = {
  'content/deck.md': `---
title: Saved on Windows
template: windows
data:
  results: results.csv
---
# First slide

Intro text in Qazaq: saılaý

---

# Two sides

::: columns
::: column
Left side
:::
::: column
Right side
:::
:::

---

# Results

{{#each data.results}}
- {{name}} has {{votes}} votes
{{/each}}
`,
  'content/results.csv': 'name,votes\nAigerim,120\nBolat,80\n',
  'templates/windows/template.yaml': 'extends: default\ndescription: Saved by Notepad\ncolors:\n  primary: "#AA0000"\n',
  'templates/windows/layouts/content.hbs':
    '<layout>\n{{> chrome}}\n{{> brand}}\n  <body x="0.6" y="1.6" w="12.13" h="5.3" size="24"/>\n</layout>\n',
  'templates/windows/partials/brand.hbs': '  <text x="0.6" y="6.9" w="4" h="0.4" size="10">Windows brand</text>\n',
};

describe.concurrent('text saved by any editor builds the same deck', () => {
  for (const [encoding, encode] of Object.entries(ENCODINGS)) {
    it(`deck, CSV and template files in ${encoding}`, async () => {
      const files = Object.fromEntries(Object.entries(PROJECT).map(([name, text]) => [name, encode(text)]));
      const result = await buildInTemp(files, { deck: 'content/deck.md' });
      expect(result.diagnostics, JSON.stringify(result.diagnostics)).toEqual([]);
      const pptx = await openPptx(result.output!);
      const slides = await pptx.slides();
      // Title slide, then the three slides the "---" lines separate, each with its number.
      expect(slides.map(textOf)).toEqual([
        'Saved on Windows',
        'First slide Intro text in Qazaq: saılaý 2',
        'Two sides Left side Right side 3',
        'Results Aigerim has 120 votes Bolat has 80 votes 4',
      ]);
      // The columns are two shapes, not one with the ::: markers as text.
      const sides = [...slides[2].matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => textOf(m[0]));
      expect(sides).toEqual(expect.arrayContaining(['Left side', 'Right side']));
      for (const xml of slides) {
        expect(xml).not.toMatch(/:::|_x000D_|&#13;|&#xD;/);
        expect(textOf(xml)).not.toContain('\r');
      }
      // The template's colour and its partial's text arrived.
      expect(slides[1]).toContain('AA0000');
      const layouts = await Promise.all(pptx.names.filter((n) => /slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => pptx.xml(n)));
      expect(layouts.join('')).toContain('Windows brand');
    });
  }
});

describe('decodeText', () => {
  it('decodes UTF-16 with a BOM and ends every line with LF', () => {
    expect(decodeText(utf16le('a\r\nb\rc\n'), 'x.md')).toBe('a\nb\nc\n');
    expect(decodeText(utf16be('Qazaq: saılaý\r\n'), 'x.md')).toBe('Qazaq: saılaý\n');
  });

  it('refuses UTF-16 that is cut short, naming the file', () => {
    expect(diagnosticOf(() => decodeText(utf16le('abc').subarray(0, 5), 'x.csv', 'data'))).toMatchObject({
      rule: 'file/not-utf8',
      file: 'x.csv',
      message: expect.stringContaining('the file is not UTF-16 text'),
    });
  });

  it('reports a NUL byte on its line after a lone CR line end', () => {
    expect(diagnosticOf(() => decodeText(utf8('---\rtitle: A\r---\rab\0'), 'x.md'))).toMatchObject({ rule: 'file/binary', line: 4 });
  });
});

/** Runs the real CLI in `cwd`; never throws, and gives up (code -1) rather than hang. */
async function cli(args: string[], cwd: string, env: Record<string, string> = {}, timeout = 30_000): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, timeout });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun & { killed?: boolean };
    return { code: e.killed ? -1 : e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The error lines lectern printed (`file[:line]: error: ...`). */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => / error: /.test(l));

/** What every refused input must look like: exit 1, one error line at `at` saying `says`, no stack, nothing written, old output intact. */
async function expectRefused(dir: string, run: CliRun, rule: string, at: string, says: string | RegExp): Promise<void> {
  expect(run.code, run.stderr).toBe(1);
  const errors = errorLines(run.stderr);
  expect(errors, run.stderr).toHaveLength(1);
  expect(errors[0].trim().startsWith(`${at}:`), errors[0]).toBe(true);
  expect(errors[0]).toContain(`[${rule}]`);
  if (typeof says === 'string') expect(errors[0]).toContain(says);
  else expect(errors[0]).toMatch(says);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr + run.stdout).not.toContain('root:x:0');
  expect(readdirSync(path.join(dir, 'output')).sort()).toEqual(['deck.pptx']);
  expect(readFileSync(path.join(dir, 'output/deck.pptx'), 'utf8')).toBe(OLD_OUTPUT);
}

const OLD_OUTPUT = 'the deck built last week';

/** A project in a temp folder with `content/deck.md`, an earlier build's output, and `setup` run on it. */
function project(files: Record<string, string | Uint8Array>, setup: (dir: string) => void = () => {}): string {
  const dir = tempDir();
  writeFiles(dir, { 'output/deck.pptx': OLD_OUTPUT, ...files });
  setup(dir);
  return dir;
}

const withData = (ref: string) => deckText('## A\n\n{{data.results.length}} rows\n', { data: { results: ref } });
const withPicture = (ref: string) => deckText(`## A\n\n![A map](${ref})\n`);
/** A file outside every project: a picture lectern could read. */
const outsidePicture = () => {
  const file = path.join(tempDir('lectern-elsewhere-'), 'secret.png');
  writeFileSync(file, pngBytes(4, 3));
  return file;
};

interface BadInput {
  files: Record<string, string | Uint8Array>;
  setup?: (dir: string) => void;
  args?: string[];
  rule: string;
  at: string;
  says: string | RegExp;
}

/** Inputs lectern must refuse in one line, through the real CLI (`lectern build` in the project). */
const BAD_INPUTS: Record<string, BadInput> = {
  'a data file that is a link to /etc/passwd': {
    files: { 'content/deck.md': withData('results.csv') },
    setup: (dir) => symlinkSync('/etc/passwd', path.join(dir, 'content/results.csv')),
    rule: 'path/link-outside-project',
    at: 'content/deck.md:3',
    says: '"results.csv" is a link to a file outside the project folder',
  },
  'a picture that is a link to a picture outside the project': {
    files: { 'content/deck.md': withPicture('map.png') },
    setup: (dir) => symlinkSync(outsidePicture(), path.join(dir, 'content/map.png')),
    rule: 'path/link-outside-project',
    at: 'content/deck.md:6',
    says: '"map.png" is a link to a file outside the project folder',
  },
  'a picture in a linked folder that leads outside the project': {
    files: { 'content/deck.md': withPicture('pictures/secret.png') },
    setup: (dir) => symlinkSync(path.dirname(outsidePicture()), path.join(dir, 'content/pictures')),
    rule: 'path/link-outside-project',
    at: 'content/deck.md:6',
    says: 'is a link to a file outside the project folder',
  },
  "a template's logo that is a link to /etc/passwd": {
    files: {
      'content/deck.md': deckText('## A\n', { template: 'evil' }),
      'templates/evil/template.yaml': 'extends: default\nlogo: logo.png\n',
    },
    setup: (dir) => symlinkSync('/etc/passwd', path.join(dir, 'templates/evil/logo.png')),
    rule: 'template/link-outside',
    at: 'templates/evil/template.yaml:2',
    says: 'the picture "logo.png" is a link to a file outside the template folder',
  },
  "a template's layout that is a link to a file outside it": {
    files: {
      'content/deck.md': deckText('## A\n', { template: 'evil' }),
      'templates/evil/template.yaml': 'extends: default\n',
    },
    setup: (dir) => {
      mkdirSync(path.join(dir, 'templates/evil/layouts'));
      symlinkSync('/etc/passwd', path.join(dir, 'templates/evil/layouts/content.hbs'));
    },
    rule: 'template/link-outside',
    at: 'templates/evil/layouts/content.hbs',
    says: 'content.hbs is a link to a file outside the template folder',
  },
  'a data file that is a named pipe (FIFO), which would never end': {
    files: { 'content/deck.md': withData('results.csv') },
    setup: (dir) => execFileSync('mkfifo', [path.join(dir, 'content/results.csv')]),
    rule: 'data/not-a-file',
    at: 'content/deck.md:3',
    says: 'cannot read data file "results.csv" for dataset "results": it is a named pipe (FIFO), not a regular file',
  },
  'a data file that is /dev/zero (with --allow-outside)': {
    files: { 'content/deck.md': withData('results.csv') },
    setup: (dir) => symlinkSync('/dev/zero', path.join(dir, 'content/results.csv')),
    args: ['--allow-outside'],
    rule: 'data/not-a-file',
    at: 'content/deck.md:3',
    says: 'it is a device, not a regular file',
  },
  'a 60 MB data file': {
    files: { 'content/deck.md': withData('results.csv') },
    setup: (dir) => {
      writeFileSync(path.join(dir, 'content/results.csv'), 'a,b\n');
      truncateSync(path.join(dir, 'content/results.csv'), 60 * 1024 * 1024);
    },
    rule: 'data/too-large',
    at: 'content/deck.md:3',
    says: 'data file "results.csv" for dataset "results" is 60.0 MB; data files over 50 MB',
  },
  'an 11 MB deck': {
    files: { 'content/deck.md': deckText('## A\n') },
    setup: (dir) => truncateSync(path.join(dir, 'content/deck.md'), 11 * 1024 * 1024),
    rule: 'file/too-large',
    at: 'content/deck.md',
    says: 'the deck is 11.0 MB; decks over 10 MB',
  },
  'a picture that is a folder': {
    files: { 'content/deck.md': withPicture('map.png'), 'content/map.png/x': 'x' },
    rule: 'image/not-a-file',
    at: 'content/deck.md:6',
    says: 'cannot read the picture "map.png": it is a folder, not a file',
  },
  'a partial that is a folder': {
    files: {
      'content/deck.md': deckText('## A\n', { template: 'odd' }),
      'templates/odd/template.yaml': 'extends: default\n',
      'templates/odd/partials/chrome.hbs/x': 'x',
    },
    rule: 'template/not-a-file',
    at: 'templates/odd/partials/chrome.hbs',
    says: 'it is a folder, not a file',
  },
  'a UTF-32 data file': {
    files: {
      'content/deck.md': withData('results.csv'),
      'content/results.csv': new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x0a, 0, 0, 0]),
    },
    rule: 'file/binary',
    at: 'content/results.csv:1',
    says: 'the file contains NUL bytes',
  },
};

describe.concurrent('inputs that are not text files in the project are refused in one line, and nothing is written', () => {
  for (const [name, c] of Object.entries(BAD_INPUTS)) {
    it(name, async () => {
      const dir = project(c.files, c.setup);
      await expectRefused(dir, await cli(['build', ...(c.args ?? [])], dir), c.rule, c.at, c.says);
    });
  }
});

describe.concurrent("the project is the deck's, not the folder lectern runs in", () => {
  it('run from /, a deck cannot read a picture beside its folder', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'lecture/deck.md': withPicture('../map.png'), 'map.png': pngBytes(4, 3) });
    const result = await cli(['build', path.join(dir, 'lecture/deck.md'), '-o', path.join(dir, 'out')], '/');
    expect(result.code, result.stderr).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringContaining(
        `"../map.png" is outside the project folder ${path.join(dir, 'lecture')}; copy it into the project, or build with --allow-outside [path/outside-project]`,
      ),
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('the nearest folder with package.json is the project, wherever lectern runs', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'package.json': '{}',
      'data/results.csv': 'name,votes\nA,1\n',
      'lectures/week1/deck.md': deckText('## Votes\n\n{{#each data.results}}{{name}}: {{votes}}{{/each}}\n', {
        data: { results: '../../data/results.csv' },
      }),
    });
    const result = await cli(['build', 'deck.md', '-o', path.join(dir, 'out')], path.join(dir, 'lectures/week1'));
    expect(result.code, result.stderr).toBe(0);
    expect((await (await openPptx(path.join(dir, 'out/deck.pptx'))).slides()).map(textOf)).toContain('Votes A: 1 2');
  });
});

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Faults of the output disk a test cannot produce for real, each injected into the write, and what the teacher reads. */
const WRITE_FAULTS: Record<string, { fault: Partial<typeof fs>; says: string }> = {
  'a read-only disk (EROFS)': {
    fault: {
      writeFileSync: () => {
        throw errno('EROFS');
      },
    },
    says: 'cannot write the file: the disk is read-only; choose another output folder with -o',
  },
  'a full disk, half-way through (ENOSPC)': {
    fault: {
      writeFileSync: ((file: string, bytes: Uint8Array) => {
        fs.writeFileSync(file, bytes.subarray(0, 10));
        throw errno('ENOSPC');
      }) as typeof fs.writeFileSync,
    },
    says: 'cannot write the file: the disk is full; free some space, or choose an output folder on another disk with -o',
  },
  'a folder the user may not write to (EACCES)': {
    fault: {
      writeFileSync: () => {
        throw errno('EACCES');
      },
    },
    says: 'permission denied; choose a folder you can write to with -o',
  },
  'the old deck open in PowerPoint on Windows (EBUSY)': {
    fault: {
      renameSync: () => {
        throw errno('EBUSY');
      },
    },
    says: 'the file is in use by another program (is it open in PowerPoint?); close it and build again',
  },
  'the old deck locked on Windows (EPERM)': {
    fault: {
      renameSync: () => {
        throw errno('EPERM');
      },
    },
    says: 'close the file in PowerPoint (or the program holding it) and build again',
  },
  'a temp file on another disk (EXDEV)': {
    fault: {
      renameSync: () => {
        throw errno('EXDEV');
      },
    },
    says: 'the file cannot be moved to another disk; choose an output folder on the same disk',
  },
};

describe('writing the output: faults are one diagnostic naming the file, the old file intact, no temp file left', () => {
  for (const [name, { fault, says }] of Object.entries(WRITE_FAULTS)) {
    it(name, () => {
      const dir = tempDir();
      const file = path.join(dir, 'deck.pptx');
      writeFileSync(file, OLD_OUTPUT);
      const d = diagnosticOf(() => writeFileAtomic(file, new Uint8Array(1000), { ...fs, ...fault }));
      expect(d).toMatchObject({ rule: 'output/unwritable', file, message: expect.stringContaining(says) });
      expect(readdirSync(dir)).toEqual(['deck.pptx']);
      expect(readFileSync(file, 'utf8')).toBe(OLD_OUTPUT);
    });
  }

  it('an output folder another thread of the batch makes first is used, not taken for a file in the way', () => {
    const dir = tempDir();
    const out = path.join(dir, 'course-out');
    // Missing when looked at; made by another worker before this one's mkdir.
    let looked = false;
    const race: Partial<typeof fs> = {
      statSync: ((file: string, options?: fs.StatSyncOptions) => {
        if (file === out && !looked) {
          looked = true;
          return undefined;
        }
        return fs.statSync(file, options);
      }) as typeof fs.statSync,
      mkdirSync: ((folder: string) => {
        fs.mkdirSync(folder);
        throw errno('EEXIST');
      }) as typeof fs.mkdirSync,
    };
    writeFileAtomic(path.join(out, 'lecture-02.pptx'), new Uint8Array([1, 2, 3]), { ...fs, ...race });
    expect(readFileSync(path.join(out, 'lecture-02.pptx'))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('a failed write is a DiagnosticError, not a raw file-system error', () => {
    const dir = tempDir();
    expect(() =>
      writeFileAtomic(path.join(dir, 'a.pptx'), new Uint8Array(1), { ...fs, ...WRITE_FAULTS['a read-only disk (EROFS)'].fault }),
    ).toThrow(DiagnosticError);
  });
});

describe.concurrent('output faults through the real CLI', () => {
  it('-o naming an existing file', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n'), 'notes.txt': 'keep me' });
    const result = await cli(['build', '-o', 'notes.txt'], dir);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      '  notes.txt: error: cannot create the output folder: a file of that name is in the way; name a folder with -o, or move that file [output/folder]',
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('-o naming a folder below an existing file', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n'), 'notes.txt': 'keep me' });
    const result = await cli(['build', '-o', 'notes.txt/slides'], dir);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringMatching(/^ {2}notes\.txt\/slides: error: .*a file of that name is in the way/),
    ]);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  // Node's recursive mkdir never returns there: it retries the ENOENT of /proc for ever.
  it.runIf(existsSync('/proc/self'))('-o naming a folder where no folder can be made (/proc)', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n') });
    const result = await cli(['build', '-o', '/proc/lectern-slides'], dir);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringContaining('error: cannot create the output folder: no such file [output/folder]'),
    ]);
  });

  it('an output .pptx name taken by a folder', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n'), 'out/deck.pptx/keep.txt': 'keep me' });
    const result = await cli(['build', '-o', 'out'], dir);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringMatching(/^ {2}out\/deck\.pptx: error: cannot write the file: .*folder.*\[output\/unwritable\]$/),
    ]);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['deck.pptx']);
    expect(readFileSync(path.join(dir, 'out/deck.pptx/keep.txt'), 'utf8')).toBe('keep me');
  });

  it('an output folder name too long for the file system (ENAMETOOLONG)', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n') });
    const result = await cli(['build', '-o', 'x'.repeat(300)], dir);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringContaining('error: cannot create the output folder: the path is too long; use a shorter name or output folder'),
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('--pdf with the temporary folder on another disk (EXDEV)', { timeout: 180_000 }, async () => {
    if (!existsSync('/dev/shm') || fs.statSync('/dev/shm').dev === fs.statSync(tempDir()).dev) return;
    const dir = project({ 'content/deck.md': deckText('## A\n\nText\n') });
    const result = await cli(['build', '--pdf'], dir, { TMPDIR: '/dev/shm' }, 170_000);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'output/deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync('/dev/shm').filter((e) => e.startsWith(`.lectern-`) && e.includes('-pdf-'))).toEqual([]);
  });

  it("stale .lectern-* temp files of a killed run are removed; a running one's are kept", async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n') });
    let dead = 4_000_000;
    while (isRunning(dead)) dead--;
    const stale = path.join(dir, `output/.lectern-${dead}-x1-deck.pptx`);
    const old = path.join(dir, `output/.lectern-${process.pid}-x2-deck.pptx`);
    const live = path.join(dir, `output/.lectern-${process.pid}-x3-deck.pptx`);
    writeFiles(dir, {
      [path.relative(dir, stale)]: 'half a deck',
      [path.relative(dir, old)]: 'a day old',
      [path.relative(dir, live)]: 'being written',
    });
    utimesSync(old, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    const result = await cli(['build'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'output')).sort()).toEqual([path.basename(live), 'deck.pptx']);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe.concurrent('a batch builds every deck it can', () => {
  it('five decks, one with a broken template: four built, the fifth reported, exit 1', async () => {
    const decks = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((n) => [`content/${n}.md`, deckText(`## Deck ${n}\n`, n === 'c' ? { template: 'odd' } : {})]),
    );
    const dir = project({ ...decks, 'templates/odd/template.yaml': 'extends: default\n', 'templates/odd/partials/chrome.hbs/x': 'x' });
    const result = await cli(['build'], dir);
    expect(result.code, result.stderr).toBe(1);
    expect(readdirSync(path.join(dir, 'output')).sort()).toEqual(['a.pptx', 'b.pptx', 'd.pptx', 'deck.pptx', 'e.pptx']);
    expect(result.stderr).toContain('✗ content/c.md: not built');
    expect(errorLines(result.stderr)).toEqual([
      expect.stringContaining('templates/odd/partials/chrome.hbs: error: cannot read the template file: it is a folder, not a file'),
    ]);
    expect(result.stdout).toContain('4 decks built, 1 failed');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.concurrent('--format json prints JSON whatever happens', () => {
  it('when no deck is found', async () => {
    const dir = tempDir();
    const result = await cli(['build', 'missing.md', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: '"missing.md" does not exist', decks: [] });
  });

  it('when a deck cannot be written', async () => {
    const dir = project({ 'content/deck.md': deckText('## A\n'), 'notes.txt': 'keep me' });
    const result = await cli(['build', '-o', 'notes.txt', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      decks: [{ file: 'content/deck.md', ok: false, diagnostics: [{ rule: 'output/folder', file: 'notes.txt' }] }],
    });
  });
});

/** A template extending default, with `yaml` and a content layout `body` lines, in a temp project. */
const templateProject = (yaml: string, layout?: string) => ({
  'deck.md': deckText('## A\n\nText\n', { template: 'bounds' }),
  'templates/bounds/template.yaml': `extends: default\n${yaml}`,
  ...(layout ? { 'templates/bounds/layouts/content.hbs': `<layout>\n${layout}\n</layout>\n` } : {}),
});

const BODY = '  <body x="0.6" y="1.6" w="12" h="5" size="24"/>';

/** Template numbers lectern refuses, at the file and line that hold them. */
const BAD_NUMBERS: Record<string, { files: Record<string, string>; at: string; says: string }> = {
  'a font size of 1e308 points': {
    files: templateProject('sizes:\n  title: 1e308\n'),
    at: 'templates/bounds/template.yaml:3',
    says: 'sizes.title must be a number of points from 6 to 200, not 1e+308',
  },
  'a body size of 2 points': {
    files: templateProject('sizes:\n  body: 2\n'),
    at: 'templates/bounds/template.yaml:3',
    says: 'sizes.body must be a number of points from 6 to 200',
  },
  'a layout box at x="1e308"': {
    files: templateProject('', `  <title x="1e308" y="0.3" w="12" h="1"/>\n${BODY}`),
    at: 'templates/bounds/layouts/content.hbs:2',
    says: '<title> x="1e308" must be between 0 and 13.333 inches',
  },
  'a layout box past the right edge': {
    files: templateProject('', `  <title x="6" y="0.3" w="12" h="1"/>\n${BODY}`),
    at: 'templates/bounds/layouts/content.hbs:2',
    says: "<title> reaches 18 in., past the slide's right edge at 13.333 in.; make x + w at most 13.333",
  },
  'a negative position': {
    files: templateProject('', `  <rect x="0" y="-2" w="1" h="1"/>\n${BODY}`),
    at: 'templates/bounds/layouts/content.hbs:2',
    says: '<rect> y="-2" must be between 0 and 7.5 inches',
  },
  'a text size of 500 points in a layout': {
    files: templateProject('', `  <title x="0.6" y="0.3" w="12" h="1" size="500"/>\n${BODY}`),
    at: 'templates/bounds/layouts/content.hbs:2',
    says: '<title> size="500" must be between 6 and 200 points',
  },
};

describe.concurrent('template numbers stay on the slide and readable', () => {
  for (const [name, c] of Object.entries(BAD_NUMBERS)) {
    it(name, async () => {
      const result = await buildInTemp(c.files);
      expect(result.ok).toBe(false);
      const [d] = result.diagnostics;
      expect(`${path.relative(result.dir, d.file)}:${d.line}`).toBe(c.at);
      expect(d.rule).toMatch(/^template\/(sizes|bounds)$/);
      expect(d.message).toContain(c.says);
      expect(existsSync(path.join(result.dir, 'out'))).toBe(false);
    });
  }
});
