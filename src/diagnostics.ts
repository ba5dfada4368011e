import path from 'node:path';

/** Where in a file the teacher wrote a problem sits (1-based line and column). */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

/** A note tells something worth knowing that needs no change: it never fails a build, even with --strict. */
export type Severity = 'error' | 'warning' | 'note';

/** One problem found in a deck, a data file or a template. */
export interface Diagnostic extends SourcePosition {
  message: string;
  /** Stable id of the check that found it, e.g. `chart/unknown-column`. */
  rule: string;
  severity: Severity;
}

/** Thrown by a stage that cannot go on; carries the diagnostic to report. */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Omit<Diagnostic, 'severity'> & { severity?: Severity }) {
    super(diagnostic.message);
    this.diagnostic = { severity: 'error', ...diagnostic };
  }
}

/** Builds a DiagnosticError at a position; the usual way a stage reports an error. */
export function fail(rule: string, message: string, at: SourcePosition): DiagnosticError {
  return new DiagnosticError({ rule, message, ...at });
}

/** Collects the warnings of one deck's build. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  warn(rule: string, message: string, at: SourcePosition): void {
    this.list.push({ rule, message, severity: 'warning', ...at });
  }

  note(rule: string, message: string, at: SourcePosition): void {
    this.list.push({ rule, message, severity: 'note', ...at });
  }

  add(diagnostic: Diagnostic): void {
    this.list.push(diagnostic);
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

/** `content/x.md:14:3: error: message [rule]`, with the file relative to `cwd`. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const file = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  const place = [file, d.line, d.line !== undefined ? d.column : undefined].filter((part) => part !== undefined).join(':');
  return `${place}: ${d.severity}: ${d.message} [${d.rule}]`;
}
