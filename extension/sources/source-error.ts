// A source problem with its sentence for the reader, in the UI's language
// (public/_locales: Chinese first, English when the browser is English).

import type { SourceError, SourceProblem } from '@/lib/document/source-text';
import { t } from '@/extension/i18n';

/** The message of each problem. Its substitutions: the file's name first, then the size or the reason. */
const MESSAGES: Record<SourceProblem, string> = {
  'file-too-large': 'sourceFileTooLarge',
  empty: 'sourceEmpty',
  'not-text': 'sourceNotText',
  image: 'sourceImage',
  office: 'sourceOffice',
  'pdf-no-text': 'sourcePdfNoText',
  'pdf-encrypted': 'sourcePdfEncrypted',
  'pdf-broken': 'sourcePdfBroken',
  'read-failed': 'sourceReadFailed',
  'not-article': 'sourceNotArticle',
  // The popup's own sentences for the pages an extension cannot touch.
  'page-restricted': 'pageRestricted',
  'page-file-denied': 'pageFileDenied',
  'page-failed': 'sourcePageFailed',
};

export function sourceError(problem: SourceProblem, ...substitutions: string[]): SourceError {
  return { problem, message: t(MESSAGES[problem], ...substitutions) };
}

/** An error's own words, for the REASON of a message. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
