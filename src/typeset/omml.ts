import { isText } from 'domhandler';
import { childElements, descendants, insert, parseXml, root, serializeXml } from '../render/xml.js';

/**
 * MathML whose text is escaped once more, for mathml2omml, which decodes the
 * text it reads and writes it into OMML without escaping it again: `a<b`, `x \& y`
 * and `\text{]]>}` would otherwise break the slide's XML.
 */
export function forMathml2omml(mathml: string): string {
  const doc = parseXml(mathml, 'equation');
  for (const element of descendants(root(doc), '*')) {
    for (const node of element.children) if (isText(node)) node.data = node.data.replace(/&/g, () => '&amp;');
  }
  return serializeXml(doc);
}

/**
 * Corrects what mathml2omml writes for a large operator: it leaves the operand
 * of `\sum_{i=1}^n x_i` outside the `m:nary`, whose empty `m:e` PowerPoint and
 * LibreOffice then draw as an empty box. The element after the operator becomes its operand.
 */
export function fixOmml(omml: string): string {
  const doc = parseXml(omml, 'equation');
  let changed = false;
  for (const nary of descendants(root(doc), 'm:nary')) {
    const operand = childElements(nary, 'm:e')[0];
    if (!operand || childElements(operand).length > 0) continue;
    const siblings = childElements(nary.parent!);
    const next = siblings[siblings.indexOf(nary) + 1];
    if (!next) continue;
    insert(operand, next, 'last');
    changed = true;
  }
  return changed ? serializeXml(doc) : omml;
}
