import render from 'dom-serializer';
import { isText, Text, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { childElements, createElement, descendants, insert, parseXml, remove, root, serializeXml, setText } from '../render/xml.js';

/**
 * MathML (from temml) to OMML through mathml2omml (`convert`), with what
 * mathml2omml leaves out put right:
 * - the text is escaped once more, because mathml2omml decodes the text it reads
 *   and writes it without escaping it again (`a<b`, `x \& y` and `\text{]]>}`
 *   would otherwise break the slide's XML);
 * - an accent (`\hat{x}`, `\vec{v}`) is marked as one, so that it becomes `m:acc`;
 * - brackets that grow with what they hold (`\left( … \right)`, `pmatrix`) become
 *   `m:d`, which mathml2omml writes as two plain characters;
 * - the operand of a large operator (`\sum_{i=1}^n x_i`) goes inside its `m:nary`,
 *   whose empty `m:e` PowerPoint and LibreOffice would draw as an empty box;
 * - the characters LibreOffice would read as its own formula syntax are normal text
 *   (see STARMATH_SYNTAX).
 */
export function mathmlToOmml(mathml: string, convert: (mathml: string) => string): string {
  const doc = parseXml(mathml, 'equation');
  const fences: Fence[] = [];
  for (const element of descendants(root(doc), '*')) {
    if (element.name === 'mover') markAccent(element);
    if (element.name === 'mrow') markFence(element, fences);
    for (const node of element.children) if (isText(node)) node.data = node.data.replace(/&/g, () => '&amp;');
  }
  const omml = parseXml(convert(serializeXml(doc)), 'equation');
  fencesToDelimiters(root(omml), fences);
  operandsIntoOperators(root(omml));
  for (const run of descendants(root(omml), 'm:r')) starMathAsText(run);
  // An overline accent as Word and PowerPoint write it, the combining character.
  for (const chr of descendants(root(omml), 'm:chr'))
    if ((chr.parent as Element | null)?.name === 'm:accPr' && chr.attribs['m:val'] === '‾') chr.attribs['m:val'] = '\u0305';
  return serializeXml(omml);
}

/**
 * temml's accent characters, as mathml2omml knows them. An overline stays `‾` (and
 * becomes the combining overline afterwards): mathml2omml writes its own overline
 * (`¯`, U+0305) as an `m:bar` that is not valid OMML.
 */
const ACCENTS: Record<string, string> = {
  ˆ: '^',
  '‾': '‾',
  '˙': '˙',
  '¨': '¨',
  '~': '~',
  '˜': '~',
  '→': '→',
  '←': '←',
  ˇ: 'ˇ',
  '´': '´',
  '`': '`',
  '˘': '˘',
};

function markAccent(mover: Element): void {
  const [, over] = childElements(mover);
  const text = over?.name === 'mo' && over.children.length === 1 && isText(over.children[0]) ? over.children[0].data : undefined;
  if (text === undefined || !(text in ACCENTS) || over.attribs.stretchy === 'true') return;
  mover.attribs.accent = 'true';
  (over.children[0] as Text).data = ACCENTS[text];
}

/** A pair of growing brackets, by their characters (`''` for none, as in `\left.`). */
interface Fence {
  open: string;
  close: string;
}
/** Stand-ins for a pair's brackets while mathml2omml converts: characters of Unicode's private use area. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Replaces the growing brackets that open and close an `mrow` with the stand-ins, keeping their characters in `fences` (in document order). */
function markFence(mrow: Element, fences: Fence[]): void {
  const children = childElements(mrow);
  const first = children[0];
  const last = children[children.length - 1];
  const isFence = (e: Element | undefined, form: string) =>
    e?.name === 'mo' && e.attribs.fence === 'true' && e.attribs.form === form && e.children.every(isText);
  if (children.length < 2 || !isFence(first, 'prefix') || !isFence(last, 'postfix')) return;
  const text = (e: Element) => e.children.map((c) => (c as Text).data).join('');
  fences.push({ open: text(first), close: text(last) });
  setText(first, OPEN);
  setText(last, CLOSE);
}

/** Each pair of stand-ins in one run of the OMML becomes an `m:d` holding what is between them. */
function fencesToDelimiters(math: Element, fences: Fence[]): void {
  if (fences.length === 0) return;
  for (const run of descendants(math, 'm:r')) splitRun(run);
  const pairs: { open: Element; close: Element; fence: Fence }[] = [];
  const stack: { open: Element; fence: Fence }[] = [];
  let next = 0;
  for (const run of descendants(math, 'm:r')) {
    const text = runText(run);
    if (text === OPEN) stack.push({ open: run, fence: fences[next++] ?? { open: '(', close: ')' } });
    else if (text === CLOSE && stack.length) pairs.push({ ...stack.pop()!, close: run });
  }
  // Inner pairs close first, so each is wrapped before the pair around it.
  for (const { open, close, fence } of pairs) {
    const parent = open.parent;
    if (!parent || parent !== close.parent) {
      setRunText(open, fence.open);
      setRunText(close, fence.close);
      continue;
    }
    const from = parent.children.indexOf(open);
    const to = parent.children.indexOf(close);
    const operand = createElement('m:e');
    for (const node of parent.children.slice(from + 1, to)) insert(operand, node, 'last');
    const properties = createElement('m:dPr');
    insert(properties, createElement('m:begChr', { 'm:val': fence.open }), 'last');
    insert(properties, createElement('m:endChr', { 'm:val': fence.close }), 'last');
    const delimiter = createElement('m:d');
    insert(delimiter, properties, 'last');
    insert(delimiter, operand, 'last');
    parent.children.splice(parent.children.indexOf(open), 2, delimiter);
    delimiter.parent = parent;
    open.parent = close.parent = null;
    relink(parent);
  }
  for (const run of descendants(math, 'm:r')) if (runText(run) === OPEN || runText(run) === CLOSE) setRunText(run, '');
}

/** Splits a run whose text holds a stand-in so that each stand-in is a run of its own. */
function splitRun(run: Element): void {
  const text = runText(run);
  if (text.includes(OPEN) || text.includes(CLOSE)) splitRunAt(run, text.split(/([\uE000\uE001])/).filter(Boolean));
}

/** Replaces a run by one run for each part of its text (XML text, entities and all), each a copy of it. */
function splitRunAt(run: Element, parts: string[]): Element[] {
  if (parts.length < 2) return [run];
  const parent = run.parent!;
  const at = parent.children.indexOf(run);
  const copies = parts.map((part) => {
    const copy = root(parseXml(serializeRun(run), 'equation'));
    setRunText(copy, part, true);
    copy.parent = parent;
    return copy;
  });
  parent.children.splice(at, 1, ...copies);
  relink(parent);
  return copies;
}

/**
 * Characters LibreOffice reads as its own formula syntax when it imports an equation
 * (StarMath: `|` is "or", `&` "and", `#` a column break, `_` and `^` scripts, `"`
 * and `` ` `` quotes and spaces), as they stand in a run's XML text: `|x|` showed as
 * "¿x∨". Marked as normal text (`m:nor`), which LibreOffice takes as it is; they look
 * the same in PowerPoint, which draws them upright in any case.
 */
const STARMATH_SYNTAX = new Set(['|', '#', '_', '^', '`', '"', '&amp;', '&#38;', '&#x26;', '&quot;', '&#34;', '&#x22;']);

function starMathAsText(run: Element): void {
  const text = runText(run);
  if (!/[|#_^`"&]/.test(text)) return;
  // Entities are whole; the characters LibreOffice misreads stand alone, the rest together.
  const parts: string[] = [];
  for (const token of text.split(/(&[#\w]+;|[|#_^`"])/).filter(Boolean)) {
    const last = parts.length - 1;
    if (STARMATH_SYNTAX.has(token) || last < 0 || STARMATH_SYNTAX.has(parts[last])) parts.push(token);
    else parts[last] += token;
  }
  if (!parts.some((part) => STARMATH_SYNTAX.has(part))) return;
  splitRunAt(run, parts).forEach((copy, i) => {
    if (!STARMATH_SYNTAX.has(parts[i])) return;
    childElements(copy, 'm:rPr').forEach(remove);
    const properties = createElement('m:rPr');
    insert(properties, createElement('m:nor'), 'last');
    insert(copy, properties, 'first');
  });
}

/** A run as XML text, to copy it. */
function serializeRun(run: Element): string {
  return render(run, { xmlMode: true, encodeEntities: false });
}

const runText = (run: Element) =>
  childElements(run, 'm:t')[0]
    ?.children.map((c) => (isText(c) ? c.data : ''))
    .join('') ?? '';

/** Sets a run's text: `raw` is already XML text (a part of what the run held), otherwise it is escaped. */
function setRunText(run: Element, text: string, raw = false): void {
  const t = childElements(run, 'm:t')[0];
  if (!t) return;
  if (!raw) return setText(t, text);
  const node = new Text(text);
  node.parent = t;
  t.children = [node];
}

/** The element after a large operator with an empty operand becomes its operand. */
function operandsIntoOperators(math: Element): void {
  for (const nary of descendants(math, 'm:nary')) {
    const operand = childElements(nary, 'm:e')[0];
    if (!operand || childElements(operand).length > 0) continue;
    const siblings = childElements(nary.parent!);
    const next = siblings[siblings.indexOf(nary) + 1];
    if (next) insert(operand, next, 'last');
  }
}

function relink(parent: ParentNode): void {
  parent.children.forEach((child: ChildNode, i) => {
    child.prev = parent.children[i - 1] ?? null;
    child.next = parent.children[i + 1] ?? null;
  });
}
