import { roundDecimal } from '../format.js';

/** CLDR's plural categories: which form of a word a count takes ("1 row", "2 rows"; Russian "1 строка", "2 строки", "5 строк"). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
/** One of CLDR's plural categories. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const rules = new Map<string, Intl.PluralRules | undefined>();

/**
 * The plural category of `count` in language `lang` (`en-US`, `ru`, `ar-EG`), as
 * the count is written: to at most three decimals, as formatNumber writes it.
 * English is decided here, without Intl, whose first use costs a noticeable part of
 * a small build; another language's rules are made once, when first needed.
 */
export function pluralCategory(lang: string, count: number): PluralCategory {
  const rule = isEnglish(lang) ? undefined : pluralRules(lang);
  if (rule) return rule.select(count);
  // English: "one" for 1 written without decimals (1 row, but 1.5 rows and 0 rows).
  return roundDecimal(count, 3) === 1 ? 'one' : 'other';
}

/** The plural categories language `lang` uses, `other` always among them. */
export function pluralCategories(lang: string): PluralCategory[] {
  const rule = isEnglish(lang) ? undefined : pluralRules(lang);
  return rule ? rule.resolvedOptions().pluralCategories : ['one', 'other'];
}

/** `1 slide`, `2 slides`, `0 slides`: a count in lectern's own English (the command line's output and its messages). */
export function englishCount(count: number, one: string, other = `${one}s`): string {
  return `${count} ${pluralCategory('en', count) === 'one' ? one : other}`;
}

function isEnglish(lang: string): boolean {
  return /^en\b/i.test(lang);
}

/** Intl's rules for `lang`, made once per language; none (English's rules) for a tag Intl refuses. */
function pluralRules(lang: string): Intl.PluralRules | undefined {
  if (!rules.has(lang)) {
    let rule: Intl.PluralRules | undefined;
    try {
      rule = new Intl.PluralRules(lang);
    } catch {
      rule = undefined;
    }
    rules.set(lang, rule);
  }
  return rules.get(lang);
}
