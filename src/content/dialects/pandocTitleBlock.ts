/** A pandoc title block read: its title, authors and date, and how many lines it takes. */
export interface TitleBlock {
  title: string;
  author?: string;
  date?: string;
  /** Lines of the file the block takes (the body starts on the next). */
  lines: number;
}

/**
 * Reads pandoc's title block at the start of a file: up to three lines starting
 * with `%`, the title, the authors (`;`-separated) and the date, any of them
 * empty; a line indented after one continues it.
 */
export function readTitleBlock(text: string): TitleBlock | undefined {
  if (!text.startsWith('%')) return undefined;
  const lines = text.split('\n');
  const fields: string[] = [];
  let n = 0;
  while (n < lines.length && fields.length <= 3) {
    const line = lines[n];
    if (line.startsWith('%') && fields.length < 3) fields.push(line.slice(1).trim());
    else if (/^\s+\S/.test(line) && fields.length > 0) fields[fields.length - 1] += ` ${line.trim()}`;
    else break;
    n++;
  }
  const [title = '', authors = '', date = ''] = fields;
  const author = authors
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean)
    .join(', ');
  return { title, ...(author ? { author } : {}), ...(date ? { date } : {}), lines: n };
}
