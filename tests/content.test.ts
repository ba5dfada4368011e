import { diagnosticOf } from './support/diagnostics.js';
import { describe, expect, test } from 'vitest';
import type { Block } from '../src/content/blocks.js';
import { expandBody, mapLines } from '../src/content/expand.js';
import { nestContainers, parseSlideMarkdown } from '../src/content/markdown.js';
import { parseDeckBody } from '../src/content/parseDeck.js';
import { splitSlides } from '../src/content/slides.js';
import { parseDeckSource } from '../src/content/source.js';
import { decodeText, stripControlCharacters } from '../src/input/readInput.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseDeckSource', () => {
  test('splits front matter from the body and knows the line the body starts on', () => {
    const text =
      '---\ntitle: Elections\nsubtitle: Lecture 3\nkeywords: voting, turnout\nslideNumbers: false\ncourse: POL 101\n---\n# First slide\n';
    const source = parseDeckSource(text, 'deck.md');
    expect(source.bodyLine).toBe(8);
    expect(source.body).toBe('# First slide\n');
    expect(source.frontMatter).toEqual({
      title: 'Elections',
      subtitle: 'Lecture 3',
      keywords: ['voting', 'turnout'],
      slideNumbers: false,
      course: 'POL 101',
    });
  });

  test('text fields become strings and a keywords list stays a list', () => {
    const source = parseDeckSource('---\ntitle: 2024\ndate: 2024-03-01\nkeywords: [a, b]\n---\nbody', 'deck.md');
    expect(source.frontMatter.title).toBe('2024');
    expect(source.frontMatter.date).toBe('2024-03-01');
    expect(source.frontMatter.keywords).toEqual(['a', 'b']);
    expect(source.bodyLine).toBe(6);
  });

  test('bodyLine counts Windows line endings too, once decoded', () => {
    const text = decodeText(utf8('---\r\ntitle: A\r\n\r\nauthor: B\r\n---\r\n# Slide\r\n'), 'deck.md');
    expect(parseDeckSource(text, 'deck.md').bodyLine).toBe(6);
  });

  test('malformed YAML is reported on the bad line of the file', () => {
    expect(diagnosticOf(() => parseDeckSource('---\ntitle: A\nsubtitle: Part: two\nauthor: B\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/yaml',
      file: 'deck.md',
      line: 3,
      column: 11,
      message: 'the front matter is not valid YAML: a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
    });
    const later = diagnosticOf(() => parseDeckSource('---\ntitle: A\nauthor: B\ndate: today\nlang: en\n\tfooter: x\n---\nbody', 'deck.md'));
    expect(later.rule).toBe('front-matter/yaml');
    expect(later.line).toBe(6);
  });

  test('front matter that is a list, not a mapping', () => {
    expect(diagnosticOf(() => parseDeckSource('---\n- title\n- author\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/not-mapping',
      line: 2,
      message: 'the front matter must be a list of "key: value" lines',
    });
  });

  test('missing or blank title', () => {
    expect(diagnosticOf(() => parseDeckSource('---\nauthor: B\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/title',
      line: 2,
      message: 'the front matter needs a "title", a line such as "title: Fractions"',
    });
    expect(diagnosticOf(() => parseDeckSource('---\ntitle: "  "\n---\nbody', 'deck.md')).rule).toBe('front-matter/title');
  });

  test('missing front matter', () => {
    expect(diagnosticOf(() => parseDeckSource('# Just a slide\n', 'notes.md'))).toMatchObject({
      rule: 'front-matter/missing',
      file: 'notes.md',
      line: 1,
      column: 1,
    });
  });

  test('wrongly typed keys are reported on their own line', () => {
    expect(diagnosticOf(() => parseDeckSource('---\ntitle: A\nslideNumbers: yes please\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/type',
      line: 3,
    });
    expect(diagnosticOf(() => parseDeckSource('---\ntitle: A\nauthor: [a, b]\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/type',
      line: 3,
      message: '"author" must be text, not a list or mapping',
    });
    expect(diagnosticOf(() => parseDeckSource('---\ntitle: A\nlang: English\n---\nbody', 'deck.md'))).toMatchObject({
      rule: 'front-matter/lang',
      line: 3,
    });
  });
});

describe('decodeText', () => {
  test('an empty file, or one of only whitespace', () => {
    expect(diagnosticOf(() => decodeText(new Uint8Array(), 'deck.md'))).toMatchObject({ rule: 'file/empty', file: 'deck.md', line: 1 });
    expect(diagnosticOf(() => decodeText(utf8(' \n\t\r\n'), 'deck.md')).rule).toBe('file/empty');
  });

  test('NUL bytes mean a binary file, reported on their line', () => {
    expect(diagnosticOf(() => decodeText(utf8('---\ntitle: A\n---\nab\0cd'), 'deck.md'))).toMatchObject({
      rule: 'file/binary',
      line: 4,
      message: 'the file contains NUL bytes, so it is not a text file',
    });
  });

  test('invalid UTF-8 is reported on the line of the first bad byte', () => {
    const latin1 = new Uint8Array([...utf8('---\ntitle: Caf'), 0xe9, ...utf8('\n---\n')]);
    expect(diagnosticOf(() => decodeText(latin1, 'deck.md'))).toMatchObject({ rule: 'file/not-utf8', line: 2 });
    expect(diagnosticOf(() => decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x63, 0xff]), 'deck.md'))).toMatchObject({
      rule: 'file/not-utf8',
      line: 3,
    });
  });

  test('keeps text, drops a byte-order mark and control characters XML cannot hold, ends lines with LF', () => {
    expect(decodeText(utf8('\uFEFFQazaqstan\u0001 \u001Fsaılaýy\u000B\tend\r\n'), 'deck.md')).toBe('Qazaqstan saılaýy\tend\n');
    expect(stripControlCharacters('a\u0000b\u0008c\u000Cd\u000Ee\uFFFEf')).toBe('abcdef');
  });
});

describe('expandBody', () => {
  const context = {
    title: 'Elections',
    data: {
      results: [
        { candidate: 'Tokayev', share: 81.31 },
        { candidate: 'Against all', share: 5.8 },
      ],
    },
  };

  test('fills {{title}} and {{#each data.x}}, keeps \\{{ literal, and maps lines back', () => {
    const body = [
      '# {{title}}',
      '',
      '{{#each data.results}}',
      '- {{candidate}}: {{percent share}}',
      '{{/each}}',
      '',
      'Write \\{{title}} to show the title.',
    ].join('\n');
    const out = expandBody(body, context, 'deck.md', 5);
    expect(out.text.split('\n')).toEqual([
      '# Elections',
      '',
      '- Tokayev: 81.31%',
      '- Against all: 5.80%',
      '',
      'Write {{title}} to show the title.',
    ]);
    // `{{#each}}` and `{{/each}}` are on lines 7 and 9; the items come from lines 7-9.
    expect(out.sourceLines).toEqual([5, 6, 7, 8, 10, 11]);
  });

  test('leaves a body without mustaches as it is, each line on its own line of the file', () => {
    const body = '# Plain\n\n- a { brace } and a \\ backslash\n';
    expect(expandBody(body, context, 'deck.md', 5)).toEqual({ text: body, sourceLines: [5, 6, 7, 8] });
  });

  test('a syntax error is reported on the line of the deck file', () => {
    const body = '# A\n\ntext\n{{#each data.results}\n- x\n';
    expect(diagnosticOf(() => expandBody(body, context, 'deck.md', 5))).toMatchObject({
      rule: 'handlebars/syntax',
      file: 'deck.md',
      line: 8,
    });
    const unclosed = diagnosticOf(() => expandBody('# A\n{{#if title}}\nyes\n', context, 'deck.md', 10));
    expect(unclosed.rule).toBe('handlebars/syntax');
    expect(unclosed.message).toBe('"{{#if}}" is never closed; add "{{/if}}"');
    expect(unclosed.line).toBe(11);
  });

  test('an unknown helper is reported at its line, with did-you-mean', () => {
    const d = diagnosticOf(() => expandBody('# A\n\nWon {{percnt 81.31}}\n', context, 'deck.md', 5));
    expect(d).toMatchObject({ rule: 'handlebars/runtime', line: 7 });
    expect(d.message).toMatch(/^unknown helper "percnt" \(did you mean "percent"\?\)/);
  });
});

describe('mapLines', () => {
  test('unchanged lines map to their own lines', () => {
    const lines = ['# A', '', 'text', '', '- item'];
    expect(mapLines(lines, lines, 10)).toEqual([10, 11, 12, 13, 14]);
  });

  test('a changed line maps to its line', () => {
    expect(mapLines(['# {{title}}', '', 'text'], ['# Elections', '', 'text'], 1)).toEqual([1, 2, 3]);
  });

  test('lines an {{#each}} makes map into the block that made them, however many there are', () => {
    const source = ['# Results', '{{#each rows}}', '- {{name}}', '{{/each}}', '', 'After'];
    const expanded = ['# Results', '- a', '- b', '- c', '- d', '- e', '- f', '', 'After'];
    const lines = mapLines(source, expanded, 1);
    expect(lines[0]).toBe(1);
    for (const line of lines.slice(1, 7)) {
      expect(line).toBeGreaterThanOrEqual(2);
      expect(line).toBeLessThanOrEqual(4);
    }
    expect(lines.slice(7)).toEqual([5, 6]);
    // Never decreasing: a later expanded line never points above an earlier one.
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe('splitSlides', () => {
  test('--- separates slides and each slide knows its first line', () => {
    expect(splitSlides('# A\ntext\n---\n# B\n---\n# C')).toEqual([
      { markdown: '# A\ntext', firstLine: 0 },
      { markdown: '# B', firstLine: 3 },
      { markdown: '# C', firstLine: 5 },
    ]);
  });

  test('--- inside a code fence does not separate slides', () => {
    const slides = splitSlides('# YAML\n\n```yaml\n---\ntitle: x\n---\n```\n---\n# Next');
    expect(slides.map((s) => s.markdown)).toEqual(['# YAML\n\n```yaml\n---\ntitle: x\n---\n```', '# Next']);
    expect(splitSlides('~~~~\n---\n~~~\n---\n~~~~\n---\n# B').map((s) => s.firstLine)).toEqual([0, 6]);
  });

  test('empty slides are dropped', () => {
    expect(splitSlides('\n---\n# A\n---\n   \n\n---\n---\n# B\n---\n')).toEqual([
      { markdown: '# A', firstLine: 2 },
      { markdown: '# B', firstLine: 8 },
    ]);
  });
});

describe('parseSlideMarkdown', () => {
  /** Markdown of one slide that starts on deck line 101. */
  const parse = (lines: string[]) => parseSlideMarkdown(lines.join('\n'), (i) => i + 101);
  const one = (lines: string[]) => {
    const blocks = parse(lines);
    expect(blocks).toHaveLength(1);
    return blocks[0];
  };

  test('headings, with their depth and deck line', () => {
    expect(parse(['# Title *here*', '', '## Sub'])).toEqual([
      { kind: 'heading', depth: 1, runs: [{ text: 'Title ' }, { text: 'here', italic: true }], line: 101 },
      { kind: 'heading', depth: 2, runs: [{ text: 'Sub' }], line: 103 },
    ]);
  });

  test('a paragraph with bold, italic, strike, code and link runs', () => {
    expect(one(['', 'Some **bold**, *it*, ~~gone~~, `code` and [a link](https://example.org/a).'])).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'Some ' },
        { text: 'bold', bold: true },
        { text: ', ' },
        { text: 'it', italic: true },
        { text: ', ' },
        { text: 'gone', strike: true },
        { text: ', ' },
        { text: 'code', code: true },
        { text: ' and ' },
        { text: 'a link', link: 'https://example.org/a' },
        { text: '.' },
      ],
      line: 102,
    });
  });

  test('addresses in the text become links, as on GitHub; a link stays one link', () => {
    const blocks = parse([
      'Read [the guide](https://example.org/guide) first.',
      '',
      'Then see https://example.org/data, ask me@example.org, and [https://example.org/x](https://example.org/y).',
    ]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.runs : []))).toEqual([
      [{ text: 'Read ' }, { text: 'the guide', link: 'https://example.org/guide' }, { text: ' first.' }],
      [
        { text: 'Then see ' },
        { text: 'https://example.org/data', link: 'https://example.org/data' },
        { text: ', ask ' },
        { text: 'me@example.org', link: 'mailto:me@example.org' },
        { text: ', and ' },
        { text: 'https://example.org/x', link: 'https://example.org/y' },
        { text: '.' },
      ],
    ]);
  });

  test('a hard line break starts a new run with break', () => {
    expect(one(['one  ', 'two'])).toEqual({ kind: 'paragraph', runs: [{ text: 'one' }, { text: 'two', break: true }], line: 101 });
    expect(one(['one  ', '**two**'])).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'one' }, { text: 'two', bold: true, break: true }],
      line: 101,
    });
  });

  test('bullet lists nested three deep', () => {
    expect(one(['- one', '  - two', '    - three', '- four'])).toEqual({
      kind: 'list',
      ordered: false,
      start: 1,
      line: 101,
      items: [
        {
          runs: [{ text: 'one' }],
          children: [
            {
              kind: 'list',
              ordered: false,
              start: 1,
              line: 102,
              items: [
                {
                  runs: [{ text: 'two' }],
                  children: [{ kind: 'list', ordered: false, start: 1, line: 103, items: [{ runs: [{ text: 'three' }], children: [] }] }],
                },
              ],
            },
          ],
        },
        { runs: [{ text: 'four' }], children: [] },
      ],
    });
  });

  test('ordered lists keep their start number, nested too', () => {
    // CommonMark: only a list starting at 1 may interrupt a paragraph, so the nested list follows a blank line.
    const list = one(['', '3. c', '4. d', '', '   7. deep', '   8. deeper']);
    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3, line: 102 });
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.items.map((i) => i.runs[0].text)).toEqual(['c', 'd']);
    expect(list.items[1].children[0]).toMatchObject({ kind: 'list', ordered: true, start: 7, line: 105 });
    expect((list.items[1].children[0] as Extract<Block, { kind: 'list' }>).items.map((i) => i.runs)).toEqual([
      [{ text: 'deep' }],
      [{ text: 'deeper' }],
    ]);
  });

  test('GFM tables with column alignment', () => {
    expect(one(['| Name | Votes | Share | Note |', '|:-----|------:|:-----:|------|', '| **A** | 1 | x | |'])).toEqual({
      kind: 'table',
      align: ['left', 'right', 'center', undefined],
      header: [[{ text: 'Name' }], [{ text: 'Votes' }], [{ text: 'Share' }], [{ text: 'Note' }]],
      rows: [[[{ text: 'A', bold: true }], [{ text: '1' }], [{ text: 'x' }], []]],
      line: 101,
    });
  });

  test('a paragraph holding only a picture is an image block with its alt text', () => {
    expect(one(['', '', '![Turnout by region](maps/turnout.png)'])).toEqual({
      kind: 'image',
      src: 'maps/turnout.png',
      alt: 'Turnout by region',
      line: 103,
    });
    expect(parse(['A picture ![inline](a.png) in text'])).toEqual([
      { kind: 'paragraph', runs: [{ text: 'A picture in text' }], line: 101 },
      { kind: 'image', src: 'a.png', alt: 'inline', line: 101 },
    ]);
  });

  test('```chart and ```table fences become chart and datatable blocks; other fences are code', () => {
    expect(
      parse([
        '```chart',
        'type: bar',
        'data: results',
        '```',
        '',
        '```table',
        'data: results',
        '```',
        '',
        '```python extra',
        'print(1)',
        '```',
        '',
        '```',
        'plain',
        '```',
      ]),
    ).toEqual([
      { kind: 'chart', yaml: 'type: bar\ndata: results', line: 101 },
      { kind: 'datatable', yaml: 'data: results', line: 106 },
      { kind: 'code', lang: 'python', text: 'print(1)', line: 110 },
      { kind: 'code', lang: '', text: 'plain', line: 114 },
    ]);
  });

  test('::: notes and an HTML comment are speaker notes', () => {
    expect(parse(['# T', '', '::: notes', 'Say **this**.', '', '- and this', ':::', '', '<!-- Remember the turnout. -->'])).toEqual([
      { kind: 'heading', depth: 1, runs: [{ text: 'T' }], line: 101 },
      { kind: 'notes', text: 'Say this.\n• and this', line: 103 },
      { kind: 'notes', text: 'Remember the turnout.', line: 109 },
    ]);
  });

  test('<!-- layout: chart --> is a directive; an unknown name is just a note', () => {
    expect(parse(['<!-- layout: chart -->', '', '<!-- colour: red -->'])).toEqual([
      { kind: 'directive', name: 'layout', value: 'chart', line: 101 },
      { kind: 'notes', text: 'colour: red', line: 103 },
    ]);
  });

  test('::: columns with two ::: column blocks of the same marker length', () => {
    expect(one(['::: columns', '::: column', 'Left', ':::', '::: column', 'Right', '', '- r1', ':::', ':::'])).toEqual({
      kind: 'columns',
      line: 101,
      columns: [
        [{ kind: 'paragraph', runs: [{ text: 'Left' }], line: 103 }],
        [
          { kind: 'paragraph', runs: [{ text: 'Right' }], line: 106 },
          { kind: 'list', ordered: false, start: 1, items: [{ runs: [{ text: 'r1' }], children: [] }], line: 108 },
        ],
      ],
    });
  });

  test('nestContainers lengthens outer markers and keeps lines in place', () => {
    const markdown = '::: columns\n::: column\nL\n:::\n::: column\n```\n:::\n```\n:::\n:::';
    expect(nestContainers(markdown)).toBe(':::: columns\n::: column\nL\n:::\n::: column\n```\n:::\n```\n:::\n::::');
    expect(nestContainers('::: notes\nx\n:::')).toBe('::: notes\nx\n:::');
  });

  test('a blockquote is one quote block holding its paragraphs', () => {
    expect(one(['> quoted *words*', '> more', '>', '> second'])).toEqual({
      kind: 'quote',
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'quoted ' }, { text: 'words', italic: true }, { text: ' more' }], line: 101 },
        { kind: 'paragraph', runs: [{ text: 'second' }], line: 104 },
      ],
      line: 101,
    });
  });

  test('every block carries its deck line, with the offset applied', () => {
    const blocks: Block[] = parseSlideMarkdown('# T\n\ntext\n\n- a\n\n> q\n\n```chart\nx: 1\n```', (i) => i + 40);
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 40],
      ['paragraph', 42],
      ['list', 44],
      ['quote', 46],
      ['chart', 48],
    ]);
  });
});

describe('parseDeckBody', () => {
  test('slides after an {{#each}} still know their deck lines', () => {
    const text = [
      '---',
      'title: Elections',
      '---',
      '# {{title}}',
      '',
      '{{#each data.rows}}',
      '- {{this}}',
      '{{/each}}',
      '',
      '---',
      '',
      '# Next',
      '',
      'text',
    ].join('\n');
    const source = parseDeckSource(text, 'deck.md');
    const { slides } = parseDeckBody(source, { ...source.frontMatter, data: { rows: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] } });
    expect(slides).toHaveLength(2);
    expect(slides[0].line).toBe(4);
    expect(slides[0].blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 4],
      ['list', 6],
    ]);
    // The second slide starts at its heading (line 12), not at the blank line after ---.
    expect(slides[1].line).toBe(12);
    expect(slides[1].blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 12],
      ['paragraph', 14],
    ]);
  });
});
