import type { Block, CodeBlock, MathSource, Run, SlideSource, TypesetDisplayMath, TypesetMath } from '../content/blocks.js';
import { fail } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { contrast, luminance, mix } from '../templates/colors.js';
import type { Theme } from '../templates/types.js';
import { loadHighlighter } from './highlight.js';
import { loadMath, loadMathPictures, typesetDisplayMath, typesetMath } from './math.js';

/** What typesetting a deck needs besides its slides. */
export interface TypesetContext {
  file: string;
  theme: Theme;
  warn(rule: string, message: string, at: { line: number; column?: number }): void;
}

/** Languages that mean "no highlighting", without a warning. */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'output', 'console-output', 'none']);

/**
 * Typesets a deck's equations (TeX → OMML and a picture) and highlights its code,
 * in place on its blocks. The libraries load only if the deck has equations or
 * code in a language: a deck without them pays nothing.
 */
export async function typesetSlides(slides: SlideSource[], ctx: TypesetContext): Promise<void> {
  const equations: Equation[] = [];
  const code: CodeBlock[] = [];
  const visitRuns = (runs: Run[]) => {
    for (const r of runs) if (r.math) equations.push({ math: r.math, display: false, run: r });
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'math') equations.push({ math: b.math, display: true });
      else if (b.kind === 'code') code.push(b);
      else if (b.kind === 'quote') visit(b.blocks);
      else if (b.kind === 'columns') b.columns.forEach(visit);
      else if (b.kind === 'list') visitItems(b.items);
      else if (b.kind === 'table') [b.header, ...b.rows].forEach((row) => row.forEach(visitRuns));
      else if ('runs' in b) visitRuns(b.runs);
    }
  };
  const visitItems = (items: Extract<Block, { kind: 'list' }>['items']) => {
    for (const item of items) {
      visitRuns(item.runs);
      for (const child of item.children) visitItems(child.items);
    }
  };
  for (const slide of slides) visit(slide.blocks);
  if (equations.length > 0) await typesetEquations(equations, ctx);
  if (code.length > 0) await highlightCode(code, ctx);
}

/** An equation: a display one, or an inline one and the run that holds it. */
type Equation = { math: MathSource<TypesetDisplayMath>; display: true } | { math: MathSource; display: false; run: Run };

async function typesetEquations(equations: Equation[], ctx: TypesetContext): Promise<void> {
  const [math, pictures] = await Promise.all([loadMath(), equations.some((e) => e.display) ? loadMathPictures() : undefined]);
  // The same equation, written again, is typeset once.
  const displays = new Map<string, TypesetDisplayMath>();
  const inlines = new Map<string, TypesetMath>();
  for (const equation of equations) {
    const { tex, line, column } = equation.math;
    const at = { file: ctx.file, line, column };
    if (equation.display) {
      equation.math.typeset = once(displays, tex, () => typesetDisplayMath(tex, math, pictures!, at));
      continue;
    }
    const typeset = once(inlines, tex, () => typesetMath(tex, math, at));
    equation.math.typeset = typeset;
    // The linear form stands as an inline equation's text, for measuring and for programs without equations.
    equation.run.text = typeset.linear;
  }
}

function once<T>(done: Map<string, T>, key: string, make: () => T): T {
  let value = done.get(key);
  if (value === undefined) {
    value = make();
    done.set(key, value);
  }
  return value;
}

/** The shiki theme for a template: its `code.theme`, else a light or dark one to suit its background. */
function themeName(theme: Theme): string {
  return theme.code?.theme ?? (luminance(theme.colors.background) < 0.3 ? 'github-dark' : 'github-light');
}

async function highlightCode(blocks: CodeBlock[], ctx: TypesetContext): Promise<void> {
  const { colors } = ctx.theme;
  const plainPanel = { background: mix(colors.background, colors.text, 0.07), foreground: colors.text };
  const plain = (b: CodeBlock) => {
    b.lines = b.text.split('\n').map((line) => (line ? [{ text: line, code: true }] : []));
    b.panel = plainPanel;
  };
  const highlighted = blocks.filter((b) => !PLAIN.has(b.lang));
  blocks.filter((b) => PLAIN.has(b.lang)).forEach(plain);
  if (highlighted.length === 0) return;
  const highlighter = await loadHighlighter();
  const theme = themeName(ctx.theme);
  if (!highlighter.hasTheme(theme)) {
    throw fail(
      'template/code-theme',
      `there is no highlighting theme "${theme}"${didYouMean(theme, highlighter.themes())}; code.theme must be one of ${highlighter.themes().join(', ')}`,
      ctx.theme.code?.at ?? { file: ctx.file },
    );
  }
  // The same code, shown again, is highlighted once.
  const done = new Map<string, Awaited<ReturnType<typeof highlighter.highlight>>>();
  for (const b of highlighted) {
    const language = highlighter.language(b.lang);
    if (!language) {
      ctx.warn(
        'code/unknown-language',
        `lectern cannot highlight the language "${b.lang}"${didYouMean(b.lang, ['python', 'javascript', 'typescript', 'java', 'c', 'cpp', 'r', 'sql', 'bash', 'matlab', 'julia', 'haskell', 'rust', 'go'])}, so the code is shown without colours`,
        { line: b.line },
      );
      plain(b);
      continue;
    }
    const key = `${language}\n${b.text}`;
    if (!done.has(key)) done.set(key, await highlighter.highlight(b.text, language, theme));
    const { lines, panel } = done.get(key)!;
    b.lines = lines;
    // A panel the colour of the slide (a light theme on a white slide) is tinted, so that it shows.
    b.panel = contrast(panel.background, colors.background) < 1.1 ? { ...panel, background: plainPanel.background } : panel;
  }
}
