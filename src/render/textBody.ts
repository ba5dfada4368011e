import type { Run } from '../content/blocks.js';
import { INDENT_PER_LEVEL, INSET, PARAGRAPH_SPACING, paragraphScale } from '../model/measure.js';
import type { Paragraph, TextElement } from '../model/types.js';
import { CODE_LINE_HEIGHT } from '../model/mathCodeMeasure.js';
import { inlineMathXml } from './mathXml.js';
import { escapeXml } from './xml.js';
import { emu } from './emu.js';

/** What a text body is written with: the deck's language, and the look of its text. */
export interface TextLook {
  lang: string;
  font: string;
  color: string;
  /** In a layout's placeholder, which gives the font and colour of its first level. */
  placeholder: boolean;
  /** In a PowerPoint template file's placeholder, which gives the font and colour of every level. */
  inherit?: boolean;
  /** ... and the bullets and indents of every list level. */
  inheritBullets?: boolean;
  headingFont: string;
  codeFont: string;
  mutedColor: string;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Right to left: paragraphs say rtl="1" (bullets on the right), start on the right, and every run names its fonts, `cs` too. */
  rtl: boolean;
  /** Gives the relationship id of a hyperlink to `url` on this slide. */
  link(url: string): string;
  /** Write equations as their plain-text form, for programs without equations (the shape's `mc:Fallback`). */
  mathAsText?: boolean;
}

/** Whether a text element holds an inline equation, and so needs a fallback for programs without equations. */
export function hasMath(e: TextElement): boolean {
  return e.paragraphs.some((p) => p.runs.some((r) => r.math?.typeset));
}

/** Width of a monospace character, as a share of the font size (Consolas, Liberation Mono). */
const MONO_EM = 0.55;

const ALIGN = { left: 'l', center: 'ctr', right: 'r', justify: 'just' } as const;
/** An alignment seen from the other side: what left means in right-to-left text. */
export const MIRRORED = { left: 'right', center: 'center', right: 'left', justify: 'justify' } as const;

/**
 * The DrawingML text body (`p:txBody`) of a text element: lectern writes it itself
 * rather than through pptxgenjs, whose per-run option merging is most of the cost
 * of a big deck and repeats the font and colour on every run. In a placeholder the
 * runs of the first level inherit those from the layout, as in a deck made in PowerPoint.
 */
export function textBodyXml(e: TextElement, look: TextLook): string {
  const body =
    `<a:bodyPr wrap="square" lIns="${emu(INSET.x)}" tIns="${emu(INSET.y)}" rIns="${emu(INSET.x)}" bIns="${emu(INSET.y)}" ` +
    'rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>';
  // Every item of a numbered list names the list's first number: PowerPoint numbers on
  // through paragraphs whose numbering is the same, and starts again where it changes.
  const starts: number[] = [];
  const paragraphs = e.paragraphs.map((p) => {
    if (p.bullet === 'number' && p.numberFrom !== undefined) starts[p.level] = p.numberFrom;
    if (!p.bullet) starts.length = 0;
    return paragraphXml(p, e.fontSize, starts[p.level] ?? 1, look);
  });
  return `<p:txBody>${body}${paragraphs.join('')}</p:txBody>`;
}

function paragraphXml(p: Paragraph, baseSize: number, listStart: number, look: TextLook): string {
  const size = Math.round(baseSize * paragraphScale(p) * 2) / 2;
  // In right-to-left text, the side a paragraph starts on is the right; code reads left to right in any deck.
  const rtl = look.rtl && p.style !== 'code';
  const align = `algn="${ALIGN[rtl ? MIRRORED[look.align] : look.align]}"${rtl ? ' rtl="1"' : ''}`;
  // No space before (a layout's list style may give some, which lectern does not measure); the measured space after.
  const spacing = `<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts val="${Math.round(size * PARAGRAPH_SPACING) * 100}"/></a:spcAft>`;
  let properties: string;
  if (p.style === 'code' && p.hanging !== undefined) {
    // A code line: exact line spacing, no space between lines, and a long line wraps under its own indent.
    const hang = emu((p.hanging * size * MONO_EM) / 72);
    properties =
      `<a:pPr algn="l" marL="${hang}" indent="${-hang}"><a:lnSpc><a:spcPts val="${Math.round(size * CODE_LINE_HEIGHT * 100)}"/></a:lnSpc>` +
      '<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft><a:buNone/></a:pPr>';
  } else if (p.bullet && look.inheritBullets) {
    const level = p.level > 1 ? ` lvl="${p.level - 1}"` : '';
    const number = p.bullet === 'number' ? `<a:buAutoNum type="arabicPeriod"${startAt(listStart)}/>` : '';
    properties = `<a:pPr${level}${rtl ? ` ${align}` : ''}>${number}</a:pPr>`;
  } else if (p.bullet) {
    const step = emu(INDENT_PER_LEVEL);
    const level = p.level - 1;
    const marker =
      p.bullet === 'number'
        ? `<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"${startAt(listStart)}/>`
        : '<a:buChar char="•"/>';
    properties =
      `<a:pPr ${align} marL="${step * (level + 1)}" indent="-${step}"${level > 0 ? ` lvl="${level}"` : ''}>` +
      `${spacing}<a:buSzPct val="100000"/>${marker}</a:pPr>`;
  } else {
    // In a template file's placeholder the alignment is the placeholder's, unless the text runs right to left.
    properties = `<a:pPr${look.inherit && !rtl ? '' : ` ${align}`} marL="0" indent="0">${spacing}<a:buNone/></a:pPr>`;
  }
  // A placeholder's layout styles its first level only; deeper list items say their font and colour.
  const inherits = look.inherit || (look.placeholder && p.level <= 1 && !look.rtl);
  const style = {
    size,
    font: p.style === 'heading' ? look.headingFont : inherits ? undefined : look.font,
    color: p.style === 'caption' ? look.mutedColor : inherits ? undefined : look.color,
  };
  const runs = p.runs.map((r) => (r.break ? '<a:br/>' : '') + runXml(r, style, look)).join('');
  return `<a:p>${properties}${runs}<a:endParaRPr lang="${escapedOnce(look.lang)}" sz="${size * 100}" dirty="0"/></a:p>`;
}

/** `startAt` for a list's first number, which PowerPoint allows from 1 to 32767 (1 is the default). */
function startAt(n: number): string {
  return Number.isInteger(n) && n > 1 && n <= 32767 ? ` startAt="${n}"` : '';
}

/** How far `<sub>` and `<sup>` text moves, in thousandths of a percent of the font size (PowerPoint's own values). */
const BASELINE = { sub: -25000, sup: 30000 } as const;
/** The highlighter of `<mark>`, and the text colour that reads on it on any template. */
export const HIGHLIGHT = { fill: 'FFFF00', text: '000000' } as const;

/** A deck's language and fonts, escaped once each: a big deck writes them on thousands of runs. */
const escaped = new Map<string, string>();
function escapedOnce(text: string): string {
  let xml = escaped.get(text);
  if (xml === undefined) escaped.set(text, (xml = escapeXml(text)));
  return xml;
}

/** A font as a run's `a:latin`, `a:ea` and `a:cs`. */
function fontXml(font: string): string {
  const face = escapedOnce(font);
  return `<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/>`;
}

function runXml(r: Run, style: { size: number; font?: string; color?: string }, look: TextLook): string {
  if (r.math?.typeset && !look.mathAsText)
    return inlineMathXml(r.math.typeset, { size: style.size, color: style.color ?? look.color, lang: look.lang });
  const font = r.code ? look.codeFont : style.font;
  const color = r.highlight ? HIGHLIGHT.text : (r.color ?? style.color);
  const attributes =
    `lang="${escapedOnce(look.lang)}" sz="${style.size * 100}"` +
    (r.bold ? ' b="1"' : '') +
    (r.italic ? ' i="1"' : '') +
    (r.link || r.underline ? ' u="sng"' : '') +
    (r.strike ? ' strike="sngStrike"' : '') +
    (r.baseline ? ` baseline="${BASELINE[r.baseline]}"` : '') +
    ' dirty="0"';
  const children =
    (color ? `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` : '') +
    (r.highlight ? `<a:highlight><a:srgbClr val="${HIGHLIGHT.fill}"/></a:highlight>` : '') +
    (font ? fontXml(font) : '') +
    (r.link ? `<a:hlinkClick r:id="${look.link(r.link)}"/>` : '');
  const properties = children ? `<a:rPr ${attributes}>${children}</a:rPr>` : `<a:rPr ${attributes}/>`;
  if (!r.text.includes('\n')) return `<a:r>${properties}<a:t>${escapeXml(r.text)}</a:t></a:r>`;
  // A line break in the text (a code block's lines) is a DrawingML break, not a character LibreOffice sets as its own.
  return r.text
    .split('\n')
    .map((line) => `<a:r>${properties}<a:t>${escapeXml(line)}</a:t></a:r>`)
    .join(`<a:br>${properties}</a:br>`);
}
