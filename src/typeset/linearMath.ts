import type { Element } from 'domhandler';
import { isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * An equation's MathML as one line of plain text (`T = 2π√(L/g)`): what programs
 * without equations show, what screen readers read, and what text measurement counts.
 */
export function linearMath(mathml: string): string {
  const doc = parseDocument(mathml, { xmlMode: true });
  return (
    linear(doc.children)
      // MathML's invisible operators: function application is a space (`cos θ`), or nothing before a bracket (`sin(x)`); invisible times, separator and plus are nothing.
      .replace(/\u2061(?=\s*\()/g, '')
      .replace(/\u2061/g, ' ')
      .replace(/[\u2062-\u2064]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** `x` or `(x + 1)`: a part of a fraction or a script, in brackets when it is more than one character. */
const group = (text: string) => ([...text.trim()].length > 1 ? `(${text.trim()})` : text.trim());

/** The characters Unicode has as superscripts and subscripts that every common font draws (`x²`, `θ₀`, `xⁿ`); primes are raised already. */
const SCRIPT = {
  sup: { chars: '0123456789+−=()ni′″', as: '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ′″', mark: '^' },
  sub: { chars: '0123456789+−=()', as: '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎', mark: '_' },
} as const;

/** A script after its base: in raised or lowered characters when Unicode has each of them (`x²`, `x₁₀`), else `x^(2k)`. */
function script(base: string, text: string, kind: keyof typeof SCRIPT): string {
  const { chars, as, mark } = SCRIPT[kind];
  // The spaces around an operator (`n + 1`) are the linear form's, not the script's.
  const characters = [...text.replace(/\s+/g, '')];
  const raised = characters.map((c) => as[chars.indexOf(c)]);
  return characters.length > 0 && raised.every((c) => c !== undefined) ? `${base}${raised.join('')}` : `${base}${mark}${group(text)}`;
}

const ELEMENTS: Record<string, (parts: string[]) => string> = {
  mfrac: ([a, b]) => `${group(a)}/${group(b)}`,
  msqrt: (parts) => `√${group(parts.join(''))}`,
  mroot: ([a, n]) => `${n}√${group(a)}`,
  msup: ([a, b]) => script(a, b, 'sup'),
  msub: ([a, b]) => script(a, b, 'sub'),
  msubsup: ([a, b, c]) => script(script(a, b, 'sub'), c, 'sup'),
  munder: ([a, b]) => `${a}_${group(b)}`,
  mover: ([a, b]) => accented(a, b.trim()) ?? ([...b.trim()].length === 1 && !/\w/.test(b) ? `${a}${b.trim()}` : `${a}^${group(b)}`),
  munderover: ([a, b, c]) => `${a}_${group(b)}^${group(c)}`,
  mtable: (rows) => `[${rows.join('; ')}]`,
  mtr: (cells) => cells.join(', '),
  mo: (parts) => {
    const op = parts.join('');
    return /^[=<>≤≥≠≈→←+−×÷±∓]$/.test(op) ? ` ${op} ` : op;
  },
  mphantom: () => '',
  annotation: () => '',
};

/** Accents as MathML writes them over a letter, and the combining marks that put them on it as text. */
const COMBINING: Record<string, string> = {
  '´': '\u0301',
  '`': '\u0300',
  ˆ: '\u0302',
  '^': '\u0302',
  '˜': '\u0303',
  '~': '\u0303',
  '¯': '\u0304',
  ˉ: '\u0304',
  '˘': '\u0306',
  '˙': '\u0307',
  '¨': '\u0308',
  ˇ: '\u030C',
  '→': '\u20D7',
};

/** A letter under an accent as the accented letter (`\acute{e}`, and `é` in TeX, → é; `\dot{x}` → ẋ). */
function accented(base: string, accent: string): string | undefined {
  const mark = COMBINING[accent];
  return mark && [...base.trim()].length === 1 ? `${base.trim()}${mark}`.normalize('NFC') : undefined;
}

function linear(nodes: ChildNode[]): string {
  const parts = nodes.map((node) => (isText(node) ? node.data : isTag(node) ? element(node) : ''));
  // A fraction right beside another term is bracketed: ½mv² is (1/2)mv², never 1/2mv², which reads as 1/(2mv²).
  return parts
    .map((text, i) => {
      const node = nodes[i];
      const fraction = isTag(node) && node.name.replace(/^.*:/, '') === 'mfrac';
      return fraction && (ENDS_TERM.test(parts[i - 1] ?? '') || STARTS_TERM.test(parts[i + 1] ?? '')) ? `(${text})` : text;
    })
    .join('');
}

/** Text that ends, or starts, with part of a term: a letter, digit, script, bracket or root, not an operator or a space. */
const ENDS_TERM = /[\p{L}\p{N}\p{M})\]′″]$/u;
const STARTS_TERM = /^[\p{L}\p{N}(\[√]/u;

function element(e: Element): string {
  const name = e.name.replace(/^.*:/, '');
  // A space (`9.81\,\text{m}`), unless it is a negative one, which pulls characters together.
  if (name === 'mspace') return (e.attribs.width ?? '').trim().startsWith('-') ? '' : ' ';
  const rule = ELEMENTS[name];
  const children = e.children.filter((c) => isTag(c) || (isText(c) && c.data.trim() !== ''));
  return rule ? rule(children.map((c) => linear([c]))) : linear(e.children);
}
