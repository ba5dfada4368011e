import type { Diagnostic } from '../diagnostics.js';
import { diagnosticOf, type DeckResult } from '../pipeline.js';
import { findLibreOffice, LibreOfficeNotFound } from '../render/findLibreOffice.js';
import { pdfPathOf, pptxToPdf } from '../render/pdf.js';

/** What became of one deck's PDF: written, or the diagnostic that failed the deck. */
export type PdfOutcome = { pdf: string } | { diagnostic: Diagnostic };

/**
 * The PDF step of `build --pdf`, `export pdf` and `build --watch --pdf`: finds
 * LibreOffice once, then writes the PDF of each deck built. A PDF that cannot be
 * made fails its deck with a `pdf/...` diagnostic; the .pptx stays written.
 */
export class PdfWriter {
  /** Why no PDF can be made at all: LibreOffice was not found, or the path given for it is not a program. */
  readonly missing?: LibreOfficeNotFound;
  private readonly soffice?: string;

  /** `given`: the `soffice` program named by `--soffice` or the config file. */
  constructor(given?: string) {
    try {
      this.soffice = findLibreOffice({ given });
    } catch (error) {
      if (!(error instanceof LibreOfficeNotFound)) throw error;
      this.missing = error;
    }
  }

  /** Writes the PDF of a deck that built; a failure is added to the deck's result, which then fails. */
  async write(result: DeckResult): Promise<PdfOutcome | undefined> {
    if (!result.output) return undefined;
    const pdf = pdfPathOf(result.output);
    let diagnostic: Diagnostic;
    if (this.missing) diagnostic = { rule: this.missing.rule, message: this.missing.message, file: pdf, severity: 'error' };
    else {
      try {
        result.pdf = await pptxToPdf(result.output, this.soffice!);
        return { pdf: result.pdf };
      } catch (error) {
        diagnostic = diagnosticOf(error, pdf);
      }
    }
    Object.assign(result, { ok: false, diagnostics: [...result.diagnostics, diagnostic] });
    return { diagnostic };
  }
}
