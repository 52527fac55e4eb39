// Bytes of a .txt or .html file to text. Chinese government offices still
// publish plain text in GB18030/GBK (Windows' "ANSI" on a Chinese system), and
// Notepad's "Unicode" is UTF-16 with a byte-order mark, so the encoding is
// found rather than assumed: a byte-order mark wins; then UTF-8, which random
// or GBK bytes almost never are by accident; then the encoding an HTML page
// declares; then GB18030. Bytes that none of these decode, or that decode to
// control characters, are not text.

export type DecodedText = { text: string; encoding: string } | { problem: 'not-text' };

const BOMS: [encoding: string, bytes: number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** Share of control characters (and U+FFFD) that text never has but binary data always does. */
const MAX_CONTROL_SHARE = 0.01;
/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; the replacement character. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The decoder for a label the Encoding Standard knows, else undefined. */
function decoder(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** The text, if the bytes are valid in that encoding; undefined otherwise. */
function strictDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return decoder(label, true)?.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the decoded string reads as text: no NUL and hardly any other control character. */
export function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls <= text.length * MAX_CONTROL_SHARE;
}

/**
 * The encoding an HTML file declares in its first 1024 bytes (<meta charset>
 * or http-equiv Content-Type), as the HTML standard's prescan looks for it;
 * undefined when it declares none. UTF-16 declarations are ignored, as
 * browsers ignore them in a byte stream that an ASCII-compatible prescan could read.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const label = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label || /^utf-?16/.test(label) || !decoder(label, false)) return undefined;
  return label;
}

/** Decodes a file's bytes (see the header for the order); `declared` is an encoding the file names itself. */
export function decodeText(bytes: Uint8Array, { declared }: { declared?: string } = {}): DecodedText {
  const bom = BOMS.find(([, prefix]) => startsWith(bytes, prefix));
  const candidates = bom ? [bom[0]] : ['utf-8', ...(declared ? [declared] : []), 'gb18030'];
  for (const encoding of candidates) {
    // After a byte-order mark a stray bad sequence is a damaged character, not a reason to refuse the file.
    const text = bom ? decoder(encoding, false)!.decode(bytes) : strictDecode(bytes, encoding);
    if (text === undefined) continue;
    return looksLikeText(text) ? { text, encoding } : { problem: 'not-text' };
  }
  return { problem: 'not-text' };
}
