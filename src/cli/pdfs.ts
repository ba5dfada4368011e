import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { diagnosticOf, type DeckResult } from '../index.js';
import { findLibreOffice, LibreOfficeNotFound } from '../render/findLibreOffice.js';
import { pdfPathOf, pptxToPdf } from '../render/pdf.js';
import { relative, type Output } from './report.js';

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
        return { pdf: await pptxToPdf(result.output, this.soffice!) };
      } catch (error) {
        diagnostic = diagnosticOf(error, pdf);
      }
    }
    Object.assign(result, { ok: false, diagnostics: [...result.diagnostics, diagnostic] });
    return { diagnostic };
  }
}

/** Tells the teacher what became of a deck's PDF, below its line. */
export function reportPdf(result: DeckResult, outcome: PdfOutcome, io: Output): void {
  if ('pdf' in outcome) io.out(`  + ${relative(outcome.pdf)}`);
  else io.err(`✗ ${relative(result.file)}: PDF not written\n  ${formatDiagnostic(outcome.diagnostic)}`);
}
