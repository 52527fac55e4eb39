// The library page: add a document by paste (or from a file, once the source
// readers are wired: extension/document-readers.ts), see every document,
// switch one off, rename it, remove it, export the library and import a
// backup. Every change goes through the background; the list follows the
// library's revision, so a document added from the popup shows up here too.

import { useEffect, useState } from 'preact/hooks';
import type { LibraryEntry } from '@/lib/messages';
import { openPolicyLensDb } from '@/lib/store/db';
import { exportLibrary } from '@/lib/store/library-backup';
import { LibraryError } from '@/lib/store/library-error';
import { askBackground } from '@/extension/background-client';
import { libraryRevisionItem } from '@/extension/library-revision';
import { librarySentence } from '@/extension/library-sentence';
import { documentReaders } from '@/extension/document-readers';
import { reportUrl } from '@/extension/report-url';
import { t } from '@/extension/i18n';
import { AddDocumentForm } from '@/components/AddDocumentForm/AddDocumentForm';
import { DocumentList } from '@/components/DocumentList/DocumentList';
import { LibraryBackup } from '@/components/LibraryBackup/LibraryBackup';

/** The backup file, read here from IndexedDB (pages may read it; only the background writes). */
async function backupFile(): Promise<string> {
  const db = openPolicyLensDb();
  try {
    return JSON.stringify(await exportLibrary(db), null, 1);
  } catch (error) {
    throw error instanceof LibraryError ? new Error(librarySentence(error)) : error;
  } finally {
    db.close();
  }
}

export function App() {
  const [documents, setDocuments] = useState<LibraryEntry[]>();
  const [failure, setFailure] = useState('');

  const refresh = () =>
    askBackground('list-documents', {}).then(
      (list) => {
        setDocuments(list);
        setFailure('');
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );

  useEffect(() => {
    void refresh();
    return libraryRevisionItem.watch(() => void refresh());
  }, []);

  return (
    <main class="library">
      <h1>{t('libraryHeading')}</h1>
      <p class="library__hint">{t('libraryIntro')}</p>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('addHeading')}</h2>
        <AddDocumentForm readFile={documentReaders.readFile} onAdded={() => void refresh()} />
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('listHeading')}</h2>
        {failure && (
          <p class="sentence--refused" role="alert">
            {t('libraryFailed', failure)}
          </p>
        )}
        {documents && (
          <DocumentList
            documents={documents}
            onRename={(documentId, title) => askBackground('rename-document', { documentId, title }).then(refresh)}
            onSwitch={(documentId, enabled) => askBackground('set-document-enabled', { documentId, enabled }).then(refresh)}
            onRemove={(documentId) => askBackground('remove-document', { documentId }).then(refresh)}
          />
        )}
        <p>
          <a href={reportUrl()} target="_blank" rel="noopener">
            {t('libraryCompare')}
          </a>
        </p>
      </section>

      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('backupHeading')}</h2>
        <LibraryBackup exportLibrary={backupFile} onImported={() => void refresh()} />
      </section>
    </main>
  );
}
