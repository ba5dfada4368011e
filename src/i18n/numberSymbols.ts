/** How a language writes numbers: the characters a table cell, a chart label or `{{number}}` uses. */
export interface NumberSymbols {
  /** Between the whole part and the fraction: `.` in English, `,` in German. */
  decimal: string;
  /** Between groups of thousands: `,` in English, `.` in German, a no-break space in French. */
  group: string;
  /** What goes between a number and `%`: nothing in English, a no-break space in German. */
  percentSpace: string;
}

const ENGLISH: NumberSymbols = { decimal: '.', group: ',', percentSpace: '' };
const known = new Map<string, NumberSymbols>();

/**
 * The number symbols of language tag `lang` (`en-US`, `de-DE`, `kk`), read once per
 * language from Intl. English never touches Intl, whose first use costs a noticeable
 * part of a small build.
 */
export function numberSymbols(lang: string): NumberSymbols {
  if (/^en\b/i.test(lang)) return ENGLISH;
  let symbols = known.get(lang);
  if (!symbols) {
    symbols = readSymbols(lang);
    known.set(lang, symbols);
  }
  return symbols;
}

function readSymbols(lang: string): NumberSymbols {
  let parts: Intl.NumberFormatPart[];
  let percent: string;
  try {
    parts = new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(12345.5);
    percent = new Intl.NumberFormat(lang, { style: 'percent' }).format(0.5);
  } catch {
    return ENGLISH;
  }
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const space = /(\d)(\s*)%/u.exec(percent)?.[2] ?? '';
  return { decimal: part('decimal', '.'), group: part('group', ','), percentSpace: space };
}
