import { childElements, descendants, insert, parseXml, root, serializeXml } from '../render/xml.js';

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
