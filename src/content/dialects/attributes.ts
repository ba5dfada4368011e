/** A pandoc attribute list, `{#id .class key=value key="a value"}`, read. */
export interface AttributeList {
  id?: string;
  classes: string[];
  attributes: Record<string, string>;
}

const PART = /\s*(?:#([^\s}]+)|\.([^\s}=]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}]*)))/y;

/**
 * Reads a pandoc attribute list written without its braces (`.column width="40%"`);
 * undefined when it is not one, so that ordinary text in braces stays text.
 */
export function parseAttributes(source: string): AttributeList | undefined {
  const list: AttributeList = { classes: [], attributes: {} };
  PART.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (source.slice(at).trim() === '') break;
    PART.lastIndex = at;
    const m = PART.exec(source);
    if (!m) return undefined;
    if (m[1] !== undefined) list.id = m[1];
    else if (m[2] !== undefined) list.classes.push(m[2]);
    else list.attributes[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
    at = PART.lastIndex;
  }
  return list.id !== undefined || list.classes.length > 0 || Object.keys(list.attributes).length > 0 ? list : undefined;
}

/** An attribute list in braces at the end of `text` (a heading's), and the text before it. */
export function trailingAttributes(text: string): { text: string; list: AttributeList } | undefined {
  const m = /\s*\{([^{}]*)\}\s*$/.exec(text);
  const list = m ? parseAttributes(m[1]) : undefined;
  return m && list ? { text: text.slice(0, m.index), list } : undefined;
}

/** An attribute list in braces at the start of `text` (right after a picture), and the text after it. */
export function leadingAttributes(text: string): { rest: string; list: AttributeList } | undefined {
  const m = /^\{([^{}]*)\}/.exec(text);
  const list = m ? parseAttributes(m[1]) : undefined;
  return m && list ? { rest: text.slice(m[0].length), list } : undefined;
}
