import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFlatXml, writeFlatXml } from '../src/render/flatXml.js';
import { withRelationships } from '../src/render/packageParts.js';
import { buildInTemp, deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, validatePptx, writeFiles, type Package } from './support/pptx.js';

/** Text that breaks regular-expression replacement strings, XML and regular expressions. */
const NASTY = `Smith $& Sons $1 $' $$ $\` ]]> <b>x</b> & "double" 'single' .*+?^{}()|[]\\ /`;
/** The same kind of text as Markdown writes it literally (no tags, emphasis or escapes for Markdown to read). */
const NASTY_BODY = `Living on $2 a day $& $1 $' $$ ]]> a < b & "double" 'single' .+?^{}()[] end`;
/** A table's header, which also names the table for screen readers. */
const TABLE_HEADER = [`Item & "$&" $1 <`, `Price ]]> $' $$`];
/** A link with every replacement pattern in it, which markdown-it leaves as it is. */
const NASTY_URL = `https://example.org/a?b=$&c=$1&d=$'&e=$$&f=%5D%5D%3E`;

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(
    xml,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
}

/** Every element named `tag` (a qualified name, e.g. `a:t`). */
function elements(doc: Document | Element, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

/** The text of every `a:p` paragraph, its runs joined, entities decoded. */
function paragraphs(xml: string): string[] {
  return elements(parse(xml), 'a:p').map((p) =>
    elements(p, 'a:t')
      .map((t) => t.textContent)
      .join(''),
  );
}

/** The relationships of a `.rels` part, by id. */
function relationships(xml: string): Map<string, { target: string; type: string; external: boolean }> {
  return new Map(
    elements(parse(xml), 'Relationship').map((r) => [
      r.getAttribute('Id')!,
      { target: r.getAttribute('Target')!, type: r.getAttribute('Type')!, external: r.getAttribute('TargetMode') === 'External' },
    ]),
  );
}

const textOfTag = (xml: string, tag: string) => elements(parse(xml), tag).map((e) => e.textContent);

describe('deck text in the package', () => {
  let pptx: Package;
  let file: string;
  let slides: string[][];

  beforeAll(async () => {
    const deck = deckText(
      [
        `## Prices ${NASTY_BODY}`,
        '',
        `A paragraph: ${NASTY_BODY}`,
        '',
        `- an item [with a link](${NASTY_URL})`,
        '',
        '::: notes',
        `Notes: ${NASTY_BODY}`,
        ':::',
        '',
        '---',
        '',
        '## A table',
        '',
        `| ${TABLE_HEADER[0]} | ${TABLE_HEADER[1]} |`,
        '|---|---:|',
        `| ${NASTY_BODY} | [link](${NASTY_URL}) |`,
        '',
        '---',
        '',
        '## A chart',
        '',
        '```chart',
        'type: column',
        `title: ${JSON.stringify(`Chart ${NASTY}`)}`,
        `labels: [${JSON.stringify(`Label ${NASTY}`)}, plain]`,
        `series: [{name: ${JSON.stringify(`Series ${NASTY}`)}, values: [1, 2]}]`,
        '```',
      ].join('\n'),
      {
        title: `Title ${NASTY}`,
        subtitle: `Subtitle ${NASTY}`,
        author: `Author ${NASTY}`,
        organization: `Organization ${NASTY}`,
        subject: `Subject ${NASTY}`,
        footer: '{{title}} · {{organization}}',
      },
    );
    const result = await buildInTemp(deck);
    expect(result.diagnostics).toEqual([]);
    file = result.output!;
    pptx = await openPptx(file);
    slides = (await pptx.slides()).map(paragraphs);
  });

  it('passes the Open XML SDK validator with zero errors', async () => {
    expect(await validatePptx(file)).toEqual([]);
  });

  it('keeps the front matter on the title slide, character for character', () => {
    expect(slides[0]).toContain(`Title ${NASTY}`);
    expect(slides[0]).toContain(`Subtitle ${NASTY}`);
  });

  it('keeps body text, notes and table cells, character for character', async () => {
    expect(slides[1]).toContain(`Prices ${NASTY_BODY}`);
    expect(slides[1]).toContain(`A paragraph: ${NASTY_BODY}`);
    expect(slides[2]).toEqual(expect.arrayContaining([...TABLE_HEADER, NASTY_BODY]));
    const frames = elements(parse((await pptx.slides())[2]), 'p:cNvPr').filter((e) => e.getAttribute('name')?.startsWith('Table'));
    expect(frames.map((e) => e.getAttribute('descr'))).toEqual([`Table: ${TABLE_HEADER.join(', ')} (1 row)`]);
    const notes = paragraphs(await pptx.xml('ppt/notesSlides/notesSlide2.xml'));
    expect(notes).toContain(`Notes: ${NASTY_BODY}`);
  });

  it('writes the footer once, on the slide master, character for character', async () => {
    expect(paragraphs(await pptx.xml('ppt/slideMasters/slideMaster1.xml'))).toContain(`Title ${NASTY} · Organization ${NASTY}`);
  });

  it('keeps the chart title, labels and series names', async () => {
    const chart = pptx.names.find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!;
    const xml = await pptx.xml(chart);
    expect(paragraphs(xml)).toContain(`Chart ${NASTY}`);
    const values = textOfTag(xml, 'c:v');
    expect(values).toContain(`Label ${NASTY}`);
    expect(values).toContain(`Series ${NASTY}`);
  });

  it('writes links to the slides relationships exactly as written', async () => {
    for (const n of [2, 3]) {
      const links = [...relationships(await pptx.xml(`ppt/slides/_rels/slide${n}.xml.rels`)).values()].filter((r) => r.external);
      expect(links.map((r) => r.target)).toEqual([NASTY_URL]);
    }
  });

  it('writes the document properties, character for character', async () => {
    const core = await pptx.xml('docProps/core.xml');
    expect(textOfTag(core, 'dc:title')).toEqual([`Title ${NASTY}`]);
    expect(textOfTag(core, 'dc:subject')).toEqual([`Subject ${NASTY}`]);
    expect(textOfTag(core, 'dc:creator')).toEqual([`Author ${NASTY}`]);
    const app = await pptx.xml('docProps/app.xml');
    expect(textOfTag(app, 'Company')).toEqual([`Organization ${NASTY}`]);
    expect(textOfTag(app, 'Application')).toEqual(['lectern']);
  });
});

describe('a chart or table spec key that looks like a regular expression', () => {
  it.each(['score[1]', 'score(1', 'a.*b'])('is reported at its line as an unknown key: %s', async (key) => {
    const result = await buildInTemp(deckText(`## Chart\n\n\`\`\`chart\ntype: bar\n${key}: 3\nlabels: [a]\n\`\`\`\n`));
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d.rule).toBe('chart/unknown-key');
    expect(d.message).toContain(`unknown key "${key}"`);
    // Front matter is lines 1-3, the heading line 4, the fence line 6: the key is on line 8.
    expect({ line: d.line, column: d.column }).toEqual({ line: 8, column: 1 });
  });
});

describe('shape ids', () => {
  it('are unique on every slide of a deck with every kind of element', async () => {
    const body = [
      '## Text',
      '',
      'A paragraph with [a link](https://example.org).',
      '',
      '- one',
      '  - two',
      '',
      '---',
      '',
      '## Table',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '---',
      '',
      '## Chart',
      '',
      '```chart',
      'type: pie',
      'labels: [a, b]',
      'series: [{name: s, values: [1, 2]}]',
      '```',
      '',
      '---',
      '',
      '## Picture',
      '',
      '![A grey square](pic.png)',
      '',
      '---',
      '',
      '## Columns',
      '',
      '::: columns',
      '::: column',
      '- left',
      ':::',
      '::: column',
      '![A grey square](pic.png)',
      ':::',
      ':::',
      '',
      '---',
      '',
      '# A section',
    ].join('\n');
    const result = await buildInTemp({
      'deck.md': deckText(body, { subtitle: 'Sub', author: 'Ann', footer: 'Footer {{title}}' }),
      'pic.png': pngBytes(4, 4),
    });
    expect(result.diagnostics).toEqual([]);
    const pptx = await openPptx(result.output!);
    const parts = pptx.names.filter((n) => /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/.test(n));
    expect(parts.filter((n) => n.startsWith('ppt/slides/'))).toHaveLength(7);
    for (const part of parts) {
      const ids = elements(parse(await pptx.xml(part)), 'p:cNvPr').map((e) => e.getAttribute('id'));
      expect({ part, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ part, duplicates: [] });
    }
    expect(await validatePptx(result.output!)).toEqual([]);
  });
});

describe('pictures', () => {
  it('used on three slides, under two names, are embedded once', async () => {
    const picture = pngBytes(6, 4);
    const body = ['## One\n\n![A](pic.png)', '## Two\n\n![B](pic.png)', '## Three\n\n![C](copy.png)', '## Other\n\n![D](other.png)'].join(
      '\n\n---\n\n',
    );
    const result = await buildInTemp({ 'deck.md': deckText(body), 'pic.png': picture, 'copy.png': picture, 'other.png': pngBytes(5, 5) });
    expect(result.diagnostics).toEqual([]);
    const pptx = await openPptx(result.output!);
    const media = pptx.names.filter((n) => n.startsWith('ppt/media/'));
    expect(media).toHaveLength(2);
    const targetOf = async (slide: number) =>
      [...relationships(await pptx.xml(`ppt/slides/_rels/slide${slide}.xml.rels`)).values()]
        .filter((r) => r.type.endsWith('/image'))
        .map((r) => path.posix.join('ppt/slides', r.target));
    const [one, two, three, other] = await Promise.all([2, 3, 4, 5].map(targetOf));
    expect(one).toHaveLength(1);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    expect(other).toHaveLength(1);
    expect(other).not.toEqual(one);
    expect(media.sort()).toEqual([one[0], other[0]].sort());
    expect(Buffer.from(await pptx.bytes(one[0])).equals(Buffer.from(picture))).toBe(true);
    const types = await pptx.xml('[Content_Types].xml');
    for (const override of elements(parse(types), 'Override')) expect(pptx.names).toContain(override.getAttribute('PartName')!.slice(1));
    expect(await validatePptx(result.output!)).toEqual([]);
  });
});

describe('builds in different time zones', () => {
  /** The date and time of a zip archive's first entry, as its local header records them. */
  function firstEntryTime(zip: Buffer): string {
    const time = zip.readUInt16LE(10);
    const date = zip.readUInt16LE(12);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
  }

  const chartDeck = deckText(
    '## Chart\n\n```chart\ntype: bar\nlabels: [a, b]\nseries: [{name: s, values: [1, 2]}]\n```\n\n---\n\n' +
      '## Equations and code\n\nThe period $T$:\n\n$$T = 2\\pi\\sqrt{L/g}$$\n\n```python\nprint(2 * pi)\n```\n',
  );

  it.each([
    ['SOURCE_DATE_EPOCH', { SOURCE_DATE_EPOCH: '1700000000' }, '2023-11-14 22:13:20'],
    ['the inputs’ time', {}, '2024-02-29 23:30:00'],
  ])('give the same bytes, dated in UTC from %s', async (_name, env: Record<string, string>, expected) => {
    const dir = tempDir();
    writeFiles(dir, { 'deck.md': chartDeck });
    const inputTime = new Date('2024-02-29T23:30:00Z');
    utimesSync(path.join(dir, 'deck.md'), inputTime, inputTime);
    const outputs: Buffer[] = [];
    for (const TZ of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const out = path.join(dir, TZ.replace('/', '-'));
      const run = await lectern(['build', 'deck.md', '-o', out], dir, { ...env, TZ, SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH ?? '' });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      outputs.push(readFileSync(path.join(out, 'deck.pptx')));
    }
    expect(firstEntryTime(outputs[0])).toBe(expected);
    expect(outputs[1].equals(outputs[0])).toBe(true);
    expect(outputs[2].equals(outputs[0])).toBe(true);
    const pptx = await openPptx(outputs[0]);
    // Nothing of lectern's own working reaches the file (the equation and its picture are named for what they are, as PowerPoint names shapes).
    for (const part of pptx.names.filter((n) => n.endsWith('.xml'))) expect(await pptx.xml(part)).not.toContain('LECTERN');
    expect((await pptx.xml('ppt/slides/slide3.xml')).match(/name="Equation \d+"/g)).toHaveLength(2);
    const workbook = pptx.names.find((n) => n.startsWith('ppt/embeddings/'))!;
    expect(firstEntryTime(Buffer.from(await pptx.bytes(workbook)))).toBe(expected);
  });
});

describe('relationships and content types', () => {
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="t" Target="https://x.org/?a=1&amp;b=&quot;2&quot;&#x3E;" TargetMode="External"/></Relationships>';

  it('are read into records, entities decoded, and written back the same', () => {
    const flat = readFlatXml(rels, 'x.rels');
    expect(flat.children[0].attributes.Target).toBe('https://x.org/?a=1&b="2">');
    expect(readFlatXml(writeFlatXml(flat), 'x.rels')).toEqual(flat);
  });

  it('take links with replacement patterns and markup as text', () => {
    const xml = withRelationships(rels, 'ppt/slides/_rels/slide1.xml.rels', [
      { id: 'rIdLink1', type: 'h', target: NASTY_URL + `"/><x a='${NASTY}`, external: true },
    ]);
    const targets = elements(parse(xml), 'Relationship').map((r) => r.getAttribute('Target'));
    expect(targets).toEqual(['https://x.org/?a=1&b="2">', NASTY_URL + `"/><x a='${NASTY}`]);
  });

  it('gain relationships without the rest being rewritten, also from an empty list', () => {
    const added = { id: 'rIdLink1', type: 'h', target: 'https://example.org/?q=$&', external: true };
    const xml = withRelationships(rels, 'x.rels', [added]);
    expect(xml.startsWith(rels.slice(0, rels.indexOf('</Relationships>')))).toBe(true);
    expect(
      xml.endsWith('<Relationship Id="rIdLink1" Type="h" Target="https://example.org/?q=$&amp;" TargetMode="External"/></Relationships>'),
    ).toBe(true);
    const empty = withRelationships('<Relationships xmlns="urn:r"/>', 'x.rels', [added]);
    expect(empty).toBe(
      '<Relationships xmlns="urn:r"><Relationship Id="rIdLink1" Type="h" Target="https://example.org/?q=$&amp;" TargetMode="External"/></Relationships>',
    );
    expect(() => withRelationships('<Relationships><x><y/></x></Relationships>', 'x.rels', [added])).toThrow(/x\.rels is not a list/);
  });

  it('are refused, naming the part, when they hold anything but a list of empty elements', () => {
    expect(() => readFlatXml('<Types><Override PartName="/a"><x/></Override></Types>', '[Content_Types].xml')).toThrow(
      /\[Content_Types\]\.xml is not a list of empty elements/,
    );
  });
});
