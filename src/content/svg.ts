import { createRequire } from 'node:module';
import { fail, type SourcePosition } from '../diagnostics.js';

/** resvg's options, as far as lectern uses them. */
interface ResvgOptions {
  fitTo?: { mode: 'zoom'; value: number };
  font?: { loadSystemFonts?: boolean };
}

/** The part of `@resvg/resvg-js` lectern uses. */
interface ResvgModule {
  Resvg: new (svg: Uint8Array | string, options?: ResvgOptions) => { width: number; height: number; render(): { asPng(): Uint8Array } };
}

/** The longest side, in pixels, of a PNG lectern renders from an SVG. */
const MAX_SIDE = 3000;
/** Pixels per inch of the rendering: twice a screen's 96, so the fallback stays sharp on a projector. */
const PIXELS_PER_INCH = 192;

let resvg: ResvgModule | undefined;

/** resvg, loaded the first time a deck has an SVG picture or a display equation (a native module, not needed otherwise). */
function loadResvg(at: SourcePosition): ResvgModule {
  try {
    resvg ??= glibcResvg() ?? (createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);
    return resvg;
  } catch (error) {
    throw fail(
      'image/svg',
      `SVG pictures need the @resvg/resvg-js package, which cannot be loaded here (${(error as Error).message.split('\n')[0]}); save the picture as PNG instead`,
      at,
    );
  }
}

/**
 * On Linux, resvg's glibc build, loaded directly; undefined where there is none (musl,
 * or another architecture's install). resvg's own loader asks Node for a whole
 * diagnostic report to tell glibc from musl, which takes 5 ms. Its class is given its
 * options as resvg's wrapper gives them (as JSON).
 */
function glibcResvg(): ResvgModule | undefined {
  if (process.platform !== 'linux') return undefined;
  let native: { Resvg: new (svg: Uint8Array | string, options?: string) => InstanceType<ResvgModule['Resvg']> };
  try {
    const fromResvg = createRequire(createRequire(import.meta.url).resolve('@resvg/resvg-js'));
    native = fromResvg(`@resvg/resvg-js-linux-${process.arch}-gnu`);
  } catch {
    return undefined;
  }
  return {
    Resvg: class extends native.Resvg {
      constructor(svg: Uint8Array | string, options?: ResvgOptions) {
        super(svg, JSON.stringify(options));
      }
    },
  };
}

/** Checks that `svg` is an SVG picture resvg can draw; a broken one is an error at `at`. */
export function checkSvg(svg: Uint8Array, src: string, at: SourcePosition): void {
  parseSvg(svg, src, at);
}

/**
 * Renders `svg` as the PNG PowerPoint shows where it cannot draw SVG (and which
 * other programs read): at 192 pixels per inch of the `width` × `height` inches
 * it is placed at, its longest side at most 3000 pixels.
 */
export function svgToPng(
  svg: Uint8Array,
  size: { width: number; height: number },
  src: string,
  at: SourcePosition,
  /** Whether the picture has text to draw with the computer's fonts (loading them is most of a small picture's cost). */
  systemFonts = true,
  /** The picture's own size in pixels, when the caller knows it (else resvg reads the picture twice). */
  { width, height }: { width: number; height: number } = parseSvg(svg, src, at),
): Uint8Array {
  const wanted = Math.min((size.width * PIXELS_PER_INCH) / width, (size.height * PIXELS_PER_INCH) / height);
  const zoom = Math.min(wanted, MAX_SIDE / Math.max(width, height));
  try {
    return new (loadResvg(at).Resvg)(svg, { fitTo: { mode: 'zoom', value: zoom }, font: { loadSystemFonts: systemFonts } })
      .render()
      .asPng();
  } catch (error) {
    throw fail('image/svg', `the SVG picture "${src}" could not be drawn: ${(error as Error).message.split('\n')[0]}`, at);
  }
}

function parseSvg(svg: Uint8Array, src: string, at: SourcePosition): { width: number; height: number } {
  const { Resvg } = loadResvg(at);
  let size: { width: number; height: number };
  try {
    const tree = new Resvg(svg, { font: { loadSystemFonts: false } });
    size = { width: tree.width, height: tree.height };
  } catch (error) {
    const reason = (error as Error).message.replace(/^SVG data parsing failed cause /, '').split('\n')[0];
    throw fail('image/svg', `"${src}" is not an SVG picture lectern can draw: ${reason}`, at);
  }
  if (!(size.width > 0 && size.height > 0)) throw fail('image/svg', `the SVG picture "${src}" has no size to draw`, at);
  return size;
}
