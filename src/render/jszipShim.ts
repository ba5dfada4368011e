import { writeZip } from './zip.js';

/** A package's parts by name, as pptxgenjs hands them over: XML as text, media and workbooks as bytes. */
export type PackageParts = Map<string, string | Uint8Array>;

/** Hears of each part of a package as pptxgenjs writes it. */
export type PartListener = (name: string, content: string | Uint8Array) => void;

/** The `outputType` for pptxgenjs's `write()` under `streamParts`. */
const STREAM_OUTPUT = 'lectern-parts';

/** The listener for the next archive pptxgenjs opens, which is the package (its workbooks come later). */
let nextListener: PartListener | undefined;

/**
 * Has pptxgenjs write its package to `onPart`, part by part: `write` is given the
 * output type to pass to pptxgenjs's `write()`.
 */
export async function streamParts(onPart: PartListener, write: (outputType: string) => Promise<unknown>): Promise<void> {
  nextListener = onPart;
  try {
    await write(STREAM_OUTPUT);
  } finally {
    nextListener = undefined;
  }
}

/** One archive: the package, whose parts go to a listener, or a workbook, whose parts are kept. */
interface Archive {
  entries: PackageParts;
  listener?: PartListener;
}

type Content = string | Uint8Array | ArrayBuffer;

/**
 * Just enough of JSZip for pptxgenjs, which lectern gives it in place of jszip
 * (scripts/bundle.mjs; vitest.config.ts for the tests). The package's parts go
 * to the repair stage as pptxgenjs writes them, so that each is repaired and
 * compressed once, on Node's native zlib, and the XML of a big deck never piles up.
 */
export default class JSZipShim {
  private readonly archive: Archive;

  constructor(
    archive?: Archive,
    private readonly prefix = '',
  ) {
    this.archive = archive ?? { entries: new Map(), listener: nextListener };
    if (!archive) nextListener = undefined;
  }

  /** A view of the same archive whose names are relative to `name`. */
  folder(name: string): JSZipShim {
    return new JSZipShim(this.archive, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: Content, options: { base64?: boolean } = {}): this {
    const content = typeof data === 'string' ? (options.base64 ? Buffer.from(data, 'base64') : data) : new Uint8Array(data);
    if (this.archive.listener) this.archive.listener(`${this.prefix}${name}`, content);
    else this.archive.entries.set(`${this.prefix}${name}`, content);
    return this;
  }

  async generateAsync(options: { type?: string } = {}): Promise<Uint8Array | string | undefined> {
    if (options.type === STREAM_OUTPUT) return undefined;
    // A chart's workbook, which pptxgenjs zips by itself and embeds; the repair stage compresses it.
    const bytes = writeZip(
      [...this.archive.entries].map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data, store: true })),
      // The repair stage dates the workbook's entries again, at the build time.
      new Date(Date.UTC(2000, 0, 1)),
    );
    return options.type === 'base64' ? Buffer.from(bytes).toString('base64') : bytes;
  }
}
