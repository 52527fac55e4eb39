// Ids that survive a rebuild: the same inputs give the same id in Node (the
// build script) and in the browser (user-created rows), so a saved reference
// to a clause still resolves after the bundle is rebuilt from the same seed.
// FNV-1a over the UTF-8 bytes; 64 bits keep collisions out of reach for the
// few thousand rows an index holds, and base36 keeps the ids short.

const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
/** Separates the parts so that ('ab', 'c') and ('a', 'bc') hash apart. */
const SEPARATOR = 0x1f;

const encoder = new TextEncoder();

/** A 13-character base36 hash of the parts, identical in every JavaScript runtime. */
export function stableId(...parts: string[]): string {
  let hash = OFFSET_BASIS;
  parts.forEach((part, index) => {
    if (index > 0) hash = ((hash ^ BigInt(SEPARATOR)) * PRIME) & MASK;
    for (const byte of encoder.encode(part)) {
      hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
    }
  });
  return hash.toString(36).padStart(13, '0');
}
