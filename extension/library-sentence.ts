// A refused change of the library as the reader reads it: the sentence for
// its code in their language (libraryError_<code> in public/_locales), the
// English sentence when the locale lacks it. The background says it in its
// error replies; a page says it for what it checks before sending (a 50 MB
// paste is refused without being sent).

import type { LibraryError } from '@/lib/store/library-error';
import { t } from './i18n';

export function librarySentence(error: LibraryError): string {
  const key = `libraryError_${error.code.replaceAll('-', '_')}`;
  const sentence = t(key, ...error.params);
  return sentence === key ? error.message : sentence;
}
