import { diagnosticOf } from './support/diagnostics.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { TemplateLibrary } from '../src/templates/loadTemplate.js';
import { buildInTemp, deckText } from './support/build.js';
import { pngBytes } from './support/images.js';
import { openPptx, tempDir, textOf, validatePptx, writeFiles } from './support/pptx.js';

const CONTENT = readFileSync(path.join(SHIPPED_TEMPLATES, 'default/layouts/content.hbs'), 'utf8');

/** Loads template `name` from a temp folder holding `files`, with the shipped templates behind it. */
function load(files: Record<string, string | Uint8Array>, name = 'school') {
  const dir = tempDir();
  writeFiles(dir, files);
  return new TemplateLibrary([dir, SHIPPED_TEMPLATES]).load(name, { title: 'T' }, { file: 'deck.md' });
}

describe('templates', () => {
  it('extends another template, overriding only what it says', () => {
    const t = load({ 'school/template.yaml': 'extends: default\ncolors:\n  primary: "#7B2D8E"\n' });
    expect(t.theme.colors.primary).toBe('7B2D8E');
    expect(t.theme.colors.background).toBe('FFFFFF');
    expect([...t.layouts.keys()].sort()).toEqual(['chart', 'content', 'image', 'section', 'table', 'title', 'two-column']);
    expect(t.layouts.get('content')!.title!.color).toBe('7B2D8E');
    expect(t.dirs.map((d) => path.basename(d))).toEqual(['school', 'default']);
  });

  it("applies a child's partial to the layouts it inherits", () => {
    const t = load({
      'school/template.yaml': 'extends: default\n',
      'school/partials/chrome.hbs': '  <title x="1" y="1" w="5" h="1"/>\n  <text x="1" y="2" w="3" h="1">Springfield</text>\n',
    });
    const content = t.layouts.get('content')!;
    expect(content.title).toMatchObject({ x: 1, y: 1, w: 5 });
    expect(content.decorations).toContainEqual(expect.objectContaining({ kind: 'text', text: 'Springfield' }));
  });

  it('puts a master.hbs logo and background picture on the slide master', async () => {
    const result = await buildInTemp({
      'deck.md': deckText('## Hello\n\nWorld', { template: 'school', footer: 'Springfield School' }),
      'templates/school/template.yaml': 'extends: default\nlogo: crest.png\n',
      'templates/school/crest.png': pngBytes(10, 10),
      'templates/school/paper.png': pngBytes(40, 20),
      'templates/school/master.hbs':
        '<master background-image="paper.png">\n  <logo x="12" y="0.2" w="1" h="1"/>\n  <footer x="0.6" y="7" w="9" h="0.4"/>\n</master>\n',
    });
    expect(result.diagnostics).toEqual([]);
    const pptx = await openPptx(result.output!);
    const master = await pptx.xml('ppt/slideMasters/slideMaster1.xml');
    const rels = await pptx.xml('ppt/slideMasters/_rels/slideMaster1.xml.rels');
    expect(master).toMatch(/<p:bg><p:bgPr><a:blipFill[^>]*><a:blip r:embed="(rIdMaster\d+)"/);
    expect(master).toMatch(/<p:pic>[\s\S]*r:embed="rIdMaster\d+"/);
    for (const id of master.match(/r:embed="(rIdMaster\d+)"/g)!.map((m) => m.slice(9, -1)))
      expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="\\.\\./media/`));
    expect(textOf(master)).toContain('Springfield School');
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  it('reports template mistakes at their file and line, with did-you-mean', () => {
    expect(diagnosticOf(() => load({ 'school/template.yaml': 'extends: default\ncolours:\n  primary: "#fff"\n' }))).toMatchObject({
      rule: 'template/unknown-key',
      line: 2,
      message: 'unknown key "colours" in template.yaml (did you mean "colors"?)',
    });
    expect(
      diagnosticOf(() => load({ 'school/template.yaml': 'colors:\n  primary: navy\n', 'school/layouts/content.hbs': CONTENT })),
    ).toMatchObject({
      rule: 'template/color',
      line: 2,
    });
    const bad = diagnosticOf(() =>
      load({
        'school/template.yaml': 'extends: default\n',
        'school/layouts/quiz.hbs': '<layout>\n  <title x="1" y="1" w="5" h="1" colour="#fff"/>\n</layout>\n',
      }),
    );
    expect(bad).toMatchObject({ rule: 'template/layout', line: 2 });
    expect(bad.file).toMatch(/school\/layouts\/quiz\.hbs$/);
    expect(bad.message).toContain('<title> has no attribute "colour" (did you mean "color"?)');
    expect(
      diagnosticOf(() =>
        load({ 'school/template.yaml': 'extends: default\n', 'school/layouts/quiz.hbs': '<layout>\n\n  {{#if x}}\n</layout>\n' }),
      ),
    ).toMatchObject({ rule: 'template/handlebars', line: 3, message: '"{{#if}}" is never closed; add "{{/if}}"' });
    expect(
      diagnosticOf(() =>
        load({
          'school/template.yaml': 'extends: default\n',
          'school/master.hbs': '<master>\n  <body x="1" y="1" w="5" h="1"/>\n</master>\n',
        }),
      ),
    ).toMatchObject({ rule: 'template/layout', line: 2 });
    expect(
      diagnosticOf(() =>
        load({
          'school/template.yaml': 'extends: default\n',
          'school/layouts/quiz.hbs': '<layout>\n  <image src="../../secret.png" x="1" y="1" w="1" h="1"/>\n</layout>\n',
        }),
      ),
    ).toMatchObject({ rule: 'template/asset', line: 2 });
  });

  it('refuses a font name that would break the file', () => {
    expect(
      diagnosticOf(() => load({ 'school/template.yaml': 'extends: default\nfonts:\n  heading: \'Evil" onload="x\'\n' })),
    ).toMatchObject({
      rule: 'template/font',
      line: 3,
    });
  });

  it('refuses a template that extends itself', () => {
    expect(
      diagnosticOf(() => load({ 'school/template.yaml': 'extends: other\n', 'other/template.yaml': 'extends: school\n' })),
    ).toMatchObject({ rule: 'template/extends' });
  });
});
