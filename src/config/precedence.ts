/**
 * Which setting wins, in one place: the command line, then the deck's front
 * matter, then the project's config file, then lectern's built-in defaults.
 * The command line's paths are relative to the folder lectern runs in (the
 * library's `cwd`); the config's to the config file's folder (see schema.ts);
 * the built-in ones to the root folder of the project lectern runs in.
 */
import path from 'node:path';
import { DEFAULT_INPUTS, DEFAULT_OUT_DIR, DEFAULT_TEMPLATE } from '../build/defaults.js';
import type { FrontMatter } from '../content/source.js';
import type { SourcePosition } from '../diagnostics.js';
import type { ProjectConfig } from './loadConfig.js';
import type { LecternConfig } from './schema.js';

/** The deck options given on the command line (or to the library's build); undefined where not given. */
export type CommandLine = Pick<LecternConfig, 'template' | 'pdf' | 'allowOutside' | 'lang' | 'strict' | 'soffice'> & {
  outDir?: string;
};

/** What a config sets in the front matter's place, where a deck's front matter does not: plain data, so it can go to a worker thread. */
export interface DeckDefaults {
  /** The config file, for messages about these values. */
  file: string;
  values: Partial<Record<DeckDefaultKey, string>>;
  lines: Partial<Record<DeckDefaultKey, number>>;
}

/** The front-matter keys a config can set. */
const DECK_DEFAULT_KEYS = ['template', 'author', 'organization', 'footer', 'lang'] as const;
type DeckDefaultKey = (typeof DECK_DEFAULT_KEYS)[number];

/** The settings one deck is built with, from the command line over its project's config over the built-in ones. */
export interface DeckSettings {
  /** Absolute. */
  outDir: string;
  /** The command line's template and language: over the front matter. */
  template?: string;
  lang?: string;
  allowOutside: boolean;
  strict: boolean;
  pdf: boolean;
  soffice?: string;
  defaults?: DeckDefaults;
}

/** Where paths are resolved from: the command line's from `cwd`, the built-in ones from `root`, the root folder of the project of `cwd`. */
export interface Folders {
  cwd: string;
  root: string;
}

/** Command line > config > built-in, for a deck of the project whose config is `config` (if it has one). */
export function deckSettings(cli: CommandLine, config: ProjectConfig | undefined, { cwd, root }: Folders): DeckSettings {
  const c = config?.values ?? {};
  return {
    outDir: cli.outDir !== undefined ? path.resolve(cwd, cli.outDir) : (c.out ?? path.resolve(root, DEFAULT_OUT_DIR)),
    template: cli.template,
    lang: cli.lang,
    allowOutside: cli.allowOutside ?? c.allowOutside ?? false,
    strict: cli.strict ?? c.strict ?? false,
    pdf: cli.pdf ?? c.pdf ?? false,
    soffice: cli.soffice ?? c.soffice,
    defaults: config && deckDefaults(config),
  };
}

function deckDefaults(config: ProjectConfig): DeckDefaults {
  const set = DECK_DEFAULT_KEYS.filter((key) => config.values[key] !== undefined);
  return {
    file: config.file,
    values: Object.fromEntries(set.map((key) => [key, config.values[key]])),
    lines: Object.fromEntries(set.map((key) => [key, config.lineOf(key)])),
  };
}

/** The decks to build when the command line names none: the config's `inputs` (matched from its folder), else `content/` of the project's root folder. */
export function defaultInputs(config: ProjectConfig | undefined, root: string): { inputs: string[]; cwd: string } {
  const inputs = config?.values.inputs;
  return inputs ? { inputs, cwd: path.dirname(config.file) } : { inputs: [...DEFAULT_INPUTS], cwd: root };
}

/**
 * Command line > front matter > config > built-in, for one deck: the front
 * matter with the config's values where it has none and the command line's
 * template and language over it; the template to use; and where each setting
 * that won was written, for messages (`frontMatterLine` finds a key in the deck).
 */
export function settleFrontMatter(
  fm: FrontMatter,
  options: { template?: string; lang?: string; defaults?: DeckDefaults },
  frontMatterLine: (key: string) => SourcePosition,
): { frontMatter: FrontMatter; template: string; where: (key: string) => SourcePosition } {
  const defaults = options.defaults;
  const written = withoutUnset(fm);
  const frontMatter: FrontMatter = { ...defaults?.values, ...written };
  if (options.lang !== undefined) frontMatter.lang = options.lang;
  const where = (key: string): SourcePosition => {
    if ((key === 'template' && options.template !== undefined) || (key === 'lang' && options.lang !== undefined))
      return { file: frontMatterLine(key).file };
    if (key in written || !defaults || !(key in defaults.values)) return frontMatterLine(key);
    return { file: defaults.file, line: defaults.lines[key as DeckDefaultKey] };
  };
  return { frontMatter, template: options.template ?? frontMatter.template ?? DEFAULT_TEMPLATE, where };
}

/** The front matter without keys written with no value (`author:`), which leave the config's value in place. */
function withoutUnset(fm: FrontMatter): FrontMatter {
  return Object.fromEntries(Object.entries(fm).filter(([, value]) => value !== undefined && value !== null)) as FrontMatter;
}
