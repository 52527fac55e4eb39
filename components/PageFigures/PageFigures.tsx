import { t } from '@/extension/i18n';
import type { RelationMessageKey } from '@/lib/figure-message';

/** A metric the page cites with a figure, set against the report's, as the popup lists it. */
export interface PageFigureView {
  termId: string;
  term: string;
  /** The page's figure as printed. */
  page: string;
  /** The report's figure as printed (target text), '' when the background could not say. */
  report: string;
  relation: 'same' | 'differs' | 'other-scope' | '';
  message: { key: RelationMessageKey; substitutions: number[] } | undefined;
}

interface Props {
  figures: PageFigureView[] | undefined;
  onChoose: (termId: string) => void;
}

/** The report's figures the page cites, each with the page's figure, the report's and how they relate, at a glance. */
export function PageFigures({ figures, onChoose }: Props) {
  if (!figures?.length) return null;
  return (
    <section class="page-figures" aria-labelledby="page-figures-heading">
      <h2 id="page-figures-heading" class="page-terms__heading">
        {t('pageFiguresHeading')}
      </h2>
      <ul class="page-figures__list">
        {figures.map((f) => (
          <li key={`${f.termId}:${f.page}`} class={`page-figures__item page-figures__item--${f.relation || 'unknown'}`}>
            <button
              type="button"
              class="page-figures__term"
              data-term-id={f.termId}
              aria-label={t('pageFigureReveal', f.term, f.page)}
              onClick={() => onChoose(f.termId)}
            >
              {f.term} <strong class="page-figures__page">{f.page}</strong>
            </button>
            {f.report && <span class="page-figures__report">{t('pageFigureReport', f.report)}</span>}
            {f.message && (
              <span class="page-figures__relation">{t(f.message.key, ...f.message.substitutions.map(String))}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
