import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, formatPercent } from '../src/format.js';
import {
  CATALOGUE_LANGUAGES,
  COUNTED_KEYS,
  MESSAGE_KEYS,
  messagesFor,
  type CountedKey,
  type MessageKey,
  type Messages,
} from '../src/i18n/messages.js';
import type { ChartElement, Deck, TableElement, TextElement } from '../src/model/types.js';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, validatePptx } from './support/pptx.js';
import { need, validator } from './support/tools.js';

/** The languages the issue asks for; the catalogue may have more. */
const REQUIRED = ['en', 'de', 'fr', 'es', 'ru', 'kk', 'zh', 'ja', 'ar', 'pt', 'it', 'tr', 'uk'];

/** A deck of every generated word: `{{number}}` and `{{percent}}`, a results table with a source, a chart, and a slide that continues. */
function lecture(lang: string): Record<string, string> {
  const items = Array.from({ length: 20 }, (_, i) => `- Item ${i + 1}`).join('\n');
  const body = `# Results

Votes: {{number 6456393}}, share: {{percent 81.31}}, ratio {{number 0.5 decimals=2}}

\`\`\`table
data: results
source: CEC
\`\`\`

---

# Chart

\`\`\`chart
type: column
data: results
x: candidate
y: votes
\`\`\`

---

# Items

${items}
`;
  return {
    'deck.md': deckText(body, { lang, data: { results: 'results.csv' } }),
    'results.csv': 'candidate,votes,share\nTokayev,6456393,81.31\nAgainst all,460484,5.8\n',
  };
}

const paragraphs = (deck: Deck, slide: number) =>
  deck.slides[slide].elements
    .filter((e): e is TextElement => e.kind === 'text')
    .flatMap((e) => e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')));

/** What a teacher reads in each language: numbers, generated words and the chart's description. */
const EXPECTED: Record<string, { number: string; percent: string; cell: string; source: string; chart: string; continued: string }> = {
  en: {
    number: '6,456,393',
    percent: '81.31%',
    cell: '6,456,393',
    source: 'Source: CEC',
    chart: 'Column chart',
    continued: 'Items (continued)',
  },
  de: {
    number: '6.456.393',
    percent: '81,31\u00a0%',
    cell: '6.456.393',
    source: 'Quelle: CEC',
    chart: 'Säulendiagramm',
    continued: 'Items (Fortsetzung)',
  },
  fr: {
    number: '6\u202f456\u202f393',
    percent: '81,31\u00a0%',
    cell: '6\u202f456\u202f393',
    source: 'Source\u00a0: CEC',
    chart: 'Histogramme',
    continued: 'Items (suite)',
  },
  ru: {
    number: '6\u00a0456\u00a0393',
    percent: '81,31\u00a0%',
    cell: '6\u00a0456\u00a0393',
    source: 'Источник: CEC',
    chart: 'Гистограмма',
    continued: 'Items (продолжение)',
  },
  kk: {
    number: '6\u00a0456\u00a0393',
    percent: '81,31%',
    cell: '6\u00a0456\u00a0393',
    source: 'Дереккөз: CEC',
    chart: 'Бағаналы диаграмма',
    continued: 'Items (жалғасы)',
  },
  ja: { number: '6,456,393', percent: '81.31%', cell: '6,456,393', source: '出典：CEC', chart: '縦棒グラフ', continued: 'Items（続き）' },
  zh: { number: '6,456,393', percent: '81.31%', cell: '6,456,393', source: '来源：CEC', chart: '柱形图', continued: 'Items（续）' },
  es: {
    number: '6.456.393',
    percent: '81,31\u00a0%',
    cell: '6.456.393',
    source: 'Fuente: CEC',
    chart: 'Gráfico de columnas',
    continued: 'Items (continuación)',
  },
  pt: {
    number: '6.456.393',
    percent: '81,31%',
    cell: '6.456.393',
    source: 'Fonte: CEC',
    chart: 'Gráfico de colunas',
    continued: 'Items (continuação)',
  },
  it: {
    number: '6.456.393',
    percent: '81,31%',
    cell: '6.456.393',
    source: 'Fonte: CEC',
    chart: 'Grafico a colonne',
    continued: 'Items (continua)',
  },
  uk: {
    number: '6\u00a0456\u00a0393',
    percent: '81,31%',
    cell: '6\u00a0456\u00a0393',
    source: 'Джерело: CEC',
    chart: 'Гістограма',
    continued: 'Items (продовження)',
  },
  // Arabic keeps Latin digits, and with them the Latin separators.
  ar: { number: '6,456,393', percent: '81.31%', cell: '6,456,393', source: 'المصدر: CEC', chart: 'مخطط عمودي', continued: 'Items (تابع)' },
};

describe('localised words and numbers', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [lang, expected] of Object.entries(EXPECTED)) {
    it(`${lang}: {{number}}, {{percent}}, table cells, "Source", the chart's description and "(continued)"`, async () => {
      const result = await buildInTemp(lecture(lang), { write: false });
      expect(result.diagnostics).toEqual([]);
      const deck = result.deck!;
      expect(paragraphs(deck, 1)[0]).toBe(`Votes: ${expected.number}, share: ${expected.percent}, ratio ${formatNumber(0.5, 2, lang)}`);
      const table = deck.slides[1].elements.find((e): e is TableElement => e.kind === 'table')!;
      expect(table.rows[0].map((cell) => cell.map((r) => r.text).join(''))).toEqual([
        'Tokayev',
        expected.cell,
        formatNumber(81.31, 2, lang),
      ]);
      expect(paragraphs(deck, 1)).toContain(expected.source);
      const chart = deck.slides[2].elements.find((e): e is ChartElement => e.kind === 'chart')!;
      expect(chart.altText.startsWith(`${expected.chart}: Tokayev ${expected.cell}`)).toBe(true);
      expect(deck.slides.slice(3).map((s) => s.title)).toEqual(['Items', expected.continued]);
    });
  }

  it("a table is described for screen readers in the deck's language", async () => {
    const result = await buildInTemp(lecture('de-DE'));
    const slide = (await (await openPptx(result.output!)).slides())[1];
    expect(slide).toContain('descr="Tabelle: Candidate, Votes, Share (2 Zeilen); ');
  });

  it('a German chart in % reads and shows the percent sign as German writes it', async () => {
    const chart =
      '# Share\n\n```chart\ntype: bar\nlabels: [Tokayev, Against all]\nseries: [{name: Share, values: [81.31, 5.8]}]\nunit: "%"\n```\n';
    const result = await buildInTemp(deckText(chart, { lang: 'de-DE' }));
    const element = result.deck!.slides[1].elements.find((e): e is ChartElement => e.kind === 'chart')!;
    expect(element.altText).toBe('Balkendiagramm: Tokayev 81,31\u00a0%, Against all 5,80\u00a0%');
    const xml = await (await openPptx(result.output!)).xml('ppt/charts/chart1.xml');
    // The format code's `,` and `.` are the reader's separators (PowerPoint shows 81,31 in German); the sign is spaced.
    expect(xml).toContain('formatCode="#,##0.00&quot;\u00a0%&quot;"');
    need(validator);
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  it('the catalogue has every word in each of the thirteen languages, none of them the English one left in', () => {
    expect(CATALOGUE_LANGUAGES).toEqual(expect.arrayContaining(REQUIRED));
    const english = messagesFor('en');
    // A phrase with a count, said of two things.
    const phrase = (m: Messages, key: MessageKey | CountedKey) =>
      (COUNTED_KEYS as string[]).includes(key) ? m.count(key as CountedKey, 2) : m.text(key as MessageKey);
    for (const lang of REQUIRED.filter((l) => l !== 'en')) {
      const messages = messagesFor(lang);
      for (const key of MESSAGE_KEYS) expect(phrase(messages, key), `${lang} ${key}`).not.toMatch(/^\s*$/);
      // Some words are the same in English ("Total" in French); the phrases are not.
      for (const key of ['continued', 'table', 'more', 'columnChart'] as const)
        expect(phrase(messages, key), `${lang} ${key}`).not.toBe(phrase(english, key));
    }
    expect(messagesFor('pt-BR').text('continued', { title: 'X' })).toBe('X (continuação)');
    // A language the catalogue lacks is written in English.
    expect(messagesFor('sw').text('continued', { title: 'X' })).toBe('X (continued)');
  });

  it('numbers in German, French, Russian and English, negative and rounded; English never reaches Intl', () => {
    expect(formatNumber(-1234567.891, 2, 'de-DE')).toBe('-1.234.567,89');
    expect(formatPercent(5.8, 1, 'de')).toBe('5,8\u00a0%');
    expect(formatNumber(1000, 0, 'ru')).toBe('1\u00a0000');
    expect(formatNumber(999, undefined, 'fr')).toBe('999');
    const spy = vi.spyOn(Intl, 'NumberFormat');
    expect(formatNumber(1234.5, 1, 'en-GB')).toBe('1,234.5');
    expect(formatPercent(81.31, 2, 'en-US')).toBe('81.31%');
    expect(spy).not.toHaveBeenCalled();
  });

  it("a deck's strings: replace generated words, over its template's; what it writes stays as written ($&, ]]>)", async () => {
    const template = {
      'templates/mine/template.yaml': 'extends: default\nstrings:\n  continued: "{title} — cont."\n  source: "From {source}"\n',
    };
    const files = lecture('en');
    const own = await buildInTemp({ ...files, ...template }, { write: false, template: 'mine' });
    expect(own.diagnostics).toEqual([]);
    expect(own.deck!.slides.slice(3).map((s) => s.title)).toEqual(['Items', 'Items — cont.']);
    expect(paragraphs(own.deck!, 1)).toContain('From CEC');

    const deck = files['deck.md'].replace('lang: "en"', () => 'lang: "en"\nstrings:\n  continued: "$& {title} ]]> more"');
    const both = await buildInTemp({ ...files, 'deck.md': deck, ...template }, { template: 'mine' });
    expect(both.diagnostics).toEqual([]);
    expect(both.deck!.slides.slice(3).map((s) => s.title)).toEqual(['Items', '$& Items ]]> more']);
    expect(paragraphs(both.deck!, 1)).toContain('From CEC');
    const slides = await (await openPptx(both.output!)).slides();
    expect(slides[4]).toContain('<a:t>$&amp; Items ]]&gt; more</a:t>');
  });

  it('a strings: name lectern does not generate is an error at its line, naming the ones it does', async () => {
    const files = lecture('en');
    const deck = files['deck.md'].replace('lang: "en"', 'lang: "en"\nstrings:\n  continue: "{title} (cont.)"');
    const result = await buildInTemp({ ...files, 'deck.md': deck }, { write: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'strings/unknown', line: 5, message: expect.stringContaining('continued, source') }),
    ]);
  });
});
