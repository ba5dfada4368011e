import path from 'node:path';
import { isPowerPointFile } from '../templates/pptx/fileName.js';
import { isLanguageTag } from '../content/languageTag.js';
import { fail } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';

/**
 * What a lectern config file sets (`lectern.config.json`, `.yaml`, `.yml`,
 * `.js`, `.mjs`, or the `"lectern"` key of package.json): defaults for the
 * command line's options, and for every deck's front matter. Paths are
 * relative to the config file's folder.
 */
export interface LecternConfig {
  /** Deck files, folders or globs to build when the command line names none (built-in: `content/`). */
  inputs?: string | string[];
  /** Folder for the .pptx (and .pdf) files (built-in: `output`). */
  out?: string;
  /** Template for decks whose front matter names none (built-in: `default`). */
  template?: string;
  /** Also write a PDF of each deck. */
  pdf?: boolean;
  /** Let decks use pictures and data outside the project folder. */
  allowOutside?: boolean;
  /** Language of the decks' text, e.g. `en-GB`, when the front matter does not say. */
  lang?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** LibreOffice's `soffice` program, for PDFs: a path, or a command name looked up on PATH. */
  soffice?: string;
  /** The author of decks whose front matter names none, shown on the title slide. */
  author?: string;
  /** The organization of decks whose front matter names none. */
  organization?: string;
  /** The footer of decks whose front matter has none. */
  footer?: string;
}

/** Types a `lectern.config.js` or `.mjs`: `export default defineConfig({ out: 'slides' })`. */
export function defineConfig(config: LecternConfig): LecternConfig {
  return config;
}

/** A config's values checked, with its paths made absolute from the config file's folder. */
export type CheckedConfig = Omit<LecternConfig, 'inputs'> & {
  /** `inputs` as written: globs are matched from `dir`. */
  inputs?: string[];
};

/** The kinds of value a key takes: what it must be, in words, and how it is checked and read. */
const KINDS = {
  text: { expect: 'text', read: (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined) },
  boolean: { expect: 'true or false', read: (v: unknown) => (typeof v === 'boolean' ? v : undefined) },
  folder: {
    expect: 'a folder path (text)',
    read: (v: unknown, dir: string) => (typeof v === 'string' && v !== '' ? path.resolve(dir, v) : undefined),
  },
  program: {
    expect: 'a path to the soffice program, or a command name (text)',
    // A bare name is a command on PATH; anything with a folder in it is a path from the config's folder.
    read: (v: unknown, dir: string) => (typeof v === 'string' && v !== '' ? (/[\\/]/.test(v) ? path.resolve(dir, v) : v) : undefined),
  },
  inputs: {
    expect: 'a deck file, folder or glob, or a list of them (text)',
    read: (v: unknown) => {
      const list = typeof v === 'string' ? [v] : v;
      return Array.isArray(list) && list.length > 0 && list.every((i) => typeof i === 'string' && i !== '')
        ? (list as string[])
        : undefined;
    },
  },
  template: {
    expect: "a template name, e.g. default or a folder name under templates/, or a PowerPoint file (school.pptx, from the config's folder)",
    read: (v: unknown, dir: string) =>
      typeof v !== 'string' ? undefined : isPowerPointFile(v) ? path.resolve(dir, v) : /^[\w.-]+$/.test(v) ? v : undefined,
  },
  lang: {
    expect: 'a language tag such as "en-US" or "kk-KZ"',
    read: (v: unknown) => (typeof v === 'string' && isLanguageTag(v) ? v : undefined),
  },
} satisfies Record<string, { expect: string; read: (value: unknown, dir: string) => unknown }>;

/** Every key a config may set, and its kind. */
const KEYS: Record<keyof CheckedConfig, keyof typeof KINDS> = {
  inputs: 'inputs',
  out: 'folder',
  template: 'template',
  pdf: 'boolean',
  allowOutside: 'boolean',
  lang: 'lang',
  strict: 'boolean',
  soffice: 'program',
  author: 'text',
  organization: 'text',
  footer: 'text',
};

/** The names of the keys a config may set. */
export const CONFIG_KEYS = Object.keys(KEYS) as (keyof CheckedConfig)[];

/**
 * Checks a config's values (`raw`, from `file`) and resolves its paths from the
 * file's folder. An unknown key (with the likeliest meant one) or a value of the
 * wrong kind is an error at its line, which `lineOf` finds.
 */
export function checkConfig(raw: unknown, file: string, lineOf: (key: string) => number | undefined): CheckedConfig {
  const name = path.basename(file) === 'package.json' ? 'the "lectern" settings of package.json' : path.basename(file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw fail('config/not-mapping', `${name} must set keys and values, e.g. { "out": "slides" }`, { file, line: lineOf('lectern') ?? 1 });
  }
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const kind = KEYS[key as keyof CheckedConfig] as keyof typeof KINDS | undefined;
    if (!kind) {
      throw fail(
        'config/unknown-key',
        `unknown key "${key}" in ${name}${didYouMean(key, CONFIG_KEYS)}; known keys: ${CONFIG_KEYS.join(', ')}`,
        {
          file,
          line: lineOf(key),
        },
      );
    }
    if (value === undefined || value === null) continue;
    const read = KINDS[kind].read(value, path.dirname(file));
    if (read === undefined) {
      throw fail('config/type', `"${key}" in ${name} must be ${KINDS[kind].expect}, not ${JSON.stringify(value)}`, {
        file,
        line: lineOf(key),
      });
    }
    checked[key] = read;
  }
  return checked as CheckedConfig;
}
