import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLibreOffice, LibreOfficeNotFound } from '../src/render/findLibreOffice.js';
import { deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { pathWithoutLibreOffice, pdfPages, SOFFICE } from './support/libreoffice.js';
import { libreOffice, need } from './support/tools.js';
import { tempDir, writeFiles } from './support/pptx.js';

/** LibreOffice takes seconds to start, more on a busy machine. */
const LIBREOFFICE_MS = 180_000;

/** A two-slide deck (title and one) in a fresh project. */
function project(): string {
  const dir = tempDir();
  writeFiles(dir, { 'content/deck.md': deckText('## One\n\nText') });
  return dir;
}

/** A program at `file` that prints `stderr` and exits with `code`. */
function script(file: string, stderr = '', code = 0): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${stderr ? `echo "${stderr}" >&2\n` : ''}exit ${code}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Where `findLibreOffice` finds soffice, or the message of why it finds none. */
function found(search: Parameters<typeof findLibreOffice>[0]): string {
  try {
    return findLibreOffice(search);
  } catch (error) {
    if (error instanceof LibreOfficeNotFound) return `${error.rule}: ${error.message}`;
    throw error;
  }
}

describe('finding LibreOffice', () => {
  const dir = tempDir();
  const given = script(path.join(dir, 'given/soffice'));
  const fromEnv = script(path.join(dir, 'env/soffice'));
  const onPath = script(path.join(dir, 'bin/soffice'));
  const PATH = ['/nonexistent', path.join(dir, 'bin')].join(':');

  it('takes --soffice, then LECTERN_SOFFICE, then the PATH', () => {
    expect(found({ given, env: { LECTERN_SOFFICE: fromEnv, PATH }, platform: 'linux' })).toBe(given);
    expect(found({ env: { LECTERN_SOFFICE: fromEnv, PATH }, platform: 'linux' })).toBe(fromEnv);
    expect(found({ env: { LECTERN_SOFFICE: '', PATH }, platform: 'linux' })).toBe(onPath);
  });

  it('looks where the Windows installer puts it, Program Files then Program Files (x86), after the PATH', () => {
    const x86 = script(path.join(dir, 'x86/LibreOffice/program/soffice.exe'));
    const programFiles = path.join(dir, 'programs');
    const env = { PATH: path.join(dir, 'bin'), ProgramFiles: programFiles, 'ProgramFiles(x86)': path.join(dir, 'x86') };
    // On Windows the PATH holds soffice.exe, not soffice: the one in bin/ is not it.
    expect(found({ env, platform: 'win32' })).toBe(x86);
    const native = script(path.join(programFiles, 'LibreOffice/program/soffice.exe'));
    expect(found({ env, platform: 'win32' })).toBe(native);
    // The Windows places are not looked at on Linux.
    expect(found({ env: { ...env, PATH: '' }, platform: 'linux' })).toMatch(/^pdf\/no-libreoffice: LibreOffice was not found: install/);
  });

  it('says how to install LibreOffice or point to it when it finds none', () => {
    const message = found({ env: { PATH: '/nonexistent' }, platform: 'linux' });
    expect(message).toBe(
      'pdf/no-libreoffice: LibreOffice was not found: install LibreOffice (libreoffice.org; Debian/Ubuntu: sudo apt-get install libreoffice-impress), or give its soffice program with --soffice <path> or the LECTERN_SOFFICE environment variable',
    );
  });

  it('names a path given that is not a program, rather than looking further', () => {
    const env = { PATH, LECTERN_SOFFICE: '' };
    expect(found({ given: path.join(dir, 'nothing/soffice'), env, platform: 'linux' })).toBe(
      `pdf/soffice: LibreOffice's soffice program ${path.join(dir, 'nothing/soffice')} (given with --soffice or the config file) does not exist`,
    );
    expect(found({ given: path.join(dir, 'given'), env, platform: 'linux' })).toMatch(
      /given \(given with --soffice or the config file\) is a folder; give the soffice program inside it$/,
    );
    const notExecutable = path.join(dir, 'plain/soffice');
    script(notExecutable);
    chmodSync(notExecutable, 0o644);
    expect(found({ env: { ...env, LECTERN_SOFFICE: notExecutable }, platform: 'linux' })).toBe(
      `pdf/soffice: LibreOffice's soffice program ${notExecutable} (given with LECTERN_SOFFICE) cannot be run (it is not executable)`,
    );
  });
});

describe('lectern build --pdf', () => {
  // A PATH without LibreOffice, and no LECTERN_SOFFICE from the environment the tests run in.
  const noLibreOffice = { PATH: pathWithoutLibreOffice(), LECTERN_SOFFICE: '' };
  const platformPlace = { darwin: '/Applications/LibreOffice.app/Contents/MacOS/soffice' }[process.platform as string];
  const installedElsewhere = process.platform === 'win32' || (platformPlace !== undefined && existsSync(platformPlace));

  it.skipIf(installedElsewhere)('exits 1 without LibreOffice, with the .pptx written and a line saying how to get it', async () => {
    const dir = project();
    const result = await lectern(['build', '--pdf'], dir, noLibreOffice);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'lectern: no PDFs written: LibreOffice was not found: install LibreOffice (libreoffice.org; Debian/Ubuntu: sudo apt-get install libreoffice-impress), or give its soffice program with --soffice <path> or the LECTERN_SOFFICE environment variable. The .pptx files are written as usual.\n',
    );
    expect(result.stdout).toBe('✓ content/deck.md → output/deck.pptx (2 slides)\n1 deck built, 1 PDF not written\n');
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'output/deck.pdf'))).toBe(false);

    const json = await lectern(['export', 'pdf', '--format', 'json'], dir, noLibreOffice);
    expect(json.code).toBe(1);
    const deck = JSON.parse(json.stdout).decks[0];
    expect(deck).toMatchObject({ file: 'content/deck.md', ok: false, output: 'output/deck.pptx', slides: 2 });
    expect(deck.diagnostics).toEqual([expect.objectContaining({ rule: 'pdf/no-libreoffice', file: 'output/deck.pdf', severity: 'error' })]);
  });

  it('exits 1 naming a --soffice or LECTERN_SOFFICE that is not there, with the .pptx written', async () => {
    const dir = project();
    const flag = await lectern(['build', '--pdf', '--soffice', 'no/such/soffice'], dir, noLibreOffice);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain(
      "lectern: no PDFs written: LibreOffice's soffice program no/such/soffice (given with --soffice or the config file) does not exist.",
    );
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
    // A bad path given is an error even where LibreOffice is on the PATH.
    const env = await lectern(['build', '--pdf'], dir, { LECTERN_SOFFICE: path.join(dir, 'content') });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain(`soffice program ${path.join(dir, 'content')} (given with LECTERN_SOFFICE) is a folder`);
    expect(existsSync(path.join(dir, 'output/deck.pdf'))).toBe(false);
  });

  it('fails the deck with a pdf/libreoffice diagnostic when LibreOffice fails, keeping the .pptx', async () => {
    const dir = project();
    const soffice = script(path.join(dir, 'fake/soffice'), 'Error: source file could not be loaded', 1);
    const result = await lectern(['build', '--pdf', '--soffice', soffice], dir, noLibreOffice);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '✗ content/deck.md: PDF not written\n  output/deck.pdf: error: LibreOffice could not convert the deck to PDF: Error: source file could not be loaded [pdf/libreoffice]\n',
    );
    expect(result.stdout).toContain('1 deck built, 1 PDF not written');
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'output/deck.pdf'))).toBe(false);

    // A LibreOffice that says nothing wrong but writes no PDF fails the deck too.
    const silent = script(path.join(dir, 'fake/silent'));
    const json = await lectern(['build', '--pdf', '--format', 'json'], dir, { ...noLibreOffice, LECTERN_SOFFICE: silent });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).decks[0].diagnostics).toEqual([
      expect.objectContaining({
        rule: 'pdf/libreoffice',
        message: expect.stringContaining('LibreOffice wrote no PDF'),
        file: 'output/deck.pdf',
      }),
    ]);
  });

  describe('with LibreOffice not on the PATH', () => {
    it(
      'writes the PDF with LibreOffice named by LECTERN_SOFFICE',
      async () => {
        need(libreOffice);
        const dir = project();
        const result = await lectern(['build', '--pdf'], dir, { ...noLibreOffice, LECTERN_SOFFICE: SOFFICE! });
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('✓ content/deck.md → output/deck.pptx (2 slides)\n  + output/deck.pdf\n1 deck built\n');
        expect(result.code).toBe(0);
        expect(pdfPages(path.join(dir, 'output/deck.pdf'))).toBe(2);
      },
      LIBREOFFICE_MS,
    );

    it(
      'writes the PDF with LibreOffice named by export pdf --soffice',
      async () => {
        need(libreOffice);
        const dir = project();
        const result = await lectern(['export', 'pdf', '--soffice', SOFFICE!], dir, noLibreOffice);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('  + output/deck.pdf\n');
        expect(readFileSync(path.join(dir, 'output/deck.pdf'), 'latin1').startsWith('%PDF-')).toBe(true);
        expect(pdfPages(path.join(dir, 'output/deck.pdf'))).toBe(2);
      },
      LIBREOFFICE_MS,
    );
  });
});
