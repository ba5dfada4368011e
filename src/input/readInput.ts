import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticError, fail, type SourcePosition } from '../diagnostics.js';
import { closest } from '../suggest.js';
import { describeFsError, errnoOf } from './fsErrors.js';

/** The kinds of file a teacher gives lectern; each has its own size limit and words in messages. */
export type InputKind = 'deck' | 'data' | 'template' | 'presentation' | 'picture' | 'config';

const MB = 1024 * 1024;

/** Per kind: the rule prefix of its diagnostics, its size limit, and what to do beyond it. */
const KINDS: Record<InputKind, { rule: string; limit: number; tooLarge: string }> = {
  deck: { rule: 'file', limit: 10 * MB, tooLarge: 'decks over 10 MB are not lecture notes; split it into several decks' },
  data: { rule: 'data', limit: 50 * MB, tooLarge: 'data files over 50 MB do not fit on slides; keep the rows the deck shows' },
  template: { rule: 'template', limit: 2 * MB, tooLarge: 'template files over 2 MB are not layouts; check that it is the right file' },
  presentation: {
    rule: 'template',
    limit: 100 * MB,
    tooLarge: 'a PowerPoint template over 100 MB holds more than masters and layouts; save a copy without its example slides',
  },
  picture: { rule: 'image', limit: 25 * MB, tooLarge: 'pictures over 25 MB make decks too big to share, so make it smaller' },
  config: { rule: 'config', limit: 1 * MB, tooLarge: 'a config file over 1 MB is not settings; check that it is the right file' },
};

/** The size limit of one kind of input, in bytes. */
export function sizeLimit(kind: InputKind): number {
  return KINDS[kind].limit;
}

/** How lectern names a file in a message, and where to point: the deck's line that names it, or the file itself. */
export interface InputNaming {
  /** e.g. `the picture "map.png"`, `data file "results.csv" for dataset "results"`; defaults to `the file`. */
  what?: string;
  /** Where the message points; defaults to the file itself. */
  at?: SourcePosition;
}

/**
 * Reads the bytes of a file a teacher gave lectern: only a regular file (never
 * a folder, a named pipe or a device, which could hang or never end), and no
 * more than its kind's size limit. Every failure is a diagnostic naming the file.
 */
export function readInputBytes(file: string, kind: InputKind, naming: InputNaming = {}): Uint8Array {
  const rule = KINDS[kind].rule;
  const what = naming.what ?? 'the file';
  const at = naming.at ?? { file };
  checkInputFile(file, kind, naming);
  let fd: number;
  try {
    // O_NONBLOCK: should the file be swapped for a named pipe after the check, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(file, kind, what, at, error);
  }
  try {
    // The file opened is checked again: it may have been swapped since.
    const opened = fstatSync(fd);
    checkRegularFile(opened, kind, what, at);
    checkSize(opened.size, kind, what, at);
    const buffer = Buffer.allocUnsafe(opened.size);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    throw fail(`${rule}/unreadable`, `cannot read ${what}: ${describeFsError(error)}`, at);
  } finally {
    closeSync(fd);
  }
}

/** Checks, without reading it, that `file` is a regular file within its kind's size limit (e.g. a picture another program reads). */
export function checkInputFile(file: string, kind: InputKind, naming: InputNaming = {}): void {
  const what = naming.what ?? 'the file';
  const at = naming.at ?? { file };
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw unreadable(file, kind, what, at, error);
  }
  checkRegularFile(stats, kind, what, at);
  checkSize(stats.size, kind, what, at);
}

/** Reads a text file a teacher gave lectern (deck, CSV, JSON, template file) as clean text: see decodeText. */
export function readInputText(file: string, kind: Exclude<InputKind, 'picture'>, naming: InputNaming = {}): string {
  return decodeText(readInputBytes(file, kind, naming), file, kind);
}

/** A file that cannot be opened, in words; a missing one with the file it was probably meant to be. */
function unreadable(file: string, kind: InputKind, what: string, at: SourcePosition, error: unknown): DiagnosticError {
  const reason = errnoOf(error) === 'ENOENT' ? (fileMeant(file) ?? describeFsError(error)) : describeFsError(error);
  return fail(unreadableRule(kind, error), `cannot read ${what}: ${reason}`, at);
}

/**
 * Where a missing file probably is: a name in its folder a letter away (`phto.png` →
 * `photo.png`), or the same name in a subfolder of it (`images/`) or in the folder above.
 */
function fileMeant(file: string): string | undefined {
  const folder = path.dirname(file);
  const name = path.basename(file);
  const entries = entriesOf(folder);
  const near = closest(name, entries);
  if (near) return `no such file; did you mean "${near}", in the same folder?`;
  const beside = entries.find((entry) => existsSync(path.join(folder, entry, name)));
  if (beside) return `no such file in that folder; one of that name is in its subfolder "${beside}"`;
  if (existsSync(path.join(folder, '..', name))) return 'no such file in that folder; one of that name is in the folder above it';
  return undefined;
}

function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function unreadableRule(kind: InputKind, error: unknown): string {
  return kind === 'picture' && (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'image/missing' : `${KINDS[kind].rule}/unreadable`;
}

/** What a path that is not a regular file is, in words. */
function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

function checkRegularFile(stats: Stats, kind: InputKind, what: string, at: SourcePosition): void {
  const problem = notAFile(stats);
  if (problem) throw fail(`${KINDS[kind].rule}/not-a-file`, `cannot read ${what}: ${problem}`, at);
}

/** Refuses a file over its kind's size limit. */
function checkSize(size: number, kind: InputKind, what: string, at: SourcePosition): void {
  const { rule, limit, tooLarge } = KINDS[kind];
  if (size > limit) throw fail(`${rule}/too-large`, `${what} is ${(size / MB).toFixed(1)} MB; ${tooLarge}`, at);
}

/** Byte-order marks lectern decodes, longest first. */
const BOMS: { bytes: number[]; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a text file's bytes into the text every later stage sees: UTF-8 with
 * or without a byte-order mark, or UTF-16 (LE or BE) with one; Windows (CRLF)
 * and old Mac (CR) line ends become LF; control characters XML cannot hold are
 * dropped. Binary files, other encodings and (for decks and data) empty files are refused.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: Exclude<InputKind, 'picture'> = 'deck'): string {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const body = bytes.subarray(bom?.bytes.length ?? 0);
  let text: string;
  try {
    text = new TextDecoder(bom?.encoding ?? 'utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const encoding = bom && bom.encoding !== 'utf-8' ? 'UTF-16' : 'UTF-8';
    throw fail('file/not-utf8', `the file is not ${encoding} text: ${notTextReason(body, kind)}`, {
      file,
      line: bom && bom.encoding !== 'utf-8' ? undefined : lineAt(body, firstInvalidUtf8(body)),
    });
  }
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    throw fail('file/binary', 'the file contains NUL bytes, so it is not a text file', { file, line: countLines(text, nul) });
  }
  if ((kind === 'deck' || kind === 'data') && text.trim() === '') {
    const needs = kind === 'deck' ? 'a deck needs front matter with at least a title' : 'a data file needs a header row';
    throw fail('file/empty', `the file is empty; ${needs}`, { file, line: 1 });
  }
  return stripControlCharacters(text);
}

/**
 * What a file that does not decode is, and what to do: a Word document or other zip
 * file; text saved in an older encoding such as Windows' ANSI (Notepad's and Word's
 * "Plain Text" default), which has no control characters; or a binary file.
 */
function notTextReason(bytes: Uint8Array, kind: Exclude<InputKind, 'picture'>): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'it is a Word document or another zip file; save it as plain text (UTF-8)';
  if (bytes.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    const dataset = kind === 'data' ? ', or give its dataset encoding: windows-1252' : '';
    return `it is saved in another encoding, such as ANSI (Windows-1252); save it again as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8)${dataset}`;
  }
  return 'it is not a text file (is it a binary file?); save it as plain text (UTF-8)';
}

/** Removes characters that XML 1.0 cannot hold (C0 controls other than tab and newlines). */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
