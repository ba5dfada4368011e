import type { MarkdownIt as Parser, StateInline } from 'markdown-it';

/**
 * `![a photo](images/class photo.jpg)`: a picture whose file name has spaces, as
 * teachers name files. CommonMark reads it as text (a link's address may hold a
 * space only inside `<…>`), so the slide would show the Markdown instead of the
 * picture. This rule, tried after markdown-it's own, reads everything between the
 * parentheses as the file name, as `<…>` would.
 */
export function spacedPictureNames(parser: Parser): void {
  parser.inline.ruler.after('image', 'spaced_picture_name', (state, silent) => spacedPicture(state, silent));
}

function spacedPicture(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (!src.startsWith('![', pos)) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, pos + 1, false);
  if (labelEnd < 0 || src[labelEnd + 1] !== '(') return false;
  const close = src.indexOf(')', labelEnd + 2);
  if (close < 0 || close >= state.posMax) return false;
  const name = src.slice(labelEnd + 2, close).trim();
  // Only a name with a space in it, on one line, and no title ("…") or <…> that CommonMark would have read.
  if (!name.includes(' ') || /["'<>\n()]/.test(name)) return false;
  if (!silent) {
    const label = src.slice(pos + 2, labelEnd);
    const children: ReturnType<typeof state.push>[] = [];
    state.md.inline.parse(label, state.md, state.env, children);
    const token = state.push('image', 'img', 0);
    token.attrs = [
      ['src', state.md.normalizeLink(name)],
      ['alt', ''],
    ];
    token.children = children;
    token.content = label;
  }
  state.pos = close + 1;
  return true;
}
