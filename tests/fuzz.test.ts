import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeckFile, modelDeck, TemplateLibrary } from '../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { pngBytes } from './support/images.js';
import { tempDir, validationQueue, writeFiles } from './support/pptx.js';
import { need, validator } from './support/tools.js';
import { missingWords } from './support/words.js';

/**
 * Random decks: every build either writes a deck that the Open XML SDK
 * validator accepts, or returns diagnostics and writes nothing; nothing throws.
 * `npm test` builds a fixed sample of 100 decks; `npm run test:fuzz` (vitest --mode fuzz,
 * which CI runs too) builds 1000. FUZZ_RUNS sets another count; FUZZ_SEED another
 * sequence, and FUZZ_SEED=random a new one each run (printed in the test's name).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.MODE === 'fuzz' ? 1000 : 100));
/** At least a second a deck. */
const TIMEOUT = Math.max(600_000, RUNS * 1000);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261127);

const CSV = 'candidate,votes,share_percent\nTokayev,6456393,81.31\nAgainst all,460484,5.80\nDairabayev,,3.42\n';

/** Replacement patterns, CDATA ends and regular-expression metacharacters: deck text must never be taken for any of them. */
const HOSTILE = ['$&', '$1', "$'", '$`', '$$', ']]>', '^', '$', '.*', '+?', '(?:', '\\d', '|'];
const char = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789'.split('')) },
  { weight: 4, arbitrary: fc.constantFrom(...'*_~`[]()!<>#|-:{}\\&"\'.,%/'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'Қ', 'ß', '中', '🙂', '\u0001', '\u000b', '\t', '\u200b', '\uFFFE') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<sub>',
      '</sub>',
      '<sup>2</sup>',
      '<br>',
      '<u>u</u>',
      '<mark>',
      '</mark>',
      '<kbd>K</kbd>',
      '<span style="x">',
      '</span>',
      '&amp;',
      '&copy;',
      '&#36;',
      '&nbsp;',
    ),
  },
);
/** Text for the title and footer: without `$` patterns until the branch that makes them safe there is merged. */
const text = fc.array(char, { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));
/** Mostly a valid choice, sometimes a mistake a teacher could make. */
const mostly = <T>(valid: T[], wrong: T[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...wrong) });
const picture = mostly(['![A flag](flag.png)', '![](flag.png)'], ['![Missing](nope.png)']);
const column = mostly(['votes', 'share_percent'], ['share', 'candidate', '']);

const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), text, fc.boolean()), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(([depth, t, ordered]) => `${'   '.repeat(depth)}${ordered ? '1.' : '-'} ${t}`).join('\n'));
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(text, { maxLength: 5 }), { maxLength: 6 }))
  .map(
    ([n, rows]) =>
      `| ${Array.from({ length: n }, (_, i) => `h${i}`).join(' | ')} |\n|${' --- |'.repeat(n)}\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
  );
const chartSpec = fc.oneof(
  fc
    .record({
      type: mostly(['bar', 'column', 'line', 'area', 'pie', 'doughnut', 'scatter'], ['radar', '']),
      data: mostly(['results'], ['missing']),
      x: mostly(['candidate'], ['nope', 'votes']),
      y: fc.oneof(column, fc.constant('[votes, share_percent]')),
      extra: mostly(
        ['', 'title: Share (%)', 'sort: -votes', 'limit: 2', 'values: true', 'unit: "%"', 'source: CEC'],
        ['limit: -1', 'bogus: 1'],
      ),
    })
    .map((c) => `type: ${c.type}\ndata: ${c.data}\nx: ${c.x}\ny: ${c.y}\n${c.extra}`),
  fc
    .tuple(
      fc.constantFrom('bar', 'pie', 'line', 'scatter'),
      fc.array(fc.tuple(text, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), { minLength: 1, maxLength: 5 }),
    )
    .map(
      ([type, points]) =>
        `type: ${type}\nlabels: ${JSON.stringify(points.map((p) => p[0]))}\nseries:\n  - name: S\n    values: ${JSON.stringify(points.map((p) => p[1]))}`,
    ),
);
const block = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), text).map(([d, t]) => `${'#'.repeat(d)} ${t}`) },
  { weight: 6, arbitrary: text },
  { weight: 4, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: text.map((t) => `\`\`\`js\n${t}\n\`\`\``) },
  { weight: 2, arbitrary: chartSpec.map((s) => `\`\`\`chart\n${s}\n\`\`\``) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(mostly(['results'], ['nope']), mostly(['', 'sort: votes', 'columns: [candidate, votes]', 'limit: 1'], ['columns: [nope]']))
      .map(([d, extra]) => `\`\`\`table\ndata: ${d}\n${extra}\n\`\`\``),
  },
  { weight: 2, arbitrary: text.map((t) => `::: notes\n${t}\n:::`) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `::: columns\n::: column\n${a}\n:::\n::: column\n${b}\n:::\n:::`) },
  {
    weight: 1,
    arbitrary: mostly(['content', 'chart', 'table', 'image', 'section', 'two-column'], ['quiz']).map((l) => `<!-- layout: ${l} -->`),
  },
  {
    weight: 1,
    arbitrary: mostly(
      ['![A flag](flag.png)', '![](flag.png)'],
      ['![Missing](nope.png)', '![Remote](https://example.org/x.png)', '![Outside](../../etc/passwd)'],
    ),
  },
  {
    weight: 1,
    arbitrary: mostly(
      ['{{title}}', '{{#each data.results}}\n- {{candidate}}: {{percent share_percent}}\n{{/each}}', '{{number 1234.5}}', '\\{{literal}}'],
      ['{{#if x}}', '{{nohelper 1}}'],
    ),
  },
  { weight: 1, arbitrary: text.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: fc.tuple(text, list, text).map(([a, l, b]) => `> ${a}\n>\n${l.replace(/^/gm, '> ')}\n>\n>> ${b}`) },
  { weight: 1, arbitrary: fc.tuple(text, picture, text, picture).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `- [ ] ${a}\n- [x] ${b}`) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `${a}[^n]\n\n[^n]: ${b}`) },
  { weight: 1, arbitrary: fc.tuple(mostly(['warning', 'tip'], ['']), text).map(([name, t]) => `::: ${name}\n${t}\n:::`) },
  { weight: 1, arbitrary: text.map((t) => `<div class="box">\n${t}\n</div>`) },
  { weight: 1, arbitrary: text.map((t) => `<!-- ${t} -->`) },
);
const slide = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => bs.join('\n\n'));
const frontMatter = fc
  .record(
    {
      title: fc.oneof({ weight: 20, arbitrary: text.map((t) => JSON.stringify(t)) }, { weight: 1, arbitrary: fc.constant('""') }),
      template: mostly(['default', 'chalkboard'], ['nope']),
      lang: mostly(['en-US', 'kk-KZ'], ['not a tag']),
      footer: mostly(['"{{title}}"', 'Plain footer'], ['"{{#if"']),
      slideNumbers: mostly(['true', 'false'], ['maybe']),
    },
    { requiredKeys: ['title'] },
  )
  .map(
    (fm) =>
      `---\n${Object.entries(fm)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\ndata:\n  results: results.csv\n---\n`,
  );
/** How an editor saved the file: Unix, Windows or old Mac line endings, with or without a BOM. */
const saved = fc.record({ newline: fc.constantFrom('\n', '\r\n', '\r'), bom: fc.boolean() });
const deck = fc
  .tuple(frontMatter, fc.array(slide, { minLength: 1, maxLength: 5 }), saved)
  .map(([fm, slides, { newline, bom }]) => (bom ? '\uFEFF' : '') + (fm + slides.join('\n\n---\n\n')).replace(/\n/g, newline));

describe('random decks', () => {
  it(`build to a valid deck or to diagnostics, never an exception (${RUNS} runs, seed ${SEED})`, { timeout: TIMEOUT }, async () => {
    const templates = new TemplateLibrary([SHIPPED_TEMPLATES]);
    // Each built deck is validated while the next ones are built.
    const validations = validator.missing ? undefined : validationQueue();
    let built = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(deck, async (source) => {
        const dir = tempDir('lectern-fuzz-');
        writeFiles(dir, { 'deck.md': source, 'results.csv': CSV, 'flag.png': pngBytes(30, 20) });
        const result = await buildDeckFile(path.join(dir, 'deck.md'), { outDir: path.join(dir, 'out'), templates });
        if (result.ok) {
          built++;
          validations?.add(result.output!);
          // Every word the teacher wrote is in the deck, or a warning names it.
          const { markdown } = await modelDeck(path.join(dir, 'deck.md'), { templates });
          expect(await missingWords(markdown, result.output!, result.diagnostics)).toEqual([]);
        } else {
          failed++;
          expect(result.diagnostics.length).toBeGreaterThan(0);
          for (const d of result.diagnostics) expect(d.file && d.rule && d.message).toBeTruthy();
          expect(existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : []).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fuzz: ${RUNS} random decks, ${built} built, ${failed} rejected with diagnostics`);
    expect(built).toBeGreaterThan(RUNS / 10);
    need(validator);
    expect(await validations!.invalid()).toEqual([]);
  });
});
