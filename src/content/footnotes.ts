import { fencedLines } from './slides.js';

/** A footnote's definition, `[^label]: text`, wherever in the deck it is written. */
export interface FootnoteDefinition {
  label: string;
  /** Its text, as inline Markdown. */
  markdown: string;
  /** 1-based line of the deck file. */
  line: number;
  /** Its number on the slides: the order in which the deck first refers to it. */
  number?: number;
}

/** The footnotes of a deck, numbered as the slides refer to them. */
export class Footnotes {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  /** Definitions of a label already defined, which the first one overrides. */
  readonly duplicates: FootnoteDefinition[] = [];
  private count = 0;

  add(definition: FootnoteDefinition): void {
    if (this.definitions.has(definition.label)) this.duplicates.push(definition);
    else this.definitions.set(definition.label, definition);
  }

  get(label: string): FootnoteDefinition | undefined {
    return this.definitions.get(label);
  }

  /** The number of the footnote `label`, given on first reference; undefined when the deck defines none. */
  refer(label: string): number | undefined {
    const definition = this.definitions.get(label);
    if (definition) definition.number ??= ++this.count;
    return definition?.number;
  }

  /** The definitions no slide refers to. */
  unused(): FootnoteDefinition[] {
    return [...this.definitions.values()].filter((d) => d.number === undefined);
  }
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const CONTINUATION = /^(?: {4}|\t)\s*(\S.*)$/;

/**
 * Takes the footnote definitions (`[^label]: text`, with lines indented under
 * it) out of the expanded body, outside code fences. Their lines are left
 * blank, so that every other line keeps its place. `lineOf(i)` is the deck
 * line of body line i.
 */
export function takeFootnotes(text: string, lineOf: (index: number) => number): { text: string; footnotes: Footnotes } {
  const footnotes = new Footnotes();
  if (!text.includes('[^')) return { text, footnotes };
  const lines = text.split('\n');
  const fenced = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const m = fenced[i] ? null : DEFINITION.exec(lines[i]);
    if (!m) continue;
    const parts = [m[2].trim()];
    const line = lineOf(i);
    lines[i] = '';
    for (let next = CONTINUATION.exec(lines[i + 1] ?? ''); next && !fenced[i + 1]; next = CONTINUATION.exec(lines[i + 1] ?? '')) {
      parts.push(next[1].trim());
      lines[++i] = '';
    }
    footnotes.add({ label: m[1], markdown: parts.filter(Boolean).join(' '), line });
  }
  return { text: lines.join('\n'), footnotes };
}
