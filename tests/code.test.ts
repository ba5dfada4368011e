import { describe, expect, test, vi } from 'vitest';
import { parseCodeInfo } from '../src/content/codeInfo.js';
import { asciiTwin } from '../src/typeset/asciiPatterns.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildInTemp, deckText } from './support/build.js';
import { lectern, run } from './support/cli.js';
import { openPptx, ROOT, tempDir } from './support/pptx.js';

/** Every package lectern loads lazily, in the order asked for. */
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../src/lazyImport.js', async (original) => {
  const actual = await original<typeof import('../src/lazyImport.js')>();
  return {
    ...actual,
    importModule: (specifier: string) => {
      loaded.push(specifier);
      return actual.importModule(specifier);
    },
  };
});

/** The code panel of a slide: its paragraphs as [colours, text] per line. */
function codeLines(xml: string): { colors: string[]; text: string }[] {
  const panel = /<a:solidFill><a:srgbClr val="\w+"\/><\/a:solidFill><a:ln><\/a:ln><\/p:spPr><p:txBody>(.*?)<\/p:txBody>/s.exec(xml);
  expect(panel, 'a code panel with a fill').not.toBeNull();
  return [...panel![1].matchAll(/<a:p>(.*?)<\/a:p>/g)].map(([, p]) => ({
    colors: [...p.matchAll(/<a:solidFill><a:srgbClr val="(\w+)"\/><\/a:solidFill><a:latin typeface="Consolas"/g)].map((m) => m[1]),
    text: [...p.matchAll(/<a:t>(.*?)<\/a:t>/g)]
      .map((m) =>
        m[1]
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      )
      .join(''),
  }));
}

const SAMPLES: Record<string, string> = {
  python: 'def area(r):\n    """Area of a circle."""\n    return 3.14159 * r ** 2  # approx',
  javascript: 'function area(r) {\n  // a circle\n  return Math.PI * r * r;\n}',
  typescript: 'interface Circle {\n  r: number;\n}\nconst area = (c: Circle): number => Math.PI * c.r ** 2;',
  r: 'model <- lm(y ~ x, data = df)\nsummary(model)\nplot(x, y, main = "Fit")  # scatter',
  java: 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("Hi");\n    }\n}',
  c: '#include <stdio.h>\nint main(void) {\n    printf("%d\\n", 42);\n    return 0;\n}',
  sql: "SELECT name, COUNT(*) AS n\nFROM votes\nWHERE region = 'North'\nGROUP BY name;",
  bash: 'for f in *.csv; do\n  echo "file: $f"  # each\ndone',
};

describe('highlighted code', () => {
  test('a deck without equations or code loads neither the math nor the highlighting libraries', async () => {
    loaded.length = 0;
    await buildInTemp(deckText('## Plain\n\n- one\n- two costs $5 and $10\n\n```\nplain code\n```\n'));
    expect(loaded).toEqual([]);
    await buildInTemp(deckText('## Code\n\n```sql\nSELECT 1;\n```\n'));
    expect(loaded).toContain('shiki/core');
    expect(loaded.some((s) => s.includes('temml') || s.includes('mathjax'))).toBe(false);
    loaded.length = 0;
    await buildInTemp(deckText('## Maths\n\n$x^2$\n'));
    expect(loaded).toContain('temml');
    expect(loaded).not.toContain('shiki/core');
    // Inline equations have no picture: MathJax, which draws them, loads for a display equation only.
    expect(loaded.some((s) => s.includes('mathjax'))).toBe(false);
    await buildInTemp(deckText('## Maths\n\n$$x^2$$\n'));
    expect(loaded).toContain('mathjax-full/js/output/svg.js');
  });
  test.each(Object.entries(SAMPLES))('%s: coloured tokens, the text as written, indentation kept', async (lang, source) => {
    const result = await buildInTemp(deckText(`## Code\n\n\`\`\`${lang}\n${source}\n\`\`\`\n`));
    expect(result.diagnostics).toEqual([]);
    const [, slide] = await (await openPptx(result.output!)).slides();
    const lines = codeLines(slide);
    expect(lines.map((l) => l.text)).toEqual(source.split('\n'));
    expect(new Set(lines.flatMap((l) => l.colors)).size).toBeGreaterThanOrEqual(3);
    // One paragraph per line, with exact line spacing and no space between them.
    expect(slide).toMatch(
      /<a:lnSpc><a:spcPts val="\d+"\/><\/a:lnSpc><a:spcBef><a:spcPts val="0"\/><\/a:spcBef><a:spcAft><a:spcPts val="0"\/><\/a:spcAft>/,
    );
  });

  test('line numbers and highlighted lines, in lectern’s and pandoc’s words', async () => {
    const source = 'a = 1\nb = 2\nc = 3\nd = 4';
    const result = await buildInTemp(
      deckText(
        `## A\n\n\`\`\`python {numbers, 2-3}\n${source}\n\`\`\`\n\n---\n\n## B\n\n\`\`\`{.python .numberLines startFrom="9"}\n${source}\n\`\`\`\n`,
      ),
    );
    const [, a, b] = await (await openPptx(result.output!)).slides();
    expect(codeLines(a).map((l) => l.text)).toEqual(['1  a = 1', '2  b = 2', '3  c = 3', '4  d = 4']);
    const marked = [...a.matchAll(/<a:p>(.*?)<\/a:p>/g)].filter(([p]) => p.includes('<a:highlight>')).map(([p]) => p);
    expect(marked).toHaveLength(2);
    expect(marked[0]).toContain('<a:t>2  </a:t>');
    expect(marked[1]).toContain('<a:t>3  </a:t>');
    expect(codeLines(b).map((l) => l.text)).toEqual([' 9  a = 1', '10  b = 2', '11  c = 3', '12  d = 4']);
    expect(parseCodeInfo('{#id .r .number-lines hl_lines="1 3-4"}')).toEqual({
      lang: 'r',
      numbers: true,
      highlight: [1, 3, 4],
      unknown: [],
    });
  });

  test('the theme follows the template: light on default, dark on chalkboard', async () => {
    const deck = deckText('## C\n\n```python\nx = 1\n```\n');
    const light = await (await openPptx((await buildInTemp(deck)).output!)).slides();
    const dark = await (await openPptx((await buildInTemp(deck, { template: 'chalkboard' })).output!)).slides();
    const fill = (xml: string) => /<a:solidFill><a:srgbClr val="(\w+)"\/><\/a:solidFill><a:ln><\/a:ln><\/p:spPr><p:txBody>/.exec(xml)?.[1];
    expect(fill(dark[1])).toBe('24292E'); // github-dark
    expect(fill(light[1])).not.toBe('24292E');
    expect(codeLines(dark[1])[0].colors).not.toEqual(codeLines(light[1])[0].colors);
  });

  test("a template's code.theme names the colours; an unknown one is an error at its line in template.yaml", async () => {
    const deck = deckText('## C\n\n```python\nx = 1\n```\n', { template: 'mine' });
    const template = (theme: string) => `extends: default\ncode:\n  theme: ${theme}\n`;
    const dracula = await buildInTemp({ 'deck.md': deck, 'templates/mine/template.yaml': template('dracula') });
    const [, slide] = await (await openPptx(dracula.output!)).slides();
    expect(slide).toContain('<a:srgbClr val="282A36"/></a:solidFill><a:ln></a:ln></p:spPr>'); // dracula's background
    const typo = await buildInTemp({ 'deck.md': deck, 'templates/mine/template.yaml': template('drakula') });
    expect(typo.diagnostics).toMatchObject([{ rule: 'template/code-theme', line: 3 }]);
    expect(typo.diagnostics[0].file).toMatch(/template\.yaml$/);
    expect(typo.diagnostics[0].message).toContain('did you mean "dracula"');
  });

  test('a long code block continues on the next slide between lines, each part on its panel; a long line wraps under its indent', async () => {
    const source = Array.from({ length: 40 }, (_, i) => `    x${i + 1} = compute(${i + 1})`).join('\n');
    const result = await buildInTemp(deckText(`## Long\n\n\`\`\`python\n${source}\n\`\`\`\n`));
    const slides = (await (await openPptx(result.output!)).slides()).slice(1);
    expect(slides.length).toBeGreaterThan(1);
    const lines = slides.flatMap((xml) => codeLines(xml).map((l) => l.text));
    expect(lines).toEqual(source.split('\n'));
    const long = await buildInTemp(deckText(`## Wide\n\n\`\`\`python\n        result = ${'a + '.repeat(40)}b\n\`\`\`\n`));
    const [, wide] = await (await openPptx(long.output!)).slides();
    // The line's indent (8 characters) hangs: the first line starts at the margin, the rest under its code.
    expect(wide).toMatch(/<a:pPr algn="l" marL="(\d+)" indent="-\1">/);
    expect(Number(/marL="(\d+)" indent="-/.exec(wide)![1])).toBeGreaterThan(0);
  });

  test('an unknown language is plain code and a warning at its line', async () => {
    const result = await buildInTemp(deckText('## C\n\n```pyhton\nx = 1\n```\n'));
    expect(result.diagnostics).toMatchObject([{ rule: 'code/unknown-language', line: 6, severity: 'warning' }]);
    expect(result.diagnostics[0].message).toContain('did you mean "python"');
    const [, slide] = await (await openPptx(result.output!)).slides();
    expect(codeLines(slide).map((l) => l.text)).toEqual(['x = 1']);
  });
});

describe("the CLI's bundle of the typesetting libraries (scripts/bundle.mjs)", () => {
  test('colours code and typesets equations as the packages do, in bundled and other languages, from its code cache', async () => {
    // The languages of the bundle's grammars (ASCII code: their twins), JavaScript not in ASCII (the
    // grammar itself), and Haskell, which the CLI loads from node_modules.
    const samples: [string, string][] = [
      ...Object.entries(SAMPLES),
      ['javascript', 'const \u00e9t\u00e9 = (a, b) => a ** b; // \u00e9t\u00e9 \u4e2d\u6587'],
      ['haskell', 'main :: IO ()\nmain = do\n  let xs = [1, 2, 3] :: [Int]\n  print (sum xs) -- six'],
    ];
    const body = samples.map(([lang, source]) => `## ${lang}\n\n\`\`\`${lang}\n${source}\n\`\`\``).join('\n\n---\n\n');
    const deck = deckText(`## Period\n\n$$T = 2\\pi\\sqrt{\\frac{L}{g}}$$\n\n---\n\n${body}\n`);
    const sources = await buildInTemp(deck);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.md'), deck);
    const cli = await lectern(['build', 'deck.md', '-o', 'out'], dir);
    expect(cli.stderr).not.toContain('warning');
    expect(cli.code).toBe(0);
    const [fromSources, fromCli] = [
      await (await openPptx(sources.output!)).slides(),
      await (await openPptx(path.join(dir, 'out/deck.pptx'))).slides(),
    ];
    expect(fromCli[1]).toContain('<m:rad>');
    expect(fromCli[1]).toContain('<p:pic>');
    samples.forEach(([lang, source], i) => {
      const lines = codeLines(fromCli[i + 2]);
      expect(lines.map((l) => l.text).join('\n'), lang).toBe(source);
      expect(new Set(lines.flatMap((l) => l.colors)).size, lang).toBeGreaterThanOrEqual(3);
      expect(lines, lang).toEqual(codeLines(fromSources[i + 2]));
    });
    const script = `import { loadTypesetLibraries, codeCacheUsed } from ${JSON.stringify(path.join(ROOT, 'dist/cli/bundle.js'))};
      loadTypesetLibraries(); console.log(codeCacheUsed('typeset'));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toBe(true);
  }, 60_000);
});

describe("ASCII twins of the grammars' patterns (src/typeset/asciiPatterns.ts)", () => {
  test('a Unicode property becomes the class of its ASCII characters, inside a class too; other escapes stay', () => {
    // (The grammars' own flags, dgv; TypeScript takes v only from a string.)
    const twin = asciiTwin(new RegExp(String.raw`(?<![\$_\p{Alpha}\p{Nd}])[\p{L}--[a-f]]\P{space}\\p\p{M}`, 'dgv'));
    expect(twin.source).toBe(
      String.raw`(?<![\$_[\x41-\x5a\x61-\x7a][\x30-\x39]])[[\x41-\x5a\x61-\x7a]--[a-f]][\x00-\x08\x0e-\x1f\x21-\x7f]\\p[]`,
    );
    expect(twin.flags).toBe('dgv');
    // Without v a `[` inside a class is a character; with i the classes fold case: left as they are.
    for (const pattern of [/\p{L}/u, new RegExp('\\p{Lu}', 'iv'), new RegExp('abc', 'v')]) expect(asciiTwin(pattern)).toBe(pattern);
  });

  test('every property the bundled grammars use matches the same ASCII characters in its twin', async () => {
    const names = new Set<string>();
    for (const lang of ['python', 'javascript', 'typescript', 'java', 'c', 'r', 'sql', 'shellscript']) {
      const text = JSON.stringify((await import(`@shikijs/langs-precompiled/${lang}`)).default, (_, v) =>
        v instanceof RegExp ? v.source : v,
      );
      for (const m of text.matchAll(/\\\\([pP]\{[^}]*\})/g)) names.add(m[1]);
    }
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) {
      const original = new RegExp(`^\\${name}$`, 'v');
      const twin = asciiTwin(original);
      expect(twin.source, name).not.toContain('\\p');
      for (let code = 0; code < 128; code++) {
        const c = String.fromCharCode(code);
        expect(twin.test(c), `${name} on ${code}`).toBe(original.test(c));
      }
    }
  });

  test("shiki colours every bundled language's code the same with the grammar's twin", async () => {
    const { createHighlighterCore } = await import('shiki/core');
    const { createJavaScriptRawEngine } = await import('shiki/engine/javascript');
    const twin = (value: unknown): unknown =>
      value instanceof RegExp
        ? asciiTwin(value)
        : Array.isArray(value)
          ? value.map(twin)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, twin(v)]))
            : value;
    const grammars = ['python', 'javascript', 'typescript', 'java', 'c', 'r', 'sql', 'shellscript'].map(
      async (lang) => (await import(`@shikijs/langs-precompiled/${lang}`)).default,
    );
    const highlighter = (langs: typeof grammars) =>
      createHighlighterCore({ themes: [import('@shikijs/themes/github-light')], langs, engine: createJavaScriptRawEngine() });
    const [own, twins] = await Promise.all([
      highlighter(grammars),
      highlighter(grammars.map(async (g) => twin(await g) as Awaited<typeof g>)),
    ]);
    const samples: [string, string][] = [
      ...Object.entries(SAMPLES).map(([lang, code]) => [lang === 'bash' ? 'shellscript' : lang, code] as [string, string]),
      [
        'python',
        'class Pendulum(Base):\n    @property\n    def period(self) -> float:\n        return 2*pi*sqrt(self.l/G)  # s\n\nprint(f"{x!r:>10}", b"\\x00", 0x1F, 1_000j)',
      ],
      [
        'typescript',
        'export async function* walk<T extends object>(root: T, seen = new Set<T>()): AsyncGenerator<T> {\n  for (const [k, v] of Object.entries(root)) if (typeof v === "object" && !seen.has(v as T)) yield* walk(v as T, seen);\n}\nconst re = /\\p{L}+$/u, tpl = `${a?.b ?? 0}px`;',
      ],
      ['javascript', 'label: for (;;) { break label; } // done\nconst { a = 1, ...rest } = obj, b = a?.[0] ?? void 0;'],
      ['c', '#define MAX(a, b) ((a) > (b) ? (a) : (b))\nstatic const char *s = "tab\\t";\nunsigned long long n = 0xFFull << 2;'],
      ['r', 'f <- \\(x, ...) x |> mean(na.rm = TRUE)\n`odd name` <- 1e-3L; df$col[[2]] %in% c("a", NA_character_)'],
      ['sql', 'WITH t AS (SELECT id, SUM(v) OVER (PARTITION BY g ORDER BY d) AS s FROM x)\nSELECT * FROM t WHERE s > 0 -- ok\nLIMIT 10;'],
      [
        'java',
        '@Override\npublic <T extends Comparable<T>> List<T> sort(final List<T> xs) throws IOException {\n  return xs.stream().sorted().toList(); /* done */\n}',
      ],
      [
        'shellscript',
        'set -euo pipefail\nfor i in $(seq 1 "${N:-3}"); do printf \'%s\\n\' "$((i * 2))" >> out.txt; done\ncat <<EOF\nhere $HOME\nEOF',
      ],
    ];
    // And code nobody would write: random runs of ASCII words, numbers, brackets, quotes and operators.
    let seed = 20261130;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [
      'def',
      'function',
      'class',
      'return',
      'if',
      'x1',
      '_y',
      '$z',
      'SELECT',
      'fi',
      '42',
      '0x1F',
      '3.5e-2',
      ' ',
      '  ',
      '\n',
      '\t',
    ];
    const marks = '()[]{}<>=!+-*/%&|^~?:;,.@#"\'`\\';
    for (let i = 0; i < 25; i++) {
      const code = Array.from({ length: 30 }, () => (random(3) ? pieces[random(pieces.length)] : marks[random(marks.length)])).join('');
      samples.push(
        ...(['python', 'javascript', 'typescript', 'java', 'c', 'r', 'sql', 'shellscript'].map((lang) => [lang, code]) as [
          string,
          string,
        ][]),
      );
    }
    for (const [lang, code] of samples) {
      const tokens = (h: typeof own) => h.codeToTokensBase(code, { lang, theme: 'github-light' });
      expect(tokens(twins), `${lang}: ${JSON.stringify(code)}`).toEqual(tokens(own));
    }
  }, 60_000);
});
