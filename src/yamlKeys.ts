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
