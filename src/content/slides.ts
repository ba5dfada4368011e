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
  const slides: SlideText[] = [];
  let start = 0;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (
      fence !== undefined &&
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    )
      fence = undefined;
    else if (fence === undefined && SEPARATOR.test(line)) {
      slides.push({ markdown: lines.slice(start, i).join('\n'), firstLine: start });
      start = i + 1;
    }
  }
  slides.push({ markdown: lines.slice(start).join('\n'), firstLine: start });
  return slides.filter((s) => s.markdown.trim() !== '');
}
