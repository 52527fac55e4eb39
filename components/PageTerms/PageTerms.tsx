import { t } from '@/extension/i18n';
import type { PageTermCount } from '@/lib/messages';

export type PageTerm = PageTermCount;

interface Props {
  terms: PageTerm[] | undefined;
  onChoose: (termId: string) => void;
}

/** What the current page mentions: the report terms found on it, with counts; choosing one reveals it on the page. */
export function PageTerms({ terms, onChoose }: Props) {
  if (!terms) return null;
  if (!terms.length) return <p class="page-terms__none">{t('pageTermsNone')}</p>;
  return (
    <section class="page-terms" aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading" class="page-terms__heading">
        {t('pageTermsHeading')}
      </h2>
      <ul class="page-terms__list">
        {terms.map((term) => (
          <li key={`${term.id}${term.related ? '-related' : ''}`}>
            <button
              type="button"
              class={`button page-terms__term${term.related ? ' page-terms__term--related' : ''}`}
              data-term-id={term.id}
              aria-label={`${t('pageTermReveal', term.term, String(term.count))}${term.related ? `, ${t('pageTermRelated')}` : ''}`}
              onClick={() => onChoose(term.id)}
            >
              {term.term}
              {term.related && <span class="page-terms__related"> · {t('pageTermRelated')}</span>}{' '}
              <span class="page-terms__count">{term.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
