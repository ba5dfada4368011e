import path from 'node:path';
import { buildDeckFile, TemplateLibrary, type DeckResult } from '../../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../../src/packageRoot.js';
import { tempDir, writeFiles } from './pptx.js';

/** A deck file with front matter: `deck('# Slide', {template: 'x'})`. */
export function deckText(body: string, frontMatter: Record<string, unknown> = {}): string {
  const fm = { title: 'Test deck', ...frontMatter };
  const yaml = Object.entries(fm)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

/**
 * Builds a deck in a fresh temp project: `files` are written there (the deck
 * at `deck.md` unless named), then the deck is built into `<dir>/out`.
 */
export async function buildInTemp(
  files: Record<string, string | Uint8Array> | string,
  options: { template?: string; write?: boolean; deck?: string } = {},
): Promise<DeckResult & { dir: string }> {
  const dir = tempDir();
  writeFiles(dir, typeof files === 'string' ? { 'deck.md': files } : files);
  const templates = new TemplateLibrary([path.join(dir, 'templates'), SHIPPED_TEMPLATES]);
  const result = await buildDeckFile(
    path.join(dir, options.deck ?? 'deck.md'),
    { outDir: path.join(dir, 'out'), template: options.template, templates },
    options.write ?? true,
  );
  return { ...result, dir };
}
