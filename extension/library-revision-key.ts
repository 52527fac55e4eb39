// The storage.local key of the library's revision (library-revision.ts), on
// its own so the content script can watch it without WXT's storage library.
export const LIBRARY_REVISION_KEY = 'libraryRevision';
