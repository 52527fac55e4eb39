// Ids that survive a rebuild: the same inputs give the same id in Node (the
// build script) and in the browser (user-created rows), so a saved reference
// to a clause still resolves after the bundle is rebuilt from the same seed.
// FNV-1a over the UTF-8 bytes; 64 bits keep collisions out of reach for the
// few thousand rows an index holds, and base36 keeps the ids short.

/** FNV-1a 64 offset basis 0xcbf29ce484222325, as two 32-bit halves. */
const OFFSET_HIGH = 0xcbf29ce4;
const OFFSET_LOW = 0x84222325;
/** The FNV-1a 64 prime is 2^40 + 0x1b3: multiplying is a shift by 40 plus a multiply by 0x1b3. */
const PRIME_LOW = 0x1b3;
const TWO_32 = 0x100000000;
/** Separates the parts so that ('ab', 'c') and ('a', 'bc') hash apart (U+001F, the unit separator). */
const SEPARATOR = 0x1f;

const encoder = new TextEncoder();

/** A 13-character base36 hash of the parts, identical in every JavaScript runtime. */
export function stableId(...parts: string[]): string {
  // 32-bit halves instead of BigInt arithmetic: about twenty times faster, and
  // the build hashes the whole bundle (hundreds of kilobytes) for its version.
  let high = OFFSET_HIGH;
  let low = OFFSET_LOW;
  const bytes = encoder.encode(parts.join(String.fromCharCode(SEPARATOR)));
  for (let i = 0; i < bytes.length; i++) {
    low = (low ^ bytes[i]!) >>> 0;
    const product = low * PRIME_LOW;
    const productLow = product >>> 0;
    high = (Math.imul(high, PRIME_LOW) + (low << 8) + (product - productLow) / TWO_32) >>> 0;
    low = productLow;
  }
  return ((BigInt(high) << 32n) | BigInt(low)).toString(36).padStart(13, '0');
}
