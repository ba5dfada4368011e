import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { fail } from '../diagnostics.js';
import { describeFsError } from '../input/fsErrors.js';
import { removeStaleTemps, tempName, writeFileAtomic } from './writeAtomic.js';

const run = promisify(execFile);

/** How long LibreOffice may take over one deck before it is stopped. */
const TIMEOUT_MS = 300_000;

/**
 * Converts a .pptx to a PDF beside it with LibreOffice (its `soffice` program,
 * found by findLibreOffice), in a private profile
 * so that it works while LibreOffice is open; the PDF appears whole or not at
 * all. LibreOffice works in a `.lectern-*` folder of the temporary folder, removed
 * on every path (or by the next run, if this one is killed); a failure is a
 * diagnostic naming the PDF.
 */
export async function pptxToPdf(pptx: string, soffice: string): Promise<string> {
  const pdf = pdfPathOf(pptx);
  removeStaleTemps(tmpdir());
  let work: string;
  try {
    work = await mkdtemp(tempName(tmpdir(), 'pdf-'));
  } catch (error) {
    throw fail('pdf/temp', `cannot make a temporary folder for LibreOffice in ${tmpdir()}: ${describeFsError(error, 'write')}`, {
      file: pdf,
    });
  }
  try {
    try {
      await run(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          pptx,
        ],
        { timeout: TIMEOUT_MS },
      );
    } catch (error) {
      if ((error as { killed?: boolean }).killed)
        throw fail('pdf/timeout', `LibreOffice took longer than ${TIMEOUT_MS / 60_000} minutes to convert the deck and was stopped`, {
          file: pdf,
        });
      const said =
        String((error as { stderr?: string }).stderr ?? '')
          .trim()
          .split('\n')[0] || (error as Error).message.split('\n')[0];
      throw fail('pdf/libreoffice', `LibreOffice could not convert the deck to PDF: ${said}`, { file: pdf });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(work, path.basename(pdf)));
    } catch {
      throw fail('pdf/libreoffice', 'LibreOffice wrote no PDF; open the .pptx in LibreOffice Impress to see why', { file: pdf });
    }
    // Written, not moved: the temporary folder may be on another disk than the output (EXDEV).
    writeFileAtomic(pdf, bytes);
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Where the PDF of a .pptx goes: beside it, named alike. */
export function pdfPathOf(pptx: string): string {
  return pptx.replace(/\.pptx$/i, '.pdf');
}
