import type { DirectiveBlock } from '../content/blocks.js';
import type { FrontMatter } from '../content/source.js';
import { MARP_LOCAL } from '../content/dialects/commentDirectives.js';
import { runsText } from '../content/blocks.js';
import { inlineMarkdownRuns } from '../content/markdown.js';

/** A header or footer written in Markdown (`'**bold** _italic_'`), as the text it shows. */
function plainInline(markdown: string): string {
  return runsText(inlineMarkdownRuns(markdown));
}

/** What Marp's local directives make of one slide. */
export interface SlideLook {
  /** Marp's `class`: `lead` makes a title-like slide. */
  className?: string;
  slideNumber?: boolean;
  header?: string;
  footer?: string;
  /** Hex colours without `#`. */
  background?: string;
  color?: string;
  /** A `backgroundImage: url(x.png)`'s picture. */
  backgroundImage?: string;
}

type LocalName = (typeof MARP_LOCAL)[number];

/** The CSS colour names a teacher is likely to write; others are given as hex. */
const CSS_COLORS: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  blue: '0000FF',
  yellow: 'FFFF00',
  orange: 'FFA500',
  purple: '800080',
  gray: '808080',
  grey: '808080',
  navy: '000080',
  teal: '008080',
  maroon: '800000',
  silver: 'C0C0C0',
  lightgray: 'D3D3D3',
  darkgray: 'A9A9A9',
  aqua: '00FFFF',
  fuchsia: 'FF00FF',
  lime: '00FF00',
  olive: '808000',
};

/** A CSS colour as six hex digits: `#abc`, `#aabbcc` or a common name; undefined for anything else (gradients). */
export function cssColor(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v)?.[1];
  if (hex) return (hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex).toUpperCase();
  return CSS_COLORS[v];
}

/** Reports a directive value lectern cannot use, at its line. */
export type LookWarn = (rule: string, message: string, line: number) => void;

/**
 * Marp's local directives from slide to slide: one set in the front matter or
 * a comment holds from its slide on; with a `_` before it, on its own slide only.
 */
export class SlideDirectives {
  private readonly held = new Map<LocalName, string>();

  /** The directives set on the slide being read (or in the front matter, for the first): those are reported. */
  private fresh = new Set<string>();

  constructor(
    frontMatter: FrontMatter,
    footer: string | undefined,
    marp: boolean,
    private readonly warn: LookWarn,
  ) {
    this.spotFromFrontMatter = new Map();
    if (!marp) return;
    // A Marp deck shows slide numbers only when it asks for them; its footer may change from slide to slide.
    this.held.set('paginate', String(frontMatter.paginate ?? false));
    if (footer !== undefined) this.held.set('footer', footer);
    for (const name of MARP_LOCAL) {
      if (name === 'paginate' || name === 'footer') continue;
      const value = frontMatter[name];
      if (value !== undefined && value !== null) this.held.set(name, String(value));
      const spot = frontMatter[`_${name}`];
      if (spot !== undefined && spot !== null) this.spotFromFrontMatter.set(name, String(spot));
    }
    if (frontMatter._paginate !== undefined) this.spotFromFrontMatter.set('paginate', String(frontMatter._paginate));
    this.fresh = new Set([...this.held.keys(), ...this.spotFromFrontMatter.keys()]);
  }

  /** The first slide's spot directives, written in the front matter. */
  private spotFromFrontMatter: Map<LocalName, string>;

  /** The look of the next slide, given the directives written on it. */
  next(directives: DirectiveBlock[]): SlideLook {
    const values = new Map(this.held);
    for (const [name, value] of this.spotFromFrontMatter) values.set(name, value);
    this.spotFromFrontMatter = new Map();
    const lines = new Map<string, number>();
    for (const d of directives) {
      const spot = d.name.startsWith('_');
      const name = (spot ? d.name.slice(1) : d.name) as LocalName;
      if (!(MARP_LOCAL as readonly string[]).includes(name)) continue;
      values.set(name, d.value);
      lines.set(name, d.line);
      this.fresh.add(name);
      if (!spot) this.held.set(name, d.value);
    }
    const look = this.look(values, (name) => lines.get(name) ?? 1);
    this.fresh = new Set();
    return look;
  }

  private look(values: Map<LocalName, string>, at: (name: string) => number): SlideLook {
    const look: SlideLook = {};
    const lineOf = at;
    const warn: LookWarn = (rule, message, line) => {
      if (this.fresh.has(current)) this.warn(rule, message, line);
    };
    let current = '';
    for (const [name, value] of values) {
      current = name;
      switch (name) {
        case 'paginate':
          look.slideNumber = value === 'true' || value === 'hold';
          break;
        case 'header':
          if (value) look.header = plainInline(value);
          break;
        case 'footer':
          look.footer = plainInline(value);
          break;
        case 'class':
          look.className = value;
          if (value !== 'lead') {
            warn(
              'dialect/marp-directive',
              `lectern draws Marp's class "lead" (a title slide), not "${value}"; the slide is drawn without it`,
              lineOf(name),
            );
          }
          break;
        case 'backgroundColor':
        case 'color': {
          const hex = cssColor(value);
          if (hex) look[name === 'color' ? 'color' : 'background'] = hex;
          else
            warn(
              'dialect/marp-color',
              `lectern cannot draw the colour "${value}" (write a name such as "navy" or a hex colour such as "#1F4E79")`,
              lineOf(name),
            );
          break;
        }
        case 'backgroundImage': {
          const url = /^url\(\s*["']?([^"')]+)["']?\s*\)$/.exec(value.trim())?.[1];
          if (url) look.backgroundImage = url;
          else
            warn('dialect/marp-background', `lectern draws a background picture, written url(picture.png), not "${value}"`, lineOf(name));
          break;
        }
        default:
          warn(
            'dialect/marp-directive',
            `lectern does not use Marp's "${name}" directive ("${value}"); the slide is drawn without it`,
            lineOf(name),
          );
      }
    }
    return look;
  }
}
