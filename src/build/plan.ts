import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type ProjectConfig } from '../config/loadConfig.js';
import { defaultInputs, deckSettings, type CommandLine, type DeckSettings, type Folders } from '../config/precedence.js';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.js';
import { projectRoot } from '../input/boundary.js';
import { LecternError } from '../lecternError.js';
import { DEFAULT_INPUTS } from './defaults.js';
import { findDecks } from './findDecks.js';

/** One deck to build: its file, its project's root folder, and the settings it is built with (plain data, for worker threads). */
export interface DeckJob {
  file: string;
  root: string;
  settings: DeckSettings;
}

/**
 * Works out what a build builds and with which settings: each deck's project
 * (see projectRoot) and that project's config file, read once per project.
 * With no deck named, the decks are the `inputs` of the config of the project
 * lectern runs in, else its `content/`.
 */
export class DeckPlanner {
  private readonly configs = new Map<string, ProjectConfig | undefined>();
  private readonly folders: Folders;

  /** `cli`: the options given (command line or library); `cwd`: the folder they are relative to. */
  constructor(
    private readonly cli: CommandLine,
    cwd: string,
  ) {
    this.folders = { cwd, root: projectRoot(cwd) };
  }

  /** The inputs to search and the folder they are relative to: as named, else the config's, else the built-in ones. */
  inputs(named: string[]): { inputs: string[]; cwd: string } {
    if (named.length > 0) return { inputs: named, cwd: this.folders.cwd };
    return defaultInputs(this.configOf(this.folders.root), this.folders.root);
  }

  /** Every deck the inputs name, with its settings. */
  async plan(named: string[]): Promise<DeckJob[]> {
    const { inputs, cwd } = this.inputs(named);
    const content = path.join(this.folders.root, DEFAULT_INPUTS[0]);
    if (named.length === 0 && !this.configOf(this.folders.root)?.values.inputs && !existsSync(content))
      throw new LecternError(
        `there is no ${DEFAULT_INPUTS[0]} folder in ${this.folders.root}, where lectern looks for decks when none is named; make a project with "lectern init", or name the decks to build, e.g. lectern build notes.md`,
      );
    return (await findDecks(inputs, cwd)).map((file) => this.job(file));
  }

  /** One deck file (absolute) with its settings. */
  job(file: string): DeckJob {
    const root = projectRoot(path.dirname(file));
    return { file, root, settings: deckSettings(this.cli, this.configOf(root), this.folders) };
  }

  /** A project's config, read once; a config lectern cannot use stops the build (a LecternError naming its file and line). */
  private configOf(root: string): ProjectConfig | undefined {
    if (!this.configs.has(root)) {
      try {
        this.configs.set(root, loadConfig(root));
      } catch (error) {
        if (error instanceof DiagnosticError) throw new LecternError(formatDiagnostic(error.diagnostic), error.diagnostic);
        throw error;
      }
    }
    return this.configs.get(root);
  }
}
