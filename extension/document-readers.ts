// INTEGRATION POINT for the source readers (issue 12, branch `sources`).
//
// The library page and the popup add documents through addDocument
// (add-document.ts) with a { title, text, source } from one of three places.
// Paste is the library page's own form. The other two come from the source
// readers another change delivers: a file (.txt, .html, a text PDF through
// pdfjs-dist) and the current tab (@mozilla/readability, injected on the
// reader's action). Until they are wired here, each is undefined and the
// pages do not offer it; wiring one is assigning it below, nothing else:
//
//   readFile: (file) => readDocumentFile(file)        // library page: "Add from a file"
//   readTab: (tabId) => readDocumentFromTab(tabId)    // popup: "Add this page to PolicyLens"
//
// A reader rejects with a sentence for the reader (a scanned PDF without
// text, a file that is not text); the page shows it as it is.

import type { DocumentText } from './add-document';

export interface DocumentReaders {
  /** Reads a file the reader chose into a document's text. */
  readFile?: (file: File) => Promise<DocumentText>;
  /** Reads the main text of a tab (the popup's current tab). */
  readTab?: (tabId: number) => Promise<DocumentText>;
}

export const documentReaders: DocumentReaders = {};
