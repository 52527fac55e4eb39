import { useState } from 'preact/hooks';
import type { LibraryEntry } from '@/lib/messages';
import { toDisplayText } from '@/lib/display-text';
import { t } from '@/extension/i18n';
import { reportUrl } from '@/extension/report-url';
import { SiteSwitch } from '../SiteSwitch/SiteSwitch';
import './DocumentList.css';

interface Props {
  documents: LibraryEntry[];
  /** Each action resolves when the background has made the change, or rejects with the sentence to show. */
  onRename: (id: string, title: string) => Promise<void>;
  onSwitch: (id: string, enabled: boolean) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
}

/** What a document is, in one line: year and region, where it came from, what it holds. */
function description(doc: LibraryEntry): string {
  const parts = [
    doc.bundled ? t('listBundled') : doc.source === 'paste' ? t('listPasted') : t('listAdded', doc.source),
    [doc.year ? t('listYear', String(doc.year)) : '', doc.region].filter(Boolean).join(' '),
    t('listCounts', String(doc.counts.clauses), String(doc.counts.targets), String(doc.counts.terms)),
  ];
  return parts.filter(Boolean).join(' · ');
}

function DocumentRow({ doc, onRename, onSwitch, onRemove }: { doc: LibraryEntry } & Omit<Props, 'documents'>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(doc.title);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `doc-${doc.id}`;

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setProblem('');
    try {
      await work();
      return true;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="document-list__item" data-document-id={doc.id} data-enabled={String(doc.enabled)} data-bundled={String(doc.bundled)}>
      {editing ? (
        <form
          class="document-list__rename"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => onRename(doc.id, draft)).then((done) => done && setEditing(false));
          }}
        >
          <label class="visually-hidden" for={`${id}-name`}>
            {t('listRenameLabel')}
          </label>
          <input id={`${id}-name`} type="text" maxLength={200} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit" class="button" disabled={busy}>
            {t('listRenameSave')}
          </button>
          <button type="button" class="button" onClick={() => setEditing(false)}>
            {t('listCancel')}
          </button>
        </form>
      ) : (
        <SiteSwitch
          id={`${id}-switch`}
          label={toDisplayText(doc.title)}
          description={description(doc)}
          checked={doc.enabled}
          disabled={busy}
          onChange={(enabled) => void act(() => onSwitch(doc.id, enabled))}
        />
      )}
      <div class="document-list__actions">
        <a class="button" href={reportUrl({ documentId: doc.id })} target="_blank" rel="noopener">
          {t('listRead')}
        </a>
        {!editing && (
          <button type="button" class="button" data-action="rename" onClick={() => (setDraft(doc.title), setEditing(true))}>
            {t('listRename')}
          </button>
        )}
        {!doc.bundled &&
          (confirming ? (
            <>
              <button type="button" class="button button--danger" data-action="confirm-remove" disabled={busy} onClick={() => void act(() => onRemove(doc.id))}>
                {t('listRemoveConfirm', toDisplayText(doc.title))}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {t('listCancel')}
              </button>
            </>
          ) : (
            <button type="button" class="button" data-action="remove" onClick={() => setConfirming(true)}>
              {t('listRemove')}
            </button>
          ))}
      </div>
      {problem && (
        <p class="sentence--refused" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

/** The library's documents: each switched on or off, renamed, read in the report view, removed (an added one). */
export function DocumentList({ documents, ...actions }: Props) {
  return (
    <ul class="document-list" aria-labelledby="list-heading">
      {documents.map((doc) => (
        <DocumentRow key={doc.id} doc={doc} {...actions} />
      ))}
    </ul>
  );
}
