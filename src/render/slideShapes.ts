/**
 * Where each shape of a slide's XML starts, at its `p:cNvPr`, in the order the shapes
 * were written: the shape tree's own group properties are left out, and so is the
 * fallback of a shape in `mc:AlternateContent` (an equation's picture or plain text),
 * which is the same shape for programs that cannot show the first.
 */
export function shapeStarts(xml: string): number[] {
  const tree = xml.indexOf('<p:spTree>');
  if (tree < 0) return [];
  const starts: number[] = [];
  let fallbackEnd = -1;
  for (const m of xml.slice(tree).matchAll(/<p:cNvPr |<mc:Fallback>/g)) {
    const at = tree + m.index;
    if (m[0] === '<mc:Fallback>') fallbackEnd = xml.indexOf('</mc:Fallback>', at);
    else if (at > fallbackEnd) starts.push(at);
  }
  return starts.slice(1);
}
