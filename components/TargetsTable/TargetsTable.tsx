import { useMemo, useState } from 'preact/hooks';
import type { Target, TargetKind } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { t } from '@/extension/i18n';
import './TargetsTable.css';
import { DocumentSelect } from '../DocumentSelect/DocumentSelect';

export interface TargetRow {
  target: Target;
  /** Where the target stands: part › section › task title. */
  section: string;
  /** Reading order across documents, the table's default order. */
  order: number;
  /** The year the figure is about (0: unknown). */
  year: number;
  /** The document's name in the library. */
  docTitle: string;
}

type Column = 'metric' | 'value' | 'unit' | 'qualifier' | 'kind' | 'year' | 'document' | 'section';
const COLUMNS: Column[] = ['metric', 'value', 'unit', 'qualifier', 'kind', 'year', 'document', 'section'];

function cell(row: TargetRow, column: Column): string | number {
  if (column === 'section') return row.section;
  if (column === 'year') return row.year;
  if (column === 'document') return row.docTitle;
  return row.target[column];
}

interface Props {
  rows: TargetRow[];
  /** The library's documents: the table shows one of them or all. */
  documents?: { id: string; title: string }[];
  /** The document shown ('' for all), and its change; the report view shows the same document beside the table. */
  documentId?: string;
  onDocumentChange?: (documentId: string) => void;
}

/** Every quantified commitment and reported figure, sortable by any column and filterable by text, kind and document. */
export function TargetsTable({ rows, documents = [], documentId = '', onDocumentChange }: Props) {
  const [sort, setSort] = useState<{ column: Column; ascending: boolean } | undefined>();
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<TargetKind | ''>('');

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = rows.filter(
      (row) =>
        (!documentId || row.target.docId === documentId) &&
        (!kind || row.target.kind === kind) &&
        (!needle ||
          [row.target.metric, row.target.text, row.target.unit, row.target.qualifier, row.section, row.docTitle].some((s) =>
            s.toLowerCase().includes(needle),
          )),
    );
    if (!sort) return kept.sort((a, b) => a.order - b.order);
    const sign = sort.ascending ? 1 : -1;
    return kept.sort((a, b) => {
      const x = cell(a, sort.column);
      const y = cell(b, sort.column);
      const by = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return sign * by || a.order - b.order;
    });
  }, [rows, sort, filter, kind, documentId]);
  const total = documentId ? rows.filter((row) => row.target.docId === documentId).length : rows.length;

  return (
    <div class="targets-table">
      <div class="targets-table__filters">
        <label>
          {t('targetsFilter')}{' '}
          <input
            type="search"
            value={filter}
            placeholder={t('targetsFilterPlaceholder')}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </label>
        {documents.length > 1 && (
          <label>
            {t('targetsDocument')}{' '}
            <DocumentSelect
              name="document"
              documents={documents}
              value={documentId}
              allLabel={t('targetsDocumentAll')}
              onChange={(docId) => onDocumentChange?.(docId)}
            />
          </label>
        )}
        <label>
          {t('targetsKind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as TargetKind | '')}>
            <option value="">{t('targetsKindAll')}</option>
            <option value="commitment">{t('targetCommitment')}</option>
            <option value="result">{t('targetResult')}</option>
          </select>
        </label>
        <span role="status" class="targets-table__count">
          {t('targetsCount', String(shown.length), String(total))}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const current = sort?.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  class={column === 'value' ? 'targets-table__value' : undefined}
                  aria-sort={current ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    data-column={column}
                    onClick={() => setSort({ column, ascending: current ? !sort.ascending : true })}
                  >
                    {t(`targetsColumn_${column}`)}
                    <span aria-hidden="true">{current ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ target, section, year, docTitle }) => (
            <tr key={target.id} data-target-id={target.id} data-kind={target.kind} data-document-id={target.docId}>
              <td lang="zh-CN">
                <a href={`#clause-${target.clauseId}`}>{toDisplayText(target.metric)}</a>
              </td>
              <td class="targets-table__value">{target.value}</td>
              <td lang="zh-CN">{target.unit}</td>
              {/* Several qualifier words (累计 余) read as a list, not as one word with a gap. */}
              <td lang="zh-CN">{target.qualifier.split(/\s+/).filter(Boolean).join('、')}</td>
              <td>
                <span class={`targets-table__kind targets-table__kind--${target.kind}`}>
                  {t(target.kind === 'commitment' ? 'targetCommitment' : 'targetResult')}
                </span>
              </td>
              <td>{year || '—'}</td>
              <td class="targets-table__section" lang="zh-CN">
                {toDisplayText(docTitle)}
              </td>
              <td class="targets-table__section" lang="zh-CN">
                {toDisplayText(section)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
