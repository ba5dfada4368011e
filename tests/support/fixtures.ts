import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { modelDeck, TemplateLibrary, type Deck, type Diagnostic } from '../../src/pipeline.js';
import { SHIPPED_TEMPLATES } from '../../src/packageRoot.js';

/** tests/fixtures: one folder per case, plus `_templates/`. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The templates each fixture is built with: the shipped default and the fixture-local `plain`. */
export const FIXTURE_TEMPLATES = ['default', 'plain'] as const;

/** Names of the fixture cases: the folders of tests/fixtures holding a deck.md. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => !name.startsWith('_') && existsSync(path.join(FIXTURES, name, 'deck.md')))
    .sort();
}

/** Models `tests/fixtures/<name>/deck.md` with `template`; nothing is written. */
export async function modelFixture(name: string, template: string): Promise<{ deck: Deck; warnings: Diagnostic[] }> {
  const dir = path.join(FIXTURES, name);
  const templates = new TemplateLibrary([path.join(FIXTURES, '_templates'), SHIPPED_TEMPLATES]);
  const { deck, diagnostics } = await modelDeck(path.join(dir, 'deck.md'), { templates, template });
  return { deck, warnings: diagnostics.list };
}

/**
 * The Deck as golden-file JSON: file paths relative to `dir`, and fractions of
 * an inch rounded to 4 places so the files stay readable.
 */
export function deckToJson(deck: Deck, dir: string): string {
  const json = JSON.stringify(
    deck,
    (key, value: unknown) => {
      if ((key === 'file' || key === 'path') && typeof value === 'string' && path.isAbsolute(value)) {
        return path.relative(dir, value).split(path.sep).join('/');
      }
      if (typeof value === 'number' && !Number.isInteger(value)) return Math.round(value * 1e4) / 1e4;
      return value;
    },
    2,
  );
  return `${json}\n`;
}
