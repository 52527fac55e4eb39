import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSearchIndex } from '@/lib/search/search';
import { askBackground } from '@/extension/background-client';
import { t } from '@/extension/i18n';
import { SearchPanel, type SearchAnswer } from '@/components/SearchPanel/SearchPanel';
import { ReportArticle } from '@/components/ReportArticle/ReportArticle';
import { TableOfContents } from '@/components/TableOfContents/TableOfContents';
import { TargetsTable, type TargetRow } from '@/components/TargetsTable/TargetsTable';
import { IndexNotice } from '@/components/IndexNotice/IndexNotice';
import { loadReport, type ReportData } from './load-report';
import type { IndexStatus } from '@/lib/messages';
import { groupBy } from '@/lib/group-by';

const RESULT_LIMIT = 30;
const CLAUSE_HASH = /^#clause-(.+)$/;

function clauseFromHash(): string | undefined {
  const match = CLAUSE_HASH.exec(decodeURIComponent(location.hash));
  return match?.[1];
}

export function App() {
  const [data, setData] = useState<ReportData>();
  const [failure, setFailure] = useState<IndexStatus>();
  const [marked, setMarked] = useState(clauseFromHash);
  const [emphasis, setEmphasis] = useState<{ clauseId: string; marks: [number, number][] }>();
  const lastAnswer = useRef<SearchAnswer | undefined>(undefined);
  const initialQuery = new URLSearchParams(location.search).get('q') ?? '';

  useEffect(() => {
    loadReport().then(setData, async (error: unknown) => {
      const status = await askBackground('index-status', {}).catch(() => undefined);
      setFailure({
        state: 'failed',
        version: status?.version ?? '',
        counts: status?.counts ?? { documents: 0, clauses: 0, targets: 0, terms: 0 },
        fallback: status?.fallback ?? false,
        error: error instanceof Error ? error.message : String(error),
      });
    });
    const onHash = () => setMarked(clauseFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The page renders after the data arrives, too late for the browser's own
  // scroll to the fragment; scroll to the marked clause once it is in the DOM.
  useEffect(() => {
    if (!data || !marked) return;
    const element = document.getElementById(`clause-${marked}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [data, marked]);

  const derived = useMemo(() => {
    if (!data) return undefined;
    const targetsByClause = groupBy(data.targets, (t) => t.clauseId);
    const clauseById = new Map(data.clauses.map((c) => [c.id, c]));
    const docOrder = new Map(data.documents.map((d) => [d.id, d.order]));
    const rows: TargetRow[] = data.targets.map((target) => {
      const clause = clauseById.get(target.clauseId);
      return {
        target,
        // A clause before the article's first heading has no section: its document names where it stands.
        section: clause ? clause.path.slice(1).filter(Boolean).join(' › ') || (clause.path[0] ?? '') : '',
        order: (docOrder.get(target.docId) ?? 0) * 1e6 + (clause?.order ?? 0) * 100 + target.order,
      };
    });
    const index = createSearchIndex({ clauses: data.clauses, terms: data.terms, targets: data.targets, foldMap: data.foldMap });
    const search = async (query: string): Promise<SearchAnswer> => {
      const result = index.search(query, RESULT_LIMIT);
      return (lastAnswer.current = {
        query: result.query,
        suggestions: result.suggestions,
        items: result.hits.map((hit) => ({
          clauseId: hit.clause.id,
          text: hit.clause.text,
          marks: hit.marks,
          path: hit.clause.path,
          targets: targetsByClause.get(hit.clause.id) ?? [],
          match: hit.match,
        })),
      });
    };
    return { targetsByClause, rows, search };
  }, [data]);

  return (
    <div class="report">
      <header class="report__header">
        <h1 class="report__title">{t('reportTitle')}</h1>
        {derived && (
          <div class="report__search">
            <SearchPanel
              search={derived.search}
              initialQuery={initialQuery}
              autoFocus={!marked}
              onOpen={(clauseId) => {
                const item = lastAnswer.current?.items.find((i) => i.clauseId === clauseId);
                setEmphasis(item && { clauseId, marks: item.marks });
                // The same hash again fires no hashchange: scroll to the clause directly.
                if (clauseFromHash() === clauseId) {
                  document.getElementById(`clause-${clauseId}`)?.scrollIntoView({ block: 'center' });
                } else {
                  location.hash = `clause-${clauseId}`;
                }
              }}
            />
          </div>
        )}
      </header>
      {(failure ?? data?.failure) && (
        <div class="report__notice">
          <IndexNotice
            status={failure ?? data?.failure}
            onRebuild={() => askBackground('rebuild', {}).then(() => location.reload())}
          />
        </div>
      )}
      {!data && !failure && <p role="status">{t('reportLoading')}</p>}
      {data && derived && (
        <div class="report__body">
          <TableOfContents
            documents={data.documents}
            currentSectionId={marked ? data.clauses.find((c) => c.id === marked)?.sectionId : undefined}
          />
          <main class="report__main">
            <ReportArticle
              documents={data.documents}
              clauses={data.clauses}
              targetsByClause={derived.targetsByClause}
              markedClauseId={marked}
              emphasis={emphasis}
            />
            <section id="targets" aria-labelledby="targets-heading">
              <h2 id="targets-heading">{t('targetsHeading')}</h2>
              <TargetsTable rows={derived.rows} />
            </section>
          </main>
        </div>
      )}
    </div>
  );
}
