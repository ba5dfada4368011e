// The data-pipeline case of the benchmark: a chart grouped from a 10,000-row Excel workbook,
// against the same chart from a 10-row CSV file. The workbook is written here (a minimal
// .xlsx: shared strings for the text, numbers inline) so the benchmark needs no spreadsheet program.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const GROUPS = ['Algebra', 'Biology', 'Chemistry', 'Drama', 'English', 'French', 'Geography', 'History', 'IT', 'Music'];
const CHART = (data) => `---
title: Marks
data:
  marks: ${data}
---

## Marks by subject

\`\`\`chart
type: column
data: marks
group: subject
aggregate: {average: mean(final), students: count}
x: subject
y: average
sort: -average
yTitle: Average final mark
\`\`\`
`;

/** Writes the two decks into `dir` and returns their paths: `{ workbook, csv }`. */
export async function writeDataDecks(dir, rows = 10_000) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'marks.xlsx'), await workbook(rows));
  const csv = ['subject,student,final', ...GROUPS.map((g, i) => `${g},S${i},${50 + ((i * 7) % 40)}`)].join('\n');
  writeFileSync(path.join(dir, 'marks.csv'), `${csv}\n`);
  writeFileSync(path.join(dir, 'workbook.md'), CHART('marks.xlsx'));
  writeFileSync(path.join(dir, 'csv.md'), CHART('marks.csv'));
  return { workbook: path.join(dir, 'workbook.md'), csv: path.join(dir, 'csv.md') };
}

async function workbook(rows) {
  const strings = ['subject', 'student', 'final', ...GROUPS];
  const cell = (ref, value) =>
    typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="s"><v>${strings.indexOf(value)}</v></c>`;
  const lines = [`<row r="1">${cell('A1', 'subject')}${cell('B1', 'student')}${cell('C1', 'final')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    const subject = GROUPS[r % GROUPS.length];
    lines.push(`<row r="${r}">${cell(`A${r}`, subject)}<c r="B${r}"><v>${r}</v></c>${cell(`C${r}`, 30 + ((r * 37) % 700) / 10)}</row>`);
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Marks" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join('')}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
