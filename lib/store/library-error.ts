// Why a change to the library was refused. Each case has a code, which the
// background turns into a sentence in the reader's language
// (libraryError_<code> in public/_locales), and an English sentence for logs
// and tests. Whatever the case, the library is as it was before the request.

export type LibraryErrorCode =
  | 'empty'
  | 'too-short'
  | 'binary'
  | 'too-large'
  | 'no-structure'
  | 'too-many'
  | 'bundled'
  | 'unknown-document'
  | 'bad-title'
  | 'storage-full'
  | 'storage-unavailable'
  | 'storage-failed'
  | 'backup-not-json'
  | 'backup-format'
  | 'backup-version'
  | 'backup-entry';

export class LibraryError extends Error {
  override name = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    /** Values the reader's sentence names, in order ($1, $2 …). */
    readonly params: string[] = [],
  ) {
    super(message);
  }
}

/** The first error named `name` down Dexie's chain of wrapped errors (`inner`). */
export function causeNamed(error: unknown, ...names: string[]): Error | undefined {
  let at: unknown = error;
  for (let depth = 0; at instanceof Error && depth < 8; depth++, at = (at as { inner?: unknown }).inner) {
    if (names.includes(at.name)) return at;
  }
  return undefined;
}

/**
 * A failure of IndexedDB while the library was being changed, as a
 * LibraryError: a full disk (QuotaExceededError, which Dexie may wrap in an
 * AbortError), no IndexedDB at all, or anything else, named.
 */
export function storageError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const quota = causeNamed(error, 'QuotaExceededError');
  if (quota) return new LibraryError('storage-full', `IndexedDB is full (quota exceeded): ${quota.message}`);
  const missing = causeNamed(error, 'MissingAPIError', 'InvalidStateError', 'DatabaseClosedError');
  if (missing) return new LibraryError('storage-unavailable', `IndexedDB is unavailable: ${missing.message}`);
  const first = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new LibraryError('storage-failed', `IndexedDB failed: ${first}`, [first]);
}
