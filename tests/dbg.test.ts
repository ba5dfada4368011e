import { test } from 'vitest';
import { buildInTemp } from './support/build.js';
import { modelDeck, TemplateLibrary } from '../src/index.js';
import { SHIPPED_TEMPLATES } from '../src/packageRoot.js';
import { markdownWords, pptxWords } from './support/words.js';
import path from 'node:path';
test('x', async () => {
  const src =
    '---\ntitle: "a"\ndata:\n  results: results.csv\n---\n<div class="box">\n<a\n</div>\n\n::: notes\na<sub>aa\n:::\n\n| h0 |\n| --- |\n\n\n---\n\n::: warning\na\n:::';
  const r = await buildInTemp({ 'deck.md': src, 'results.csv': 'a,b\n1,2\n' });
  const { markdown } = await modelDeck(path.join(r.dir, 'deck.md'), { templates: new TemplateLibrary([SHIPPED_TEMPLATES]), cwd: r.dir });
  console.log(
    JSON.stringify(markdown),
    markdownWords(markdown),
    [...(await pptxWords(r.output!))],
    r.diagnostics,
    JSON.stringify(r.deck!.slides, null, 1).slice(0, 3000),
  );
});
