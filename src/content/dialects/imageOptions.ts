import type { ImageOptions } from '../blocks.js';
import type { AttributeList } from './attributes.js';
import { parseLength } from './length.js';

/** A picture's options and what is left of its description once Marp's keywords are taken out. */
export interface ReadImage {
  alt: string;
  options?: ImageOptions;
  /** Keywords lectern does not draw (Marp's filters such as `sepia`), to report. */
  ignored: string[];
}

/** Marp's CSS filters: kept out of the description, and reported. */
const FILTERS = new Set([
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'opacity',
  'saturate',
  'sepia',
]);
const FIT = { cover: 'cover', contain: 'contain', fit: 'contain' } as const;

/**
 * A picture's size and placement from Marp's keywords in its description
 * (`w:200 h:100`, `width:200px`, `bg left:40% contain`) and pandoc's attributes
 * (`{width=50%}`, `{height=3in}`).
 */
export function readImage(alt: string, attributes?: AttributeList): ReadImage {
  const options: ImageOptions = {};
  const ignored: string[] = [];
  const words: string[] = [];
  let background: NonNullable<ImageOptions['background']> | undefined;
  const bgWords: string[] = [];
  for (const word of alt.split(/\s+/).filter(Boolean)) {
    const [key, value] = splitKeyword(word);
    if (key === 'bg') background = { fit: 'cover' };
    else if ((key === 'w' || key === 'width') && value && parseLength(value)) options.width = parseLength(value);
    else if ((key === 'h' || key === 'height') && value && parseLength(value)) options.height = parseLength(value);
    else if (FILTERS.has(key)) ignored.push(word);
    else bgWords.push(word);
  }
  if (background) {
    for (const word of bgWords) {
      const [key, value] = splitKeyword(word);
      if (Object.hasOwn(FIT, key) && value === undefined) background.fit = FIT[key as keyof typeof FIT];
      else if ((key === 'left' || key === 'right') && (value === undefined || /^\d+(\.\d+)?%$/.test(value))) {
        background.side = key;
        background.split = value ? Math.min(1, Number(value.slice(0, -1)) / 100) : 0.5;
      } else if (key === 'vertical' && value === undefined) background.vertical = true;
      else if (key === 'auto' || /^\d+(\.\d+)?%$/.test(key)) ignored.push(word);
      else words.push(word);
    }
    options.background = background;
  } else words.push(...bgWords);
  for (const [key, value] of Object.entries(attributes?.attributes ?? {})) {
    const length = parseLength(value);
    if (key === 'width' && length) options.width = length;
    else if (key === 'height' && length) options.height = length;
    else ignored.push(`${key}=${value}`);
  }
  const keywordsOnly = words.length === 0;
  return {
    alt: keywordsOnly ? '' : words.join(' '),
    ...(Object.keys(options).length ? { options } : {}),
    ignored,
  };
}

function splitKeyword(word: string): [string, string | undefined] {
  const at = word.indexOf(':');
  return at < 0 ? [word.toLowerCase(), undefined] : [word.slice(0, at).toLowerCase(), word.slice(at + 1)];
}
