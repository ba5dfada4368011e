import { execFile } from 'node:child_process';
import { mkdtemp, rm, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

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
 * so that it works while LibreOffice is open; the PDF appears whole or not at all.
 */
export async function pptxToPdf(pptx: string): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), 'lectern-pdf-'));
  try {
    await run(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, pptx],
      { timeout: 300_000 },
    );
    const pdf = pptx.replace(/\.pptx$/i, '.pdf');
    await rename(path.join(work, path.basename(pdf)), pdf);
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
