import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_INPUTS, DEFAULT_OUT_DIR } from '../../build/defaults.js';
import { isLanguageTag } from '../../content/languageTag.js';

/**
 * Options shared by `build` and `check`, as given on the command line: unset
 * where not given, so that a config file or lectern's defaults fill them in
 * (config/precedence.ts).
 */
export interface DeckOptions {
  out?: string;
  template?: string;
  /** Language of every deck, over the front matter. */
  lang?: string;
  allowOutside?: boolean;
  /** Also write a PDF of each deck through LibreOffice. */
  pdf?: boolean;
  /** LibreOffice's `soffice` program for PDFs (`--soffice`, or the config file); else it is looked for (findLibreOffice). */
  soffice?: string;
  /** Warnings count as errors: exit 1, and nothing written for a deck that has any. */
  strict?: boolean;
  /** `text` for people, `json` for editors and CI. */
  format?: 'text' | 'json';
}

/** Adds the inputs argument and the options that `build` and `check` share. */
export function deckCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('[inputs...]', `deck files, folders or globs (default: the config's "inputs", else ${DEFAULT_INPUTS.join(' ')})`)
    .addOption(
      new Option(
        '-t, --template <name>',
        'template for every deck, over the front matter: a template name, or a PowerPoint file (school.pptx)',
      ),
    )
    .addOption(new Option('--lang <tag>', 'language of every deck, e.g. en-GB, over the front matter').argParser(languageTag))
    .addOption(new Option('--allow-outside', 'let decks use pictures and data outside the project folder'))
    .addOption(
      new Option(
        '--strict',
        name === 'check'
          ? 'treat warnings as errors: lectern exits with 1 if a deck has any'
          : 'treat warnings as errors: a deck with any is not built, and lectern exits with 1',
      ),
    )
    .addOption(
      new Option('--format <format>', 'how to report: text, or json for editors and CI').choices(['text', 'json']).default('text'),
    );
}

/** `-o, --out <dir>`, of the commands that write decks: unset when not given (a config's `out` may apply). */
export const outOption = (what: string) =>
  new Option('-o, --out <dir>', `folder for the ${what} (default: the config's "out", else ${DEFAULT_OUT_DIR})`);

function languageTag(tag: string): string {
  if (!isLanguageTag(tag)) throw new InvalidArgumentError('use a language tag such as en-US or kk-KZ.');
  return tag;
}

/** `--soffice <path>`, of the commands that write PDFs. */
export const sofficeOption = () =>
  new Option(
    '--soffice <path>',
    "LibreOffice's soffice program, for PDFs (else the config's soffice, LECTERN_SOFFICE, the PATH, then where LibreOffice installs on macOS and Windows)",
  );
