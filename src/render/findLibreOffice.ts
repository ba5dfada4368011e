import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Why no PDF can be made: LibreOffice was not found, or the path given for it is not a program. */
export class LibreOfficeNotFound extends Error {
  constructor(
    message: string,
    /** `pdf/no-libreoffice` when nothing was found, `pdf/soffice` for a bad path given. */
    readonly rule: 'pdf/no-libreoffice' | 'pdf/soffice',
  ) {
    super(message);
  }
}

/** What lectern looks at to find LibreOffice. */
export interface LibreOfficeSearch {
  /** The `soffice` program given with `--soffice` or the config file. */
  given?: string;
  env?: Record<string, string | undefined>;
  platform?: string;
}

/** One place LibreOffice may be: the paths it names, and whether a path there was given by the teacher (and must work). */
interface Place {
  paths: (env: Record<string, string | undefined>, platform: string, given?: string) => (string | undefined)[];
  /** Where the teacher gave the path, for the message when it is not a program. */
  givenWith?: string;
}

/** Where LibreOffice is looked for, in order: the first program found is used. */
const PLACES: Place[] = [
  { paths: (_env, _platform, given) => [given], givenWith: '--soffice or the config file' },
  { paths: (env) => [env.LECTERN_SOFFICE], givenWith: 'LECTERN_SOFFICE' },
  {
    paths: (env, platform) =>
      (env.PATH ?? env.Path ?? '')
        .split(platform === 'win32' ? ';' : ':')
        .filter(Boolean)
        .map((dir) => path.join(dir, platform === 'win32' ? 'soffice.exe' : 'soffice')),
  },
  { paths: (_env, platform) => (platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : []) },
  {
    paths: (env, platform) =>
      platform === 'win32'
        ? [env.ProgramFiles, env['ProgramFiles(x86)']].map((dir) => dir && path.join(dir, 'LibreOffice', 'program', 'soffice.exe'))
        : [],
  },
];

/** How to get LibreOffice or point lectern to it, for the message when it is missing. */
export const LIBREOFFICE_HINT =
  'install LibreOffice (libreoffice.org; Debian/Ubuntu: sudo apt-get install libreoffice-impress), or give its soffice program with --soffice <path> or the LECTERN_SOFFICE environment variable';

/**
 * Finds LibreOffice's `soffice` program: the path given (`--soffice`, the config
 * file), `LECTERN_SOFFICE`, the PATH, then where the macOS and Windows installers
 * put it. A path given that is not a program is an error naming it, not a reason
 * to look further.
 */
export function findLibreOffice({ given, env = process.env, platform = process.platform }: LibreOfficeSearch = {}): string {
  for (const place of PLACES) {
    for (const candidate of place.paths(env, platform, given)) {
      if (!candidate) continue;
      const problem = notAProgram(path.resolve(candidate));
      if (!problem) return path.resolve(candidate);
      if (place.givenWith)
        throw new LibreOfficeNotFound(
          `LibreOffice's soffice program ${candidate} (given with ${place.givenWith}) ${problem}`,
          'pdf/soffice',
        );
    }
  }
  throw new LibreOfficeNotFound(`LibreOffice was not found: ${LIBREOFFICE_HINT}`, 'pdf/no-libreoffice');
}

/** Why `file` cannot be run, or undefined when it can. */
function notAProgram(file: string): string | undefined {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return 'does not exist';
  }
  if (stats.isDirectory()) return 'is a folder; give the soffice program inside it';
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return 'cannot be run (it is not executable)';
  }
  return undefined;
}
