import { useState } from 'preact/hooks';
import { t } from '@/extension/i18n';

interface Props {
  onRebuild: () => Promise<unknown>;
  /** Told while the rebuild runs, e.g. to announce it in a status line. */
  onBusy?: (busy: boolean) => void;
}

/** The one rebuild action, shared by the failure notice and the options page: disabled and relabelled while it runs. */
export function RebuildButton({ onRebuild, onBusy }: Props) {
  const [busy, setBusy] = useState(false);
  const mark = (value: boolean) => {
    setBusy(value);
    onBusy?.(value);
  };
  return (
    <button
      type="button"
      class="button"
      disabled={busy}
      onClick={() => {
        mark(true);
        void onRebuild().finally(() => mark(false));
      }}
    >
      {busy ? t('indexRebuilding') : t('indexRebuild')}
    </button>
  );
}
