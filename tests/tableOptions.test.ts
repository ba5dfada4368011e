import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseXml, descendants, childElements, type Element } from '../src/render/xml.js';
import { buildInTemp, deckText } from './support/build.js';
import { FIXTURES } from './support/fixtures.js';
import { openPptx, validatePptx } from './support/pptx.js';

const WORKBOOK = readFileSync(path.join(FIXTURES, '_data/marks.xlsx'));
const EMU = 914400;

/** The grades of a small class, as a teacher's export would have them. */
const CLASS_CSV = 'student,grade,final,attendance\nAigerim,A,91.5,0.98\nBolat,B,74,0.9\nChen,A,88.25,1\nDana,F,31,0.5\nErlan,B,66,0.85\n';

/** A deck with one ```table block per slide, each spec given as YAML lines. */
function tableDeck(specs: string[], frontMatter: Record<string, unknown> = {}): string {
  const body = specs.map((spec, i) => `\n## Table ${i + 1}\n\n\`\`\`table\n${spec}\n\`\`\`\n`).join('\n---\n');
  return deckText(body, { data: { marks: { file: 'marks.xlsx', sheet: 'Marks' }, class: 'class.csv' }, ...frontMatter });
}

interface Table {
  /** Cell texts, header first. */
  cells: string[][];
  /** Each row's first cell fill, `RRGGBB`. */
  fills: string[];
  /** Each cell's paragraph alignment. */
  align: string[][];
  /** Column widths and the frame's left edge and width, in inches. */
  widths: number[];
  x: number;
  w: number;
  descr: string;
  bold: boolean[];
}

/** The first table of a slide, read from its XML. */
function tableOf(xml: string): Table {
  const doc = parseXml(xml, 'slide');
  const frame = descendants(doc, 'p:graphicFrame').find((f) => descendants(f, 'a:tbl').length > 0)!;
  const text = (e: Element) =>
    descendants(e, 'a:t')
      .map((t) => t.children.map((c) => ('data' in c ? c.data : '')).join(''))
      .join('')
      .replace(/&amp;/g, '&');
  const rows = descendants(frame, 'a:tr');
  const cellsOf = (row: Element) => childElements(row, 'a:tc');
  const off = descendants(frame, 'a:off')[0].attribs;
  const ext = descendants(frame, 'a:ext')[0].attribs;
  return {
    cells: rows.map((r) => cellsOf(r).map(text)),
    fills: rows.map((r) => {
      const tcPr = childElements(cellsOf(r)[0], 'a:tcPr')[0];
      return childElements(childElements(tcPr, 'a:solidFill')[0], 'a:srgbClr')[0]?.attribs.val ?? '';
    }),
    align: rows.map((r) => cellsOf(r).map((c) => descendants(c, 'a:pPr')[0]?.attribs.algn ?? '')),
    widths: descendants(frame, 'a:gridCol').map((g) => Number(g.attribs.w) / EMU),
    x: Number(off.x) / EMU,
    w: Number(ext.cx) / EMU,
    descr: descendants(frame, 'p:cNvPr')[0].attribs.descr,
    bold: rows.map((r) => descendants(cellsOf(r)[cellsOf(r).length - 1], 'a:rPr')[0]?.attribs.b === '1'),
  };
}

async function buildTables(specs: string[], frontMatter: Record<string, unknown> = {}) {
  const result = await buildInTemp({ 'deck.md': tableDeck(specs, frontMatter), 'marks.xlsx': WORKBOOK, 'class.csv': CLASS_CSV });
  expect(result.diagnostics).toEqual([]);
  const pptx = await openPptx(result.output!);
  const slides = await pptx.slides();
  return { result, tables: slides.slice(1).map(tableOf) };
}

describe('```table keys through the real pipeline', () => {
  test('every key, each slide a variant, and 0 Open XML SDK errors for all of them', async () => {
    const { result, tables } = await buildTables([
      // 1: a grouped table from the workbook: group, aggregate, sort, rename, format, total, highlight
      [
        'data: marks',
        'group: group',
        'aggregate: {students: count, average: mean(final), best: max(final), part: share(final)}',
        'sort: -average',
        'columns: [group: Group, students: Students, average: Average final, best: Best, part: Share]',
        'format: {average: "0.0", best: "0.0"}',
        'total: {students: sum, part: sum}',
        'highlight: average > 63',
      ].join('\n'),
      // 2: filter and limit, a percent format, the total as a mean
      [
        'data: class',
        'filter: final >= 50 and grade != "F"',
        'sort: [grade, -final]',
        'limit: 3',
        'format: {attendance: "0%", final: "#,##0.0"}',
        'total: {final: mean}',
      ].join('\n'),
      // 3: dates from the workbook in a date pattern
      ['data: marks', 'columns: [student, submitted]', 'format: {submitted: "d mmm yyyy"}', 'limit: 2'].join('\n'),
    ]);
    const [grouped, filtered, dated] = tables;

    expect(grouped.cells[0]).toEqual(['Group', 'Students', 'Average final', 'Best', 'Share']);
    // Worked out from marks.fods independently: C 6 students, mean 63.53; B 7, 62.17; A 7, 55.73.
    expect(grouped.cells.slice(1)).toEqual([
      ['C', '6', '63.5', '95.2', '31.6%'],
      ['B', '7', '62.2', '93.8', '36.1%'],
      ['A', '7', '55.7', '88.3', '32.3%'],
      ['Total', '20', '', '', '100.0%'],
    ]);
    // Numbers right-aligned, text left; the totals row bold.
    expect(grouped.align[1]).toEqual(['l', 'r', 'r', 'r', 'r']);
    expect(grouped.bold).toEqual([true, false, false, false, true]);
    // highlight: average > 63 picks group C only: the accent colour of the default template (#C55A11).
    expect(grouped.fills).toEqual(['1F4E79', 'C55A11', expect.not.stringMatching('C55A11'), expect.not.stringMatching('C55A11'), 'FFFFFF']);
    // The description reads the transformed data, total included.
    expect(grouped.descr).toBe(
      'Table: Group, Students, Average final, Best, Share (3 rows); C 6 63.5 95.2 31.6%, B 7 62.2 93.8 36.1%, A 7 55.7 88.3 32.3%; Total 20 100.0%',
    );

    expect(filtered.cells).toEqual([
      ['Student', 'Grade', 'Final', 'Attendance'],
      ['Aigerim', 'A', '91.5', '98%'],
      ['Chen', 'A', '88.3', '100%'],
      ['Bolat', 'B', '74.0', '90%'],
      ['Total', '', '84.6', ''],
    ]);
    expect(dated.cells).toEqual([
      ['Student', 'Submitted'],
      ['Aigerim', '1 Mar 2024'],
      ['Bolat', '2 Mar 2024'],
    ]);
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  test('a short table is as wide as its content, centred in its area; columns fit their longest line', async () => {
    const { tables } = await buildTables(['data: class\ncolumns: [grade, final]\nlimit: 2']);
    const [t] = tables;
    const area = { x: 0.6, w: 12.13 };
    expect(t.w).toBeLessThan(3);
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(t.w, 2);
    expect(t.x + t.w / 2).toBeCloseTo(area.x + area.w / 2, 2);
  });

  test('long text wraps within a maximum width; short columns keep theirs', async () => {
    const note = 'This student missed the midterm because of illness and sat the resit in June with the second cohort';
    const csv = `name,score,note\nAigerim,91,${note}\nBolat,74,ok\n`;
    const deck = deckText('\n## Notes\n\n```table\ndata: d\n```\n', { data: { d: 'd.csv' } });
    const result = await buildInTemp({ 'deck.md': deck, 'd.csv': csv });
    const t = tableOf((await (await openPptx(result.output!)).slides())[1]);
    // The note column stops at half the area and wraps; name and score stay narrow.
    expect(t.widths[2]).toBeCloseTo(12.13 / 2, 1);
    expect(t.widths[0]).toBeLessThan(1.6);
    expect(t.widths[1]).toBeLessThan(1.2);
  });

  test("numbers and percentages in the deck's language", async () => {
    const { tables } = await buildTables(
      ['data: class\ncolumns: [student, final, attendance]\nformat: {final: "#,##0.00", attendance: "0.0%"}\nlimit: 1'],
      {
        lang: 'de-DE',
      },
    );
    expect(tables[0].cells[1]).toEqual(['Aigerim', '91,50', '98,0\u00a0%']);
  });

  test('errors: an unknown total column, a bad format, a bad highlight, each at its line', async () => {
    const cases: [string, string, number, string][] = [
      ['data: class\ntotal: [fnal]', 'table/unknown-column', 10, 'has no column "fnal" (did you mean "final"?)'],
      ['data: class\nformat: {final: fancy}', 'table/format', 10, 'the format "fancy" of column "final" is not a number or date pattern'],
      ['data: class\nhighlight: final >>= 3', 'table/expression', 10, 'highlight: "final >>= 3" is not a valid expression'],
      ['data: class\ntotal: [student]', 'table/not-numeric', 10, 'the total of column "student" needs numbers'],
    ];
    for (const [spec, rule, line, message] of cases) {
      const result = await buildInTemp({ 'deck.md': tableDeck([spec]), 'marks.xlsx': WORKBOOK, 'class.csv': CLASS_CSV }, { write: false });
      expect(result.diagnostics).toEqual([expect.objectContaining({ rule, line, message: expect.stringContaining(message) })]);
    }
  });
});
