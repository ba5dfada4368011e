import type { TypesetMath } from '../content/blocks.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { importModule } from '../lazyImport.js';
import { linearMath } from './linearMath.js';
import { mathmlToOmml } from './omml.js';

/** The libraries that typeset an equation: TeX → MathML (temml), MathML → OMML (mathml2omml), MathML → SVG (MathJax). */
interface MathLibraries {
  texToMathml(tex: string, display: boolean): string;
  mathmlToOmml(mathml: string): string;
  mathmlToSvg(mathml: string, display: boolean): string;
}

interface Temml {
  renderToString(tex: string, options: { displayMode: boolean; xml: boolean; throwOnError: boolean; annotate?: boolean }): string;
}
type MathJaxModules = [
  { mathjax: { document(html: string, options: object): { convert(math: string, options: object): unknown } } },
  { MathML: new () => object },
  { SVG: new (options: object) => object },
  { liteAdaptor(): { innerHTML(node: unknown): string } },
  { RegisterHTMLHandler(adaptor: object): void },
];

let libraries: Promise<MathLibraries> | undefined;

/** The math libraries, loaded the first time a deck has an equation. */
export function loadMath(): Promise<MathLibraries> {
  libraries ??= Promise.all([
    importModule<{ default: Temml }>('temml'),
    importModule<{ mml2omml(mathml: string): string }>('mathml2omml'),
    Promise.all([
      importModule('mathjax-full/js/mathjax.js'),
      importModule('mathjax-full/js/input/mathml.js'),
      importModule('mathjax-full/js/output/svg.js'),
      importModule('mathjax-full/js/adaptors/liteAdaptor.js'),
      importModule('mathjax-full/js/handlers/html.js'),
    ]) as Promise<MathJaxModules>,
  ]).then(([temml, { mml2omml }, [{ mathjax }, { MathML }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }]]) => {
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const document = mathjax.document('', { InputJax: new MathML(), OutputJax: new SVG({ fontCache: 'none' }) });
    return {
      texToMathml: (tex, display) => temml.default.renderToString(tex, { displayMode: display, xml: true, throwOnError: true }),
      mathmlToOmml: (mathml) => mathmlToOmml(mathml, mml2omml),
      mathmlToSvg: (mathml, display) => adaptor.innerHTML(document.convert(mathml, { display })),
    };
  });
  return libraries;
}

/** The thousandths of an em in MathJax's SVG `viewBox`. */
const VIEWBOX = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/;

/**
 * Typesets one equation. Broken TeX is an error at its place in the deck
 * (`at` is where the TeX starts), with temml's message.
 */
export function typesetMath(tex: string, display: boolean, math: MathLibraries, at: SourcePosition): TypesetMath {
  let mathml: string;
  try {
    mathml = math.texToMathml(tex, display);
  } catch (error) {
    throw texError(error, tex, at);
  }
  const svg = math.mathmlToSvg(mathml, display);
  const box = VIEWBOX.exec(svg);
  return {
    omml: math.mathmlToOmml(mathml),
    svg,
    width: box ? Number(box[3]) / 1000 : tex.length * 0.5,
    height: box ? Number(box[4]) / 1000 : 1.2,
    linear: linearMath(mathml),
  };
}

/** temml's message, at the line and column of the TeX where it went wrong. */
function texError(error: unknown, tex: string, at: SourcePosition) {
  const message = error instanceof Error ? error.message : String(error);
  const position = (error as { position?: number }).position;
  const reason = message
    .replace(/^\s*(Temml|KaTeX) parse error:\s*/i, '')
    .replace(/\s+at (end of input|position \d+):[\s\S]*$/, '')
    .trim();
  let place = at;
  if (typeof position === 'number' && at.line !== undefined) {
    const before = tex.slice(0, position).split('\n');
    place = {
      ...at,
      line: at.line + before.length - 1,
      column: before.length === 1 ? (at.column ?? 1) + position : before[before.length - 1].length + 1,
    };
  }
  return fail('math/tex', `the equation $${tex}$ is not valid TeX: ${reason}; fix it, or write \\$ for a dollar sign`, place);
}
