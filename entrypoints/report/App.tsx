import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSearchIndex, type SearchIndex } from '@/lib/search/search';
import { aliasIndex } from '@/lib/document/metric-identity';
import { librarySeries, targetsWithYears } from '@/lib/store/metric-series';
import type { Clause } from '@/lib/model';
import aliases from '@/seeds/metric-aliases.json';
import { askBackground } from '@/extension/background-client';
import { t } from '@/extension/i18n';
import { SearchPanel, type SearchAnswer } from '@/components/SearchPanel/SearchPanel';
import { ReportArticle } from '@/components/ReportArticle/ReportArticle';
import { TableOfContents } from '@/components/TableOfContents/TableOfContents';
import { TargetsTable, type TargetRow } from '@/components/TargetsTable/TargetsTable';
import { IndexNotice } from '@/components/IndexNotice/IndexNotice';
import { MetricComparison } from '@/components/MetricComparison/MetricComparison';
import { loadReport, type ReportData } from './load-report';
import type { IndexStatus } from '@/lib/messages';
import { groupBy } from '@/lib/group-by';

const RESULT_LIMIT = 30;
const CLAUSE_HASH = /^#clause-(.+)$/;

function clauseFromHash(): string | undefined {
  const match = CLAUSE_HASH.exec(decodeURIComponent(location.hash));
  return match?.[1];
}

/** Keeps the document shown in the address (?doc=), so a reload or a shared link opens it again. */
function rememberDocument(docId: string): void {
  const url = new URL(location.href);
  if (docId) url.searchParams.set('doc', docId);
  else url.searchParams.delete('doc');
  history.replaceState(null, '', url);
}

export function App() {
  const [data, setData] = useState<ReportData>();
  const [failure, setFailure] = useState<IndexStatus>();
  const [marked, setMarked] = useState(clauseFromHash);
  const [emphasis, setEmphasis] = useState<{ clauseId: string; marks: [number, number][] }>();
  // One document of the library ('' for all): ?doc= opens it, the contents and the targets table change it.
  const [docId, setDocId] = useState(() => new URLSearchParams(location.search).get('doc') ?? '');
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

  const showDocument = (next: string) => {
    setDocId(next);
    rememberDocument(next);
  };

  // A clause of another document than the one shown opens that document.
  useEffect(() => {
    const clause = marked ? data?.clauses.find((c) => c.id === marked) : undefined;
    if (clause && docId && clause.docId !== docId) showDocument(clause.docId);
  }, [data, marked]);

  // The page renders after the data arrives, too late for the browser's own
  // scroll to the fragment; scroll to the marked clause once it is in the DOM.
  useEffect(() => {
    if (!data || !marked) return;
    const element = document.getElementById(`clause-${marked}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [data, marked, docId]);

  const derived = useMemo(() => {
    if (!data) return undefined;
    const targetsByClause = groupBy(data.targets, (t) => t.clauseId);
    const clauseById = new Map(data.clauses.map((c) => [c.id, c]));
    const documentById = new Map(data.documents.map((d) => [d.id, d]));
    const years = new Map(targetsWithYears(data.documents, clauseById, data.targets).map((item) => [item.target.id, item.year]));
    const rows: TargetRow[] = data.targets.map((target) => {
      const clause = clauseById.get(target.clauseId);
      const doc = documentById.get(target.docId);
      return {
        target,
        // A clause before the article's first heading has no section: its document names where it stands.
        section: clause ? clause.path.slice(1).filter(Boolean).join(' › ') || (doc?.title ?? '') : '',
        order: (doc?.order ?? 0) * 1e6 + (clause?.order ?? 0) * 100 + target.order,
        year: years.get(target.id) ?? 0,
        docTitle: doc?.title ?? '',
      };
    });
    const series = librarySeries(data.documents, clauseById, data.targets, aliasIndex(aliases)).series;
    const indexes = new Map<string, SearchIndex<Clause>>();
    const indexFor = (scope: string) => {
      let index = indexes.get(scope);
      if (!index) {
        const clauses = scope ? data.clauses.filter((c) => c.docId === scope) : data.clauses;
        index = createSearchIndex({ clauses, terms: data.terms, targets: data.targets, foldMap: data.foldMap });
        indexes.set(scope, index);
      }
      return index;
    };
    const search = async (query: string, scope?: string): Promise<SearchAnswer> => {
      const result = indexFor(scope ?? '').search(query, RESULT_LIMIT);
      return (lastAnswer.current = {
        query: result.query,
        suggestions: result.suggestions,
        items: result.hits.map((hit) => ({
          clauseId: hit.clause.id,
          text: hit.clause.text,
          marks: hit.marks,
          // The document as the library names it now (the reader may have renamed it).
          path: [documentById.get(hit.clause.docId)?.title ?? '', ...hit.clause.path.slice(1)],
          targets: targetsByClause.get(hit.clause.id) ?? [],
          match: hit.match,
        })),
      });
    };
    return { targetsByClause, rows, series, search };
  }, [data]);

  const shownDocuments = data ? data.documents.filter((d) => !docId || d.id === docId) : [];
  const shownClauses = data ? (docId ? data.clauses.filter((c) => c.docId === docId) : data.clauses) : [];
  const shownSeries = derived ? derived.series.filter((s) => !docId || s.points.some((p) => p.docId === docId)) : [];
  const documentChoices = data ? data.documents.map((d) => ({ id: d.id, title: d.title })) : [];

  return (
    <div class="report">
      <header class="report__header">
        <h1 class="report__title">{t('reportTitle')}</h1>
        {derived && (
          <div class="report__search">
            <SearchPanel
              search={derived.search}
              documents={documentChoices}
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
            documents={shownDocuments}
            currentSectionId={marked ? data.clauses.find((c) => c.id === marked)?.sectionId : undefined}
            choices={documentChoices}
            documentId={docId}
            onDocumentChange={showDocument}
          />
          <main class="report__main">
            <ReportArticle
              documents={shownDocuments}
              clauses={shownClauses}
              targetsByClause={derived.targetsByClause}
              markedClauseId={marked}
              emphasis={emphasis}
            />
            <section id="targets" aria-labelledby="targets-heading">
              <h2 id="targets-heading">{t('targetsHeading')}</h2>
              <TargetsTable rows={derived.rows} documents={documentChoices} documentId={docId} onDocumentChange={showDocument} />
            </section>
            <section id="compare" aria-labelledby="compare-heading">
              <h2 id="compare-heading">{t('compareHeading')}</h2>
              <p class="report__hint">{t('compareHint')}</p>
              <MetricComparison series={shownSeries} />
            </section>
          </main>
        </div>
      )}
    </div>
  );
}
