import { useState } from 'preact/hooks';
import type { ImportStep } from '@/lib/messages';
import { addDocument, type AddResult, type DocumentText } from '@/extension/add-document';
import { t } from '@/extension/i18n';
import { ProgressBar } from '../ProgressBar/ProgressBar';
import './AddDocumentForm.css';

interface Props {
  /** Reads a file into a document (the source readers, extension/document-readers.ts); no file button without it. */
  readFile?: (file: File) => Promise<DocumentText>;
  /** Told after a document was added (or found already there). */
  onAdded: (result: AddResult) => void;
}

type Outcome = { kind: 'added' | 'already' | 'refused'; sentence: string };

/**
 * Adds a document by paste (a name and the full text) or, when a file reader
 * is wired, from a file: a progress bar while the background reads it, then
 * one sentence saying what happened, or why nothing was added.
 */
export function AddDocumentForm({ readFile, onAdded }: Props) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<{ step: ImportStep; done: number; total: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  // Counts what the form was asked to add, so the outcome of this attempt is told from the last one's (tests wait on it).
  const [attempts, setAttempts] = useState(0);
  const busy = progress !== undefined;

  async function add(document: DocumentText) {
    setOutcome(undefined);
    setProgress({ step: 'check', done: 0, total: 1 });
    try {
      const result = await addDocument(document, setProgress);
      const counts = [String(result.counts.clauses), String(result.counts.targets), String(result.counts.terms)];
      setOutcome(
        result.added
          ? { kind: 'added', sentence: t('addDone', result.title, ...counts) }
          : { kind: 'already', sentence: t('addAlready', result.title) },
      );
      if (result.added) {
        setTitle('');
        setText('');
      }
      onAdded(result);
    } catch (error) {
      setOutcome({ kind: 'refused', sentence: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(undefined);
      setAttempts((n) => n + 1);
    }
  }

  async function fromFile(file: File | undefined) {
    if (!file || !readFile) return;
    try {
      await add(await readFile(file));
    } catch (error) {
      setOutcome({ kind: 'refused', sentence: error instanceof Error ? error.message : String(error) });
      setAttempts((n) => n + 1);
    }
  }

  return (
    <form
      class="add-document"
      aria-labelledby="add-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void add({ title, text, source: 'paste' });
      }}
    >
      <label class="add-document__field">
        <span>{t('addTitle')}</span>
        <input id="add-title" type="text" maxLength={200} value={title} disabled={busy} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="add-document__field">
        <span>{t('addText')}</span>
        <textarea
          id="add-text"
          rows={10}
          lang="zh-CN"
          spellcheck={false}
          value={text}
          disabled={busy}
          placeholder={t('addTextPlaceholder')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <div class="add-document__actions">
        <button id="add-submit" type="submit" class="button button--primary" disabled={busy}>
          {t('addSubmit')}
        </button>
        {readFile && (
          <label class="button add-document__file">
            {t('addFromFile')}
            <input
              id="add-file"
              type="file"
              accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                void fromFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
        )}
      </div>
      {progress && <ProgressBar done={progress.done} total={progress.total} label={t(`addStep_${progress.step}`)} />}
      <p
        id="add-outcome"
        class={`add-document__outcome add-document__outcome--${outcome?.kind ?? 'none'}`}
        role="status"
        data-outcome={outcome?.kind}
        data-attempt={attempts}
      >
        {outcome?.sentence ?? ''}
      </p>
    </form>
  );
}
