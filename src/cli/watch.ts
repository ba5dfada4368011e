import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../index.js';
import type { DeckOptions } from './commands/decks.js';
import type { CommandContext } from './context.js';
import { findDecks } from './inputs.js';
import { reportDeck } from './report.js';

/** How long to wait after a change for more changes (an editor saves a file in several writes). */
const DEBOUNCE_MS = 25;

/**
 * Builds the decks, then rebuilds each one whose deck file, data, pictures or
 * template change, until interrupted. Errors are reported and watching goes on.
 */
export async function watchDecks(inputs: string[], options: DeckOptions, ctx: CommandContext): Promise<number> {
  const outDir = path.resolve(options.out);
  const folders = inputs.map((i) => path.resolve(i)).filter((i) => existsSync(i) && !i.endsWith('.md'));
  const dependencies = new Map<string, string[]>();
  const watchers = new Map<string, FSWatcher>();
  let templates = new TemplateLibrary();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const build = async (file: string) => {
    const started = performance.now();
    const result: DeckResult = await buildDeckFile(
      file,
      { outDir: options.out, template: options.template, allowOutside: options.allowOutside, strict: options.strict, templates },
      true,
    );
    reportDeck(result, ctx.io, 'built', performance.now() - started);
    dependencies.set(file, result.inputs.length ? result.inputs : [file]);
    for (const input of result.inputs) follow(isFolder(input) ? input : path.dirname(input));
  };

  // One watcher per folder, and its subfolders: a recursive watcher on Linux follows files, and
  // loses a file that an editor saves by writing a new one and renaming it over the old.
  const follow = (dir: string) => {
    if (watchers.has(dir) || !isFolder(dir) || dir === outDir || path.basename(dir) === 'node_modules') return;
    watchers.set(
      dir,
      watch(dir, (_event, name) => name && changed(path.join(dir, name.toString()))),
    );
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !entry.name.startsWith('.')) follow(path.join(dir, entry.name));
  };

  const changed = (file: string) => {
    if (file.startsWith(outDir + path.sep)) return;
    if (isFolder(file)) follow(file);
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        (running = running
          .then(rebuild)
          .catch((error: unknown) => ctx.io.err(`lectern: could not rebuild: ${error instanceof Error ? error.message : String(error)}`))),
      DEBOUNCE_MS,
    );
  };

  const rebuild = async () => {
    const files = [...pending];
    pending.clear();
    const touches = (deps: string[]) => files.some((f) => deps.some((d) => f === d || f.startsWith(d + path.sep)));
    if (files.some((f) => templates.searchDirs.some((d) => f.startsWith(d + path.sep)))) templates = new TemplateLibrary();
    const fresh = files.filter(
      (f) =>
        f.endsWith('.md') &&
        !dependencies.has(f) &&
        existsSync(f) &&
        folders.some((d) => f.startsWith(d + path.sep)) &&
        path.basename(f) !== 'README.md',
    );
    const affected = [...dependencies].filter(([deck, deps]) => existsSync(deck) && touches(deps)).map(([deck]) => deck);
    for (const deck of [...new Set([...affected, ...fresh])]) await build(deck);
  };

  for (const file of await findDecks(inputs)) await build(file);
  folders.forEach(follow);
  templates.searchDirs.filter((d) => existsSync(d)).forEach(follow);
  ctx.io.out('Watching for changes; press Ctrl-C to stop.');
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      watchers.forEach((w) => w.close());
      clearTimeout(timer);
      // A rebuild under way finishes (and says so) before lectern exits.
      void running.finally(() => resolve(0));
    });
  });
}

function isFolder(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
