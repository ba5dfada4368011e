import { writeZip } from './zip.js';

/** A package's parts by name, as pptxgenjs hands them over: XML as text, media and workbooks as bytes. */
export type PackageParts = Map<string, string | Uint8Array>;

/** The `outputType` that makes pptxgenjs's `write()` resolve to the package's parts instead of a zip. */
export const PARTS_OUTPUT = 'lectern-parts';

type Content = string | Uint8Array | ArrayBuffer;

/**
 * Just enough of JSZip for pptxgenjs, which lectern gives it in place of jszip
 * (scripts/bundle.mjs; vitest.config.ts for the tests). The package's parts
 * stay as pptxgenjs wrote them, so that the repair stage edits the XML and zips
 * it once, on Node's native zlib, with no zip written and read back in between.
 */
export default class JSZipShim {
  private readonly entries: PackageParts;

  constructor(
    entries?: PackageParts,
    private readonly prefix = '',
  ) {
    this.entries = entries ?? new Map();
  }

  /** A view of the same archive whose names are relative to `name`. */
  folder(name: string): JSZipShim {
    return new JSZipShim(this.entries, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: Content, options: { base64?: boolean } = {}): this {
    const content = typeof data === 'string' ? (options.base64 ? Buffer.from(data, 'base64') : data) : new Uint8Array(data);
    this.entries.set(`${this.prefix}${name}`, content);
    return this;
  }

  async generateAsync(options: { type?: string } = {}): Promise<PackageParts | Uint8Array | string> {
    if (options.type === PARTS_OUTPUT) return this.entries;
    // A chart's workbook, which pptxgenjs zips by itself and embeds; the repair stage compresses it.
    const bytes = writeZip(
      [...this.entries].map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data, store: true })),
      new Date(2000, 0, 1),
    );
    return options.type === 'base64' ? Buffer.from(bytes).toString('base64') : bytes;
  }
}
