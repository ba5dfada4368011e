import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_LANGUAGES, COUNTED_KEYS, catalogueForms, messagesFor } from '../src/i18n/messages.js';
import { englishCount, pluralCategories } from '../src/i18n/plural.js';
import { buildInTemp, deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { openPptx, tempDir, validatePptx, writeFiles } from './support/pptx.js';
import { need, validator } from './support/tools.js';

/** The counts every language is checked at: what changes a word's form somewhere (0, 1, 2, 3, 5, 11, 21, 22, 25, 81, 101) and a fraction. */
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 81, 101, 1.5];
/** The counts as a language with a decimal point writes them, and one with a decimal comma. */
const POINT = ['0', '1', '2', '3', '5', '11', '21', '22', '25', '81', '101', '1.5'];
const COMMA = [...POINT.slice(0, -1), '1,5'];

interface Expected {
  /** The table's name around its count phrase, for the columns Party and Votes. */
  table: (rows: string) => string;
  /** "(N rows)" at each of COUNTS, as the teacher reads it. */
  rows: string[];
  /** "and N more" at each of COUNTS. */
  more: string[];
}

/** What a screen reader reads, by language, written out by hand: each form of each count. */
const EXPECTED: Record<string, Expected> = {
  en: {
    table: (rows) => `Table: Party, Votes (${rows})`,
    rows: ['0 rows', '1 row', '2 rows', '3 rows', '5 rows', '11 rows', '21 rows', '22 rows', '25 rows', '81 rows', '101 rows', '1.5 rows'],
    more: POINT.map((n) => `and ${n} more`),
  },
  de: {
    table: (rows) => `Tabelle: Party, Votes (${rows})`,
    rows: COMMA.map((n) => (n === '1' ? '1 Zeile' : `${n} Zeilen`)),
    more: COMMA.map((n) => `und ${n} weitere`),
  },
  fr: {
    // French counts 0, 1 and 1,5 as singular.
    table: (rows) => `Tableau\u00a0: Party, Votes (${rows})`,
    rows: [
      '0 ligne',
      '1 ligne',
      '2 lignes',
      '3 lignes',
      '5 lignes',
      '11 lignes',
      '21 lignes',
      '22 lignes',
      '25 lignes',
      '81 lignes',
      '101 lignes',
      '1,5 ligne',
    ],
    more: [
      'et 0 autre',
      'et 1 autre',
      'et 2 autres',
      'et 3 autres',
      'et 5 autres',
      'et 11 autres',
      'et 21 autres',
      'et 22 autres',
      'et 25 autres',
      'et 81 autres',
      'et 101 autres',
      'et 1,5 autre',
    ],
  },
  es: {
    table: (rows) => `Tabla: Party, Votes (${rows})`,
    rows: COMMA.map((n) => (n === '1' ? '1 fila' : `${n} filas`)),
    more: COMMA.map((n) => `y ${n} más`),
  },
  pt: {
    // Brazilian Portuguese, as CLDR has it: 0 and 1,5 take the singular, as 1 does.
    table: (rows) => `Tabela: Party, Votes (${rows})`,
    rows: [
      '0 linha',
      '1 linha',
      '2 linhas',
      '3 linhas',
      '5 linhas',
      '11 linhas',
      '21 linhas',
      '22 linhas',
      '25 linhas',
      '81 linhas',
      '101 linhas',
      '1,5 linha',
    ],
    more: COMMA.map((n) => `e mais ${n}`),
  },
  'pt-PT': {
    // European Portuguese: only 1 is singular.
    table: (rows) => `Tabela: Party, Votes (${rows})`,
    rows: COMMA.map((n) => (n === '1' ? '1 linha' : `${n} linhas`)),
    more: COMMA.map((n) => `e mais ${n}`),
  },
  it: {
    table: (rows) => `Tabella: Party, Votes (${rows})`,
    rows: COMMA.map((n) => (n === '1' ? '1 riga' : `${n} righe`)),
    more: COMMA.map((n) => (n === '1' ? 'e 1 altro' : `e altri ${n}`)),
  },
  tr: {
    // Turkish keeps the noun singular after a number.
    table: (rows) => `Tablo: Party, Votes (${rows})`,
    rows: COMMA.map((n) => `${n} satır`),
    more: COMMA.map((n) => `ve ${n} tane daha`),
  },
  ru: {
    table: (rows) => `Таблица: Party, Votes (${rows})`,
    rows: [
      '0 строк',
      '1 строка',
      '2 строки',
      '3 строки',
      '5 строк',
      '11 строк',
      '21 строка',
      '22 строки',
      '25 строк',
      '81 строка',
      '101 строка',
      '1,5 строки',
    ],
    more: COMMA.map((n) => `и ещё ${n}`),
  },
  uk: {
    table: (rows) => `Таблиця: Party, Votes (${rows})`,
    rows: [
      '0 рядків',
      '1 рядок',
      '2 рядки',
      '3 рядки',
      '5 рядків',
      '11 рядків',
      '21 рядок',
      '22 рядки',
      '25 рядків',
      '81 рядок',
      '101 рядок',
      '1,5 рядка',
    ],
    more: COMMA.map((n) => `і ще ${n}`),
  },
  kk: {
    // Kazakh keeps the noun singular after a number.
    table: (rows) => `Кесте: Party, Votes (${rows})`,
    rows: COMMA.map((n) => `${n} жол`),
    more: COMMA.map((n) => `және тағы ${n}`),
  },
  zh: {
    table: (rows) => `表格：Party, Votes（${rows}）`,
    rows: POINT.map((n) => `${n} 行`),
    more: POINT.map((n) => `另有 ${n} 项`),
  },
  ja: {
    table: (rows) => `表：Party, Votes（${rows}）`,
    rows: POINT.map((n) => `${n} 行`),
    more: POINT.map((n) => `ほか ${n} 件`),
  },
  ar: {
    // Six forms: none, one, two (dual), 3–10 (plural), 11–99 (singular accusative), 100, 101, 102 (singular).
    table: (rows) => `جدول: Party, Votes (${rows})`,
    rows: ['لا صفوف', 'صف واحد', 'صفان', '3 صفوف', '5 صفوف', '11 صفًا', '21 صفًا', '22 صفًا', '25 صفًا', '81 صفًا', '101 صف', '1.5 صف'],
    more: [
      'ولا عناصر أخرى',
      'وعنصر آخر',
      'وعنصران آخران',
      'و3 عناصر أخرى',
      'و5 عناصر أخرى',
      'و11 عنصرًا آخر',
      'و21 عنصرًا آخر',
      'و22 عنصرًا آخر',
      'و25 عنصرًا آخر',
      'و81 عنصرًا آخر',
      'و101 عنصر آخر',
      'و1.5 عنصر آخر',
    ],
  },
  he: {
    // Hebrew has a dual: "two rows" is one word pair, without the number.
    table: (rows) => `טבלה: Party, Votes (${rows})`,
    rows: [
      '0 שורות',
      'שורה אחת',
      'שתי שורות',
      '3 שורות',
      '5 שורות',
      '11 שורות',
      '21 שורות',
      '22 שורות',
      '25 שורות',
      '81 שורות',
      '101 שורות',
      '1.5 שורות',
    ],
    more: POINT.map((n) => `ועוד ${n}`),
  },
};

const at = (e: Expected, list: 'rows' | 'more', count: number) => e[list][COUNTS.indexOf(count)];

/** Each table's and chart's description (descr) in a built deck, slide by slide, a table split over slides once. */
async function descriptions(file: string): Promise<string[]> {
  const out: string[] = [];
  for (const xml of await (await openPptx(file)).slides()) {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    for (const frame of Array.from(doc.getElementsByTagName('p:graphicFrame'))) {
      const descr = frame.getElementsByTagName('p:cNvPr')[0]?.getAttribute('descr') ?? '';
      if (out[out.length - 1] !== descr) out.push(descr);
    }
  }
  return out;
}

/** Rows P1, P2, … with votes 1, 2, …: enough for every count. */
const VOTES = `party,votes\n${Array.from({ length: 151 }, (_, i) => `P${i + 1},${i + 1}`).join('\n')}\n`;
/** Rows a results table is cut to, and points a chart is cut to (50 are read out, the rest counted: 1, 22 and 101 more). */
const TABLE_ROWS = [1, 2, 3, 5, 11, 21, 22, 25, 101];
const CHART_POINTS = [51, 72, 151];

/** A deck with a Markdown table of no rows, results tables of TABLE_ROWS rows and charts of CHART_POINTS points. */
function countsDeck(lang: string): Record<string, string> {
  const slides = [
    '# No rows\n\n| Party | Votes |\n|---|---|\n',
    ...TABLE_ROWS.map((n) => `# ${n} rows\n\n\`\`\`table\ndata: votes\nlimit: ${n}\ncolumns: [party: Party, votes: Votes]\n\`\`\`\n`),
    ...CHART_POINTS.map((n) => `# ${n} points\n\n\`\`\`chart\ntype: column\ndata: votes\nx: party\ny: votes\nlimit: ${n}\n\`\`\`\n`),
  ];
  return { 'deck.md': deckText(slides.join('\n---\n\n'), { lang, data: { votes: 'votes.csv' } }), 'votes.csv': VOTES };
}

describe('plural forms in messages', () => {
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    it(`${lang}: "table" and "more" at 0, 1, 2, 3, 5, 11, 21, 22, 25, 81, 101 and 1.5`, () => {
      const messages = messagesFor(lang);
      expect(COUNTS.map((n) => messages.count('table', n, { columns: 'Party, Votes' }))).toEqual(
        expected.rows.map((rows) => expected.table(rows)),
      );
      expect(COUNTS.map((n) => messages.count('more', n))).toEqual(expected.more);
    });
  }

  it('a million takes "de" in French, Spanish and Portuguese and "di" in Italian; Russian the genitive plural', () => {
    const rows = (lang: string) => messagesFor(lang).count('table', 1_000_000, { columns: 'A' });
    expect(rows('fr')).toBe('Tableau\u00a0: A (1\u202f000\u202f000 de lignes)');
    expect(rows('es')).toBe('Tabla: A (1.000.000 de filas)');
    expect(rows('pt')).toBe('Tabela: A (1.000.000 de linhas)');
    expect(rows('it')).toBe('Tabella: A (1.000.000 di righe)');
    expect(rows('ru')).toBe('Таблица: A (1\u00a0000\u00a0000 строк)');
    expect(rows('en-GB')).toBe('Table: A (1,000,000 rows)');
  });

  it('each phrase with a count has a form for every plural category its language uses, and no other', () => {
    for (const lang of CATALOGUE_LANGUAGES) {
      for (const key of COUNTED_KEYS)
        expect(Object.keys(catalogueForms(lang, key)).sort(), `${lang} ${key}`).toEqual(pluralCategories(lang).sort());
    }
    expect(pluralCategories('en-US')).toEqual(['one', 'other']);
    expect(pluralCategories('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralCategories('ja')).toEqual(['other']);
  });

  it('the words of a language lectern has none for are English, chosen by English rules, not by the deck language', () => {
    // Armenian counts 0 as singular; lectern's English words must not say "0 row".
    const messages = messagesFor('hy');
    expect([0, 1, 2].map((n) => messages.count('table', n, { columns: 'A' }))).toEqual([
      'Table: A (0 rows)',
      'Table: A (1 row)',
      'Table: A (2 rows)',
    ]);
  });

  it("lectern's own English counts: 1 slide, 0 slides, 1.5 slides", () => {
    expect([0, 1, 2, 1.5, 1001].map((n) => englishCount(n, 'slide'))).toEqual([
      '0 slides',
      '1 slide',
      '2 slides',
      '1.5 slides',
      '1001 slides',
    ]);
    expect(englishCount(1, 'content area')).toBe('1 content area');
  });
});

describe('plural forms in built decks', () => {
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    it(`${lang}: each table's and chart's description counts its rows and what it leaves out in the right form`, async () => {
      const result = await buildInTemp(countsDeck(lang));
      expect(result.diagnostics).toEqual([]);
      const found = await descriptions(result.output!);
      expect(found).toHaveLength(1 + TABLE_ROWS.length + CHART_POINTS.length);
      expect(found[0]).toBe(expected.table(at(expected, 'rows', 0)));
      TABLE_ROWS.forEach((n, i) => {
        const descr = found[1 + i];
        expect(descr.startsWith(`${expected.table(at(expected, 'rows', n))}; P1 1`), `${n} rows: ${descr}`).toBe(true);
        if (n > 20) expect(descr.endsWith(`P20 20, ${at(expected, 'more', n - 20)}`), `${n} rows: ${descr}`).toBe(true);
        else expect(descr.endsWith(`P${n} ${n}`), `${n} rows: ${descr}`).toBe(true);
      });
      CHART_POINTS.forEach((n, i) => {
        const descr = found[1 + TABLE_ROWS.length + i];
        expect(descr.endsWith(` 50, ${at(expected, 'more', n - 50)}`), `${n} points: ${descr}`).toBe(true);
      });
      if (lang === 'ar') {
        need(validator);
        expect(await validatePptx(result.output!)).toEqual([]);
      }
    });
  }
});

describe('plural rules cost an English deck nothing', () => {
  const Real = Intl.PluralRules;
  const made: string[] = [];
  afterEach(() => {
    Object.defineProperty(Intl, 'PluralRules', { value: Real, writable: true, configurable: true });
    made.length = 0;
  });
  const countRules = () =>
    Object.defineProperty(Intl, 'PluralRules', {
      value: class extends Real {
        constructor(...args: ConstructorParameters<typeof Real>) {
          super(...args);
          made.push(String(args[0]));
        }
      },
      writable: true,
      configurable: true,
    });

  it('an English deck makes no Intl.PluralRules; a Russian one makes them once, however many counts it has', async () => {
    countRules();
    // Language tags no other test uses, so that their rules are not made already.
    const english = await buildInTemp(countsDeck('en-NZ'), { write: false });
    expect(english.diagnostics).toEqual([]);
    expect(made).toEqual([]);
    const russian = await buildInTemp(countsDeck('ru-MD'), { write: false });
    expect(russian.diagnostics).toEqual([]);
    expect(made).toEqual(['ru-MD']);
  });
});

/** A deck in `lang` with a results table of `rows` rows, for the `strings:` tests; `extra` goes in the front matter. */
function stringsDeck(lang: string, extra: string, rows = 22): Record<string, string> {
  return {
    'deck.md': `---\ntitle: Votes\nlang: ${lang}\ndata:\n  votes: votes.csv\n${extra}---\n# Votes\n\n\`\`\`table\ndata: votes\nlimit: ${rows}\ncolumns: [party: Party, votes: Votes]\n\`\`\`\n`,
    'votes.csv': VOTES,
  };
}

const tableDescr = async (file: string) => (await descriptions(file))[0];

describe('strings: for phrases with a count', () => {
  it('forms by category replace the language\'s, chosen by its rules; one text serves every count; "$&" and "]]>" stay as typed', async () => {
    const strings = 'strings:\n  table:\n    one: "{columns}: one row"\n    other: "{columns}: {rows} rows $& ]]>"\n  more: "+{count}"\n';
    const one = await buildInTemp(stringsDeck('en', strings, 1));
    expect(one.diagnostics).toEqual([]);
    expect(await tableDescr(one.output!)).toBe('Party, Votes: one row; P1 1');
    const many = await buildInTemp(stringsDeck('en', strings, 22));
    expect((await tableDescr(many.output!)).startsWith('Party, Votes: 22 rows $& ]]>; P1 1')).toBe(true);
    expect((await tableDescr(many.output!)).endsWith('P20 20, +2')).toBe(true);
    const slide = (await (await openPptx(many.output!)).slides())[1];
    expect(slide).toContain('descr="Party, Votes: 22 rows $&amp; ]]&gt;; P1 1');
  });

  it("a deck's forms replace its template's whole, not form by form; the template's serve where the deck gives none", async () => {
    const template = {
      'templates/mine/template.yaml':
        'extends: default\nstrings:\n  table:\n    one: "Т: {rows} строчка"\n    few: "Т: {rows} строчки"\n    many: "Т: {rows} строчек"\n    other: "Т: {rows} строчки"\n',
    };
    const fromTemplate = await buildInTemp({ ...stringsDeck('ru', '', 21), ...template }, { template: 'mine' });
    expect(fromTemplate.diagnostics).toEqual([]);
    expect((await tableDescr(fromTemplate.output!)).startsWith('Т: 21 строчка; ')).toBe(true);
    const own = await buildInTemp(
      { ...stringsDeck('ru', 'strings:\n  table: "Всего строк: {rows}"\n', 21), ...template },
      { template: 'mine' },
    );
    expect((await tableDescr(own.output!)).startsWith('Всего строк: 21; ')).toBe(true);
  });

  it('a language lectern has no words for gets its plural forms from the deck, chosen by its own rules (Polish)', async () => {
    const strings =
      'strings:\n  table:\n    one: "Tabela: {columns} ({rows} wiersz)"\n    few: "Tabela: {columns} ({rows} wiersze)"\n    many: "Tabela: {columns} ({rows} wierszy)"\n    other: "Tabela: {columns} ({rows} wiersza)"\n';
    const got: string[] = [];
    for (const rows of [1, 22, 25]) {
      const result = await buildInTemp(stringsDeck('pl', strings, rows));
      expect(result.diagnostics).toEqual([]);
      got.push((await tableDescr(result.output!)).split(';')[0]);
    }
    expect(got).toEqual(['Tabela: Party, Votes (1 wiersz)', 'Tabela: Party, Votes (22 wiersze)', 'Tabela: Party, Votes (25 wierszy)']);
  });
  it('a "zero" form is for 0 in every language, as the teacher means it; in Arabic, as its rules say', () => {
    const strings = { table: { zero: '{columns}: no rows', one: '{columns}: one row', other: '{columns}: {rows} rows' } };
    expect([0, 1, 2].map((n) => messagesFor('en', strings).count('table', n, { columns: 'A' }))).toEqual([
      'A: no rows',
      'A: one row',
      'A: 2 rows',
    ]);
    const arabic = messagesFor('ar', { more: { zero: 'صفر', other: '{count} أخرى' } });
    expect([0, 11].map((n) => arabic.count('more', n))).toEqual(['صفر', '11 أخرى']);
  });

  it("a deck's form its language never uses is a warning at its line; a template's is not (a template serves many languages)", async () => {
    const strings = 'strings:\n  table:\n    one: "{rows} row"\n    few: "{rows} rows (few)"\n    zero: "none"\n    other: "{rows} rows"\n';
    const template = { 'templates/mine/template.yaml': `extends: default\n${strings}` };
    const result = await buildInTemp({ ...stringsDeck('en-AU', strings, 3), ...template }, { template: 'mine', write: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'strings/unused-form',
        severity: 'warning',
        line: 9,
        message:
          '"strings.table" has a "few" form, which the deck\'s language (en-AU) does not use, so it is never shown; its forms are one, other (and zero, for 0)',
      }),
    ]);
    const russian = await buildInTemp({ ...stringsDeck('ru', '', 3), ...template }, { template: 'mine', write: false });
    expect(russian.diagnostics).toEqual([]);
  });
});

describe('bad strings: for phrases with a count', () => {
  /** The one diagnostic of building a deck whose front matter ends with `extra`. */
  async function problem(extra: string) {
    const result = await buildInTemp(stringsDeck('en', extra), { write: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    return result.diagnostics[0];
  }
  // The front matter's lines: 1 ---, 2 title, 3 lang, 4 data, 5 votes, then `extra` from line 6.

  it('an unknown category is an error at its line, with the category meant', async () => {
    const d = await problem('strings:\n  table:\n    one: "{rows} row"\n    fewe: "{rows} rows"\n    other: "{rows} rows"\n');
    expect(d).toMatchObject({ rule: 'strings/plural-category', line: 9, severity: 'error' });
    expect(d.message).toBe(
      '"strings.table" has a form "fewe", which is not a plural category (did you mean "few"?); the categories are zero, one, two, few, many, other, and each language uses some of them (English: one, other; Russian: one, few, many, other)',
    );
  });

  it('forms without "other" are an error at the phrase\'s line', async () => {
    const d = await problem('strings:\n  continued: "{title} (cont.)"\n  more:\n    one: "and one more"\n');
    expect(d).toMatchObject({ rule: 'strings/plural-other', line: 8 });
    expect(d.message).toBe(
      '"strings.more" needs an "other" form, the one for every count its other forms do not cover, e.g. other: "and {count} more"',
    );
  });

  it('forms written inline, {one: …}, are an error at the line of the phrase', async () => {
    const d = await problem('strings:\n  table: {one: "{rows} row", many: "{rows} rows"}\n');
    expect(d).toMatchObject({ rule: 'strings/plural-other', line: 7 });
  });

  it('the line is found under strings:, not at a key of the same name elsewhere in the front matter', async () => {
    const d = await problem(
      'extra:\n  table:\n    zero: nothing\nstrings:\n  table:\n    zero: none\n    severall: "{rows}"\n    other: "{rows}"\n',
    );
    expect(d).toMatchObject({ rule: 'strings/plural-category', line: 12 });
    expect(d.message).toContain('form "severall", which is not a plural category;');
  });

  it('a form that is not text, and forms for a phrase without a count, are errors that say what to write', async () => {
    const nested = await problem('strings:\n  table:\n    one: {text: x}\n    other: "{rows}"\n');
    expect(nested).toMatchObject({ rule: 'strings/type', line: 8, message: '"strings.table.one" must be text' });
    const uncounted = await problem('strings:\n  source:\n    one: "From {source}"\n    other: "From {source}"\n');
    expect(uncounted).toMatchObject({
      rule: 'strings/type',
      line: 7,
      message: '"strings.source" must be text; only table and more have a count, and so a form for each plural category',
    });
    const list = await problem('strings:\n  table: [one, other]\n');
    expect(list).toMatchObject({ rule: 'strings/type', line: 7 });
    expect(list.message).toContain('"strings.table" must be text, or a mapping of plural categories to text, e.g. {one: ');
  });

  it("a bad form in a template's template.yaml is an error at its line there", async () => {
    const result = await buildInTemp(
      {
        ...stringsDeck('en', ''),
        'templates/mine/template.yaml':
          'description: Mine\nextends: default\nstrings:\n  source: "From {source}"\n  table:\n    other: "{rows}"\n    Few: "{rows}"\n',
      },
      { template: 'mine', write: false },
    );
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'strings/plural-category',
        file: path.join(result.dir, 'templates/mine/template.yaml'),
        line: 7,
        message: expect.stringContaining('has a form "Few", which is not a plural category (did you mean "few"?)'),
      }),
    ]);
  });

  it('the command line prints the error at file:line and exits 1', async () => {
    const dir = tempDir();
    writeFiles(dir, stringsDeck('ru', 'strings:\n  table:\n    one: "{rows} строка"\n    several: "{rows} строки"\n'));
    const run = await lectern(['build', 'deck.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deck.md:9: error: "strings.table" has a form "several", which is not a plural category;');
    expect(run.stderr).toContain('[strings/plural-category]');
  });
});

describe("lectern's own English counts", () => {
  it('the command line says "1 slide", "1 deck built", "2 decks built", "1 warning"', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'content/one.md': deckText('', { title: 'Only a title' }),
      'content/two.md': deckText('# A\n\n<blink>old</blink>\n'),
    });
    const one = await lectern(['build', 'content/one.md'], dir);
    expect(one.stdout).toContain('one.pptx (1 slide)\n');
    expect(one.stdout).toContain('1 deck built');
    const both = await lectern(['build'], dir);
    expect(both.stdout).toContain('(2 slides)');
    expect(both.stdout).toContain('2 decks built, 1 warning');
  });

  it('a chart whose series has one value for two labels says "1 value" and "2 labels"', async () => {
    const chart = '# C\n\n```chart\ntype: bar\nlabels: [A, B]\nseries: [{name: S, values: [1]}]\n```\n';
    const result = await buildInTemp(deckText(chart), { write: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ message: expect.stringContaining('series 1 has 1 value but there are 2 labels') }),
    ]);
  });
});
