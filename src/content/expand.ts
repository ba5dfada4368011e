import { fail } from '../diagnostics.js';
import { createHandlebars, handlebarsSyntaxError, helperDiagnostic, helperNames } from '../templates/helpers.js';
import { didYouMean } from '../suggest.js';

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
  // Without a mustache there is nothing to expand, and every line stays where it is.
  if (!body.includes('{{')) return { text: body, sourceLines: body.split('\n').map((_, i) => bodyLine + i) };
  let template: HandlebarsTemplateDelegate;
  try {
    // Parsed here, where a syntax error can be reported at its line; compiled from the parse.
    template = hbs.compile(hbs.parse(body), { noEscape: true, strict: false });
  } catch (error) {
    throw handlebarsSyntaxError(error, body, { file, line: bodyLine }, 'handlebars/syntax', 'the deck body');
  }
  let text: string;
  try {
    text = template(context, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    const helperError = helperDiagnostic(error, body, { file, line: bodyLine });
    if (helperError) throw helperError;
    const message = error instanceof Error ? error.message : String(error);
    const helper = /Missing helper: "([^"]+)"/.exec(message)?.[1];
    const line = helper ? lineOfCall(body, helper) : undefined;
    throw fail(
      'handlebars/runtime',
      helper
        ? `unknown helper "${helper}"${didYouMean(helper, helperNames)}; helpers: ${helperNames.join(', ')}`
        : `the deck body could not be expanded: ${message.split('\n')[0]}`,
      { file, line: line === undefined ? bodyLine : bodyLine + line },
    );
  }
  return { text, sourceLines: mapLines(body.split('\n'), text.split('\n'), bodyLine) };
}

/** The 0-based line of the first call of the helper `name` in `text` (`{{name` or `(name`), found as text. */
function lineOfCall(text: string, name: string): number | undefined {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text.slice(0, at).trimEnd();
    const after = text.charAt(at + name.length);
    if ((before.endsWith('{') || before.endsWith('(')) && !/[\w.-]/.test(after)) return before.split('\n').length - 1;
  }
  return undefined;
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
