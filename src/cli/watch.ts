import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildJob } from '../build/buildMany.js';
import { DeckPlanner, type DeckJob } from '../build/plan.js';
import type { DeckResult } from '../pipeline.js';
import { ProjectTemplates } from '../templates/projectTemplates.js';
import type { DeckOptions } from './commands/decks.js';
import type { CommandContext } from './context.js';
import { FolderWatcher } from './folderWatcher.js';
import { deckJson, relative, reportDeck, reportPdf } from './report.js';

/** How long to wait after a change for more changes (an editor saves a file in several writes). */
const DEBOUNCE_MS = 25;

/** What a deck read when it was last built, and the folders to watch for it. */
interface DeckInputs {
  files: string[];
  folders: string[];
  /** Its last build failed: a template change may fix it, even one in a folder it never got to read. */
  failed: boolean;
}

/**
 * Builds the decks, then rebuilds each one whose deck file, data, pictures or
 * template change, until interrupted, each with its project's templates and
 * config (see DeckPlanner); with `--pdf` (or the config's `pdf`) its PDF too, and with
 * `--format json` each rebuild is one JSON line, as one deck of `build --format json`.
 * Errors are reported and watching goes on, through folders deleted and made
 * again and faults in a rebuild.
 */
export async function watchDecks(given: string[], options: DeckOptions, ctx: CommandContext): Promise<number> {
  const planner = new DeckPlanner({ ...options, outDir: options.out }, process.cwd());
  const { inputs, cwd } = planner.inputs(given);
  // The decks' output folders, whose .pptx and .pdf files are lectern's own writes.
  const outDirs = new Set<string>();
  const folders = inputs.map((i) => path.resolve(cwd, i)).filter((i) => existsSync(i) && !i.endsWith('.md'));
  // Decks named on the command line are built again when they come back after being removed.
  const named = inputs.map((i) => path.resolve(cwd, i)).filter((i) => i.endsWith('.md'));
  const decks = new Map<string, DeckInputs>();
  let templates = new ProjectTemplates();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  // With --format json, stdout holds one JSON line per rebuild and nothing else.
  const json = options.format === 'json';
  const say = json ? ctx.io.err : ctx.io.out;

  const changed = (file: string) => {
    // lectern's own writes: the decks and PDFs, and the temporary files they are written through.
    if (outDirs.has(path.dirname(file)) && /\.(pptx|pdf|tmp)$/.test(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(rebuild).catch(couldNot('rebuild'))), DEBOUNCE_MS);
  };
  const couldNot = (what: string) => (error: unknown) => ctx.io.err(`lectern: could not ${what}: ${messageOf(error)}`);
  // One watcher per folder: a recursive watcher on Linux follows files, and loses a file
  // that an editor saves by writing a new one and renaming it over the old.
  const watcher = new FolderWatcher(changed, {
    skip: (dir) => outDirs.has(dir) || path.basename(dir) === 'node_modules' || path.basename(dir).startsWith('.'),
    cannotWatch: (dir, error) => ctx.io.err(`lectern: cannot watch ${relative(dir)} for changes: ${messageOf(error)}`),
  });
  const watchInputs = () =>
    watcher.watch([
      ...folders,
      ...named.map((f) => path.dirname(f)),
      ...templates.searchDirs,
      ...[...decks.values()].flatMap((d) => d.folders),
    ]);

  const build = async (file: string) => {
    const started = performance.now();
    let result: DeckResult;
    let job: DeckJob;
    try {
      job = planner.job(file);
      outDirs.add(job.settings.outDir);
      result = await buildJob(job, templates, true);
    } catch (error) {
      // Not a mistake in the deck: said in one line, and the deck is tried again at its next change.
      ctx.io.err(`lectern: could not rebuild ${relative(file)}: ${messageOf(error)}`);
      decks.set(file, { ...(decks.get(file) ?? dependencyOf([file])), failed: true });
      return;
    }
    if (!json) reportDeck(result, ctx.io, 'built', performance.now() - started);
    // A failed build read less than a good one: what it read before may yet fix it.
    const read = result.ok ? result.inputs : [...new Set([...(decks.get(file)?.files ?? []), ...result.inputs, file])];
    decks.set(file, { ...dependencyOf(read), failed: !result.ok });
    watchInputs();
    // LibreOffice (and its driver) is looked for at each rebuild: one installed while watching is found.
    const outcome = job.settings.pdf
      ? await new (await import('../build/pdfs.js')).PdfWriter(job.settings.soffice).write(result)
      : undefined;
    if (json) ctx.io.out(JSON.stringify(deckJson(result)));
    else if (outcome) reportPdf(result, outcome, ctx.io);
  };

  const rebuild = async () => {
    watcher.sync();
    clearTimeout(timer); // what the sync found is handled now
    const files = [...pending];
    pending.clear();
    const touches = (deps: string[]) => files.some((f) => deps.some((d) => related(f, d)));
    const templatesChanged = touches(templates.searchDirs);
    if (templatesChanged) templates = new ProjectTemplates();
    for (const [deck, { files: read }] of decks) {
      if (!touches(read) || isFile(deck)) continue;
      decks.delete(deck);
      say(`- ${relative(deck)} was removed`);
    }
    const affected = [...decks].filter(([, d]) => touches(d.files) || (templatesChanged && d.failed)).map(([deck]) => deck);
    const fresh = files.filter((f) => !decks.has(f) && (named.includes(f) || folders.some((dir) => isDeckIn(f, dir))) && isFile(f));
    for (const deck of new Set([...affected, ...fresh])) await build(deck);
    watchInputs();
  };

  for (const { file } of await planner.plan(given)) await build(file);
  watchInputs();
  say('Watching for changes; press Ctrl-C to stop.');
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      watcher.close();
      clearTimeout(timer);
      // A rebuild under way finishes (and says so) before lectern exits.
      void running.finally(() => resolve(0));
    });
  });
}

/** The files a deck read and the folders that hold them (a template folder is one itself). */
function dependencyOf(files: string[]): Omit<DeckInputs, 'failed'> {
  return { files, folders: [...new Set(files.map((f) => (isFolder(f) ? f : path.dirname(f))))] };
}

/** Whether one path is the other or inside it: a change to either may change the other. */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
}

/** Whether `file` is a deck that `lectern build <dir>` would find: as findDecks' glob sees it. */
function isDeckIn(file: string, dir: string): boolean {
  const parts = path.relative(dir, file).split(path.sep);
  return (
    file.endsWith('.md') &&
    path.basename(file) !== 'README.md' &&
    !path.isAbsolute(parts[0]) &&
    parts[0] !== '..' &&
    parts.every((part) => !part.startsWith('.') && part !== 'node_modules')
  );
}

function isFile(file: string): boolean {
  return statOf(file)?.isFile() ?? false;
}

function isFolder(file: string): boolean {
  return statOf(file)?.isDirectory() ?? false;
}

/** Stats, or undefined for a path that is gone or cannot be looked at (a loop of links). */
function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
