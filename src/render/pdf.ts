import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fail } from '../diagnostics.js';
import { describeFsError } from '../input/fsErrors.js';
import { removeStaleTemps, tempName, writeFileAtomic } from './writeAtomic.js';

const run = promisify(execFile);

/** How to get LibreOffice, for the message shown when it is missing. */
export const LIBREOFFICE_HINT =
  'install LibreOffice to get PDFs (Debian/Ubuntu: sudo apt-get install libreoffice-impress; elsewhere: libreoffice.org)';

/** Whether LibreOffice's `soffice` is on the PATH. */
export async function hasLibreOffice(): Promise<boolean> {
  return run('soffice', ['--version'], { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
}

/**
 * Converts a .pptx to a PDF beside it with LibreOffice, in a private profile
 * so that it works while LibreOffice is open; the PDF appears whole or not at
 * all. LibreOffice works in a `.lectern-*` folder of the temporary folder, removed
 * on every path (or by the next run, if this one is killed); a failure is a
 * diagnostic naming the PDF.
 */
export async function pptxToPdf(pptx: string): Promise<string> {
  const pdf = pptx.replace(/\.pptx$/i, '.pdf');
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
        'soffice',
        [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, pptx],
        { timeout: 300_000 },
      );
    } catch (error) {
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
