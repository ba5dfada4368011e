#!/usr/bin/env node
/**
 * Writes src/model/fontWidths.ts: the advance widths of the open, metric-compatible
 * fonts LibreOffice draws a deck with (and PowerPoint's fonts they stand in for),
 * regular and bold, as compact data, not font files. Run after changing the fonts or
 * the ranges: `node scripts/font-metrics.mjs` (needs the fonts of
 * scripts/install-libreoffice.sh and the devDependency fontkit).
 *
 * Widths are in thousandths of an em, rounded up (measuring a little wide is the safe
 * side); 0 means the font has no glyph (or one of no width), and the measurer falls back. Each table is a
 * list of runs `start:w,w,w*n,...` over the ranges below; East Asian text gets its own
 * run-length list of `start-end:w` spans, read only when a deck has such text.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');

const TRUETYPE = '/usr/share/fonts/truetype';
const FONTS = [
  { name: 'Carlito', regular: `${TRUETYPE}/crosextra/Carlito-Regular.ttf`, bold: `${TRUETYPE}/crosextra/Carlito-Bold.ttf` },
  { name: 'Caladea', regular: `${TRUETYPE}/crosextra/Caladea-Regular.ttf`, bold: `${TRUETYPE}/crosextra/Caladea-Bold.ttf` },
  {
    name: 'Liberation Sans',
    regular: `${TRUETYPE}/liberation2/LiberationSans-Regular.ttf`,
    bold: `${TRUETYPE}/liberation2/LiberationSans-Bold.ttf`,
  },
  {
    name: 'Liberation Serif',
    regular: `${TRUETYPE}/liberation2/LiberationSerif-Regular.ttf`,
    bold: `${TRUETYPE}/liberation2/LiberationSerif-Bold.ttf`,
  },
  {
    name: 'Liberation Mono',
    regular: `${TRUETYPE}/liberation2/LiberationMono-Regular.ttf`,
    bold: `${TRUETYPE}/liberation2/LiberationMono-Bold.ttf`,
  },
  { name: 'DejaVu Sans', regular: `${TRUETYPE}/dejavu/DejaVuSans.ttf`, bold: `${TRUETYPE}/dejavu/DejaVuSans-Bold.ttf` },
  { name: 'DejaVu Serif', regular: `${TRUETYPE}/dejavu/DejaVuSerif.ttf`, bold: `${TRUETYPE}/dejavu/DejaVuSerif-Bold.ttf` },
  { name: 'DejaVu Sans Mono', regular: `${TRUETYPE}/dejavu/DejaVuSansMono.ttf`, bold: `${TRUETYPE}/dejavu/DejaVuSansMono-Bold.ttf` },
];
const CJK = {
  name: 'Noto Sans CJK',
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  face: 'NotoSansCJKsc-Regular',
  boldFace: 'NotoSansCJKsc-Bold',
};

/** Latin, Greek, Cyrillic, Hebrew, Arabic, punctuation, currency, letterlike symbols, arrows and maths. */
const RANGES = [
  [0x20, 0x24f],
  [0x370, 0x52f],
  [0x590, 0x6ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x22ff],
];
/** CJK punctuation, kana, ideographs, Hangul and full-width forms. */
const CJK_RANGES = [
  [0x3000, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xff00, 0xffef],
];

function open(file, face) {
  const font = fontkit.openSync(file);
  return font.fonts ? (font.fonts.find((f) => f.postscriptName === face) ?? font.fonts[0]) : font;
}

function width(font, cp) {
  if (!font.hasGlyphForCodePoint(cp)) return 0;
  if (ARABIC_LETTER(cp)) return arabicWidth(font, cp);
  // A glyph of no width (a combining mark, a joiner) is left to the measurer's Unicode classes.
  return Math.ceil((font.glyphForCodePoint(cp).advanceWidth * 1000) / font.unitsPerEm);
}

const ARABIC_LETTER = (cp) => (cp >= 0x620 && cp <= 0x64a) || (cp >= 0x671 && cp <= 0x6d3);
const TATWEEL = 0x640;

/**
 * An Arabic letter takes one of four shapes by its neighbours; in running text it
 * is mostly joined on one side or both. Its width is a quarter its shape alone
 * and three quarters the widest of its joined shapes, as the font's own shaping
 * gives them (set against LibreOffice's rendering in tests/languages.render.test.ts).
 */
function arabicWidth(font, cp) {
  const shaped = (codePoints, index) => font.layout(String.fromCodePoint(...codePoints)).positions[index]?.xAdvance ?? 0;
  const joined = Math.max(shaped([cp, TATWEEL], 0), shaped([TATWEEL, cp, TATWEEL], 1), shaped([TATWEEL, cp], 1));
  return Math.ceil(((shaped([cp], 0) + 3 * joined) * 250) / font.unitsPerEm);
}

/** `start:w,w*n,...` runs over `ranges`. */
function table(font) {
  return RANGES.map(([start, end]) => {
    const widths = [];
    for (let cp = start; cp <= end; cp++) widths.push(width(font, cp));
    const out = [];
    for (let i = 0; i < widths.length;) {
      let n = 1;
      while (widths[i + n] === widths[i]) n++;
      out.push(n > 1 ? `${widths[i]}*${n}` : String(widths[i]));
      i += n;
    }
    return `${start.toString(16)}:${out.join(',')}`;
  }).join(';');
}

/** `start-end:w` spans of equal width over the East Asian ranges (hex code points). */
function spans(font) {
  const out = [];
  for (const [start, end] of CJK_RANGES) {
    let from = start;
    for (let cp = start; cp <= end + 1; cp++) {
      if (cp <= end && width(font, cp) === width(font, from)) continue;
      out.push(`${from.toString(16)}-${(cp - 1).toString(16)}:${width(font, from)}`);
      from = cp;
    }
  }
  return out.join(';');
}

/** The line height PowerPoint and LibreOffice give the font at single spacing, in em (hhea ascent + descent + gap). */
function lineHeight(font) {
  const { ascent, descent, lineGap } = font.hhea;
  const win = font['OS/2'] ? font['OS/2'].winAscent + font['OS/2'].winDescent : 0;
  return Math.ceil((Math.max(ascent - descent + lineGap, win) * 1000) / font.unitsPerEm) / 1000;
}

const entries = FONTS.map(({ name, regular, bold }) => {
  const r = open(regular);
  return `  ${JSON.stringify(name)}: {\n    lineHeight: ${lineHeight(r)},\n    regular: ${JSON.stringify(table(r))},\n    bold: ${JSON.stringify(table(open(bold)))},\n  },`;
});
const cjk = open(CJK.regular, CJK.face);
const source = `// Generated by scripts/font-metrics.mjs from the installed fonts; do not edit by hand.

/** A font's advance widths, regular and bold: \`start:w,w*n,...\` runs (hex start, thousandths of an em, 0 = no glyph). */
export interface FontWidths {
  /** Single line spacing, in em. */
  lineHeight: number;
  regular: string;
  bold: string;
}

/** Widths of the open fonts that stand in for PowerPoint's (Carlito for Calibri, Caladea for Cambria, ...). */
export const FONT_WIDTHS: Record<string, FontWidths> = {
${entries.join('\n')}
};

/** ${CJK.name}: \`start-end:w\` spans over CJK punctuation, kana, ideographs, Hangul and full-width forms. */
export const CJK_WIDTHS = {
  name: ${JSON.stringify(CJK.name)},
  lineHeight: ${lineHeight(cjk)},
  regular: ${JSON.stringify(spans(cjk))},
  bold: ${JSON.stringify(spans(open(CJK.bold, CJK.boldFace)))},
};
`;
const target = new URL('../src/model/fontWidths.ts', import.meta.url);
const prettier = await import('prettier');
const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(target)), filepath: target.pathname });
fs.writeFileSync(target, formatted);
console.log(`wrote src/model/fontWidths.ts (${formatted.length} characters)`);
