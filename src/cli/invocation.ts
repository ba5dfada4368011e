import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot.js';

/**
 * How the teacher starts this lectern from a terminal: `lectern` when the
 * `lectern` on their PATH is this one (an `npm install -g`), else
 * `npx lectern` (installed in a project, or fetched by npx). The
 * `node_modules/.bin` folders npx and npm scripts add to PATH while they run
 * are not the teacher's PATH, and do not count.
 */
export function lecternCommand(env: NodeJS.ProcessEnv = process.env): 'lectern' | 'npx lectern' {
  const here = realOrNone(PACKAGE_ROOT);
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((dir) => dir && !isNodeModulesBin(dir));
  return dirs.some((dir) => runsPackage(dir, here)) ? 'lectern' : 'npx lectern';
}

/**
 * Whether `dir` holds a `lectern` command that starts the package at `root`:
 * a link to its bin/lectern.js (npm on macOS and Linux), or a `lectern.cmd`
 * beside `node_modules/lectern` (npm on Windows).
 */
function runsPackage(dir: string, root: string | undefined): boolean {
  if (root === undefined) return false;
  const linked = realOrNone(path.join(dir, 'lectern'));
  if (linked?.startsWith(root + path.sep)) return true;
  return existsSync(path.join(dir, 'lectern.cmd')) && realOrNone(path.join(dir, 'node_modules', 'lectern')) === root;
}

function isNodeModulesBin(dir: string): boolean {
  return path.basename(dir) === '.bin' && path.basename(path.dirname(dir)) === 'node_modules';
}

function realOrNone(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
