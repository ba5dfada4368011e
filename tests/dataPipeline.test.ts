import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatValue, parsePattern } from '../src/data/cellFormat.js';
import { parseCsvDataset, sniffDelimiter } from '../src/data/csv.js';
import { loadDatasets, type Dataset } from '../src/data/datasets.js';
import { histogramBins, linearFit } from '../src/data/statistics.js';
import { transformDataset } from '../src/data/transform.js';
import { distinguishable, distinguishableColors } from '../src/model/chartPalette.js';
import { FenceSpec } from '../src/model/dataSpec.js';
import { buildInTemp, deckText } from './support/build.js';
import { diagnosticOf } from './support/diagnostics.js';
import { FIXTURES } from './support/fixtures.js';
import { ROOT, tempDir, writeFiles } from './support/pptx.js';
import YAML from 'yaml';

const DATA = path.join(FIXTURES, '_data');
/** A share as the pipeline keeps it: to the 15 digits a double holds. */
const noiseless = (n: number) => Number(n.toPrecision(15));
/**
 * marks.xlsx was written by LibreOffice Calc from marks.fods (`soffice --headless --convert-to xlsx marks.fods`,
 * with the libreoffice-calc package): sheets Notes, Marks (a formula column and dates) and "Week 3" (a table at B2).
 */
const WORKBOOK = readFileSync(path.join(DATA, 'marks.xlsx'));
const NOTEN = readFileSync(path.join(DATA, 'noten.csv'));

async function load(spec: Record<string, unknown>, files: Record<string, string | Uint8Array>, lang = 'en-US') {
  const dir = tempDir();
  writeFiles(dir, files);
  const datasets = await loadDatasets(
    spec,
    path.join(dir, 'deck.md'),
    () => 4,
    (ref) => path.join(dir, ref),
    lang,
  );
  const table = (name: string) => {
    const entry = datasets.get(name);
    if (entry?.kind !== 'table') throw new Error(`${name} is not a table`);
    return entry.dataset;
  };
  return { datasets, table };
}

/** The dataset after a ```table spec's transforms. */
function transform(dataset: Dataset, yaml: string): Dataset {
  const spec = new FenceSpec('table', `data: d\n${yaml}`, 'deck.md', 10, ['data', 'filter', 'group', 'aggregate', 'sort', 'limit']);
  return transformDataset(dataset, spec);
}

const CLASS: Dataset = {
  name: 'd',
  columns: ['student', 'grade', 'final', 'note'],
  records: [
    { student: 'Aigerim', grade: 'A', final: 91, note: 'x' },
    { student: 'Bolat', grade: 'B', final: 74, note: null },
    { student: 'Chen', grade: 'A', final: 88, note: 'y' },
    { student: 'Dana', grade: 'F', final: 31, note: null },
    { student: 'Erlan', grade: 'B', final: 66, note: 'z' },
  ],
  origin: { file: 'class.csv', line: 1 },
  rowLine: (i) => i + 2,
};

describe('sources: Excel workbooks', () => {
  test('a workbook by name reads its first sheet; {file, sheet} another, with formula values and dates', async () => {
    const { table } = await load({ notes: 'marks.xlsx', marks: { file: 'marks.xlsx', sheet: 'Marks' } }, { 'marks.xlsx': WORKBOOK });
    expect(table('notes').columns).toEqual(['Marks of the spring term; the data is on the next sheets.']);
    const marks = table('marks');
    expect(marks.columns).toEqual(['student', 'group', 'midterm', 'final', 'attendance', 'submitted', 'course_mark']);
    expect(marks.records).toHaveLength(20);
    // course_mark is =ROUND(C*0.4+D*0.6;1): the value Calc calculated and saved with it.
    const first = marks.records[0];
    expect(first.course_mark).toBe(Math.round(((first.midterm as number) * 0.4 + (first.final as number) * 0.6) * 10) / 10);
    expect(first.submitted).toBeInstanceOf(Date);
    expect((first.submitted as Date).toISOString().slice(0, 10)).toBe('2024-03-01');
  });

  test('a range picks a block of a sheet, its first row the header', async () => {
    const { table } = await load({ week: { file: 'marks.xlsx', sheet: 'Week 3', range: 'B2:D9' } }, { 'marks.xlsx': WORKBOOK });
    expect(table('week').columns).toEqual(['day', 'hours', 'score']);
    expect(table('week').records[0]).toEqual({ day: 'Mon', hours: 2.5, score: 61 });
    expect(table('week').records).toHaveLength(7);
  });

  test('an unknown sheet names the sheets and the closest one', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'marks.xlsx': WORKBOOK });
    await expect(
      loadDatasets(
        { m: { file: 'marks.xlsx', sheet: 'Week3' } },
        path.join(dir, 'deck.md'),
        () => 7,
        (r) => path.join(dir, r),
      ),
    ).rejects.toMatchObject({
      diagnostic: {
        rule: 'data/sheet',
        line: 7,
        message: 'workbook "marks.xlsx" for dataset "m" has no sheet "Week3" (did you mean "Week 3"?) (sheets: Notes, Marks, Week 3)',
      },
    });
  });

  test('a file that is not a workbook is one line, not a stack trace', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'marks.xlsx': 'name,score\n' });
    await expect(
      loadDatasets(
        { m: 'marks.xlsx' },
        path.join(dir, 'deck.md'),
        () => 3,
        (r) => path.join(dir, r),
      ),
    ).rejects.toMatchObject({
      diagnostic: { rule: 'data/xlsx', line: 3 },
    });
  });
});

describe('sources: CSV in the local format', () => {
  test('the delimiter is sniffed: comma, semicolon, tab, pipe', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('Fach;Note\nMathe;1,5\nDeutsch;2,3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    // Commas inside quotes do not count.
    expect(sniffDelimiter('"a, b";c\n"1, 2";3\n')).toBe(';');
  });

  test('decimal: "," reads decimal commas and dot thousands as numbers; codes with leading zeros stay text', async () => {
    const { table } = await load({ noten: { file: 'noten.csv', decimal: ',' } }, { 'noten.csv': NOTEN });
    expect(table('noten').columns).toEqual(['Fach', 'Note', 'Anteil', 'Kennung', 'Punkte']);
    expect(table('noten').records).toEqual([
      { Fach: 'Mathe', Note: 1.5, Anteil: 12.5, Kennung: '007', Punkte: 1234.5 },
      { Fach: 'Deutsch', Note: 2.3, Anteil: 30.25, Kennung: '012', Punkte: 987 },
      { Fach: 'Physik; Optik', Note: 1, Anteil: 57.25, Kennung: 100, Punkte: 2000 },
    ]);
  });

  test('a German deck reads a column of decimal commas as numbers unasked; an English deck keeps them as text', async () => {
    const german = await load({ noten: 'noten.csv' }, { 'noten.csv': NOTEN }, 'de-DE');
    expect(german.table('noten').records[0]).toMatchObject({ Note: 1.5, Anteil: 12.5, Punkte: 1234.5 });
    const english = await load({ noten: 'noten.csv' }, { 'noten.csv': NOTEN }, 'en-GB');
    expect(english.table('noten').records[0]).toMatchObject({ Note: '1,5', Anteil: '12,5' });
  });

  test('a German deck leaves an ambiguous column alone: "1.5" is not a decimal-comma number', () => {
    const dataset = parseCsvDataset('d', 'a;b\n1.5;2,5\n2.25;3\n', 'd.csv', { langDecimal: ',' });
    expect(dataset.records).toEqual([
      { a: 1.5, b: 2.5 },
      { a: 2.25, b: 3 },
    ]);
  });

  test('{file, delimiter, encoding}: a Windows-1252 file with a pipe delimiter named in words', async () => {
    const latin = Buffer.from('name|city\nJosé|Zürich\n', 'latin1');
    const { table } = await load({ d: { file: 'people.csv', delimiter: 'pipe', encoding: 'windows-1252' } }, { 'people.csv': latin });
    expect(table('d').records).toEqual([{ name: 'José', city: 'Zürich' }]);
  });

  test('an unknown key of a dataset entry suggests the closest', async () => {
    const dir = tempDir();
    await expect(
      loadDatasets(
        { d: { file: 'x.csv', delimeter: ';' } },
        path.join(dir, 'deck.md'),
        () => 5,
        (r) => path.join(dir, r),
      ),
    ).rejects.toMatchObject({
      diagnostic: { rule: 'data/unknown-key', line: 5, message: expect.stringContaining('(did you mean "delimiter"?)') },
    });
  });
});

describe('transforms, in order: filter, group + aggregate, sort, limit', () => {
  test('filter: a sandboxed expression over columns', () => {
    const out = transform(CLASS, 'filter: final >= 50 and grade != "F"');
    expect(out.records.map((r) => r.student)).toEqual(['Aigerim', 'Bolat', 'Chen', 'Erlan']);
    expect(transform(CLASS, 'filter: grade in ("A", "B") and not (final < 70)').records.map((r) => r.student)).toEqual([
      'Aigerim',
      'Bolat',
      'Chen',
    ]);
  });

  test('filter cannot reach JavaScript: constructor, process and this are column names it does not have', () => {
    for (const expression of ['constructor', 'process', 'this', 'toString']) {
      expect(diagnosticOf(() => transform(CLASS, `filter: ${expression}`))).toMatchObject({ rule: 'table/unknown-column' });
    }
  });

  test('group + aggregate: count, sum, mean, median, min, max, share', () => {
    const out = transform(
      CLASS,
      'group: grade\naggregate: {n: count, total: sum(final), mean: mean(final), median: median(final), low: min(final), high: max(final), part: share(final)}',
    );
    expect(out.columns).toEqual(['grade', 'n', 'total', 'mean', 'median', 'low', 'high', 'part']);
    expect(out.records).toEqual([
      { grade: 'A', n: 2, total: 179, mean: 89.5, median: 89.5, low: 88, high: 91, part: noiseless(179 / 350) },
      { grade: 'B', n: 2, total: 140, mean: 70, median: 70, low: 66, high: 74, part: noiseless(140 / 350) },
      { grade: 'F', n: 1, total: 31, mean: 31, median: 31, low: 31, high: 31, part: noiseless(31 / 350) },
    ]);
    expect((out as { formats?: Record<string, string> }).formats).toEqual({ part: '0.0%' });
  });

  test('aggregate as a list names its columns after the function and column; group alone counts', () => {
    expect(transform(CLASS, 'group: grade\naggregate: [count, mean(final)]').columns).toEqual(['grade', 'count', 'mean_final']);
    expect(transform(CLASS, 'group: [grade]').records).toEqual([
      { grade: 'A', count: 2 },
      { grade: 'B', count: 2 },
      { grade: 'F', count: 1 },
    ]);
  });

  test('sort: several columns, "-" for descending; limit: the first rows after sorting', () => {
    expect(transform(CLASS, 'sort: [grade, -final]').records.map((r) => r.student)).toEqual(['Aigerim', 'Chen', 'Bolat', 'Erlan', 'Dana']);
    expect(transform(CLASS, 'sort: -final\nlimit: 2').records.map((r) => r.student)).toEqual(['Aigerim', 'Chen']);
    // Transforms apply in order whatever order the keys are written in: the limit is of the sorted groups.
    expect(transform(CLASS, 'limit: 1\nsort: -mean\ngroup: grade\naggregate: {mean: mean(final)}').records).toEqual([
      { grade: 'A', mean: 89.5 },
    ]);
  });
});

describe('transform errors name the column, the line and a close name', () => {
  const at = (yaml: string) => diagnosticOf(() => transform(CLASS, yaml));

  test('an unknown column in filter, group, aggregate and sort', () => {
    expect(at('filter: fnal > 50')).toEqual({
      severity: 'error',
      rule: 'table/unknown-column',
      message: 'table: filter "fnal > 50": there is no column "fnal" (did you mean "final"?) (columns: student, grade, final, note)',
      file: 'deck.md',
      line: 12,
      column: 1,
    });
    expect(at('group: grad')).toMatchObject({ line: 12, message: expect.stringContaining('has no column "grad" (did you mean "grade"?)') });
    expect(at('group: grade\naggregate: {m: mean(finale)}')).toMatchObject({
      line: 13,
      message: expect.stringContaining('no column "finale" (did you mean "final"?)'),
    });
    expect(at('sort: -studnet')).toMatchObject({ line: 12, message: expect.stringContaining('(did you mean "student"?)') });
  });

  test('an expression that does not parse, with the usual slip named', () => {
    expect(at('filter: final >= ')).toMatchObject({
      rule: 'table/expression',
      line: 12,
      message:
        'table: filter: "final >=" is not a valid expression at the end (expected one of -, not, if, (, Number, Symbol, String); write e.g. final >= 50 and grade != "F"',
    });
    expect(at('filter: grade = "A"')).toMatchObject({
      message: 'table: filter: "grade = "A"" is not a valid expression; compare with "==", e.g. grade == "A"',
    });
  });

  test('an aggregate of a text column names the row that holds text', () => {
    expect(at('group: grade\naggregate: {m: mean(note)}')).toMatchObject({
      rule: 'table/not-numeric',
      line: 13,
      message: 'table: mean(note) needs numbers, but column "note" of dataset "d" holds text ("x" on line 2 of class.csv)',
    });
  });

  test('a filter that leaves no rows', () => {
    expect(at('filter: final > 100')).toMatchObject({
      rule: 'table/empty-filter',
      line: 12,
      message: 'table: the filter "final > 100" leaves no rows of dataset "d"; loosen it',
    });
  });

  test('through the real pipeline: the deck file and line of the key, one line', async () => {
    const deck = deckText('\n## Marks\n\n```chart\ntype: column\ndata: marks\ngroup: grade\naggregate: {avg: mean(fnal)}\n```\n', {
      data: { marks: 'marks.csv' },
    });
    const result = await buildInTemp({ 'deck.md': deck, 'marks.csv': 'name,grade,final\nA,x,1\n' }, { write: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'chart/unknown-column',
        message: 'chart: dataset "marks" has no column "fnal" (did you mean "final"?) (columns: name, grade, final)',
        file: path.join(result.dir, 'deck.md'),
        line: 12,
        column: 1,
      },
    ]);
  });
});

describe('format patterns, in the deck language', () => {
  const f = (v: number | Date, pattern: string, lang = 'en-US') => formatValue(v, parsePattern(pattern), 0, lang);

  test('decimals, thousands, percent, text around', () => {
    expect(f(1234.567, '0.0')).toBe('1234.6');
    expect(f(1234.567, '#,##0')).toBe('1,235');
    expect(f(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(f(0.4567, '0%')).toBe('46%');
    expect(f(0.4567, '0.0%')).toBe('45.7%');
    expect(f(-3.25, '0.0 "pts"')).toBe('-3.3 pts');
    expect(f(7, '000')).toBe('007');
  });

  test('German and French separators; the percent sign spaced as each language writes it', () => {
    expect(f(1234.5, '#,##0.0', 'de-DE')).toBe('1.234,5');
    expect(f(0.4567, '0.0%', 'de-DE')).toBe('45,7\u00a0%');
    expect(f(1234.5, '#,##0.0', 'fr-FR')).toBe('1\u202f234,5');
  });

  test('dates', () => {
    const d = new Date(Date.UTC(2024, 2, 5));
    expect(f(d, 'dd.mm.yyyy')).toBe('05.03.2024');
    expect(f(d, 'd mmm yyyy')).toBe('5 Mar 2024');
    expect(f(d, 'mmmm yyyy', 'de-DE')).toBe('März 2024');
    expect(formatValue(d, undefined, 0, 'en-US')).toBe('2024-03-05');
  });

  test('not a pattern', () => {
    expect(parsePattern('bold')).toBeUndefined();
  });
});

describe('statistics', () => {
  test('linearFit: slope, intercept and R² of a least-squares line', () => {
    const fit = linearFit([1, 2, 3, 4], [3, 5, 7, 9.4])!;
    expect(fit.slope).toBeCloseTo(2.12, 6);
    expect(fit.intercept).toBeCloseTo(0.8, 6);
    expect(fit.r2).toBeGreaterThan(0.99);
    expect(linearFit([1, 1], [2, 3])).toBeUndefined();
  });

  test('histogramBins: edges given, or equal nice bins; the last bin holds its upper edge', () => {
    expect(histogramBins([0, 49, 50, 69, 70, 100], [0, 50, 70, 100])).toEqual({ labels: ['0–50', '50–70', '70–100'], counts: [2, 2, 2] });
    const auto = histogramBins([31, 45, 52, 58, 63, 67, 71, 88, 90], 4);
    expect(auto.counts.reduce((a, b) => a + b, 0)).toBe(9);
    expect(auto).toEqual({ labels: ['20–40', '40–60', '60–80', '80–100'], counts: [1, 3, 3, 2] });
  });
});

describe('series colours a colour-blind viewer can tell apart', () => {
  test('a colour too close to one taken (in protan, deutan, tritan or grey) is passed over for the next', () => {
    // Red and green of equal lightness look alike to most colour-blind viewers.
    expect(distinguishable('D62728', '2CA02C')).toBe(false);
    expect(distinguishable('1F4E79', 'C55A11')).toBe(true);
    expect(distinguishable('FF7F0E', '2CA02C')).toBe(false);
    expect(distinguishable('FF7F0E', '1F77B4')).toBe(true);
    expect(distinguishableColors(['FF7F0E', '2CA02C', '1F77B4'], 2)).toEqual(['FF7F0E', '1F77B4']);
    // Nothing is dropped: when no colour is left, the skipped ones follow in order.
    expect(distinguishableColors(['D62728', '2CA02C'], 2)).toEqual(['D62728', '2CA02C']);
  });

  test('the chalkboard palette: light chalks alike in grey are spread apart (yellow, then lavender, not blue)', () => {
    const template = YAML.parse(readFileSync(path.join(ROOT, 'templates/chalkboard/template.yaml'), 'utf8')) as {
      colors: { chart: string[] };
    };
    const palette = template.colors.chart.map((c) => c.replace('#', ''));
    expect(distinguishableColors(palette, 2)).toEqual(['F2D16B', 'C3B1E1']);
    expect(distinguishableColors(palette, palette.length).sort()).toEqual([...palette].sort());
  });
});
