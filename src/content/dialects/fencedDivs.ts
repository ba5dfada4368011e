import { fencedLines } from '../slides.js';
import { parseAttributes } from './attributes.js';

/** The classes of pandoc's fenced divs that lectern gives a meaning, in the order a div's classes are looked at. */
export const DIV_CLASSES = ['notes', 'columns', 'column', 'incremental', 'nonincremental', 'smaller', 'r-fit-text'] as const;

const BRACED_DIV = /^(\s*)(:{3,})\s*\{([^{}]*)\}\s*$/;
const HTML_DIV_OPEN = /^\s*<div(\s[^>]*)?>\s*$/i;
const HTML_DIV_CLOSE = /^\s*<\/div>\s*$/i;
const NOTES_CLASS = /\bclass\s*=\s*["']?\s*notes\s*["']?/i;

/**
 * Writes pandoc's fenced divs the way lectern's `:::` blocks are written, line
 * for line, so that lines keep their numbers: `::: {.notes}` → `::: notes`,
 * `::: {.column width="40%"}` → `::: column width="40%"`, and reveal.js's
 * `<div class="notes">` … `</div>` → `::: notes` … `:::`. Code blocks are left alone.
 */
export function normalizeFencedDivs(markdown: string): string {
  if (!markdown.includes('{') && !/<\/?div/i.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  // For each open <div>: whether it is a notes div, whose </div> closes a ::: block.
  const divs: boolean[] = [];
  let changed = false;
  const out = lines.map((line, i) => {
    if (code[i]) return line;
    const braced = BRACED_DIV.exec(line);
    if (braced) {
      const list = parseAttributes(braced[3]);
      if (!list) return line;
      const name = DIV_CLASSES.find((c) => list.classes.includes(c)) ?? list.classes[0] ?? 'div';
      const rest = Object.entries(list.attributes).map(([k, v]) => `${k}="${v.replace(/"/g, '')}"`);
      changed = true;
      return `${braced[1]}${braced[2]} ${[name, ...rest].join(' ')}`;
    }
    const open = HTML_DIV_OPEN.exec(line);
    if (open) {
      const notes = NOTES_CLASS.test(open[1] ?? '');
      divs.push(notes);
      if (!notes) return line;
      changed = true;
      return '::: notes';
    }
    if (HTML_DIV_CLOSE.test(line) && divs.length > 0 && divs.pop()) {
      changed = true;
      return ':::';
    }
    return line;
  });
  return changed ? out.join('\n') : markdown;
}
