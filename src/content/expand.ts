import { fail } from '../diagnostics.js';
import { createHandlebars } from '../templates/helpers.js';

const hbs = createHandlebars();

/** The body after Handlebars, with the source line each of its lines came from. */
export interface ExpandedBody {
  text: string;
  /** `sourceLines[i]` is the 1-based line in the deck file of expanded line i. */
  sourceLines: number[];
}

/**
 * Runs the deck body through Handlebars (front matter and datasets as context),
 * then maps every output line back to the line of the file it came from.
 */
export function expandBody(body: string, context: object, file: string, bodyLine: number): ExpandedBody {
  let text: string;
  try {
    text = hbs.compile(body, { noEscape: true, strict: false })(context, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message);
    const firstLine = message.split('\n')[0].replace(/^Parse error on line \d+:?\s*/, '');
    const expecting = /Expecting (.*), got (.*)$/m.exec(message);
    const detail = expecting ? `expected ${expecting[1].split(', ').slice(0, 3).join(' or ')} but found ${expecting[2]}` : firstLine;
    throw fail('handlebars/syntax', `template syntax error in the deck body: ${detail}`, {
      file,
      line: line ? bodyLine + Number(line[1]) - 1 : bodyLine,
    });
  }
  return { text, sourceLines: mapLines(body.split('\n'), text.split('\n'), bodyLine) };
}

/**
 * Aligns expanded lines to source lines: a line that appears unchanged maps to
 * its source line; a generated or changed line maps to the line after the last
 * match, but never past the next match (so `{{#each}}` output points at the
 * block that made it, however many lines it made).
 */
export function mapLines(source: string[], expanded: string[], firstLine: number): number[] {
  const positions = new Map<string, number[]>();
  source.forEach((line, i) => {
    const list = positions.get(line);
    if (list) list.push(i);
    else positions.set(line, [i]);
  });
  const matches: (number | undefined)[] = new Array(expanded.length);
  let next = 0; // first source index not yet matched
  for (let i = 0; i < expanded.length; i++) {
    const match = firstAtOrAfter(positions.get(expanded[i]), next);
    if (match !== undefined && match - next < 64) {
      matches[i] = match;
      next = match + 1;
    }
  }
  const out: number[] = new Array(expanded.length);
  let ceiling = source.length; // source index of the next match
  for (let i = expanded.length - 1; i >= 0; i--) {
    out[i] = matches[i] ?? ceiling - 1;
    if (matches[i] !== undefined) ceiling = matches[i]!;
  }
  let lastSource = -1;
  let lastExpanded = -1;
  for (let i = 0; i < expanded.length; i++) {
    if (matches[i] !== undefined) {
      lastSource = matches[i]!;
      lastExpanded = i;
    } else {
      out[i] = Math.min(lastSource + (i - lastExpanded), out[i]);
    }
  }
  return out.map((s) => Math.max(s, 0) + firstLine);
}

/** The first entry of a sorted list that is at least `min` (binary search). */
function firstAtOrAfter(sorted: number[] | undefined, min: number): number | undefined {
  if (!sorted) return undefined;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}
