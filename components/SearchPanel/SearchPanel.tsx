import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Target } from '@/lib/model';
import type { SearchMatch } from '@/lib/search/search';
import { toDisplayText } from '@/lib/display-text';
import { t } from '@/extension/i18n';
import { MarkedText } from '../MarkedText/MarkedText';
import { DocumentSelect } from '../DocumentSelect/DocumentSelect';
import { TargetFigure } from '../TargetFigure/TargetFigure';
import './SearchPanel.css';

/** One result as the panel shows it, whichever way it was found (background or page-local index). */
export interface SearchItem {
  clauseId: string;
  text: string;
  marks: [number, number][];
  /** Document › part › section › task title. */
  path: string[];
  targets: Target[];
  match: SearchMatch;
}

export interface SearchAnswer {
  query: string;
  items: SearchItem[];
  suggestions: string[];
}

interface Props {
  /** Searches every document, or the one `docId` names. */
  search: (query: string, docId?: string) => Promise<SearchAnswer>;
  onOpen: (clauseId: string) => void;
  initialQuery?: string;
  /** Shown while the box is empty (the popup: the terms on this page). */
  empty?: ComponentChildren;
  /** Focus the box on open (the popup); off when the page opens at a deep link. */
  autoFocus?: boolean;
  /** The documents a search can be limited to; no filter is offered for fewer than two. */
  documents?: { id: string; title: string }[];
}

/**
 * Performance marks for the popup's budget (open to first result): the box
 * ready for typing, the first query sent, its answer on screen. Tests and the
 * benchmark read them, so typing speed does not count against the extension.
 */
const MARKS = { ready: 'policy-lens:search-ready', query: 'policy-lens:first-query', results: 'policy-lens:first-results' };
const marked = new Set<string>();
function markOnce(name: string) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

/**
 * The search box and its results: typing searches (no button),
 * Up/Down move through the results while focus stays in the box, Enter opens
 * the active result, Escape clears the box.
 */
export function SearchPanel({ search, onOpen, initialQuery = '', empty, autoFocus = true, documents = [] }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [docId, setDocId] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | undefined>();
  const [error, setError] = useState('');
  const [active, setActive] = useState(0);
  // After a result is opened in the same page (the report view) the list folds away, so it does not cover the clause.
  const [folded, setFolded] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  // A layout effect, not an effect: Preact runs effects a frame after paint, and a reader may already be typing.
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
    markOnce(MARKS.ready);
    if (initialQuery.trim()) run(initialQuery);
  }, []);

  /** Sends the query at once, from the input event itself, rather than an effect a frame later. */
  function run(text: string, scope = docId) {
    setQuery(text);
    setFolded(false);
    const q = text.trim();
    const request = ++latest.current;
    if (!q) {
      setAnswer(undefined);
      setError('');
      return;
    }
    markOnce(MARKS.query);
    search(q, scope || undefined).then(
      (next) => {
        // Replies can overtake one another; only the newest query's answer is shown.
        if (request !== latest.current) return;
        setAnswer(next);
        setError('');
        setActive(0);
      },
      (e: unknown) => {
        if (request === latest.current) setError(e instanceof Error ? e.message : String(e));
      },
    );
  }

  useEffect(() => {
    if (answer) markOnce(MARKS.results);
  }, [answer]);

  const items = answer?.items ?? [];
  const activeItem = items[Math.min(active, items.length - 1)];

  useEffect(() => {
    if (activeItem) document.getElementById(`result-${activeItem.clauseId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeItem?.clauseId]);

  function open(clauseId: string) {
    setFolded(true);
    onOpen(clauseId);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      setActive((a) => (a + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length) {
      event.preventDefault();
      setActive((a) => (a - 1 + items.length) % items.length);
    } else if (event.key === 'Enter' && activeItem) {
      event.preventDefault();
      open(activeItem.clauseId);
    } else if (event.key === 'Escape' && query) {
      // Only a non-empty box swallows Escape; on an empty box it still closes the popup.
      event.preventDefault();
      event.stopPropagation();
      run('');
    }
  }

  const showing = !!answer && answer.query === query.trim();
  return (
    <div class="search-panel">
      {documents.length > 1 && (
        <label class="search-panel__scope">
          <span>{t('searchScope')}</span>{' '}
          <DocumentSelect
            id="search-document"
            documents={documents}
            value={docId}
            allLabel={t('searchScopeAll')}
            onChange={(scope) => {
              setDocId(scope);
              run(query, scope);
            }}
          />
        </label>
      )}
      <label class="visually-hidden" for="search-input">
        {t('searchLabel')}
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        class="search-panel__input"
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={activeItem ? `result-${activeItem.clauseId}` : undefined}
        value={query}
        onInput={(e) => run(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setFolded(false)}
      />
      <p class="search-panel__status" role="status" aria-live="polite">
        {error
          ? t('searchFailed', error)
          : showing && items.length
            ? t(items.length === 1 ? 'searchCountOne' : 'searchCount', String(items.length))
            : ''}
      </p>
      {!query.trim() && empty}
      {showing && items.length === 0 && (
        <div class="search-panel__none">
          <p>{t('searchNoHits', query.trim())}</p>
          {answer.suggestions.length > 0 && (
            <p>
              {t('searchSuggest')}
              <span class="search-panel__suggestions">
                {answer.suggestions.map((s) => (
                  <button type="button" class="button" key={s} onClick={() => run(s)}>
                    {s}
                  </button>
                ))}
              </span>
            </p>
          )}
        </div>
      )}
      <ul
        id="search-results"
        role="listbox"
        class="search-panel__results"
        aria-label={t('searchResults')}
        data-query={answer?.query}
        hidden={!items.length || folded}
      >
        {items.map((item) => (
          <li
            id={`result-${item.clauseId}`}
            key={item.clauseId}
            role="option"
            aria-selected={item === activeItem}
            class="search-result"
            data-clause-id={item.clauseId}
            data-match={item.match}
            onClick={() => open(item.clauseId)}
            onMouseMove={() => setActive(items.indexOf(item))}
          >
            {/* The report is Chinese whatever the UI's language: lang lets a screen reader switch voice. */}
            <p class="search-result__text" lang="zh-CN">
              <MarkedText text={item.text} marks={item.marks} />
            </p>
            <p class="search-result__path" lang="zh-CN">
              {item.path.map(toDisplayText).join(' › ')}
            </p>
            {item.targets.length > 0 && (
              <p class="search-result__targets">
                {item.targets.map((target) => (
                  <TargetFigure key={target.id} target={target} />
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
