import type { IndexStatus } from '@/lib/messages';
import { t } from '@/extension/i18n';
import { RebuildButton } from '../RebuildButton/RebuildButton';
import './IndexNotice.css';

interface Props {
  status: IndexStatus | undefined;
  onRebuild: () => Promise<unknown>;
}

/** Says plainly when the report index failed to load, and offers to rebuild it. Nothing when all is well. */
export function IndexNotice({ status, onRebuild }: Props) {
  if (!status || status.state !== 'failed') return null;
  return (
    <div class="index-notice" role="alert">
      <p>{t('indexFailed')}</p>
      {status.error && <p class="index-notice__detail">{status.error}</p>}
      {status.fallback && <p class="index-notice__detail">{t('indexFallback')}</p>}
      <RebuildButton onRebuild={onRebuild} />
    </div>
  );
}
