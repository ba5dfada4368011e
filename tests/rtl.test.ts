import { describe, expect, it } from 'vitest';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, validatePptx } from './support/pptx.js';
import { need, validator } from './support/tools.js';

/** An Arabic lecture: a lead-in, a list with a sublist, a line mixing Arabic with numbers and Latin, and a table. */
const ARABIC = `# النظام الانتخابي

تعتمد نسبة المشاركة على عدة عوامل:

- التصويت الإلزامي
  - وفق استطلاعات الرأي
- النظام النسبي

بلغت المشاركة 69.4% في انتخابات 2022 حسب بيانات CEC الرسمية

---

# النتائج

| المرشح | الأصوات |
|:--|--:|
| توكاييف | 6456393 |
| ضد الجميع | 460484 |
`;

/** The body paragraphs (`a:p` with lectern's `a:pPr`) and the tables of each content slide. */
async function slidesOf(file: string): Promise<string[]> {
  return (await (await openPptx(file)).slides()).slice(1);
}

describe('right-to-left decks', () => {
  it('an Arabic deck writes its paragraphs right to left, aligned right, bullets on the right, with the cs font', async () => {
    const result = await buildInTemp(deckText(ARABIC, { lang: 'ar-EG' }));
    expect(result.diagnostics).toEqual([]);
    expect(result.deck!.meta.dir).toBe('rtl');
    const [text] = await slidesOf(result.output!);
    // Every paragraph but the slide number (a field, whose pPr is empty).
    const paragraphs = [...text.matchAll(/<a:p><a:pPr ([^>]*[^/])>/g)].map((m) => m[1]);
    // The title, the lead-in, the three list items and the mixed line.
    expect(paragraphs.length).toBeGreaterThanOrEqual(6);
    for (const p of paragraphs) expect(p).toMatch(/algn="r"[^>]*rtl="1"|rtl="1"[^>]*algn="r"/);
    // List items keep their bullet (PowerPoint sets it on the right of an rtl="1" paragraph) and their indent.
    expect(text).toMatch(/<a:pPr algn="r" rtl="1" marL="\d+" indent="-\d+"><a:spcBef>.*?<a:buChar char="•"\/>/);
    // Every run of the body names its complex-script font, which draws Arabic.
    const bodyRuns = [...text.matchAll(/<a:rPr lang="ar-EG" sz="\d+" dirty="0">(.*?)<\/a:rPr>/g)].map((m) => m[1]);
    expect(bodyRuns.length).toBeGreaterThanOrEqual(5);
    for (const run of bodyRuns) expect(run).toContain('<a:cs typeface="Calibri"/>');
  });

  it('a mixed-direction line stays in logical order: Arabic, then the number, then the Latin, as written', async () => {
    const result = await buildInTemp(deckText(ARABIC, { lang: 'ar' }));
    const [text] = await slidesOf(result.output!);
    expect(text).toContain('<a:t>بلغت المشاركة 69.4% في انتخابات 2022 حسب بيانات CEC الرسمية</a:t>');
  });

  it("an Arabic deck's table reads right to left, its cells aligned from the right", async () => {
    const result = await buildInTemp(deckText(ARABIC, { lang: 'ar' }));
    const [, table] = await slidesOf(result.output!);
    expect(table).toContain('<a:tblPr firstRow="1" bandRow="1" rtl="1"');
    // The name column (left in the Markdown) starts on the right; the numbers column, right-aligned in the Markdown, sits at its end.
    const cells = [...table.matchAll(/<a:tc>.*?<a:pPr ([^>]*)>/g)].map((m) => m[1]);
    expect(cells[0]).toMatch(/rtl="1"/);
    expect(cells[0]).toMatch(/algn="r"/);
    expect(cells[1]).toMatch(/algn="l"/);
  });

  it('Hebrew, Persian and Urdu decks are right to left too; `dir: rtl` makes any deck so, `dir: ltr` an Arabic one not', async () => {
    for (const lang of ['he-IL', 'fa', 'ur-PK']) {
      const result = await buildInTemp(deckText('# כותרת\n\nשלום עולם\n', { lang }), { write: false });
      expect(result.deck!.meta.dir, lang).toBe('rtl');
    }
    const forced = await buildInTemp(deckText('# Title\n\nA paragraph\n', { dir: 'rtl' }));
    expect((await slidesOf(forced.output!))[0]).toMatch(/<a:pPr algn="r" rtl="1"/);
    const left = await buildInTemp(deckText(ARABIC, { lang: 'ar', dir: 'ltr' }));
    const xml = (await slidesOf(left.output!)).join('');
    expect(xml).not.toContain('rtl="1"');
    expect(xml).toMatch(/<a:pPr algn="l" marL/);
  });

  it('code stays left to right in a right-to-left deck', async () => {
    const result = await buildInTemp(deckText('# الشيفرة\n\n```python\nprint("مرحبا")\n```\n', { lang: 'ar' }));
    const [slide] = await slidesOf(result.output!);
    const code = /<a:p><a:pPr ([^>]*)>(?:(?!<\/a:p>).)*print/.exec(slide)![1];
    expect(code).toMatch(/^algn="l" marL/);
    expect(code).not.toContain('rtl=');
  });

  it('numbers in an Arabic deck keep Latin digits and separators', async () => {
    const result = await buildInTemp(deckText('# أرقام\n\n{{number 6456393.5 decimals=1}} و{{percent 81.31}}\n', { lang: 'ar-EG' }), {
      write: false,
    });
    const text = (result.deck!.slides[1].elements[0] as { paragraphs: { runs: { text: string }[] }[] }).paragraphs[0].runs
      .map((r) => r.text)
      .join('');
    expect(text).toBe('6,456,393.5 و81.31%');
  });

  it('`dir` other than rtl or ltr is an error at its line', async () => {
    const result = await buildInTemp(deckText('# T\n', { lang: 'ar', dir: 'right' }), { write: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'front-matter/dir', line: 4, message: expect.stringContaining('"rtl"') }),
    ]);
  });

  it('an Arabic deck with lists, a table and a chart passes the Open XML SDK validator', async () => {
    need(validator);
    const chart = '\n---\n\n# رسم\n\n```chart\ntype: bar\nlabels: [أ, ب]\nseries: [{name: ن, values: [1, 2]}]\n```\n';
    const result = await buildInTemp(deckText(ARABIC + chart, { lang: 'ar' }));
    expect(result.diagnostics).toEqual([]);
    expect(await validatePptx(result.output!)).toEqual([]);
  });
});
