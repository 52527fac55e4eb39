import type { Target } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { t } from '@/extension/i18n';
import './TargetFigure.css';

/** Qualifiers a reader says before the number (全年50亿美元, 近20万平方米), between number and unit (80余个), or after (50万亩以上). */
const LEADING_QUALIFIERS = new Set(['全年', '累计', '近', '约', '超过', '达', '将达', '突破', '新增', '力争', '不少于', '不低于', '汛前']);
const INFIX_QUALIFIERS = new Set(['余', '多']);

export function formatFigure(target: Pick<Target, 'value' | 'unit' | 'qualifier'>): { before: string; value: string; after: string } {
  // A qualifier may hold several words (累计 余: 累计80余个).
  const words = target.qualifier.split(/\s+/).filter(Boolean);
  return {
    before: words.filter((w) => LEADING_QUALIFIERS.has(w)).join(''),
    value: String(target.value),
    after:
      words.filter((w) => INFIX_QUALIFIERS.has(w)).join('') +
      target.unit +
      words.filter((w) => !LEADING_QUALIFIERS.has(w) && !INFIX_QUALIFIERS.has(w)).join(''),
  };
}

/** One target as a figure: the number large, its unit and qualifier, what is counted, and whether it is promised or reported. */
export function TargetFigure({ target }: { target: Target }) {
  const { before, value, after } = formatFigure(target);
  const kind = target.kind === 'commitment' ? t('targetCommitment') : t('targetResult');
  return (
    <span class={`target-figure target-figure--${target.kind}`} data-target-id={target.id}>
      <span class="target-figure__number">
        {before && <span class="target-figure__qualifier">{before}</span>}
        <span class="target-figure__value">{value}</span>
        <span class="target-figure__unit">{after}</span>
      </span>
      <span class="target-figure__metric" lang="zh-CN">
        {toDisplayText(target.metric)}
      </span>
      <span class="target-figure__kind">{kind}</span>
    </span>
  );
}
