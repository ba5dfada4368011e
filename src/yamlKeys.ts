/**
 * Where a key a teacher wrote sits in YAML text (front matter, template.yaml, a
 * chart or table spec), for messages. The key is compared as text, never put in
 * a regular expression: keys such as `score[1]` are written by teachers.
 */

/** Whether `line` sets `key`: plain or quoted, after any indent or list dash; `nested` asks for an indent. */
export function isKeyLine(line: string, key: string, nested?: boolean): boolean {
  const rest = line.replace(/^\s*(?:-\s*)?/, '');
  if (nested !== undefined && nested !== rest.length < line.length) return false;
  return ['', '"', "'"].some((quote) => {
    const written = `${quote}${key}${quote}`;
    return rest.startsWith(written) && rest.slice(written.length).trimStart().startsWith(':');
  });
}

/** The 1-based line of the first of `lines` that sets `key` (see isKeyLine), from line index `from` until `until` says stop. */
export function keyLineIn(
  lines: readonly string[],
  key: string,
  options: { nested?: boolean; from?: number; until?: (line: string) => boolean } = {},
): number | undefined {
  for (let i = options.from ?? 0; i < lines.length && !options.until?.(lines[i]); i++) {
    if (isKeyLine(lines[i], key, options.nested)) return i + 1;
  }
  return undefined;
}

/**
 * The 1-based line that sets the nested key `path` (`['strings', 'table', 'one']`):
 * each key is looked for in the block of the one before, the first at the top level.
 * The line of the deepest key found (a key written in `{…}` is on its parent's line).
 */
export function keyPathLineIn(
  lines: readonly string[],
  path: readonly string[],
  options: { from?: number; until?: (line: string) => boolean } = {},
): number | undefined {
  let line = keyLineIn(lines, path[0], { ...options, nested: false });
  for (const key of path.slice(1)) {
    if (line === undefined) return undefined;
    const child = childKeyLine(lines, line - 1, key, options.until);
    if (child === undefined) return line;
    line = child;
  }
  return line;
}

/** The 1-based line of `key` in the block under line index `parent`: the lines after it indented further. */
function childKeyLine(lines: readonly string[], parent: number, key: string, until?: (line: string) => boolean): number | undefined {
  const indent = indentOf(lines[parent]);
  for (let i = parent + 1; i < lines.length && !until?.(lines[i]); i++) {
    if (/^\s*(#|$)/.test(lines[i])) continue;
    if (indentOf(lines[i]) <= indent) return undefined;
    if (isKeyLine(lines[i], key, true)) return i + 1;
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}
