import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, defineConfig, LecternError, loadDeck } from '../src/library.js';
import { deckText } from './support/build.js';
import { lectern } from './support/cli.js';
import { openPptx, tempDir, textOf, writeFiles } from './support/pptx.js';

/** A project template named `name` whose primary colour is `color`: what the theme of a deck built with it shows. */
function templateFiles(name: string, color: string): Record<string, string> {
  return { [`templates/${name}/template.yaml`]: `extends: default\ncolors:\n  primary: "#${color}"\n` };
}

/** A temp project: a package.json (its root's marker), `files`, and a deck at content/week1.md. */
function project(files: Record<string, string>, deck = deckText('## One\n\nText.\n')): string {
  const dir = tempDir();
  writeFiles(dir, { 'package.json': '{ "name": "course", "private": true }\n', 'content/week1.md': deck, ...files });
  return dir;
}

/** The theme colours and the title slide's text of a written deck. */
async function shown(file: string): Promise<{ theme: string; title: string }> {
  const pptx = await openPptx(file);
  return { theme: await pptx.xml('ppt/theme/theme1.xml'), title: textOf((await pptx.slides())[0]) };
}

describe('the project root', () => {
  it("a deck built from content/ uses its project's template and goes to the project's output/", async () => {
    const dir = project(templateFiles('school', 'AA0011'), deckText('## One\n\nText.\n', { template: 'school' }));
    const result = await lectern(['build', 'week1.md'], path.join(dir, 'content'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'content/output'))).toBe(false);
    expect((await shown(path.join(dir, 'output/week1.pptx'))).theme).toContain('AA0011');
  });

  it('two projects in one batch each get their own template of the same name', async () => {
    const a = project(templateFiles('school', 'AA0011'), deckText('## A\n', { template: 'school' }));
    const b = project(templateFiles('school', '00AA11'), deckText('## B\n', { template: 'school' }));
    writeFiles(b, { 'content/week2.md': deckText('## B2\n', { template: 'school' }) });
    const out = tempDir();
    const result = await lectern(['build', path.join(a, 'content/week1.md'), path.join(b, 'content/week2.md'), '-o', out], a);
    expect(result.code).toBe(0);
    expect((await shown(path.join(out, 'week1.pptx'))).theme).toContain('AA0011');
    expect((await shown(path.join(out, 'week2.pptx'))).theme).toContain('00AA11');
  });

  it('an unknown template lists the folders searched', async () => {
    const dir = project({}, deckText('## One\n', { template: 'shcool' }));
    const result = await lectern(['build', 'week1.md'], path.join(dir, 'content'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`week1.md:3: error: unknown template "shcool"`);
    expect(result.stderr).toContain(`looked in ${path.join(dir, 'templates')}, `);
  });
});

/** The same settings in every format a config can be written in: out, template, author. */
const FORMATS: Record<string, string> = {
  'lectern.config.json': '{\n  "out": "slides",\n  "template": "school",\n  "author": "Dr Aigerim Bekova"\n}\n',
  'lectern.config.yaml': 'out: slides\ntemplate: school\nauthor: Dr Aigerim Bekova\n',
  'lectern.config.yml': 'out: slides\ntemplate: school\nauthor: Dr Aigerim Bekova\n',
  'lectern.config.mjs': 'export default { out: "slides", template: "school", author: "Dr Aigerim Bekova" };\n',
  'lectern.config.js': 'module.exports = { out: "slides", template: "school", author: "Dr Aigerim Bekova" };\n',
  'package.json':
    '{\n  "name": "course",\n  "private": true,\n  "lectern": {\n    "out": "slides",\n    "template": "school",\n    "author": "Dr Aigerim Bekova"\n  }\n}\n',
};

describe('a config file', () => {
  it.each(Object.entries(FORMATS))(
    '%s sets the output folder, the template and the author, with paths from its folder',
    async (name, text) => {
      const dir = project({ ...templateFiles('school', 'AA0011'), [name]: text });
      // Run from content/: "slides" is the config's folder's, not the current one's.
      const result = await lectern(['build', 'week1.md'], path.join(dir, 'content'));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(path.join(dir, 'content/output'))).toBe(false);
      const deck = await shown(path.join(dir, 'slides/week1.pptx'));
      expect(deck.theme).toContain('AA0011');
      expect(deck.title).toContain('Dr Aigerim Bekova');
    },
  );

  it('the front matter overrides the config; the command line overrides both', async () => {
    const dir = project(
      {
        ...templateFiles('school', 'AA0011'),
        ...templateFiles('club', '00AA11'),
        'lectern.config.yaml': 'template: school\nauthor: Config Author\nlang: de-DE\n',
      },
      deckText('## One\n', { template: 'club', author: 'Deck Author' }),
    );
    expect((await lectern(['build'], dir)).code).toBe(0);
    const deck = await shown(path.join(dir, 'output/week1.pptx'));
    expect(deck.theme).toContain('00AA11');
    expect(deck.title).toContain('Deck Author');
    expect(deck.title).not.toContain('Config Author');
    expect(await (await openPptx(path.join(dir, 'output/week1.pptx'))).xml('ppt/slides/slide1.xml')).toContain('lang="de-DE"');

    expect((await lectern(['build', '-t', 'default', '--lang', 'kk-KZ', '-o', 'cli'], dir)).code).toBe(0);
    const cli = await openPptx(path.join(dir, 'cli/week1.pptx'));
    expect(await cli.xml('ppt/theme/theme1.xml')).not.toMatch(/AA0011|00AA11/);
    expect(await cli.xml('ppt/slides/slide1.xml')).toContain('lang="kk-KZ"');
  });

  it("the config's inputs are the decks built when none are named, from the config's folder", async () => {
    const dir = project({
      'lectern.config.json': '{ "inputs": ["lectures"], "out": "slides" }\n',
      'lectures/intro.md': deckText('## Hi\n'),
    });
    const result = await lectern(['build'], path.join(dir, 'content'));
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(dir, 'slides'))).toEqual(['intro.pptx']);
  });

  it('an unknown key is an error at its line, with the key meant, and nothing is written', async () => {
    const cases: [string, string, string][] = [
      [
        'lectern.config.json',
        '{\n  "template": "default",\n  "otu": "slides"\n}\n',
        'lectern.config.json:3: error: unknown key "otu" in lectern.config.json (did you mean "out"?)',
      ],
      [
        'lectern.config.yaml',
        'out: slides\nauthr: Me\n',
        'lectern.config.yaml:2: error: unknown key "authr" in lectern.config.yaml (did you mean "author"?)',
      ],
      [
        'package.json',
        '{\n  "name": "course",\n  "devDependencies": { "lectern": "^0.1.0" },\n  "pfd": 1,\n  "lectern": {\n    "pfd": true\n  }\n}\n',
        'package.json:6: error: unknown key "pfd" in the "lectern" settings of package.json (did you mean "pdf"?)',
      ],
    ];
    for (const [name, text, message] of cases) {
      const dir = project({ [name]: text });
      const result = await lectern(['build'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(`lectern: ${message}; known keys: ${KNOWN}. [config/unknown-key]`.replace('. [', ' ['));
      expect(existsSync(path.join(dir, 'output'))).toBe(false);
    }
  });

  it('a value of the wrong type is an error at its line', async () => {
    const cases: [string, string, string][] = [
      [
        'lectern.config.yaml',
        'out: slides\npdf: yes please\n',
        'lectern.config.yaml:2: error: "pdf" in lectern.config.yaml must be true or false, not "yes please" [config/type]',
      ],
      [
        'lectern.config.json',
        '{\n  "out": ["a", "b"]\n}\n',
        'lectern.config.json:2: error: "out" in lectern.config.json must be a folder path (text), not ["a","b"] [config/type]',
      ],
      [
        'lectern.config.yml',
        'lang: English\n',
        'lectern.config.yml:1: error: "lang" in lectern.config.yml must be a language tag such as "en-US" or "kk-KZ", not "English" [config/type]',
      ],
    ];
    for (const [name, text, message] of cases) {
      const dir = project({ [name]: text });
      const result = await lectern(['build', '--format', 'json'], dir);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: message });
    }
  });

  it('a config that is not valid JSON or YAML is an error at its line', async () => {
    const json = await lectern(['check'], project({ 'lectern.config.json': '{\n  "out": "slides",\n}\n' }));
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(
      /^lectern: lectern\.config\.json:3: error: lectern\.config\.json is not valid JSON: .* \[config\/json\]\n$/,
    );
    const yaml = await lectern(['check'], project({ 'lectern.config.yaml': 'out: slides\nout: decks\n' }));
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(
      /^lectern: lectern\.config\.yaml:2:\d+: error: lectern\.config\.yaml is not valid YAML: [^:]+\[config\/yaml\]\n$/,
    );
  });

  it("the config's soffice, from the config's folder, is the LibreOffice a PDF is made with", async () => {
    const dir = project({ 'lectern.config.json': '{ "pdf": true, "soffice": "tools/soffice" }\n' });
    const result = await lectern(['build'], path.join(dir, 'content'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `lectern: no PDFs written: LibreOffice's soffice program ${path.join(dir, 'tools/soffice')} (given with --soffice or the config file) does not exist.`,
    );
    expect(existsSync(path.join(dir, 'output/week1.pptx'))).toBe(true);
  });

  it("the library's build, check and loadDeck read the project's config as the command line does", async () => {
    const dir = project({
      ...templateFiles('school', 'AA0011'),
      'lectern.config.yaml': 'out: slides\ntemplate: school\nauthor: Dr Aigerim Bekova\n',
    });
    const [result] = await build({ cwd: path.join(dir, 'content') });
    expect(result).toMatchObject({ ok: true, output: path.join(dir, 'slides/week1.pptx') });
    const deck = await shown(result.output!);
    expect(deck.theme).toContain('AA0011');
    expect(deck.title).toContain('Dr Aigerim Bekova');
    const loaded = await loadDeck('content/week1.md', { cwd: dir });
    expect(loaded.deck?.meta.author).toBe('Dr Aigerim Bekova');

    const bad = project({ 'lectern.config.yaml': 'out: slides\nauthr: Me\n' });
    const rejected = await check({ cwd: bad }).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(LecternError);
    expect((rejected as LecternError).diagnostic).toMatchObject({
      rule: 'config/unknown-key',
      file: path.join(bad, 'lectern.config.yaml'),
      line: 2,
    });
    expect(await loadDeck('content/week1.md', { cwd: bad })).toMatchObject({
      ok: false,
      diagnostics: [{ rule: 'config/unknown-key', line: 2 }],
    });
  });

  it('defineConfig types a config and returns it as it is', () => {
    const config = { out: 'slides', pdf: true, inputs: ['content/'] };
    expect(defineConfig(config)).toBe(config);
  });
});

const KNOWN = 'inputs, out, template, pdf, allowOutside, lang, strict, soffice, author, organization, footer';
