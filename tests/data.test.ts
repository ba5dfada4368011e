import { diagnosticOfAsync } from './support/diagnostics.js';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataFile, loadDatasets, parseCsvDataset, type DataEntry } from '../src/data/datasets.js';
import { tempDir, writeFiles } from './support/pptx.js';

describe('parseCsvDataset', () => {
  test('a header row gives the columns; numbers are cast, empty cells are null, quoted commas stay', () => {
    const csv =
      'candidate, votes ,share_percent,note\nKassym-Jomart Tokayev,6456392,81.31,\n"Against all, total",460484,5.80,"said ""no"""\nSmall,-3,1e2,\n';
    const dataset = parseCsvDataset('results', csv, 'results.csv');
    expect(dataset.name).toBe('results');
    expect(dataset.columns).toEqual(['candidate', 'votes', 'share_percent', 'note']);
    expect(dataset.records).toEqual([
      { candidate: 'Kassym-Jomart Tokayev', votes: 6456392, share_percent: 81.31, note: null },
      { candidate: 'Against all, total', votes: 460484, share_percent: 5.8, note: 'said "no"' },
      { candidate: 'Small', votes: -3, share_percent: 100, note: null },
    ]);
    expect(dataset.origin).toEqual({ file: 'results.csv', line: 1 });
  });

  test('text that only looks partly like a number stays text', () => {
    const { records } = parseCsvDataset('d', 'a,b,c\n"1,234",12%,2022-11-20\n', 'd.csv');
    expect(records).toEqual([{ a: '1,234', b: '12%', c: '2022-11-20' }]);
  });

  test('a byte-order mark and blank lines are ignored', () => {
    const dataset = parseCsvDataset('d', '\uFEFFx,y\n\na,1\n\nb,2\n', 'd.csv');
    expect(dataset.columns).toEqual(['x', 'y']);
    expect(dataset.records).toEqual([
      { x: 'a', y: 1 },
      { x: 'b', y: 2 },
    ]);
  });

  test("Excel's first line sep=; names the delimiter, and the lines keep their numbers", async () => {
    const dataset = parseCsvDataset('d', 'sep=;\nParty;Votes, total\nA;12\n', 'd.csv');
    expect(dataset.columns).toEqual(['Party', 'Votes, total']);
    expect(dataset.records).toEqual([{ Party: 'A', 'Votes, total': 12 }]);
    expect(dataset.origin).toEqual({ file: 'd.csv', line: 2 });
    expect(dataset.rowLine?.(0)).toBe(3);
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', '\uFEFFsep=|\na|b\n1|2\n3\n', 'd.csv'))).toMatchObject({
      rule: 'data/csv',
      line: 4,
      message: expect.stringContaining('the header has 2 columns (a, b)'),
    });
    // The deck's delimiter wins over the file's line.
    expect(parseCsvDataset('d', 'sep=;\nx,y\n1,2\n', 'd.csv', { delimiter: ',' }).columns).toEqual(['x', 'y']);
  });

  test('a row with too many fields is an error on its CSV line', async () => {
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', 'a,b\n1,2\n\n3,4,5\n6,7\n', 'd.csv'))).toEqual({
      severity: 'error',
      rule: 'data/csv',
      message: 'this row has 3 values, but the header has 2 columns (a, b); put double quotes around a value that holds a ","',
      file: 'd.csv',
      line: 4,
    });
  });

  test('a row with too few fields is an error on its CSV line', async () => {
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', 'a,b,c\n1,2,3\n4,5,6\n7\n', 'd.csv'))).toMatchObject({
      rule: 'data/csv',
      line: 4,
    });
  });

  test('a quoted field never closed is reported where its quote opens', async () => {
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', 'a,b\n1,2\n"3,4\n5,6\n7,8\n', 'd.csv'))).toMatchObject({
      rule: 'data/csv',
      line: 3,
      message: 'a quoted field is never closed (a " is missing)',
    });
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', 'a,b\n"x ""y""",1\n2,"open\n', 'd.csv'))).toMatchObject({
      rule: 'data/csv',
      line: 3,
    });
  });

  test('a column named twice in the header', async () => {
    expect(await diagnosticOfAsync(() => parseCsvDataset('d', 'region,votes,region\nA,1,B\n', 'd.csv'))).toMatchObject({
      rule: 'data/csv',
      line: 1,
      message: 'the column "region" appears twice in the header',
    });
  });
});

describe('loadDataFile', () => {
  const at = { file: 'deck.md', line: 4 };

  test('a JSON list of objects; columns are every key, in order of appearance', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'seats.json': '[{"party": "Amanat", "seats": 62}, {"party": "Auyl", "seats": 8, "new": true}]' });
    const dataset = await loadDataFile('seats', path.join(dir, 'seats.json'), at);
    expect(dataset.columns).toEqual(['party', 'seats', 'new']);
    expect(dataset.records).toEqual([
      { party: 'Amanat', seats: 62, new: null },
      { party: 'Auyl', seats: 8, new: true },
    ]);
  });

  test('invalid JSON is reported on its line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFiles(dir, { 'bad.json': '[\n  {"a": 1},\n  {"a": 2,}\n]\n' });
    const d = await diagnosticOfAsync(() => loadDataFile('bad', file, at));
    expect(d).toMatchObject({ rule: 'data/json', file, line: 3 });
    expect(d.message).toMatch(/^the JSON is not valid: /);
  });

  test('JSON that is not a list of objects', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'obj.json': '{"a": 1}' });
    expect(await diagnosticOfAsync(() => loadDataFile('obj', path.join(dir, 'obj.json'), at))).toMatchObject({
      rule: 'data/json',
      line: 1,
      message: 'dataset "obj" must be a JSON list of objects, e.g. [{"name": "A", "value": 1}]',
    });
  });

  test('a CSV file by its extension, whatever the case', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'R.CSV': 'x,y\na,1\n' });
    expect((await loadDataFile('r', path.join(dir, 'R.CSV'), at)).records).toEqual([{ x: 'a', y: 1 }]);
  });

  test('a missing file is reported at the deck line that names it', async () => {
    const dir = tempDir();
    expect(await diagnosticOfAsync(() => loadDataFile('results', path.join(dir, 'results.csv'), at))).toEqual({
      severity: 'error',
      rule: 'data/unreadable',
      message: 'cannot read data file "results.csv" for dataset "results": no such file; check its name and folder',
      file: 'deck.md',
      line: 4,
    });
  });

  test('a data file that is not UTF-8 text', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'latin1.csv': new Uint8Array([0x78, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]) });
    expect(await diagnosticOfAsync(() => loadDataFile('l', path.join(dir, 'latin1.csv'), at))).toMatchObject({
      rule: 'file/not-utf8',
      line: 2,
    });
  });
});

describe('loadDatasets', () => {
  const lines: Record<string, number> = { results: 4, inline: 5, total: 8, note: 9, missing: 10 };
  const lineOf = (name: string) => lines[name];

  test('files, inline YAML lists and plain values, each under its name', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'data/results.csv': 'candidate,share\nTokayev,81.31\n' });
    const deckFile = path.join(dir, 'deck.md');
    const resolved: string[] = [];
    const datasets = await loadDatasets(
      { results: ' data/results.csv ', inline: [{ year: 2019, turnout: 77.5 }, { year: 2022 }], total: 6456392, note: 'preliminary' },
      deckFile,
      lineOf,
      (ref) => {
        resolved.push(ref);
        return path.join(dir, ref);
      },
    );
    expect(resolved).toEqual(['data/results.csv']);
    expect([...datasets.keys()]).toEqual(['results', 'inline', 'total', 'note']);
    const results = datasets.get('results') as Extract<DataEntry, { kind: 'table' }>;
    expect(results.kind).toBe('table');
    expect(results.dataset.records).toEqual([{ candidate: 'Tokayev', share: 81.31 }]);
    expect(datasets.get('inline')).toEqual({
      kind: 'table',
      dataset: {
        name: 'inline',
        columns: ['year', 'turnout'],
        records: [
          { year: 2019, turnout: 77.5 },
          { year: 2022, turnout: null },
        ],
        origin: { file: deckFile, line: 5 },
      },
    });
    expect(datasets.get('total')).toEqual({ kind: 'value', value: 6456392 });
    expect(datasets.get('note')).toEqual({ kind: 'value', value: 'preliminary' });
  });

  test('a list that is not all records is a plain value', async () => {
    const datasets = await loadDatasets({ years: [2019, 2022] }, 'deck.md', lineOf, (ref) => ref);
    expect(datasets.get('years')).toEqual({ kind: 'value', value: [2019, 2022] });
  });

  test('a missing data file is data/unreadable at the line of its name in the deck', async () => {
    const dir = tempDir();
    const deckFile = path.join(dir, 'deck.md');
    expect(await diagnosticOfAsync(() => loadDatasets({ missing: 'missing.csv' }, deckFile, lineOf, (ref) => path.join(dir, ref)))).toEqual(
      {
        severity: 'error',
        rule: 'data/unreadable',
        message: 'cannot read data file "missing.csv" for dataset "missing": no such file; check its name and folder',
        file: deckFile,
        line: 10,
      },
    );
  });
});
