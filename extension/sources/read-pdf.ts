// A PDF's text runs, read locally by pdf.js. pdf.js is loaded (import()) only
// when a PDF is read, so a page that never reads one never loads its 300 KB;
// its worker is the file the build copies into the extension (the ?url
// import below), never a CDN. Under the extension pages' CSP (script-src
// 'self') pdf.js may not compile WebAssembly, so it is told not to try
// (useWasm: false): text needs none of its wasm image decoders. Fonts are
// not turned into FontFaces either (disableFontFace): only text is read. The
// Chinese CMaps the build copies (wxt.config.ts) give the text of fonts a PDF
// names without embedding them.

import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PdfTextRun } from '@/lib/document/pdf-text';
import { reasonOf } from './source-error';

export type PdfRuns =
  | { pages: PdfTextRun[][] }
  | { problem: 'pdf-encrypted' }
  | { problem: 'pdf-broken'; reason: string };

/** A text item of a page in the page's viewport coordinates (rotation applied, y down). */
function runOf(item: TextItem, viewport: number[], multiply: (m: number[], n: number[]) => number[]): PdfTextRun {
  const [, , c, d, x, y] = multiply(viewport, item.transform as number[]) as [number, number, number, number, number, number];
  return { text: item.str, x, y, width: item.width, size: Math.hypot(c, d), hasEOL: item.hasEOL };
}

/** The text runs of every page of a PDF, or why it cannot be read. The bytes are handed to pdf.js's worker (and detached). */
export async function readPdfRuns(bytes: Uint8Array): Promise<PdfRuns> {
  let task: PDFDocumentLoadingTask | undefined;
  try {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    task = pdfjs.getDocument({
      data: bytes,
      cMapUrl: new URL('/pdfjs/cmaps/', location.origin).href,
      cMapPacked: true,
      useWasm: false,
      disableFontFace: true,
      enableXfa: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const pdf = await task.promise;
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 }).transform;
      const { items } = await page.getTextContent();
      pages.push(items.filter((item): item is TextItem => 'str' in item).map((item) => runOf(item, viewport, pdfjs.Util.transform)));
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    // pdf.js names the error of a PDF that needs a password PasswordException (its name, not a class we can import early).
    if (error instanceof Error && error.name === 'PasswordException') return { problem: 'pdf-encrypted' };
    // Anything else, pdf.js failing to load in a browser older than it needs included, is a PDF we cannot open.
    return { problem: 'pdf-broken', reason: reasonOf(error) };
  } finally {
    await task?.destroy();
  }
}
