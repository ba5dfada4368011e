import { writeZip } from './zip.js';

type Content = string | Uint8Array | ArrayBuffer;

/**
 * Just enough of JSZip for pptxgenjs, on Node's native zlib and crc32: the
 * bundle (scripts/bundle.mjs) hands it to pptxgenjs in place of jszip, whose
 * pure-JavaScript CRC and streams cost more than building the slides. Entries
 * are stored, not deflated: the repair stage compresses the final package.
 */
export default class JSZipShim {
  private readonly entries: Map<string, Uint8Array>;

  constructor(
    entries?: Map<string, Uint8Array>,
    private readonly prefix = '',
  ) {
    this.entries = entries ?? new Map();
  }

  /** A view of the same archive whose names are relative to `name`. */
  folder(name: string): JSZipShim {
    return new JSZipShim(this.entries, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: Content, options: { base64?: boolean } = {}): this {
    const bytes = typeof data === 'string' ? Buffer.from(data, options.base64 ? 'base64' : 'utf8') : new Uint8Array(data);
    this.entries.set(`${this.prefix}${name}`, bytes);
    return this;
  }

  async generateAsync(options: { type?: string } = {}): Promise<Uint8Array | string> {
    const bytes = writeZip(
      [...this.entries].map(([name, data]) => ({ name, data, store: true })),
      new Date(2000, 0, 1),
    );
    return options.type === 'base64' ? Buffer.from(bytes).toString('base64') : bytes;
  }
}
