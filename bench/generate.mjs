// Generates the benchmark content: decks of N slides (title, three bullets and a
// paragraph per slide, a table every tenth slide, a chart every tenth slide,
// speaker notes on each), as lectern Markdown and as plain pandoc Markdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CSV = 'region,turnout\n' + Array.from({ length: 8 }, (_, i) => `Region ${i + 1},${50 + i * 3}`).join('\n') + '\n';

/** One slide of the benchmark deck, for lectern (with a chart every tenth) or pandoc (table only). */
function slide(i, forPandoc) {
  const lines = [
    `## Slide ${i}: a point worth making`,
    '',
    '- First idea, with **bold** words',
    '- Second idea, with *emphasis*',
    '- Third idea, with a [link](https://example.org)',
    '',
    'A short paragraph that explains the slide in one or two sentences, as a teacher would write it.',
  ];
  if (i % 10 === 3) lines.push('', '| Region | Turnout |', '|:--|--:|', '| North | 61 |', '| South | 58 |', '| East | 66 |');
  if (i % 10 === 7 && !forPandoc) lines.push('', '```chart', 'type: column', 'data: turnout', 'x: region', 'y: turnout', '```');
  lines.push('', '::: notes', `What to say on slide ${i}.`, ':::');
  return lines.join('\n');
}

/** Writes `<dir>/<name>.md` with `slides` slides (plus the title slide) and its data; returns the path. */
export function writeDeck(dir, name, slides, forPandoc = false) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'turnout.csv'), CSV);
  const body = Array.from({ length: slides - 1 }, (_, i) => slide(i + 1, forPandoc)).join('\n\n---\n\n');
  const front = forPandoc ? `---\ntitle: Benchmark deck\n---\n\n` : `---\ntitle: Benchmark deck\ndata:\n  turnout: turnout.csv\n---\n\n`;
  const file = path.join(dir, `${name}.md`);
  writeFileSync(file, front + body + '\n');
  return file;
}
