/** One slide's Markdown and the index of its first line in the expanded body. */
export interface SlideText {
  markdown: string;
  firstLine: number;
}

const SEPARATOR = /^ {0,3}---[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits the expanded body into slides at lines that are exactly `---`,
 * ignoring such lines inside fenced code blocks.
 */
export function splitSlides(text: string): SlideText[] {
  const lines = text.split('\n');
  const fenced = fencedLines(lines);
  const slides: SlideText[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!fenced[i] && SEPARATOR.test(lines[i])) {
      slides.push({ markdown: lines.slice(start, i).join('\n'), firstLine: start });
      start = i + 1;
    }
  }
  slides.push({ markdown: lines.slice(start).join('\n'), firstLine: start });
  return slides.filter((s) => s.markdown.trim() !== '');
}

/** For each line, whether it opens, closes or is inside a fenced code block. */
export function fencedLines(lines: string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      fence = marker;
      return marker !== undefined;
    }
    if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    return true;
  });
}
