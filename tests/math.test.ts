import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSlideMarkdown } from '../src/content/markdown.js';
import type { Block } from '../src/content/blocks.js';
import { buildInTemp, deckText } from './support/build.js';
import { openPptx, textOf, validatePptx } from './support/pptx.js';
import { need, validator } from './support/tools.js';

const parse = (md: string): Block[] => parseSlideMarkdown(md, (i) => i + 1);
/** The TeX of every equation in a paragraph's runs. */
const inlineTex = (b: Block) => ('runs' in b ? b.runs.filter((r) => r.math).map((r) => r.math!.tex) : []);

describe("pandoc's dollar rules", () => {
  // [Markdown, the TeX of its equations, its text (equations as their TeX until typeset)]
  test.each([
    ['$5 and $10', [], '$5 and $10'],
    ['costs \\$5 and $x$', ['x'], 'costs $5 and x'],
    ['$ x$ and $x $', [], '$ x$ and $x $'],
    ['$x$2', [], '$x$2'],
    ['$a$ and $b$', ['a', 'b'], 'a and b'],
    ['`$x$` in code', [], '$x$ in code'],
    ["Living on $2 a day $& $1 $' $$ ]]> end", [], "Living on $2 a day $& $1 $' $$ ]]> end"],
    ['$a\\$b$', ['a\\$b'], 'a\\$b'],
    ['$\\text{costs $5}$ ok', ['\\text{costs $5}'], '\\text{costs $5} ok'],
  ])('%s', (md, tex, text) => {
    const [b] = parse(md);
    expect(inlineTex(b)).toEqual(tex);
    expect('runs' in b && b.runs.map((r) => r.text).join('')).toBe(text);
  });

  test('$$ on lines of its own is a display equation, whatever its lines look like as Markdown', () => {
    const blocks = parse('Before\n\n$$\na\n- b\n# c\n$$\n\nAfter');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'math', 'paragraph']);
    const math = blocks[1].kind === 'math' ? blocks[1].math : undefined;
    expect(math).toMatchObject({ tex: 'a\n- b\n# c', line: 4, column: 1 });
  });

  test('$$ inside a paragraph splits it; ```math is a display equation', () => {
    expect(parse('one $$x^2$$ two').map((b) => b.kind)).toEqual(['paragraph', 'math', 'paragraph']);
    expect(parse('```math\n\\frac{1}{2}\n```')).toMatchObject([{ kind: 'math', math: { tex: '\\frac{1}{2}', line: 2 } }]);
  });
});

/** Builds a deck and returns its slides' XML (after checking it built). */
async function slidesOf(body: string, template?: string) {
  const result = await buildInTemp(deckText(body), { template });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const pkg = await openPptx(result.output!);
  return { slides: await pkg.slides(), result, pkg };
}

describe('equations in the slide XML', () => {
  test.each([
    ['fractions', '\\frac{a}{b}', ['<m:f>', '<m:num>', '<m:den>']],
    ['roots', '\\sqrt{x} + \\sqrt[3]{y}', ['<m:rad>', '<m:deg>']],
    ['sums and integrals', '\\sum_{i=1}^{n} i + \\int_0^1 f(x)\\,dx', ['<m:nary>', '<m:chr m:val="∑"/>', '<m:chr m:val="∫"/>']],
    [
      'matrices',
      '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
      ['<m:d><m:dPr><m:begChr m:val="("/><m:endChr m:val=")"/></m:dPr><m:e><m:m>', '<m:mr>'],
    ],
    [
      'growing brackets',
      'A = \\left[ \\frac{a}{b} \\right] + \\left. x \\right|',
      ['<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr><m:e><m:f>', '<m:begChr m:val=""/><m:endChr m:val="|"/>'],
    ],
    [
      'accents',
      '\\hat{x} + \\vec{v} + \\bar{y} + \\dot{x}',
      ['<m:acc><m:accPr><m:chr m:val="\u0302"/>', '<m:chr m:val="\u20D7"/>', '<m:chr m:val="\u0305"/>', '<m:chr m:val="\u0307"/>'],
    ],
    ['super- and subscripts', 'x_i^2 + y^3 + z_0', ['<m:sSubSup>', '<m:sSup>', '<m:sSub>']],
    ['Greek letters', '\\alpha + \\beta = \\Gamma', ['α', 'β', 'Γ']],
    ['text', 'v = \\text{speed}', ['<m:nor/>', 'speed']],
  ])('%s become native OMML', async (_, tex, parts) => {
    const { slides } = await slidesOf(`## Maths\n\nInline $${tex}$ here.\n\n$$${tex}$$\n`);
    const xml = slides[1];
    for (const part of parts) expect(xml).toContain(part);
    // Inline: m:oMath in a14:m in a paragraph with text; display: m:oMathPara, centred, in a shape of its own.
    expect(xml).toMatch(/<a:t>Inline <\/a:t><\/a:r><a14:m><m:oMath /);
    expect(xml).toMatch(/<a:pPr algn="ctr"><a:buNone\/><\/a:pPr><a14:m><m:oMathPara /);
    // Both in mc:AlternateContent as PowerPoint writes them, a fallback beside: the display shape requires a14
    // (LibreOffice draws it too), the text shape a14 under another prefix (LibreOffice takes its fallback).
    const a14 = 'xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main"';
    expect(xml.match(new RegExp(`<mc:Choice ${a14} Requires="a14">`, 'g'))).toHaveLength(1);
    expect(xml.match(new RegExp(`<mc:Choice ${a14} ${a14.replace('a14', 'a14m')} Requires="a14m">`, 'g'))).toHaveLength(1);
    expect(xml.match(/<mc:Fallback>/g)).toHaveLength(2);
  });

  test('a large operator holds its operand (no empty box)', async () => {
    const { slides } = await slidesOf('## S\n\n$$\\sum_{i=1}^{n} x_i$$');
    expect(slides[1]).not.toContain('<m:e/>');
    expect(slides[1]).toMatch(/<m:nary>.*<m:e><m:sSub>/);
  });

  test('the fallback: the text shape keeps the equation as plain text, the display shape a picture', async () => {
    const { slides, pkg } = await slidesOf('## S\n\nThe period $T = 2\\pi\\sqrt{L/g}$ holds.\n\n$$E = mc^2$$');
    const fallbacks = [...slides[1].matchAll(/<mc:Fallback>(.*?)<\/mc:Fallback>/g)].map((m) => m[1]);
    expect(fallbacks[0]).toContain('<a:t>The period </a:t>');
    expect(fallbacks[0]).toContain('T = 2π√(L/g)');
    expect(fallbacks[0]).not.toContain('a14:m');
    const id = /^<p:pic>.*descr="E = mc²".*<a:blip r:embed="(\w+)"/.exec(fallbacks[1])?.[1];
    const rels = await pkg.xml('ppt/slides/_rels/slide2.xml.rels');
    const target = new RegExp(`<Relationship Id="${id}" Type="[^"]*/image" Target="\\.\\./(media/[^"]+\\.png)"`).exec(rels)?.[1];
    expect(target, rels).toBeDefined();
    expect([...(await pkg.bytes(`ppt/${target}`)).subarray(1, 4)]).toEqual([...Buffer.from('PNG')]);
  });

  test('the characters LibreOffice would read as its formula syntax are runs of normal text, the rest as it was', async () => {
    const { slides } = await slidesOf('## S\n\n$$|x| + a \\& b \\# c + \\_ - \\text{"q"}$$');
    const math = /<m:oMath\b.*<\/m:oMath>/s.exec(slides[1])![0];
    const runs = [...math.matchAll(/<m:r>(<m:rPr>.*?<\/m:rPr>)?.*?<m:t[^>]*>(.*?)<\/m:t><\/m:r>/g)].map((m) => [m[1] ?? '', m[2]]);
    const normal = runs.filter(([properties]) => properties === '<m:rPr><m:nor/></m:rPr>').map(([, text]) => text);
    // (\\text is normal text already.)
    expect(normal).toEqual(['|', '|', '&amp;', '#', '_', '&quot;', 'q', '&quot;']);
    // Nothing lost or doubled: the runs spell the equation as before.
    expect(runs.map(([, text]) => text).join('')).toBe('|x|+a&amp;b#c+_−&quot;q&quot;');
  });

  test('an equation shown on many slides is one picture in the package', async () => {
    const { slides, pkg } = await slidesOf(
      '## A\n\n$$E = mc^2$$\n\n---\n\n## B\n\n$$E = mc^2$$\n\n---\n\n## C\n\n$$E = mc^2$$\n\n$$a^2 + b^2 = c^2$$',
    );
    expect(pkg.names.filter((n) => n.startsWith('ppt/media/'))).toEqual(['ppt/media/equation1.png', 'ppt/media/equation2.png']);
    const targets = async (n: number) =>
      [...(await pkg.xml(`ppt/slides/_rels/slide${n}.xml.rels`)).matchAll(/Target="\.\.\/media\/([^"]+)"/g)].map((m) => m[1]);
    expect([await targets(2), await targets(3), await targets(4)]).toEqual([
      ['equation1.png'],
      ['equation1.png'],
      ['equation1.png', 'equation2.png'],
    ]);
    expect(slides[3].match(/<mc:Fallback><p:pic>/g)).toHaveLength(2);
  });

  test("the plain-text form has no invisible operators: a function's name and its argument with a space, or its brackets", async () => {
    const { slides } = await slidesOf('## S\n\nAngle $\\cos\\theta + \\sin(x) + \\log_2 n$ here.');
    const fallback = /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(slides[1])![1];
    expect(fallback).toContain('cos θ + sin(x) + log₂ n');
    expect(fallback).not.toMatch(/[\u2061-\u2064]/);
  });

  test('the plain-text form keeps accented letters as letters: é, and \\dot{x} as ẋ', async () => {
    const { slides } = await slidesOf('## S\n\nSpeed $\\dot{x} = é$ here.');
    const fallback = /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(slides[1])![1];
    expect(fallback).toContain('\u1e8b = é');
  });

  test("the plain-text form raises and lowers scripts in Unicode's characters where it has them all, else marks them", async () => {
    // [TeX, its plain-text form]
    const cases = [
      ['E = mc^2', 'E = mc²'],
      ['\\theta_0', 'θ₀'],
      ['g \\approx 9.81\\,\\text{m/s}^2', 'g ≈ 9.81 m/s²'],
      ['a_{10}^{-1}', 'a₁₀⁻¹'],
      ['x^{n+1} + f^{\\prime}', 'xⁿ⁺¹ + f′'],
      ['x^{2k} + y_{\\text{max}} + x_i', 'x^(2k) + y_(max) + x_i'],
    ];
    const { slides } = await slidesOf(`## S\n\n${cases.map(([tex]) => `- $${tex}$`).join('\n')}\n`);
    const fallback = /<mc:Fallback>(.*?)<\/mc:Fallback>/s.exec(slides[1])![1];
    const items = [...fallback.matchAll(/<a:p>.*?<\/a:p>/gs)].map((p) => textOf(p[0]));
    expect(items).toEqual(cases.map(([, text]) => text));
  });

  test('equations in lists, columns and tables', async () => {
    const { slides } = await slidesOf(
      '## L\n\n- first $a^2$\n  - nested $\\frac{1}{2}$\n\n---\n\n## C\n\n::: columns\n::: column\n$x_1$ left\n:::\n::: column\n$$y = mx + b$$\n:::\n:::\n\n---\n\n## T\n\n| a | b |\n|---|---|\n| $\\alpha$ | 2 |\n',
    );
    expect(slides[1].match(/<a14:m><m:oMath /g)).toHaveLength(2);
    expect(slides[1]).toContain('<m:f>');
    expect(slides[2]).toContain('<a14:m><m:oMath ');
    expect(slides[2]).toContain('<a14:m><m:oMathPara ');
    // A table cell: the equation in the table, the table in mc:AlternateContent with the plain-text form as its fallback.
    expect(slides[3]).toMatch(
      /<mc:Choice [^>]*><p:graphicFrame>.*<a:tc><a:txBody>.*<a14:m><m:oMath .*α.*<\/mc:Choice><mc:Fallback><p:graphicFrame>.*<a:t>α<\/a:t>/,
    );
  });

  test('equations take the text colour of a dark template', async () => {
    const { slides } = await slidesOf('## S\n\nInline $x^2$.\n\n$$y^2$$', 'chalkboard');
    const colors = [...slides[1].matchAll(/<m:r>(?:<m:rPr>.*?<\/m:rPr>)?<a:rPr [^>]*><a:solidFill><a:srgbClr val="(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(colors.length).toBeGreaterThanOrEqual(4);
    expect(new Set(colors)).toEqual(new Set(['F4F1E8']));
  });

  test('broken TeX is an error at its file, line and column with the library message', async () => {
    const result = await buildInTemp(deckText('## S\n\nText first.\n\nThen $\\frac{1}{2$ here.'));
    expect(result.ok).toBe(false);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ rule: 'math/tex', file: path.join(result.dir, 'deck.md'), line: 8 });
    expect(d.column).toBeGreaterThan(6);
    expect(d.message).toMatch(/\\frac\{1\}\{2.*is not valid TeX: Unexpected end of input in a macro argument, expected '\}'/);
    const display = await buildInTemp(deckText('## S\n\n$$\n\\frac{1}{2\n$$'));
    expect(display.diagnostics[0]).toMatchObject({ rule: 'math/tex', line: 7 });
    const unknown = await buildInTemp(deckText('## S\n\n$\\notacommand x$'));
    expect(unknown.diagnostics[0].message).toMatch(/notacommand/);
  });

  test('characters that mean something in XML reach the equations as text (mathml2omml does not escape them)', async () => {
    need(validator);
    const { slides, result } = await slidesOf(
      '## N\n\nLess $a<b$, $x \\& y$, $\\text{]]> \\& <b> \\$1 中文 مرحبا}$.\n\n$$\\text{]]>} < \\infty$$\n\n```python\ns = "]]> $& $1 <b>&amp;"  # 中文\n```\n',
    );
    // Each equation's text, its runs together (a `&` is a run of its own, see the next test).
    const equations = [...slides[1].matchAll(/<m:oMath\b.*?<\/m:oMath>/g)].map((m) =>
      [...m[0].matchAll(/<m:t xml:space="preserve">(.*?)<\/m:t>/g)].map((t) => t[1]).join(''),
    );
    expect(equations[0]).toBe('a&lt;b');
    expect(equations[1]).toBe('x&amp;y');
    // temml writes the spaces of \text as no-break spaces.
    expect(equations[2]).toMatch(/^\]\]&gt;\s&amp;\s&lt;b&gt;\s\$1\s中文\sمرحبا$/);
    expect(await validatePptx(result.output!)).toEqual([]);
  });

  test('0 Open XML SDK errors for a deck with equations and code', async () => {
    need(validator);
    const { result } = await slidesOf(
      '## S\n\n| a | $b^2$ |\n|---|---|\n| $\\sqrt{2}$ | 1 |\n\nInline $\\frac{a}{b}$ and $\\sqrt{x}$.\n\n$$\\sum_{i=1}^n x_i^2 \\quad \\begin{bmatrix}1&0\\\\0&1\\end{bmatrix}$$\n\n```python {numbers, 2}\nx = 1\nprint(x)\n```\n\n---\n\n## T\n\n- $\\hat{v}$\n\n```js\nconst a = 1;\n```',
      'chalkboard',
    );
    expect(await validatePptx(result.output!)).toEqual([]);
  });
});
