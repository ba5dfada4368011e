import { describe, expect, it } from 'vitest';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, textOf } from './support/pptx.js';

/** The text of every slide of a built deck, one string per slide. */
async function slideTexts(file: string): Promise<string[]> {
  return (await (await openPptx(file)).slides()).map(textOf);
}

describe('helpers print numbers as people write them', () => {
  it('without binary noise, and with decimals= on every numeric helper', async () => {
    const body = [
      '# Figures',
      '',
      '- {{add 0.1 0.2}} and {{mul 3 1.1}} and {{sub 0.3 0.1}}',
      '- {{div 10 3 decimals=2}} and {{add 1 1 decimals=2}} and {{mul 1.005 1 decimals=2}}',
      '- {{number 1234.5 decimals=2}} and {{number 2.5 digits=2}} and {{percent 81.3 decimals=1}}',
      '- {{percent 0.071 ratio=true}} and {{number (add 0.1 0.2)}} and {{sum rows "v"}}',
    ].join('\n');
    const result = await buildInTemp(deckText(body, { rows: [{ v: 0.1 }, { v: 0.2 }, { v: null }] }));
    expect(result.diagnostics).toEqual([]);
    const slide = (await slideTexts(result.output!)).join('\n');
    expect(slide).toContain('0.3 and 3.3 and 0.2');
    expect(slide).toContain('3.33 and 2.00 and 1.01');
    expect(slide).toContain('1,234.50 and 2.50 and 81.3%');
    expect(slide).toContain('7.10% and 0.3 and 0.3');
    expect(slide).not.toMatch(/0000000|NaN|undefined|object Object/);
  });

  // Each case: the deck body, the line of the deck file the error names, and what its message says.
  const FAULTS: { name: string; body: string; line: number; rule: string; says: string }[] = [
    {
      name: 'a missing value',
      body: '# A\n\nWon {{percent share}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"{{percent share}}": "percent" needs a number, but got nothing',
    },
    {
      name: 'no argument at all',
      body: '# A\n\n{{number}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"{{number}}": "number" needs a number, but got nothing',
    },
    {
      name: 'text that is not a number',
      body: '# A\n\nx\n\n{{number title}}',
      line: 9,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got the text "Test deck"',
    },
    {
      name: 'a group of values',
      body: '# A\n\n{{number rows}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got a list',
    },
    {
      name: 'a missing second number',
      body: '# A\n\n{{add 1}}',
      line: 7,
      rule: 'handlebars/not-a-number',
      says: '"add" needs a number, but got nothing',
    },
    { name: 'division by zero', body: '# A\n\n\n{{div 1 0}}', line: 8, rule: 'handlebars/division-by-zero', says: 'cannot divide by zero' },
    {
      name: 'an empty cell in a loop',
      body: '# A\n\n{{#each rows}}\n- {{number v}}\n{{/each}}',
      line: 8,
      rule: 'handlebars/not-a-number',
      says: '"number" needs a number, but got an empty value',
    },
    {
      name: 'decimals that are not a whole number',
      body: '# A\n\n{{number 2 decimals="two"}}',
      line: 7,
      rule: 'handlebars/decimals',
      says: 'decimals= as a whole number from 0 to 20, not the text "two"',
    },
  ];
  for (const fault of FAULTS) {
    it(`report ${fault.name} at its line of the deck`, async () => {
      const result = await buildInTemp(deckText(fault.body, { rows: [{ v: 1 }, { v: null }] }));
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toHaveLength(1);
      const [d] = result.diagnostics;
      expect(d).toMatchObject({ rule: fault.rule, line: fault.line, severity: 'error' });
      expect(d.file).toMatch(/deck\.md$/);
      expect(d.message).toContain(fault.says);
    });
  }
});
