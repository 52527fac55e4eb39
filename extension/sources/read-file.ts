// A file the reader chose, read locally into text for the library: .txt in
// UTF-8, UTF-16 or GB18030; .html through Readability (its article, else the
// whole body's text); text PDFs through pdf.js. Anything else, and a PDF with
// no text layer, gets a sentence saying why. Runs in an extension page (it
// needs DOMParser and a worker for pdf.js), never in the background.

import { cleanText } from '@/lib/document/clean-text';
import { decodeText, declaredHtmlCharset } from '@/lib/document/decode-text';
import { pdfText } from '@/lib/document/pdf-text';
import { sniffFile } from '@/lib/document/sniff-file';
import { MAX_SOURCE_FILE_BYTES, type SourceResult } from '@/lib/document/source-text';
import { elementText } from './element-text';
import { isArticleLength, readArticle } from './read-article';
import { readPdfRuns } from './read-pdf';
import { reasonOf, sourceError } from './source-error';

const MEGABYTE = 1024 * 1024;

/** The file's name without its extension: the title of a file that names none. */
function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '').trim() || name;
}

function textResult(name: string, title: string, text: string): SourceResult {
  const clean = cleanText(text);
  if (!clean) return sourceError('empty', name);
  return { title: title.trim() || baseName(name), text: clean, source: name };
}

function readText(bytes: Uint8Array, name: string): SourceResult {
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return sourceError('not-text', name);
  return textResult(name, baseName(name), decoded.text);
}

function readHtml(bytes: Uint8Array, name: string): SourceResult {
  const decoded = decodeText(bytes, { declared: declaredHtmlCharset(bytes) });
  if ('problem' in decoded) return sourceError('not-text', name);
  // A DOMParser document is inert: its scripts never run and its images and styles never load.
  const document = new DOMParser().parseFromString(decoded.text, 'text/html');
  const article = readArticle(document);
  if (article && isArticleLength(article.text)) return textResult(name, article.title, article.text);
  return textResult(name, document.title, elementText(document.body));
}

async function readPdf(bytes: Uint8Array, name: string): Promise<SourceResult> {
  const read = await readPdfRuns(bytes);
  if ('problem' in read) {
    return read.problem === 'pdf-encrypted' ? sourceError('pdf-encrypted', name) : sourceError('pdf-broken', name, read.reason);
  }
  // No text items, or only white space (the glyphs of a font pdf.js could not map to characters): nothing to read.
  const text = cleanText(pdfText(read.pages));
  return text ? textResult(name, baseName(name), text) : sourceError('pdf-no-text', name);
}

/**
 * Reads a file the reader chose (an <input type="file"> or a drop) into
 * { title, text, source (the file's name) }, or a SourceError whose message
 * says why not: over 50 MB (refused before reading), empty, a picture, an
 * Office document or archive, binary data, a PDF without a text layer, with a
 * password, or damaged. The library checks the text's own limits after.
 */
export async function readFile(file: File): Promise<SourceResult> {
  if (file.size > MAX_SOURCE_FILE_BYTES) return sourceError('file-too-large', file.name, (file.size / MEGABYTE).toFixed(1));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return sourceError('read-failed', file.name, reasonOf(error));
  }
  if (!bytes.length) return sourceError('empty', file.name);
  try {
    switch (sniffFile(bytes.subarray(0, 1024), file.name, file.type)) {
      case 'pdf':
        return await readPdf(bytes, file.name);
      case 'html':
        return readHtml(bytes, file.name);
      case 'text':
        return readText(bytes, file.name);
      case 'image':
        return sourceError('image', file.name);
      case 'office':
        return sourceError('office', file.name);
      case 'binary':
        return sourceError('not-text', file.name);
    }
  } catch (error) {
    // A reader that throws (markup Readability chokes on, say) still ends in a sentence, never a rejected promise.
    return sourceError('read-failed', file.name, reasonOf(error));
  }
}
