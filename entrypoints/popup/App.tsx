import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { IndexStatus, LibraryEntry, TabRequests } from '@/lib/messages';
import { resolveSiteState, siteKey } from '@/lib/site-state';
import { askBackground } from '@/extension/background-client';
import { updateSettings } from '@/extension/settings';
import { t } from '@/extension/i18n';
import { libraryUrl, reportUrl } from '@/extension/report-url';
import { documentReaders } from '@/extension/document-readers';
import { AddThisPage } from '@/components/AddThisPage/AddThisPage';
import { SearchPanel, type SearchAnswer } from '@/components/SearchPanel/SearchPanel';
import { searchReport } from '@/components/SearchPanel/search-report';
import { SiteSwitch } from '@/components/SiteSwitch/SiteSwitch';
import { PageTerms, type PageTerm } from '@/components/PageTerms/PageTerms';
import { PageFigures, type PageFigureView } from '@/components/PageFigures/PageFigures';
import { relationMessage } from '@/lib/figure-message';
import type { PageFigureMention } from '@/lib/messages';
import { IndexNotice } from '@/components/IndexNotice/IndexNotice';
import { useSettings } from '@/components/use-settings';
import { useCommands } from '@/components/use-commands';
import { ShortcutNotice } from '@/components/ShortcutNotice/ShortcutNotice';
import { UpdateNote } from '@/components/UpdateNote/UpdateNote';
import { pageSupport, type PageSupport } from '@/lib/page-support';

const RESULT_LIMIT = 20;
/** How long, and how often, the popup asks again for the page's terms after switching the site on. */
const WAKE_MS = 2000;
const WAKE_POLL_MS = 150;

function search(query: string, docId?: string): Promise<SearchAnswer> {
  return searchReport(query, RESULT_LIMIT, docId);
}

/**
 * The tab the popup is about: the active tab of its window; `?tab=ID` names
 * another one when the popup page is opened in a tab of its own (tests do
 * this, since a real popup cannot be opened by automation).
 */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return browser.tabs.get(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function askTab<K extends keyof TabRequests>(
  tabId: number,
  type: K,
  request: TabRequests[K]['req'],
): Promise<TabRequests[K]['res']> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { ...request, type });
  // The content script answers with the same Reply envelope as the background.
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const envelope = reply as { ok: boolean; value?: unknown; error?: string };
    if (!envelope.ok) throw new Error(envelope.error ?? `${type} failed`);
    return envelope.value as TabRequests[K]['res'];
  }
  return reply as TabRequests[K]['res'];
}

/** How many cited figures the popup sets against the report: a story cites a handful. */
const FIGURE_LIMIT = 20;

/** Each cited figure with the report's figure and the relation, as the background's figure card has them. */
function figureViews(mentions: PageFigureMention[]): Promise<PageFigureView[]> {
  return Promise.all(
    mentions.slice(0, FIGURE_LIMIT).map(async ({ termId, term, figure }): Promise<PageFigureView> => {
      const view: PageFigureView = { termId, term, page: figure.figure.text, report: '', relation: '', message: undefined };
      try {
        const card = await askBackground('figure-card', { termId, index: 0, figure });
        return { ...view, report: card.target.text, relation: card.relation.relation, message: relationMessage(card) };
      } catch {
        // The mention still shows, without the report's side, when the background cannot answer now.
        return view;
      }
    }),
  );
}

function openClause(clauseId: string) {
  void browser.tabs.create({ url: reportUrl({ clauseId }) }).then(() => window.close());
}

const UNSUPPORTED: Record<Exclude<PageSupport, 'web'>, string> = {
  extension: 'pageExtension',
  restricted: 'pageRestricted',
  'file-denied': 'pageFileDenied',
  unknown: 'pageUnknown',
};

export function App() {
  const settings = useSettings();
  const [tab, setTab] = useState<Browser.tabs.Tab>();
  const [support, setSupport] = useState<PageSupport>();
  const [status, setStatus] = useState<IndexStatus>();
  const [pageTerms, setPageTerms] = useState<PageTerm[]>();
  const [pageFigures, setPageFigures] = useState<PageFigureView[]>();
  const commands = useCommands();
  const [documents, setDocuments] = useState<LibraryEntry[]>([]);

  useEffect(() => {
    void (async () => {
      const current = await targetTab().catch(() => undefined);
      setTab(current);
      const fileAccess = current?.url?.startsWith('file:')
        ? await browser.extension.isAllowedFileSchemeAccess()
        : false;
      setSupport(pageSupport(current?.url, fileAccess));
    })();
    askBackground('list-documents', {}).then(setDocuments, () => undefined);
    askBackground('index-status', {}).then(setStatus, (e: unknown) =>
      setStatus({
        state: 'failed',
        version: '',
        counts: { documents: 0, clauses: 0, targets: 0, terms: 0 },
        error: e instanceof Error ? e.message : String(e),
        fallback: false,
      }),
    );
  }, []);

  const host = tab?.url ? siteKey(tab.url) : '';
  const siteOn = support === 'web' && !!settings && resolveSiteState(settings, tab?.url ?? '').enabled;

  // Whether the site was seen off in this popup: switched on here, its content script needs a moment to wake and scan.
  const lastOn = useRef<boolean | undefined>(undefined);
  const known = !!settings && support !== undefined;

  useEffect(() => {
    const switchedOn = siteOn && lastOn.current === false;
    if (known) lastOn.current = siteOn;
    // The page's terms come from its content script, which is idle (and silent) while the site is off.
    if (!tab?.id || !siteOn) {
      setPageTerms(undefined);
      setPageFigures(undefined);
      return;
    }
    const tabId = tab.id;
    const started = Date.now();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Right after switching on, "off" or an empty list means the scan has not caught up yet: ask again briefly.
    const again = () => switchedOn && Date.now() - started < WAKE_MS && !cancelled;
    const ask = () =>
      askTab(tabId, 'page-terms', {}).then(
        (reply) => {
          if (cancelled) return;
          if (!reply.terms.length && again()) timer = setTimeout(ask, WAKE_POLL_MS);
          else {
            setPageTerms(reply.terms);
            void figureViews(reply.figures).then((views) => !cancelled && setPageFigures(views));
          }
        },
        () => {
          if (again()) timer = setTimeout(ask, WAKE_POLL_MS);
          else if (!cancelled) setPageTerms(undefined);
        },
      );
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tab?.id, siteOn, known]);

  function revealTerm(termId: string) {
    if (!tab?.id) return;
    void askTab(tab.id, 'reveal-term', { termId }).then(() => window.close(), () => undefined);
  }

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">{t('extName')}</h1>
      </header>
      <UpdateNote />
      <IndexNotice
        status={status}
        onRebuild={() => askBackground('rebuild', {}).then(setStatus)}
      />
      <SearchPanel
        search={search}
        onOpen={openClause}
        documents={documents}
        empty={
          settings && support === 'web' && !siteOn ? (
            <p class="popup__off">{t('siteOffNote')}</p>
          ) : (
            <>
              <PageFigures figures={pageFigures} onChoose={revealTerm} />
              <PageTerms terms={pageTerms} onChoose={revealTerm} />
            </>
          )
        }
      />
      <section class="popup__site" aria-label={t('siteSection')}>
        {settings && support === 'web' && (
          <SiteControls url={tab?.url ?? ''} host={host} />
        )}
        {settings && support && support !== 'web' && (
          <p class="popup__unsupported" data-page-support={support}>
            {t(UNSUPPORTED[support])}
          </p>
        )}
        {settings && (
          <SiteSwitch
            id="global-switch"
            label={t('globalSwitch')}
            checked={settings.enabled}
            onChange={(enabled) => void updateSettings({ enabled })}
          />
        )}
      </section>
      {documentReaders.readTab && support === 'web' && tab?.id !== undefined && (
        <AddThisPage tabId={tab.id} readTab={documentReaders.readTab} />
      )}
      <ShortcutNotice commands={commands} />
      <footer class="popup__footer">
        <a class="button" href={reportUrl()} target="_blank" rel="noopener">
          {t('openReport')}
        </a>
        <a id="open-library" class="button" href={libraryUrl()} target="_blank" rel="noopener">
          {t('openLibrary')}
        </a>
        <button type="button" class="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}

function SiteControls({ url, host }: { url: string; host: string }) {
  const settings = useSettings();
  if (!settings) return null;
  // The site's own answer, as if the global switch were on: the switch shows and sets this site's choice.
  const own = resolveSiteState({ ...settings, enabled: true }, url);
  const description = !settings.enabled
    ? t('stateFromGlobal')
    : own.source === 'site'
      ? t('stateFromSite')
      : t(settings.defaultOn ? 'stateFromDefaultOn' : 'stateFromDefaultOff');
  return (
    <SiteSwitch
      id="site-switch"
      label={t('siteSwitch', host)}
      checked={own.enabled}
      description={description}
      disabled={!settings.enabled}
      onChange={(on) => void updateSettings((current) => ({ sites: { ...current.sites, [host]: on } }))}
    />
  );
}
