import { useState } from 'preact/hooks';
import type { IndexStatus } from '@/lib/messages';
import { t } from '@/extension/i18n';
import './IndexNotice.css';

interface Props {
  status: IndexStatus | undefined;
  onRebuild: () => Promise<unknown>;
}

/** Says plainly when the report index failed to load, and offers to rebuild it. Nothing when all is well. */
export function IndexNotice({ status, onRebuild }: Props) {
  const [busy, setBusy] = useState(false);
  if (!status || status.state !== 'failed') return null;
  return (
    <div class="index-notice" role="alert">
      <p>{t('indexFailed')}</p>
      {status.error && <p class="index-notice__detail">{status.error}</p>}
      {status.fallback && <p class="index-notice__detail">{t('indexFallback')}</p>}
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onRebuild().finally(() => setBusy(false));
        }}
      >
        {busy ? t('indexRebuilding') : t('indexRebuild')}
      </button>
    </div>
  );
}
