import { describe, expect, it } from 'vitest';
import { createHandlebars } from '../src/templates/helpers.js';

const render = (template: string, context: object = {}) => createHandlebars().compile(template)(context);

describe('the Handlebars helpers shared by decks and templates', () => {
  it('format numbers and percentages', () => {
    expect(render('{{number 6456393}}')).toBe('6,456,393');
    expect(render('{{number 2.5 digits=2}}')).toBe('2.50');
    expect(render('{{percent 81.31}} {{percent 54}} {{percent 0.5 ratio=true}} {{percent 5.8 digits=1}}')).toBe('81.31% 54% 50% 5.8%');
  });

  it('format dates', () => {
    expect(render('{{date d}}|{{date d format="short"}}|{{date d format="year"}}|{{date d format="iso"}}', { d: '2023-03-19' })).toBe(
      '19 March 2023|19 Mar 2023|2023|2023-03-19',
    );
    expect(render('{{date "2022-11-20" lang="de-DE"}}')).toBe('20. November 2022');
    expect(render('{{date "next week"}}')).toBe('next week');
  });

  it('do arithmetic for positions and totals', () => {
    expect(render('{{add 1 0.5}} {{sub 7.5 0.3}} {{mul 2 3}} {{div 13.333 2}}')).toBe('1.5 7.2 6 6.6665');
    expect(render('{{sum rows "votes"}}', { rows: [{ votes: 3 }, { votes: 4 }, { votes: null }] })).toBe('7');
  });

  it('compare, choose defaults and change case', () => {
    expect(render('{{#if (eq a "x")}}yes{{else}}no{{/if}}', { a: 'x' })).toBe('yes');
    expect(render('{{default subtitle "None"}}|{{default title "None"}}', { title: 'T' })).toBe('None|T');
    expect(render('{{upper "Qazaq"}} {{lower "QAZAQ"}}')).toBe('QAZAQ qazaq');
  });
});
