/**
 * The names of a slide's shapes, as PowerPoint's selection pane (and LibreOffice's
 * navigator) shows them: what the shape is and its number, the way PowerPoint names
 * the shapes it makes ("Title 1", "Text Placeholder 2", "Chart 3", "Equation 4"),
 * rather than pptxgenjs's ("Text 1" for every text, "Chart 0", a table named after
 * its description). The number is the shape's id less one, as in PowerPoint, so
 * that no two shapes of a slide share a name.
 */

/** A placeholder's kind by its `type` (no type is a content placeholder). */
const PLACEHOLDER: Record<string, string> = {
  title: 'Title',
  ctrTitle: 'Title',
  subTitle: 'Subtitle',
  body: 'Text Placeholder',
  obj: 'Content Placeholder',
  dt: 'Date Placeholder',
  ftr: 'Footer Placeholder',
  sldNum: 'Slide Number Placeholder',
  hdr: 'Header Placeholder',
  pic: 'Picture Placeholder',
  chart: 'Chart Placeholder',
  tbl: 'Table Placeholder',
  media: 'Media Placeholder',
  clipArt: 'Clip Art Placeholder',
  dgm: 'SmartArt Placeholder',
};

/** A graphic frame's kind by what it holds (the end of its `a:graphicData` uri). */
const GRAPHIC: Record<string, string> = { chart: 'Chart', table: 'Table', diagram: 'Diagram' };

/** A shape that is neither a placeholder nor text, by its preset geometry. */
const GEOMETRY: Record<string, string> = { rect: 'Rectangle', line: 'Straight Connector', ellipse: 'Oval', roundRect: 'Rounded Rectangle' };

/** A shape's start, and the starts and ends of the fallbacks of alternate content. */
const SHAPE_OR_FALLBACK = /<p:(sp|pic|graphicFrame|cxnSp|grpSp)>|<mc:Fallback>|<\/mc:Fallback>|<mc:AlternateContent\b/g;
const NON_VISUAL = /<p:cNvPr id="(\d+)" name="[^"]*"/g;
/** How far into a shape its `p:cNvPr` can be: after the element that holds it. */
const NON_VISUAL_WITHIN = 100;

/**
 * Names every shape of a slide by its kind and number. A shape in the fallback of
 * `mc:AlternateContent` (an equation's picture, or its text without equations) is the
 * same shape as the one in the choice, to whichever program shows it: it takes that
 * shape's id and name, as PowerPoint writes them.
 */
export function nameShapes(xml: string): string {
  let out = '';
  let from = 0;
  let inFallback = false;
  /** The first shape of the alternate content being read: the one its fallback stands for. */
  let choice: { id: string; name: string } | undefined;
  let alternate = false;
  for (const m of xml.matchAll(SHAPE_OR_FALLBACK)) {
    const at = m.index;
    if (m[0].startsWith('<mc:AlternateContent')) {
      alternate = true;
      choice = undefined;
      continue;
    }
    if (m[0] === '<mc:Fallback>' || m[0] === '</mc:Fallback>') {
      inFallback = m[0] === '<mc:Fallback>';
      if (!inFallback) alternate = false;
      continue;
    }
    NON_VISUAL.lastIndex = at;
    const nv = NON_VISUAL.exec(xml);
    if (!nv || nv.index > at + NON_VISUAL_WITHIN) continue;
    const start = nv.index;
    let id = nv[1];
    let name: string;
    if (inFallback && choice) {
      ({ id, name } = choice);
    } else {
      name = `${shapeKind(xml, at, m[1])} ${Math.max(1, Number(id) - 1)}`;
      if (alternate && !choice) choice = { id, name };
    }
    out += xml.slice(from, start) + `<p:cNvPr id="${id}" name="${name}"`;
    from = start + nv[0].length;
  }
  return out + xml.slice(from);
}

/** What the shape starting at `at` is, in PowerPoint's words. */
function shapeKind(xml: string, at: number, element: string): string {
  const end = xml.indexOf(`</p:${element}>`, at);
  const shape = xml.slice(at, end < 0 ? undefined : end);
  if (element === 'graphicFrame') {
    const uri = /<a:graphicData uri="[^"]*\/(\w+)"/.exec(shape)?.[1] ?? '';
    return GRAPHIC[uri] ?? 'Graphic';
  }
  if (element === 'pic') return 'Picture';
  if (element === 'grpSp') return 'Group';
  if (element === 'cxnSp') return 'Straight Connector';
  // A placeholder first, from the shape's short non-visual part: most of a slide's shapes, and the longest (an equation is never one).
  const placeholder = /<p:ph\b([^>]*)>/.exec(shape.slice(0, shape.indexOf('</p:nvSpPr>')));
  if (placeholder) return PLACEHOLDER[/\stype="(\w+)"/.exec(placeholder[1])?.[1] ?? 'obj'] ?? 'Placeholder';
  if (shape.includes('<m:oMathPara')) return 'Equation';
  if (shape.includes('<p:txBody>') && /<a:t[ >]/.test(shape)) return 'TextBox';
  return GEOMETRY[/<a:prstGeom prst="(\w+)"/.exec(shape)?.[1] ?? ''] ?? 'Shape';
}
