import { DiagnosticError, type Diagnostic } from '../../src/diagnostics.js';

/** The diagnostic `run` throws (or rejects with); fails the test if it throws nothing or something else. */
export function diagnosticOf(run: () => unknown): Diagnostic {
  try {
    run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostic;
    throw error;
  }
  throw new Error('expected a DiagnosticError, but nothing was thrown');
}

/** The same for code that returns a promise. */
export async function diagnosticOfAsync(run: () => unknown): Promise<Diagnostic> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostic;
    throw error;
  }
  throw new Error('expected a DiagnosticError, but nothing was thrown');
}
