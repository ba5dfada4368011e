import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './pptx.js';

export const run = promisify(execFile);
export const BIN = path.join(ROOT, 'bin/lectern.js');

/** What a teacher sees of one run of the CLI. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a process in `cwd`; never throws. */
export async function lectern(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
