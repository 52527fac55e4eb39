// Where the library page and the popup get a document's text from, besides
// the library page's own paste form: a file the reader chose (.txt, .html, a
// text PDF) and the current tab's article, read by the source readers
// (extension/sources). A reader that cannot give text answers with a
// sentence in the reader's language (a scanned PDF, a page that is no
// article), which the page shows as it is.

import { readFile } from './sources/read-file';
import { readActiveTab } from './sources/read-tab';
import { isSourceError, type SourceResult } from '@/lib/document/source-text';
import type { DocumentText } from './add-document';

export interface DocumentReaders {
  /** Reads a file the reader chose into a document's text. */
  readFile?: (file: File) => Promise<DocumentText>;
  /** Reads the main text of a tab (the popup's current tab). */
  readTab?: (tabId: number) => Promise<DocumentText>;
}

/** The text, or a rejection with the reader's sentence. */
function textOf(result: SourceResult): DocumentText {
  if (isSourceError(result)) throw new Error(result.message);
  return result;
}

export const documentReaders: DocumentReaders = {
  readFile: async (file) => textOf(await readFile(file)),
  readTab: async (tabId) => textOf(await readActiveTab(tabId)),
};
