import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDeck, TemplateLibrary } from '../src/pipeline.js';
import { deckToPptx } from '../src/render/deckToPptx.js';
import type { PackageParts } from '../src/render/jszipShim.js';
import { readZip, writeZip } from '../src/render/zip.js';
import {
  appProperties,
  coreProperties,
  describeTables,
  deckLanguage,
  markTableHeaders,
  notesPage,
  oneParagraphProperties,
  PackageRepair,
  orderNotesMasterList,
  plainFonts,
  repairChart,
  type PackageProperties,
} from '../src/render/repair.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { dropMissingOverrides, dropMissingTargets } from '../src/render/packageParts.js';
import { deckText } from './support/build.js';
import { tempDir, validatePptx, writeFiles } from './support/pptx.js';

const PROPS: PackageProperties = { title: 'T', keywords: [], lang: 'en-GB', time: new Date('2024-01-02T03:04:05Z') };

/** One chart of each type, a table and notes: everything pptxgenjs gets wrong. */
const ALL_CHARTS = ['bar', 'column', 'line', 'area', 'pie', 'doughnut', 'scatter']
  .map(
    (type) =>
      `## ${type}\n\n\`\`\`chart\ntype: ${type}\nlabels: [1, 2, 3]\nseries: [{name: A, values: [3, 1, 2]}]\n\`\`\`\n\n::: notes\nNotes for ${type}\n:::\n`,
  )
  .join('\n---\n');

/** pptxgenjs's parts zipped as they are, stored like pptxgenjs stores them. */
function unrepaired(parts: PackageParts): Uint8Array {
  const entries = [...parts].map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data, store: true }));
  return writeZip(entries, PROPS.time);
}

/** The whole package repaired and zipped, its parts handed over in pptxgenjs's order. */
function repairPackage(parts: PackageParts, props: PackageProperties): Promise<Uint8Array> {
  const repair = new PackageRepair(props);
  for (const [name, content] of parts) repair.add(name, content);
  return repair.finish();
}

describe('the package repair', () => {
  let raw: PackageParts;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    writeFiles(dir, { 'deck.md': deckText(`${ALL_CHARTS}\n---\n\n| a | b |\n|---|--:|\n| **x** y | 1 |\n`) });
    const templates = new TemplateLibrary([SHIPPED_TEMPLATES]);
    const { deck, template } = await modelDeck(path.join(dir, 'deck.md'), { templates });
    raw = new Map();
    await deckToPptx(deck, template, (name, content) => raw.set(name, content));
  });

  it('is needed: pptxgenjs output as it comes fails the Open XML SDK validator', async () => {
    const file = path.join(dir, 'raw.pptx');
    writeFileSync(file, unrepaired(raw));
    const ids = (await validatePptx(file)).map(
      (e) => `${e.path} ${e.description.replace(/http:\/\/schemas\.openxmlformats\.org\/[^:]+:/g, '')}`,
    );
    expect(ids.some((e) => e.startsWith('/ppt/presentation.xml') && e.includes("'notesMasterIdLst'"))).toBe(true);
    expect(ids.some((e) => e.includes("unexpected child element 'axId'"))).toBe(true);
    expect(ids.some((e) => e.includes("'varyColors'"))).toBe(true);
    expect(ids.some((e) => e.includes("'invertIfNegative'"))).toBe(true);
    expect(ids.some((e) => e.includes("'auto'"))).toBe(true);
    expect(ids.some((e) => e.includes("'pPr'"))).toBe(true);
  });

  it('makes the same package pass the validator with zero errors', async () => {
    const file = path.join(dir, 'repaired.pptx');
    writeFileSync(file, await repairPackage(raw, PROPS));
    expect(await validatePptx(file)).toEqual([]);
  });

  it('deflates every entry and dates it at the build time', async () => {
    const zip = await JSZip.loadAsync(await repairPackage(raw, PROPS));
    expect((await repairPackage(raw, PROPS)).length).toBeLessThan(unrepaired(raw).length / 2);
    // Zip stores local time to two seconds: 03:04:05 UTC is kept as 03:04:04 of the local clock's reading of it.
    const expected = new Date(PROPS.time);
    expected.setSeconds(expected.getSeconds() - (expected.getSeconds() % 2), 0);
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.getUTCHours() * 60 + entry.date.getUTCMinutes()).toBe(expected.getUTCHours() * 60 + expected.getUTCMinutes());
      expect(entry.date.getUTCSeconds()).toBe(expected.getUTCSeconds());
    }
    const first = await repairPackage(raw, PROPS);
    const second = await repairPackage(raw, PROPS);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe('the package repair, part by part', () => {
  it('keeps one entry for a part written twice, as pptxgenjs writes a picture shown twice on a slide', async () => {
    const repair = new PackageRepair(PROPS);
    repair.add('ppt/media/image-1-1.png', new Uint8Array([1, 2, 3]));
    repair.add('ppt/presProps.xml', '<p:presentationPr/>');
    repair.add('ppt/media/image-1-1.png', new Uint8Array([1, 2, 3]));
    expect(readZip(await repair.finish()).map((e) => e.name)).toEqual(['ppt/media/image-1-1.png', 'ppt/presProps.xml']);
  });
});

describe('each repair', () => {
  it('drops content-type overrides for parts that do not exist', () => {
    const xml =
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="a"/></Types>';
    expect(dropMissingOverrides(xml, new Set(['ppt/slideMasters/slideMaster1.xml']))).toBe(
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/></Types>',
    );
  });

  it('moves the notes master list after the slide master list', () => {
    const xml =
      '<p:presentation><p:sldMasterIdLst>M</p:sldMasterIdLst><p:sldIdLst>S</p:sldIdLst><p:notesMasterIdLst>N</p:notesMasterIdLst><p:sldSz/></p:presentation>';
    expect(orderNotesMasterList(xml)).toBe(
      '<p:presentation><p:sldMasterIdLst>M</p:sldMasterIdLst><p:notesMasterIdLst>N</p:notesMasterIdLst><p:sldIdLst>S</p:sldIdLst><p:sldSz/></p:presentation>',
    );
  });

  it('keeps two axis ids in a 2D bar chart', () => {
    const xml = '<c:barChart><c:ser/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>';
    expect(repairChart(xml)).toBe('<c:barChart><c:ser/><c:axId val="1"/><c:axId val="2"/></c:barChart>');
  });

  it('gives a line chart its grouping, two axis ids, and series in schema order', () => {
    const xml =
      '<c:lineChart><c:varyColors val="0"/><c:ser><c:spPr/><c:invertIfNegative val="0"/><c:dLbls/><c:marker><c:symbol val="circle"/></c:marker><c:cat/></c:ser>' +
      '<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:lineChart>';
    expect(repairChart(xml)).toBe(
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:spPr/><c:marker><c:symbol val="circle"/></c:marker><c:dLbls/><c:cat/></c:ser>' +
        '<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>',
    );
  });

  it('takes category-axis elements out of value axes', () => {
    const xml =
      '<c:valAx><c:crossAx val="1"/> <c:auto val="1"/> <c:lblAlgn val="ctr"/> <c:noMultiLvlLbl val="1"/></c:valAx><c:catAx><c:auto val="1"/></c:catAx>';
    expect(repairChart(xml)).toBe('<c:valAx><c:crossAx val="1"/></c:valAx><c:catAx><c:auto val="1"/></c:catAx>');
  });

  it('writes one-level categories as plain strings', () => {
    const xml =
      '<c:cat><c:multiLvlStrRef><c:f>Sheet1!$A$2:$A$3</c:f><c:multiLvlStrCache><c:ptCount val="2"/><c:lvl><c:pt idx="0"><c:v>A</c:v></c:pt><c:pt idx="1"><c:v>B</c:v></c:pt></c:lvl></c:multiLvlStrCache></c:multiLvlStrRef></c:cat>';
    expect(repairChart(xml)).toBe(
      '<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>A</c:v></c:pt><c:pt idx="1"><c:v>B</c:v></c:pt></c:strCache></c:strRef></c:cat>',
    );
  });

  it('keeps one paragraph-properties element per paragraph, the first', () => {
    const xml =
      '<a:p><a:pPr lvl="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p>';
    expect(oneParagraphProperties(xml)).toBe(
      '<a:p><a:pPr lvl="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>',
    );
  });

  it('names fonts plainly, without invented pitch families, character sets or alternative languages', () => {
    const xml =
      '<a:rPr lang="kk-KZ" altLang="en-US"><a:latin typeface="Georgia" pitchFamily="34" charset="0"/><a:ea typeface="Georgia" pitchFamily="34" charset="-122"/></a:rPr>';
    expect(plainFonts(xml)).toBe('<a:rPr lang="kk-KZ"><a:latin typeface="Georgia"/><a:ea typeface="Georgia"/></a:rPr>');
  });

  it('gives a notes page the deck language and no shared creation id', () => {
    const xml =
      '<p:notes><p:cSld><a:r><a:rPr lang="en-US" dirty="0"/><a:t>Say it</a:t></a:r><a:endParaRPr lang="en-US"/>' +
      '<p:extLst><p:ext uri="{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E}"><p14:creationId val="1024086991"/></p:ext></p:extLst></p:cSld></p:notes>';
    expect(notesPage(xml, 'de-AT')).toBe(
      '<p:notes><p:cSld><a:r><a:rPr lang="de-AT" dirty="0"/><a:t>Say it</a:t></a:r><a:endParaRPr lang="de-AT"/></p:cSld></p:notes>',
    );
  });

  it('drops relationships to parts that are not in the package, keeping external ones', () => {
    const xml =
      '<Relationships><Relationship Id="rId1" Type="s" Target="styles.xml"/><Relationship Id="rId2" Type="t" Target="theme/theme1.xml"/>' +
      '<Relationship Id="rId3" Type="h" Target="https://example.org" TargetMode="External"/></Relationships>';
    expect(dropMissingTargets(xml, 'xl/_rels/workbook.xml.rels', new Set(['xl/styles.xml']))).toBe(
      '<Relationships><Relationship Id="rId1" Type="s" Target="styles.xml"/><Relationship Id="rId3" Type="h" Target="https://example.org" TargetMode="External"/></Relationships>',
    );
  });

  it('keeps one paragraph-properties element where pptxgenjs wrote two in a row, for a run it left out', () => {
    const xml =
      '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr/><a:r/></a:p>';
    expect(oneParagraphProperties(xml)).toBe(
      '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr/><a:r/></a:p>',
    );
  });

  it('describes tables for screen readers with the name the renderer gives them', () => {
    const xml =
      '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="2" name="Table: A, B (3 rows)"/></p:nvGraphicFramePr><a:tbl/></p:graphicFrame>';
    expect(describeTables(xml)).toContain('<p:cNvPr id="2" name="Table: A, B (3 rows)" descr="Table: A, B (3 rows)"/>');
  });

  it('marks the header row of tables', () => {
    expect(markTableHeaders('<a:tbl><a:tblPr/><a:tblGrid/>')).toBe('<a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid/>');
  });

  it('sets the deck language on slide-number fields and paragraph ends', () => {
    expect(
      deckLanguage('<a:fld id="x" type="slidenum"><a:rPr b="0" lang="en-US"/><a:t>1</a:t></a:fld><a:endParaRPr lang="en-US"/>', 'kk-KZ'),
    ).toBe('<a:fld id="x" type="slidenum"><a:rPr b="0" lang="kk-KZ"/><a:t>1</a:t></a:fld><a:endParaRPr lang="kk-KZ"/>');
  });

  it('writes core properties with the fixed time, escaping text and dropping control characters', () => {
    const xml = coreProperties({ ...PROPS, title: 'A & B <c>\u0007', author: 'Ann', keywords: ['x', 'y'] });
    expect(xml).toContain('<dc:title>A &amp; B &lt;c&gt;</dc:title>');
    expect(xml).toContain('<cp:keywords>x, y</cp:keywords>');
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:created>');
    expect(xml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:modified>');
  });

  it('names lectern as the application and escapes the company', () => {
    const xml = appProperties(
      '<Properties><Application>Microsoft Office PowerPoint</Application><Company>PptxGenJS</Company></Properties>',
      { ...PROPS, company: 'R&D "Lab"' },
    );
    expect(xml).toBe('<Properties><Application>lectern</Application><Company>R&amp;D &quot;Lab&quot;</Company></Properties>');
  });
});
