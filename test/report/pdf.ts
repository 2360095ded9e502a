/**
 * A .docx through LibreOffice Writer (headless) to PDF, and what poppler reads back from it: the page
 * count (pdfinfo) and the text (pdftotext). Shared by the LibreOffice test, the benchmark's
 * page count and the README's pictures. Needs LibreOffice Writer and poppler-utils.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sofficePath } from '../libreoffice/soffice';

const run = promisify(execFile);

/** Converts each .docx into `outDir` in one LibreOffice run with a private profile; returns the PDFs' paths. */
export async function docxToPdf(docx: string | string[], outDir: string): Promise<string[]> {
  const files = typeof docx === 'string' ? [docx] : docx;
  const profile = `-env:UserInstallation=file://${path.join(outDir, 'lo-profile')}`;
  await run(
    sofficePath(),
    [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    {
      timeout: 170_000,
    },
  );
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

export async function pdfPages(pdf: string): Promise<number> {
  const info = (await run('pdfinfo', [pdf])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
  if (!Number.isInteger(pages)) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return pages;
}

/**
 * The PDF's text in reading order (each table cell's lines together; -layout would interleave the
 * lines of side-by-side cells), whitespace squashed: PDF text breaks lines where the page does.
 */
export async function pdfText(pdf: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const text = (await run('pdftotext', [...range, pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  return text.replace(/\s+/g, ' ').trim();
}
