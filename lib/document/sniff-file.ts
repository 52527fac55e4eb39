// What kind of file the reader chose, from its first bytes before its name:
// a report saved as "报告.txt" may be a PDF, a "download.htm" may be a Word
// file, and a picture has a name of any kind. The kind decides the reader
// (text, HTML, pdf.js) or the sentence that says why there is nothing to read.

export type FileKind = 'pdf' | 'html' | 'text' | 'image' | 'office' | 'binary';

/** Signatures at offset 0 (or, for %PDF-, within the first kilobyte, where readers allow junk before it). */
const SIGNATURES: [kind: FileKind, bytes: number[]][] = [
  ['image', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['image', [0xff, 0xd8, 0xff]], // JPEG
  ['image', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['image', [0x49, 0x49, 0x2a, 0x00]], // TIFF, little-endian
  ['image', [0x4d, 0x4d, 0x00, 0x2a]], // TIFF, big-endian
  ['image', [0x00, 0x00, 0x01, 0x00]], // ICO
  // Word 97–2003, Excel, PowerPoint and WPS (OLE compound file); .docx, .xlsx and .wps of today are zip files.
  ['office', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['office', [0x50, 0x4b, 0x03, 0x04]], // zip
  ['office', [0x50, 0x4b, 0x05, 0x06]], // empty zip
  ['binary', [0x1f, 0x8b]], // gzip
  ['binary', [0x52, 0x61, 0x72, 0x21]], // Rar!
  ['binary', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
  ['binary', [0x7f, 0x45, 0x4c, 0x46]], // ELF
];

/**
 * RIFF….WEBP; the ISO media brands of HEIC and AVIF photos (phones save
 * these); BMP, whose two-letter mark "BM" is checked with the reserved zero
 * bytes after the file size so that a text starting "BM" stays text.
 */
function isOtherImage(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return true;
  if (ascii(0, 2) === 'BM' && bytes.length >= 14 && bytes.subarray(6, 10).every((byte) => byte === 0)) return true;
  return ascii(4, 8) === 'ftyp' && /^(heic|heix|mif1|avif)$/.test(ascii(8, 12));
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

const PDF_MARK = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function hasPdfMark(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MARK.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF_MARK.every((byte, j) => bytes[i + j] === byte)) return true;
  return false;
}

/** The start of an HTML document after any byte-order mark and white space (ASCII-compatible encodings). */
const HTML_START = /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;

/**
 * The kind of a file from its first bytes (a kilobyte is enough), its name
 * and the type the browser gave it. Only text and HTML are told apart by
 * name or type; everything else is known by its signature.
 */
export function sniffFile(head: Uint8Array, name: string, type = ''): FileKind {
  if (hasPdfMark(head)) return 'pdf';
  const signature = SIGNATURES.find(([, prefix]) => startsWith(head, prefix));
  if (signature) return signature[0];
  if (isOtherImage(head)) return 'image';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (['html', 'htm', 'xhtml', 'shtml'].includes(extension) || /html/.test(type)) return 'html';
  if (HTML_START.test(new TextDecoder('windows-1252').decode(head.subarray(0, 1024)))) return 'html';
  return 'text';
}
