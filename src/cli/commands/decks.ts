import { Option, type Command } from 'commander';
import { DEFAULT_INPUTS } from '../../build/defaults.js';

/** Options shared by `build` and `check`. */
export interface DeckOptions {
  out: string;
  template?: string;
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
    .argument('[inputs...]', 'deck files, folders or globs', DEFAULT_INPUTS)
    .addOption(new Option('-t, --template <name>', 'template for every deck, over the front matter'))
    .addOption(new Option('--allow-outside', 'let decks use pictures and data outside the project folder'))
    .addOption(new Option('--strict', 'treat warnings as errors: a deck with any is not built, and lectern exits with 1'))
    .addOption(
      new Option('--format <format>', 'how to report: text, or json for editors and CI').choices(['text', 'json']).default('text'),
    );
}

/** `--soffice <path>`, of the commands that write PDFs. */
export const sofficeOption = () =>
  new Option(
    '--soffice <path>',
    "LibreOffice's soffice program, for PDFs (else LECTERN_SOFFICE, the PATH, then where LibreOffice installs on macOS and Windows)",
  );
