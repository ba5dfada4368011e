import { cpSync } from 'node:fs';
import path from 'node:path';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../../src/packageRoot.js';
import { FIXTURES } from './fixtures.js';
import { openPptx, tempDir, textOf } from './pptx.js';

const EMU = 914400;

/** What a teacher sees of one built slide: its text, its notes, its pictures, its timing. */
export interface BuiltSlide {
  xml: string;
  text: string;
  notes: string;
}

/** A deck built, and its slides as they are in the .pptx. */
export interface BuiltDeck extends Omit<DeckResult, 'slides'> {
  dir: string;
  slides: BuiltSlide[];
}

/** Builds `tests/fixtures/dialects/<name>/<deck>` in a copy of its folder, and reads its slides back. */
export async function buildDialectFixture(name: string, deck = 'deck.md'): Promise<BuiltDeck> {
  const dir = tempDir();
  cpSync(path.join(FIXTURES, 'dialects', name), dir, { recursive: true });
  return buildAndRead(dir, deck);
}

/** Builds `<dir>/<deck>` into `<dir>/out` and reads its slides back. */
export async function buildAndRead(dir: string, deck = 'deck.md'): Promise<BuiltDeck> {
  const templates = new TemplateLibrary([path.join(dir, 'templates'), SHIPPED_TEMPLATES]);
  const result = await buildDeckFile(path.join(dir, deck), { outDir: path.join(dir, 'out'), templates });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  const pptx = await openPptx(result.output!);
  const slides = await Promise.all(
    (await pptx.slides()).map(async (xml, i) => {
      const notesPart = `ppt/notesSlides/notesSlide${i + 1}.xml`;
      const notes = pptx.names.includes(notesPart) ? notesText(await pptx.xml(notesPart)) : '';
      return { xml, text: textOf(xml), notes };
    }),
  );
  return { ...result, dir, slides };
}

/** The speaker notes of a notes page: the text of its body placeholder. */
function notesText(xml: string): string {
  const body = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
  return textOf(body);
}

/** A shape's box on its slide, in inches. */
export interface ShapeBox {
  id: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The crop of a picture (`a:srcRect`), when it has one. */
  crop?: string;
}

/** The pictures of a slide, in the order they are drawn. */
export function pictures(slideXml: string): ShapeBox[] {
  return [...slideXml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((m) => ({ ...boxOf(m[0]), crop: /<a:srcRect [^>]*\/>/.exec(m[0])?.[0] }));
}

/** The text shapes of a slide, in the order they are drawn. */
export function textShapes(slideXml: string): (ShapeBox & { text: string })[] {
  return [...slideXml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => ({ ...boxOf(m[0]), text: textOf(m[0]) }));
}

function boxOf(shape: string): ShapeBox {
  const nv = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(shape)!;
  const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape)!;
  return { id: nv[1], name: nv[2], x: +off[1] / EMU, y: +off[2] / EMU, w: +off[3] / EMU, h: +off[4] / EMU };
}

/** One effect of a slide's timing: the shape it shows, the paragraph (if one), and the click (1, 2, ...) it is on. */
export interface Effect {
  spid: string;
  paragraph?: number;
  click: number;
  nodeType: string;
}

/** The effects of a slide's `p:timing`, click by click. */
export function effects(slideXml: string): Effect[] {
  const timing = /<p:timing>[\s\S]*<\/p:timing>/.exec(slideXml)?.[0];
  if (!timing) return [];
  const clicks = timing.split('<p:cond delay="indefinite"/>').slice(1);
  return clicks.flatMap((click, i) =>
    [
      ...click.matchAll(
        /nodeType="(clickEffect|withEffect)">[\s\S]*?<p:spTgt spid="(\d+)"(?:\/>|><p:txEl><p:pRg st="(\d+)" end="\d+"\/>)/g,
      ),
    ].map((m) => ({
      nodeType: m[1],
      spid: m[2],
      click: i + 1,
      ...(m[3] !== undefined ? { paragraph: Number(m[3]) } : {}),
    })),
  );
}
