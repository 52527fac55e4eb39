import { useState } from 'preact/hooks';
import type { ImportStep } from '@/lib/messages';
import { t } from '@/extension/i18n';
import { importLibraryBackup } from '@/extension/add-document';
import { ProgressBar } from '../ProgressBar/ProgressBar';

interface Props {
  /** The library as one JSON file's text (library-backup.ts). */
  exportLibrary: () => Promise<string>;
  onImported: () => void;
}

/** A backup file is at most this large: 50 documents of at most 5 MB each. */
const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Export the whole library to one file, and import such a file back (a backup, or another browser). */
export function LibraryBackup({ exportLibrary, onImported }: Props) {
  const [sentence, setSentence] = useState<{ ok: boolean; text: string }>();
  const [progress, setProgress] = useState<{ step: ImportStep; done: number; total: number }>();
  // Counts imports asked for, so this import's outcome is told from the last one's (tests wait on it).
  const [attempts, setAttempts] = useState(0);

  async function download() {
    setSentence(undefined);
    try {
      const url = URL.createObjectURL(new Blob([await exportLibrary()], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `policy-lens-library-${today()}.json`;
      link.click();
      // The download has its own copy once it starts; the URL is only needed for the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setSentence({ ok: true, text: t('backupExported') });
    } catch (error) {
      setSentence({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  }

  async function restore(file: File | undefined) {
    if (!file) return;
    setSentence(undefined);
    if (file.size > MAX_BACKUP_BYTES) {
      setSentence({ ok: false, text: t('libraryError_backup_format') });
      setAttempts((n) => n + 1);
      return;
    }
    setProgress({ step: 'check', done: 0, total: 1 });
    try {
      const result = await importLibraryBackup(await file.text(), setProgress);
      setSentence({ ok: true, text: t('backupImported', String(result.added), String(result.updated)) });
      onImported();
    } catch (error) {
      setSentence({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(undefined);
      setAttempts((n) => n + 1);
    }
  }

  return (
    <div class="library-backup">
      <p class="library__hint">{t('backupHint')}</p>
      <div class="add-document__actions">
        <button id="backup-export" type="button" class="button" onClick={() => void download()}>
          {t('backupExport')}
        </button>
        <label class="button add-document__file">
          {t('backupImport')}
          <input
            id="backup-import"
            type="file"
            accept=".json,application/json"
            disabled={progress !== undefined}
            onChange={(e) => {
              const input = e.currentTarget;
              void restore(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {progress && <ProgressBar done={progress.done} total={progress.total} label={t(`addStep_${progress.step}`)} />}
      <p
        id="backup-outcome"
        role="status"
        data-outcome={sentence ? (sentence.ok ? 'ok' : 'refused') : undefined}
        data-attempt={attempts}
        class={sentence && !sentence.ok ? 'sentence--refused' : undefined}
      >
        {sentence?.text ?? ''}
      </p>
    </div>
  );
}
