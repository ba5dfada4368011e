/** Where a shortcode was, for its warning: the 0-based line of the body. */
export interface Shortcode {
  source: string;
  line: number;
}

const SHORTCODE = /\{\{<\s*([\s\S]*?)\s*>\}\}/g;

/**
 * Takes Quarto's shortcodes (`{{< pagebreak >}}`, `{{< video x.mp4 >}}`) out of a
 * deck body, which lectern would otherwise read as Handlebars and stop at; lines
 * keep their numbers. The shortcodes taken out are returned, to report.
 */
export function takeShortcodes(body: string): { body: string; shortcodes: Shortcode[] } {
  if (!body.includes('{{<')) return { body, shortcodes: [] };
  const shortcodes: Shortcode[] = [];
  const out = body.replace(SHORTCODE, (source: string, _inner: string, offset: number) => {
    shortcodes.push({ source, line: body.slice(0, offset).split('\n').length - 1 });
    return source.replace(/[^\n]/g, '');
  });
  return { body: out, shortcodes };
}
