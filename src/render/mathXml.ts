import type { TypesetMath } from '../content/blocks.js';
import { childElements, descendants, escapeXml, parseXml, root, serializeXml, type Element } from './xml.js';
import { emu } from './emu.js';

/**
 * Equations as PowerPoint writes them: OMML inside `a14:m`, in a shape wrapped in
 * `mc:AlternateContent` whose `mc:Choice` needs the Office 2010 drawing extensions
 * (PowerPoint 2010 and later; LibreOffice too for a display equation, see
 * MATH_CHOICE) and whose `mc:Fallback` is what other programs show.
 */
const NAMESPACE = {
  a14: 'http://schemas.microsoft.com/office/drawing/2010/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
} as const;

/** The look of an equation's text: its size in points, colour (RRGGBB, or inherited) and language. */
export interface MathLook {
  size: number;
  color?: string;
  lang: string;
}

/** An inline equation, for a paragraph of a text body: `a14:m` holding `m:oMath`. */
export function inlineMathXml(math: TypesetMath, look: MathLook): string {
  return `<a14:m>${styledOmml(math.omml, look)}</a14:m>`;
}

/** A display equation: a paragraph holding only the equation, centred. */
export function displayMathParagraphXml(math: TypesetMath, look: MathLook): string {
  return (
    `<a:p><a:pPr algn="ctr"><a:buNone/></a:pPr><a14:m><m:oMathPara xmlns:m="${NAMESPACE.m}"><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>` +
    `${styledOmml(math.omml, look)}</m:oMathPara></a14:m>${endParagraph(look)}</a:p>`
  );
}

/** The paragraph's end, in the equation's size and colour (which LibreOffice gives the equation it draws). */
function endParagraph(look: MathLook): string {
  const attributes = `lang="${escapeXml(look.lang)}" sz="${Math.round(look.size * 100)}" dirty="0"`;
  return look.color
    ? `<a:endParaRPr ${attributes}><a:solidFill><a:srgbClr val="${escapeXml(look.color)}"/></a:solidFill></a:endParaRPr>`
    : `<a:endParaRPr ${attributes}/>`;
}

/**
 * Who takes an equation shape's `mc:Choice`. `Requires` names namespaces by a prefix, and
 * LibreOffice (7.x) takes a Choice by the prefix's spelling: it takes `a14` (and then draws
 * an equation only in a shape of its own, dropping one among text or in a table cell) but
 * no other prefix. Office reads the prefix as the namespace it stands for, so a second
 * prefix for the same namespace (`a14m`) keeps PowerPoint's native equation while
 * LibreOffice, Keynote and Google Slides take the fallback.
 */
export const MATH_CHOICE = {
  /** A display equation in a shape of its own: PowerPoint and LibreOffice draw it natively. */
  everyEquationProgram: 'a14',
  /** Equations among text or in a table: PowerPoint draws them natively, LibreOffice shows the fallback. */
  powerPointOnly: 'a14m',
} as const;

/** A shape (or anything in a shape tree) whose `choice` uses equations, with the `fallback` the programs `requires` leaves out show. */
export function alternateContentXml(choice: string, fallback: string, requires: (typeof MATH_CHOICE)[keyof typeof MATH_CHOICE]): string {
  const alias = requires === 'a14' ? '' : ` xmlns:${requires}="${NAMESPACE.a14}"`;
  return (
    `<mc:AlternateContent xmlns:mc="${NAMESPACE.mc}"><mc:Choice xmlns:a14="${NAMESPACE.a14}"${alias} Requires="${requires}">${choice}</mc:Choice>` +
    `<mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`
  );
}

/**
 * The picture of a display equation, for the fallback of its shape: the package's
 * picture by relationship `id`, described by `description` (its plain text), in
 * `box` (inches). Its id and name are the shape's (src/render/shapeNames.ts).
 */
export function equationPictureXml(id: string, description: string, box: { x: number; y: number; w: number; h: number }): string {
  return (
    `<p:pic><p:nvPicPr><p:cNvPr id="1" name="Equation" descr="${escapeXml(description)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
    `<p:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr><a:xfrm><a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
  );
}

/**
 * The `m:oMath` of an equation with DrawingML run properties on each of its runs,
 * as PowerPoint writes them: Cambria Math, the text's size and colour.
 */
function styledOmml(omml: string, look: MathLook): string {
  // An equation written again in the same look (on every slide, say) is styled once.
  const key = `${look.size} ${look.color ?? ''} ${look.lang} ${omml}`;
  let styled = styledEquations.get(key);
  if (styled === undefined) {
    styled = styleOmml(omml, look);
    styledEquations.set(key, styled);
  }
  return styled;
}

const styledEquations = new Map<string, string>();

function styleOmml(omml: string, look: MathLook): string {
  const doc = parseXml(omml, 'equation');
  const properties =
    `<a:rPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" lang="${escapeXml(look.lang)}" sz="${Math.round(look.size * 100)}" dirty="0">` +
    (look.color ? `<a:solidFill><a:srgbClr val="${escapeXml(look.color)}"/></a:solidFill>` : '') +
    '<a:latin typeface="Cambria Math"/><a:cs typeface="Cambria Math"/></a:rPr>';
  for (const run of descendants(root(doc), 'm:r')) {
    const rPr = root(parseXml(properties, 'run properties'));
    rPr.attribs = { ...rPr.attribs };
    delete rPr.attribs['xmlns:a'];
    const at = childElements(run, 'm:rPr').length > 0 ? run.children.indexOf(childElements(run, 'm:rPr')[0]) + 1 : 0;
    run.children.splice(at, 0, rPr);
    rPr.parent = run;
    relink(run);
  }
  return serializeXml(doc);
}

function relink(parent: Element): void {
  parent.children.forEach((child, i) => {
    child.prev = parent.children[i - 1] ?? null;
    child.next = parent.children[i + 1] ?? null;
  });
}
