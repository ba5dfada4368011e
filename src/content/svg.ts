import { createRequire } from 'node:module';
import { fail, type SourcePosition } from '../diagnostics.js';

/** The part of `@resvg/resvg-js` lectern uses. */
interface ResvgModule {
  Resvg: new (
    svg: Uint8Array | string,
    options?: { fitTo?: { mode: 'zoom'; value: number }; font?: { loadSystemFonts?: boolean } },
  ) => { width: number; height: number; render(): { asPng(): Uint8Array } };
}

/** The longest side, in pixels, of a PNG lectern renders from an SVG. */
const MAX_SIDE = 3000;
/** Pixels per inch of the rendering: twice a screen's 96, so the fallback stays sharp on a projector. */
const PIXELS_PER_INCH = 192;

let resvg: ResvgModule | undefined;

/** resvg, loaded the first time a deck has an SVG picture (a native module, not needed otherwise). */
function loadResvg(at: SourcePosition): ResvgModule {
  try {
    resvg ??= withoutNetworkInReports(() => createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);
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
 * Runs `load` with Node's diagnostic reports leaving out the network interfaces. resvg's
 * loader asks for a whole report to tell glibc from musl; without the network, the
 * report takes half the time (5 ms). The setting is put back as it was.
 */
function withoutNetworkInReports<T>(load: () => T): T {
  const report = process.report as { excludeNetwork?: boolean } | undefined;
  if (!report || !('excludeNetwork' in report)) return load();
  const before = report.excludeNetwork;
  report.excludeNetwork = true;
  try {
    return load();
  } finally {
    report.excludeNetwork = before;
  }
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
): Uint8Array {
  const { width, height } = parseSvg(svg, src, at);
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
