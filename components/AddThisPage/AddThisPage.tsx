import { useState } from 'preact/hooks';
import type { ImportStep } from '@/lib/messages';
import { addDocument, type DocumentText } from '@/extension/add-document';
import { t } from '@/extension/i18n';
import { ProgressBar } from '../ProgressBar/ProgressBar';

interface Props {
  tabId: number;
  /** Reads the tab's main text (the source readers, extension/document-readers.ts). */
  readTab: (tabId: number) => Promise<DocumentText>;
}

/** The popup's "Add this page to PolicyLens": reads the current tab as a document and adds it, with progress. */
export function AddThisPage({ tabId, readTab }: Props) {
  const [progress, setProgress] = useState<{ step: ImportStep; done: number; total: number }>();
  const [sentence, setSentence] = useState<{ ok: boolean; text: string }>();

  async function add() {
    setSentence(undefined);
    setProgress({ step: 'check', done: 0, total: 1 });
    try {
      const result = await addDocument(await readTab(tabId), setProgress);
      setSentence({ ok: true, text: result.added ? t('addThisPageDone', result.title) : t('addAlready', result.title) });
    } catch (error) {
      setSentence({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <section class="popup__add-page">
      <button id="add-this-page" type="button" class="button" disabled={progress !== undefined} onClick={() => void add()}>
        {t('addThisPage')}
      </button>
      {progress && <ProgressBar done={progress.done} total={progress.total} label={t(`addStep_${progress.step}`)} />}
      {sentence && (
        <p role="status" class={sentence.ok ? undefined : 'sentence--refused'}>
          {sentence.text}
        </p>
      )}
    </section>
  );
}
