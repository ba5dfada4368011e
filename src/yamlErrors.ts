/**
 * What is wrong with YAML a teacher wrote (front matter, a chart or table spec,
 * template.yaml, a config file), in one sentence: for the slips teachers make
 * most, what happened and what to do; else the YAML library's own reason.
 */

/** By the YAML library's error code: the slip, in a teacher's words, and its fix. */
const SLIPS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value with ": " in it needs quotes around it, e.g. title: "Week 3: Fractions"',
  TAB_AS_INDENT: 'a line is indented with the Tab key; indent with spaces',
};

/** The reason a YAML parse failed, without its position (messages give the line). */
export function yamlReason(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  const reason = String(message ?? error)
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'MISSING_CHAR' && /^Missing closing/.test(reason))
    return 'a value starts with a quote but does not end with one; end it with the same quote';
  return SLIPS[code ?? ''] ?? reason;
}
