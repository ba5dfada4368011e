import type { Diagnostic } from './diagnostics.js';

/**
 * A problem with what lectern was asked to do as a whole, before any deck is
 * built: an input that does not exist, a glob that matches nothing, two decks
 * that would be written to the same file, a config file lectern cannot use.
 * Its message is one sentence for the teacher; the CLI prints it and exits
 * with 2. A problem in one deck is never thrown: it is a diagnostic in that
 * deck's result.
 */
export class LecternError extends Error {
  override readonly name = 'LecternError';

  /** `diagnostic`: the file and line at fault, when there is one (a config file's). */
  constructor(
    message: string,
    readonly diagnostic?: Diagnostic,
  ) {
    super(message);
  }
}
