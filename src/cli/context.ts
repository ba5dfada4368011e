import type { Output } from './report.js';

/** What every command gets: where to print, and how to set the exit code. */
export interface CommandContext {
  io: Output;
  setExitCode(code: number): void;
}
