import type { TypesetDisplayMath, TypesetMath } from '../content/blocks.js';
import { fail, type SourcePosition } from '../diagnostics.js';
import { importModule } from '../lazyImport.js';
import { linearMath } from './linearMath.js';
import { mathmlToOmml } from './omml.js';

/** The libraries that typeset an equation: TeX → MathML (temml), MathML → OMML (mathml2omml). */
interface MathLibraries {
  texToMathml(tex: string, display: boolean): string;
  mathmlToOmml(mathml: string): string;
}

/** The library that draws a display equation's picture: MathML → SVG (MathJax). */
interface MathPictures {
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
let pictures: Promise<MathPictures> | undefined;

/** The math libraries, loaded the first time a deck has an equation. */
export function loadMath(): Promise<MathLibraries> {
  libraries ??= Promise.all([
    importModule<{ default: Temml }>('temml'),
    importModule<{ mml2omml(mathml: string): string }>('mathml2omml'),
  ]).then(([temml, { mml2omml }]) => ({
    texToMathml: (tex, display) => temml.default.renderToString(tex, { displayMode: display, xml: true, throwOnError: true }),
    mathmlToOmml: (mathml) => mathmlToOmml(mathml, mml2omml),
  }));
  return libraries;
}

/** MathJax, loaded the first time a deck has a display equation (an inline one has no picture). */
export function loadMathPictures(): Promise<MathPictures> {
  pictures ??= (
    Promise.all([
      importModule('mathjax-full/js/mathjax.js'),
      importModule('mathjax-full/js/input/mathml.js'),
      importModule('mathjax-full/js/output/svg.js'),
      importModule('mathjax-full/js/adaptors/liteAdaptor.js'),
      importModule('mathjax-full/js/handlers/html.js'),
    ]) as Promise<MathJaxModules>
  ).then(([{ mathjax }, { MathML }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }]) => {
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const document = mathjax.document('', { InputJax: new MathML(), OutputJax: new SVG({ fontCache: 'none' }) });
    return { mathmlToSvg: (mathml, display) => adaptor.innerHTML(document.convert(mathml, { display })) };
  });
  return pictures;
}

/** The thousandths of an em in MathJax's SVG `viewBox`. */
const VIEWBOX = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/;

/**
 * Typesets an inline equation: OMML and its plain-text form, which is what programs
 * without equations show of it (no picture, so MathJax has no work). Broken TeX is an
 * error at its place in the deck (`at` is where the TeX starts), with temml's message.
 */
export function typesetMath(tex: string, math: MathLibraries, at: SourcePosition): TypesetMath {
  return converted(tex, false, math, at).typeset;
}

/** Typesets a display equation: OMML, its plain-text form, and its picture (MathJax's SVG) and size. */
export function typesetDisplayMath(tex: string, math: MathLibraries, draw: MathPictures, at: SourcePosition): TypesetDisplayMath {
  const { mathml, typeset } = converted(tex, true, math, at);
  const svg = draw.mathmlToSvg(mathml, true);
  const box = VIEWBOX.exec(svg);
  return {
    ...typeset,
    svg,
    width: box ? Number(box[3]) / 1000 : tex.length * 0.5,
    height: box ? Number(box[4]) / 1000 : 1.2,
  };
}

function converted(tex: string, display: boolean, math: MathLibraries, at: SourcePosition): { mathml: string; typeset: TypesetMath } {
  let mathml: string;
  try {
    mathml = math.texToMathml(tex, display);
  } catch (error) {
    throw texError(error, tex, at);
  }
  return { mathml, typeset: { omml: math.mathmlToOmml(mathml), linear: linearMath(mathml) } };
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
