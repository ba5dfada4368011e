import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { lectern, type CliRun } from './support/cli.js';
import { pathWithoutLibreOffice, pdfPages, SOFFICE } from './support/libreoffice.js';
import { libreOffice, need } from './support/tools.js';
import { openPptx, ROOT, tempDir, writeFiles } from './support/pptx.js';

/**
 * lectern as a teacher gets it: packed with `npm pack`, installed from the
 * tarball (globally into a temporary prefix, or into a project), and run with
 * only that install on PATH, never this checkout or its node_modules/.bin.
 * Dependencies come from the npm registry or npm's cache.
 */

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** Where `node`, `npm` and `npx` are: the only other folder on PATH. */
const NODE_DIR = path.dirname(process.execPath);
/** What is not copied to pack from: not in the package, or (dist/) made afresh by `npm pack`. */
const NOT_PACKED = new Set(['.git', 'node_modules', 'dist', 'output', 'tests', 'bench', 'content', 'docs']);
const FIRST_DECK = `✓ ${path.join('content', 'first-lesson.md')} → ${path.join('output', 'first-lesson.pptx')} (4 slides)`;

const exec = promisify(execFile);

/** The tarball `npm pack` made, packed once for this file. */
let tarball: string;

beforeAll(async () => {
  // Packed from a copy, so that prepack's build does not replace this checkout's dist/ under other test files.
  const source = tempDir('lectern-source-');
  for (const entry of readdirSync(ROOT))
    if (!NOT_PACKED.has(entry)) cpSync(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'junction');
  const packs = tempDir('lectern-pack-');
  const packed = await shell('npm', ['pack', '--pack-destination', packs], source, [NODE_DIR]);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = path.join(packs, `lectern-${VERSION}.tgz`);
});

/**
 * Runs `command` in `cwd` with only `bins` on PATH, npm's cache preferred to
 * the registry, and none of the npm variables of the run that started the
 * tests (its prefix, its package); never throws.
 */
async function shell(command: string, args: string[], cwd: string, bins: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name));
  const npmSettings = {
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd,
      env: { ...Object.fromEntries(inherited), ...npmSettings, PATH: bins.join(path.delimiter), ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun & { message: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}

/** Installs the tarball globally into a fresh prefix; returns the prefix. */
async function installGlobally(): Promise<string> {
  const prefix = tempDir('lectern-global-');
  const installed = await shell('npm', ['install', '-g', '--prefix', prefix, tarball], prefix, [NODE_DIR]);
  expect(installed.code, installed.stderr).toBe(0);
  return prefix;
}

/** The number of slides in a built deck. */
async function slideCount(file: string): Promise<number> {
  return (await (await openPptx(file)).slides()).length;
}

/** Every file and folder under `dir` with its size, time of change and mode: changes if anything is written there. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = lstatSync(path.join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs} ${stat.mode.toString(8)}`;
    });
}

describe('the package as npm packs it', () => {
  it('holds the compiled CLI, its code cache, the templates and the starters, and needs no script to install', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const entries = stdout.split('\n');
    for (const file of [
      'bin/lectern.js',
      'dist/bundle/lectern.cjs',
      'dist/bundle/lectern.cjs.v8cache',
      'dist/cli/bundle.js',
      'dist/lib/lectern.js',
      'dist/library.d.ts',
      'dist/config/schema.d.ts',
      'templates/default/template.yaml',
      'templates/chalkboard/template.yaml',
      'starters/deck.md',
      'starters/project/content/first-lesson.md',
      'starters/project/content/data/travel-survey.csv',
      'package.json',
    ])
      expect(entries, file).toContain(`package/${file}`);
    expect(entries.filter((entry) => entry.startsWith('package/src/'))).toEqual([]);

    const { stdout: manifest } = await exec('tar', ['-xzOf', tarball, 'package/package.json']);
    const scripts = (JSON.parse(manifest) as { scripts: Record<string, string> }).scripts;
    // npm runs "prepare" when it installs a package from a folder or git; a teacher has no TypeScript compiler.
    expect(Object.keys(scripts).filter((name) => /^(pre|post)?install$|^prepare$/.test(name))).toEqual([]);
    expect(scripts.prepack).toBe('npm run build');
  });
});

describe('lectern installed globally (npm install -g)', () => {
  let prefix: string;
  let work: string;
  let course: string;
  const bins = () => [path.join(prefix, 'bin'), NODE_DIR];

  beforeAll(async () => {
    prefix = await installGlobally();
    work = tempDir('lectern-work-');
    course = path.join(work, 'course');
  });

  it('lectern init course: a package.json that asks for a version of lectern, never a folder, and the next two commands', async () => {
    const init = await shell('lectern', ['init', 'course'], work, bins());
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Next:\n {2}cd course\n {2}lectern build +# builds output\/first-lesson\.pptx\n$/);
    const pkg = JSON.parse(readFileSync(path.join(course, 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toEqual({ lectern: `^${VERSION}` });
    expect(pkg.scripts).toEqual({ build: 'lectern build' });
  });

  it('lectern build from the course folder writes output/first-lesson.pptx, starting from the shipped code cache', async () => {
    const build = await shell('lectern', ['build'], course, bins());
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(FIRST_DECK);
    expect(await slideCount(path.join(course, 'output/first-lesson.pptx'))).toBe(4);

    const bundle = path.join(prefix, 'lib/node_modules/lectern/dist/cli/bundle.js');
    const script = `import { loadLectern, codeCacheUsed } from ${JSON.stringify(bundle)}; loadLectern(); console.log(codeCacheUsed());`;
    const started = await shell('node', ['--input-type=module', '-e', script], course, bins());
    expect(started.stdout.trim()).toBe('true');
  });

  it('npx lectern build, as the course README says, finds the global install', async () => {
    // A real global install goes to npm's own prefix, where npx looks.
    const build = await shell('npx', ['lectern', 'build'], course, bins(), { npm_config_prefix: prefix });
    expect(build.stderr).toBe('');
    expect(build.stdout).toContain(FIRST_DECK);
    expect(readFileSync(path.join(course, 'README.md'), 'utf8')).toContain('npx lectern build');
  });

  describe('from content/, with a project template', () => {
    let project: string;

    beforeAll(async () => {
      project = path.join(tempDir('lectern-work-'), 'course');
      for (const [args, cwd] of [
        [['init', project], work],
        [['templates', 'copy', 'default', 'mine'], project],
      ] as const) {
        const result = await shell('lectern', [...args], cwd, bins());
        expect(result.code, result.stderr).toBe(0);
      }
      const deck = path.join(project, 'content/first-lesson.md');
      writeFileSync(deck, readFileSync(deck, 'utf8').replace(/^template: .*$/m, 'template: mine'));
      expect(readFileSync(deck, 'utf8')).toMatch(/^template: mine$/m);
    });

    it('lectern build builds the course into output/', async () => {
      const build = await shell('lectern', ['build'], path.join(project, 'content'), bins());
      expect(build.stderr).toBe('');
      expect(build.code).toBe(0);
      expect(await slideCount(path.join(project, 'output/first-lesson.pptx'))).toBe(4);
      expect(existsSync(path.join(project, 'content/output'))).toBe(false);
    });
  });

  describe('settings and PDFs', () => {
    let project: string;
    /** The install, and every program of this machine but LibreOffice's. */
    const noLibreOffice = () => [path.join(prefix, 'bin'), pathWithoutLibreOffice()];

    beforeAll(async () => {
      project = path.join(tempDir('lectern-work-'), 'course');
      const init = await shell('lectern', ['init', project], work, bins());
      expect(init.code, init.stderr).toBe(0);
    });

    it('a lectern.config.json in the course sends the decks to the folder it names', async () => {
      writeFileSync(path.join(project, 'lectern.config.json'), '{ "out": "slides" }\n');
      const build = await shell('lectern', ['build'], path.join(project, 'content'), bins());
      expect(build.code, build.stderr).toBe(0);
      expect(await slideCount(path.join(project, 'slides/first-lesson.pptx'))).toBe(4);
      expect(existsSync(path.join(project, 'output/first-lesson.pptx'))).toBe(false);
    });

    it('--pdf finds LibreOffice through LECTERN_SOFFICE when it is not on the PATH', async () => {
      need(libreOffice);
      const build = await shell('lectern', ['build', '--pdf', '-o', 'pdf'], project, noLibreOffice(), { LECTERN_SOFFICE: SOFFICE! });
      expect(build.code, build.stderr).toBe(0);
      expect(pdfPages(path.join(project, 'pdf/first-lesson.pdf'))).toBe(4);
    }, 180_000);

    it('--pdf with no LibreOffice anywhere: exit 1, the .pptx written, and a line saying how to get it', async () => {
      const build = await shell('lectern', ['build', '--pdf', '-o', 'nopdf'], project, noLibreOffice(), { LECTERN_SOFFICE: '' });
      expect(build.code).toBe(1);
      expect(build.stderr).toContain('LibreOffice was not found');
      expect(await slideCount(path.join(project, 'nopdf/first-lesson.pptx'))).toBe(4);
      expect(existsSync(path.join(project, 'nopdf/first-lesson.pdf'))).toBe(false);
    });
  });

  it('runs from a read-only copy of the install and writes nothing inside it', async () => {
    const readOnly = tempDir('lectern-readonly-');
    cpSync(prefix, readOnly, { recursive: true, verbatimSymlinks: true });
    // Tests run as root, whom permissions do not stop: what proves it is that nothing in the folder changes.
    for (const name of readdirSync(readOnly, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(readOnly, name);
      if (!lstatSync(file).isSymbolicLink()) chmodSync(file, lstatSync(file).mode & ~0o222);
    }
    const before = snapshot(readOnly);
    const roBins = [path.join(readOnly, 'bin'), NODE_DIR];
    const project = path.join(tempDir('lectern-work-'), 'course');

    const init = await shell('lectern', ['init', project], work, roBins);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).devDependencies).toEqual({ lectern: `^${VERSION}` });
    for (const args of [['build'], ['check'], ['templates'], ['new', 'Week 2'], ['build', '-t', 'chalkboard', '-o', 'chalk']]) {
      const result = await shell('lectern', args, project, roBins);
      expect(result.code, `lectern ${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    expect(await slideCount(path.join(project, 'output/first-lesson.pptx'))).toBe(4);
    expect(existsSync(path.join(project, 'chalk/week-2.pptx'))).toBe(true);
    expect(snapshot(readOnly)).toEqual(before);
  });
});

describe('lectern installed in a project (npm install lectern)', () => {
  it('npm install <tarball>, then npx lectern init (package.json already there) and npx lectern build', async () => {
    const project = tempDir('lectern-project-');
    const installed = await shell('npm', ['install', tarball], project, [NODE_DIR]);
    expect(installed.code, installed.stderr).toBe(0);
    const dependency = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).dependencies;

    const init = await shell('npx', ['lectern', 'init'], project, [NODE_DIR]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^ {2}package\.json +already there; added the "build" script \(npm run build\)$/m);
    expect(init.stdout).toMatch(/Next:\n {2}npx lectern build +# builds output\/first-lesson\.pptx\n$/);
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual(dependency);
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toEqual({ build: 'lectern build' });

    const build = await shell('npx', ['lectern', 'build'], project, [NODE_DIR]);
    expect(build.stderr).toBe('');
    expect(build.stdout).toContain(FIRST_DECK);
    expect(await slideCount(path.join(project, 'output/first-lesson.pptx'))).toBe(4);
    const script = await shell('npm', ['run', 'build'], project, [NODE_DIR]);
    expect(script.code, script.stderr).toBe(0);

    // The library, as a script of the teacher's project imports it.
    writeFileSync(
      path.join(project, 'build-decks.mjs'),
      "import { build } from 'lectern';\nconst [deck] = await build({ outDir: 'from-code' });\nconsole.log(JSON.stringify({ ok: deck.ok, slides: deck.slides, output: deck.output }));\n",
    );
    const fromCode = await shell('node', ['build-decks.mjs'], project, [NODE_DIR]);
    expect(fromCode.code, fromCode.stderr).toBe(0);
    expect(JSON.parse(fromCode.stdout)).toEqual({ ok: true, slides: 4, output: path.join(project, 'from-code/first-lesson.pptx') });
    expect(await slideCount(path.join(project, 'from-code/first-lesson.pptx'))).toBe(4);
  });
});

describe('lectern init in a folder that has a package.json', () => {
  it('adds lectern and the build script, keeps every other key and the indentation, and says so', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{\n    "name": "physics",\n    "scripts": {\n        "test": "echo ok"\n    }\n}\n' });
    const init = await lectern(['init'], dir);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`already there; added lectern ^${VERSION} and the "build" script (npm run build)`);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      `{\n    "name": "physics",\n    "scripts": {\n        "test": "echo ok",\n        "build": "lectern build"\n    },\n    "devDependencies": {\n        "lectern": "^${VERSION}"\n    }\n}\n`,
    );
    expect(existsSync(path.join(dir, 'content/first-lesson.md'))).toBe(true);
  });

  it('leaves a package.json that already builds with lectern as it is', async () => {
    const dir = tempDir();
    const text = '{"name":"x","dependencies":{"lectern":"^0.0.9"},"scripts":{"build":"lectern build -t chalkboard"}}';
    writeFiles(dir, { 'package.json': text });
    const init = await lectern(['init'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^ {2}package\.json +already there, kept as it was$/m);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(text);
  });

  it('refuses a package.json that is not JSON, naming its line, and writes nothing', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{\n  "name": "x",\n  oops\n}\n' });
    const init = await lectern(['init'], dir);
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/^lectern: package\.json:3: this is not valid JSON \(.*\); fix it, or choose another folder\n$/);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });
});

describe("README.md's teacher sections, followed literally", () => {
  /** The commands of the fenced blocks from "## Install" to the section after "## Your first deck", comments dropped. */
  function teacherSection(readme: string): { text: string; commands: string[] } {
    const start = readme.indexOf('\n## Install\n');
    const firstDeck = readme.indexOf('\n## Your first deck\n');
    expect(start).toBeGreaterThan(-1);
    expect(firstDeck).toBeGreaterThan(start);
    const text = readme.slice(start, readme.indexOf('\n## ', firstDeck + 1));
    const blocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((block) => block[1]);
    const commands = blocks.flatMap((block) => block.split('\n').map((line) => line.replace(/(^|\s)#.*$/, '').trim()));
    return { text, commands: commands.filter(Boolean) };
  }

  it('installs from the tarball, makes my-course, builds it, and the file it says to open is a deck', async () => {
    const { text, commands } = teacherSection(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    // Not run: lectern is not on the npm registry yet, as the README says; the tarball route below stands in.
    const fromRegistry = 'npm install -g lectern';
    expect(commands).toContain(fromRegistry);
    expect(commands).toContain(`npm install -g ./lectern-${VERSION}.tgz`);

    let cwd = tempDir('lectern-readme-');
    cpSync(tarball, path.join(cwd, path.basename(tarball)));
    const prefix = tempDir('lectern-global-');
    const bins = [path.join(prefix, 'bin'), NODE_DIR];
    for (const command of commands.filter((c) => c !== fromRegistry)) {
      const [name, ...args] = (command.match(/"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^"(.*)"$/, '$1'));
      if (name === 'cd') {
        cwd = path.resolve(cwd, args[0]);
        continue;
      }
      const result = await shell(name, args, cwd, bins, { npm_config_prefix: prefix });
      expect(result.code, `${command}: ${result.stderr}`).toBe(0);
    }
    const opened = /open `([^`]+\.pptx)`/.exec(text);
    expect(opened).not.toBeNull();
    expect(await slideCount(path.join(cwd, opened![1]))).toBe(4);
  });
});
