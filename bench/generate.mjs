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

const EQUATIONS = [
  'T = 2\\pi\\sqrt{\\frac{L}{g}}',
  '\\sum_{i=1}^{n} x_i^2 = \\int_0^1 f(x)\\,dx',
  'E = \\frac{1}{2} m v^{2} + m g h',
  '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
];
const CODE = [
  ['python', 'def period(length, g=9.81):\n    return 2 * math.pi * math.sqrt(length / g)'],
  ['javascript', 'function period(length, g = 9.81) {\n  return 2 * Math.PI * Math.sqrt(length / g);\n}'],
  ['r', 'period <- function(length, g = 9.81) {\n  2 * pi * sqrt(length / g)\n}'],
];

/**
 * A deck of `slides` slides, each with a display equation, an inline one and a
 * highlighted code block (`withMath`), or the same text as plain text and plain code.
 */
export function writeMathCodeDeck(dir, name, slides, withMath) {
  mkdirSync(dir, { recursive: true });
  const body = Array.from({ length: slides - 1 }, (_, i) => {
    const tex = EQUATIONS[i % EQUATIONS.length];
    const [lang, code] = CODE[i % CODE.length];
    const math = withMath ? `$$${tex}$$` : tex.replace(/\\/g, '');
    return `## Slide ${i + 1}\n\nThe period ${withMath ? '$T_0$' : 'T0'} of slide ${i + 1}:\n\n${math}\n\n\`\`\`${withMath ? lang : ''}\n${code}\n\`\`\``;
  }).join('\n\n---\n\n');
  const file = path.join(dir, `${name}.md`);
  writeFileSync(file, `---\ntitle: Equations and code\n---\n\n${body}\n`);
  return file;
}
