import type { MetricSeries } from '@/lib/document/metric-identity';
import { toDisplayText } from '@/lib/display-text';
import { t } from '@/extension/i18n';
import { formatFigure } from '../TargetFigure/TargetFigure';
import './MetricComparison.css';

interface Props {
  series: MetricSeries[];
}

/**
 * One table per metric that two documents or two years state: year, target
 * or result, the figure with its unit and qualifier, and the document it
 * comes from, linked to its clause.
 */
export function MetricComparison({ series }: Props) {
  if (series.length === 0) return <p class="metric-comparison__none">{t('compareNone')}</p>;
  return (
    <div class="metric-comparison">
      {series.map((entry) => (
        <section key={entry.key} class="metric-comparison__metric" data-metric-key={entry.key} aria-label={entry.metric}>
          <h3 lang="zh-CN">
            {toDisplayText(entry.metric)}
            {entry.region && <span class="metric-comparison__region">{entry.region}</span>}
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('compareYear')}</th>
                <th scope="col">{t('compareKind')}</th>
                <th scope="col">{t('compareFigure')}</th>
                <th scope="col">{t('compareDocument')}</th>
              </tr>
            </thead>
            <tbody>
              {entry.points.map((point) => {
                const { before, value, after } = formatFigure(point);
                return (
                  <tr key={point.targetId} data-target-id={point.targetId} data-year={point.year} data-kind={point.kind} data-document-id={point.docId}>
                    <td>{point.year || t('compareYearUnknown')}</td>
                    <td>
                      <span class={`targets-table__kind targets-table__kind--${point.kind}`}>
                        {t(point.kind === 'commitment' ? 'targetCommitment' : 'targetResult')}
                      </span>
                    </td>
                    <td class="metric-comparison__figure" lang="zh-CN">
                      <a href={`#clause-${point.clauseId}`}>
                        {before}
                        <strong>{value}</strong>
                        {after}
                      </a>
                    </td>
                    <td lang="zh-CN">{toDisplayText(point.docTitle)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
