import { fail } from '../diagnostics.js';
import { createHandlebars, helperNames } from '../templates/helpers.js';
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
  let template: HandlebarsTemplateDelegate;
  try {
    hbs.parse(body);
    template = hbs.compile(body, { noEscape: true, strict: false });
  } catch (error) {
    throw syntaxError(error, body, file, bodyLine);
  }
  let text: string;
  try {
    text = template(context, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const helper = /Missing helper: "([^"]+)"/.exec(message)?.[1];
    const line = helper ? lineOf(body, new RegExp(`[{(]\\s*${helper.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)) : undefined;
    throw fail(
      'handlebars/runtime',
      helper ? `unknown helper "${helper}"${didYouMean(helper, helperNames)}; helpers: ${helperNames.join(', ')}` : `the deck body could not be expanded: ${message.split('\n')[0]}`,
      { file, line: line === undefined ? bodyLine : bodyLine + line },
    );
  }
  return { text, sourceLines: mapLines(body.split('\n'), text.split('\n'), bodyLine) };
}

function syntaxError(error: unknown, body: string, file: string, bodyLine: number) {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  const expecting = /Expecting (.*), got (.*)$/m.exec(message);
  if (expecting?.[2] === "'EOF'") {
    const open = unclosedBlock(body);
    if (open) return fail('handlebars/syntax', `"{{#${open.name}}}" is never closed; add "{{/${open.name}}}"`, { file, line: bodyLine + open.line });
  }
  const detail = expecting ? `expected ${expecting[1].split(', ').slice(0, 3).join(' or ')} but found ${expecting[2]}` : message.split('\n')[0];
  return fail('handlebars/syntax', `template syntax error in the deck body: ${detail}`, { file, line: line ? bodyLine + Number(line[1]) - 1 : bodyLine });
}

/** The innermost `{{#block}}` left open at the end of `body`, with its 0-based line. */
function unclosedBlock(body: string): { name: string; line: number } | undefined {
  const stack: { name: string; line: number }[] = [];
  for (const m of body.matchAll(/\{\{~?\s*([#/])\s*([\w.-]+)/g)) {
    if (m[1] === '#') stack.push({ name: m[2], line: body.slice(0, m.index).split('\n').length - 1 });
    else if (stack.length && stack[stack.length - 1].name === m[2]) stack.pop();
  }
  return stack.pop();
}

/** The 0-based line of the first match of `pattern` in `text`. */
function lineOf(text: string, pattern: RegExp): number | undefined {
  const index = text.search(pattern);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length - 1;
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
