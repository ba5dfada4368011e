/** What a code fence's info string asks for. */
export interface CodeInfo {
  /** The language, lower-case (`''` for none). */
  lang: string;
  numbers: boolean;
  startFrom?: number;
  /** 1-based lines to highlight, in order. */
  highlight: number[];
  /** Words in the braces lectern does not know, to warn about. */
  unknown: string[];
}

/**
 * Reads a fence's info string: `python`, `python {numbers, 3-5}`, `python {1,4-6}`,
 * or pandoc's attributes `{.python .numberLines startFrom="10"}` (also `{#id .python}`,
 * `.number-lines`, `hl_lines="3-5"`).
 */
export function parseCodeInfo(info: string): CodeInfo {
  const trimmed = info.trim();
  const brace = trimmed.indexOf('{');
  const head = (brace >= 0 ? trimmed.slice(0, brace) : trimmed).trim().split(/\s+/)[0] ?? '';
  const attributes = brace >= 0 ? trimmed.slice(brace + 1, trimmed.lastIndexOf('}') > brace ? trimmed.lastIndexOf('}') : undefined) : '';
  const result: CodeInfo = { lang: head.replace(/^\./, '').toLowerCase(), numbers: false, highlight: [], unknown: [] };
  // Words, and `key="value with spaces"` pairs.
  for (const word of attributes.match(/[\w-]+=(?:"[^"]*"|'[^']*'|[^\s,]*)|[^\s,]+/g) ?? []) {
    const pair = /^([\w-]+)=["']?([^"']*)["']?$/.exec(word);
    if (/^\.?(numbers|numberLines|number-lines|linenos|lineNumbers)$/i.test(word)) result.numbers = true;
    else if (/^\d+(-\d+)?$/.test(word)) result.highlight.push(...range(word));
    else if (pair && /^(startFrom|start-from|start)$/i.test(pair[1]) && /^\d+$/.test(pair[2])) {
      result.startFrom = Number(pair[2]);
      result.numbers = true;
    } else if (pair && /^(hl_lines|highlight)$/i.test(pair[1])) {
      for (const part of pair[2].split(/[\s,]+/).filter((p) => /^\d+(-\d+)?$/.test(p))) result.highlight.push(...range(part));
    } else if (word.startsWith('.') && !result.lang) result.lang = word.slice(1).toLowerCase();
    else if (!word.startsWith('#') && !word.startsWith('.')) result.unknown.push(word);
  }
  result.highlight = [...new Set(result.highlight)].sort((a, b) => a - b);
  return result;
}

/** The lines of `3` or `3-5`; a reversed or huge range gives what a slide can hold. */
function range(text: string): number[] {
  const [from, to = from] = text.split('-').map(Number);
  const lines: number[] = [];
  for (let line = Math.max(1, from); line <= Math.min(to, from + 500); line++) lines.push(line);
  return lines;
}
