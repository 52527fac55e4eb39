// What a text must be before the library reads it: not empty, long enough to
// hold clauses, text rather than binary data, and at most 5 MB. Checked before
// anything is read or written, so a refusal costs nothing and changes nothing.

import { LibraryError } from './library-error';

/** Texts over 5 MB (UTF-8) are refused: a government report is a few hundred kilobytes. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Fewer characters than this (spaces aside) cannot hold a report's clauses. */
export const MIN_TEXT_CHARS = 50;
/** Control characters (tab, line breaks and form feed aside) or U+FFFD beyond this share mean the bytes were not text. */
const MAX_BINARY_SHARE = 0.01;

/** UTF-8 length without encoding the text (a 50 MB paste would need 150 MB more to encode; counting takes a moment). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

export function checkText(text: string): void {
  const bytes = utf8Length(text);
  if (bytes > MAX_TEXT_BYTES) {
    throw new LibraryError('too-large', `The text is ${megabytes(bytes)} MB; the library takes texts up to 5 MB.`, [megabytes(bytes)]);
  }
  let visible = 0;
  let binary = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0 || code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) binary++;
    else if (code > 0x20 && code !== 0x3000 && code !== 0xa0) visible++;
  }
  if (visible === 0) throw new LibraryError('empty', 'The text is empty.');
  if (binary > 0 && (text.includes('\u0000') || binary / text.length > MAX_BINARY_SHARE)) {
    throw new LibraryError('binary', 'This is binary data, not text: a report must be added as text.');
  }
  if (visible < MIN_TEXT_CHARS) {
    throw new LibraryError('too-short', `The text has ${visible} characters; a report has at least ${MIN_TEXT_CHARS}.`, [String(visible), String(MIN_TEXT_CHARS)]);
  }
}
