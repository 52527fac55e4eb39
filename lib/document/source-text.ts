// What a source reader hands the document pipeline: the text of a page or a
// file the reader pointed at, or the reason it has none. The readers live in
// extension/sources (they need a DOM, pdf.js or the extension API); the shape
// is here so that pages, the background and lib code share it.

/** A document's text, ready for the pipeline: paragraphs separated by a blank line. */
export interface SourceText {
  /** The page's or the file's own title, else the file name without its extension. */
  title: string;
  text: string;
  /** Where it came from: the page's address, or the file's name. */
  source: string;
}

/** Why a page or a file gave no text; each has its sentence in the UI messages (sourceProblem…). */
export type SourceProblem =
  /** The file is over MAX_SOURCE_FILE_BYTES: refused before it is read. */
  | 'file-too-large'
  /** The file, the page or the document holds no text at all (zero bytes, only white space). */
  | 'empty'
  /** Bytes that are not text in any encoding we read (executables, unknown binary formats). */
  | 'not-text'
  /** A picture: there is no text to read without OCR. */
  | 'image'
  /** A Word, Excel, PowerPoint or WPS file, or a zip archive. */
  | 'office'
  /** A PDF whose pages hold no text items: a scan, or text drawn as outlines. */
  | 'pdf-no-text'
  /** A PDF that needs a password to open. */
  | 'pdf-encrypted'
  /** A file that calls itself a PDF but pdf.js cannot open. */
  | 'pdf-broken'
  /** A web page (the tab) without a readable article: a home page, a list, an app. */
  | 'not-article'
  /** A browser page, an extension page or a web store: browsers let no extension read them. */
  | 'page-restricted'
  /** A file:// page while the reader has not allowed the extension file access. */
  | 'page-file-denied'
  /** The page could not be read for another reason (closed, still loading, an error page). */
  | 'page-failed'
  /** The browser could not read the file (removed or changed since it was chosen). */
  | 'read-failed';

export interface SourceError {
  problem: SourceProblem;
  /** The sentence to show the reader, in the UI's language. */
  message: string;
}

export type SourceResult = SourceText | SourceError;

export function isSourceError(result: SourceResult): result is SourceError {
  return 'problem' in result;
}

/** Files above this are refused before a byte is read; the library's own 5 MB text limit comes after. */
export const MAX_SOURCE_FILE_BYTES = 50 * 1024 * 1024;
