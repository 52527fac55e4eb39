import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { IndexStatus } from '@/lib/messages';
import { siteKeyFromInput } from '@/lib/site-state';
import { updateSettings, type HighlightStyle, type Settings } from '@/extension/settings';
import { askBackground } from '@/extension/background-client';
import { welcomeUrl } from '@/extension/first-run';
import { t } from '@/extension/i18n';
import { SiteSwitch } from '@/components/SiteSwitch/SiteSwitch';
import { useSettings } from '@/components/use-settings';
import { RebuildButton } from '@/components/RebuildButton/RebuildButton';
import { ShortcutTable } from '@/components/ShortcutTable/ShortcutTable';
import { useCommands } from '@/components/use-commands';

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SitesSection settings={settings} />
      <AppearanceSection settings={settings} />
      <ShortcutsSection />
      <IndexSection />
      <WelcomeSection />
    </main>
  );
}

function SitesSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const hosts = Object.keys(settings.sites).sort();

  function add(event: Event) {
    event.preventDefault();
    const host = siteKeyFromInput(draft);
    if (!host) {
      setProblem(t('sitesAddInvalid', draft.trim()));
      return;
    }
    setProblem('');
    setDraft('');
    void updateSettings((current) => ({ sites: { ...current.sites, [host]: true } }));
  }

  function remove(host: string) {
    void updateSettings((current) => {
      const { [host]: _removed, ...rest } = current.sites;
      return { sites: rest };
    });
  }

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <SiteSwitch
        id="global-switch"
        label={t('globalSwitch')}
        checked={settings.enabled}
        onChange={(enabled) => void updateSettings({ enabled })}
      />
      <SiteSwitch
        id="default-switch"
        label={t('sitesDefault')}
        description={t('sitesDefaultHint')}
        checked={settings.defaultOn}
        onChange={(defaultOn) => void updateSettings({ defaultOn })}
      />
      {hosts.length === 0 ? (
        <p class="options__hint">{t('sitesNone')}</p>
      ) : (
        <ul class="options__sites" aria-label={t('sitesListLabel')}>
          {hosts.map((host) => (
            <li key={host} class="options__site" data-host={host}>
              <SiteSwitch
                id={`site-${host.replace(/[^a-z0-9]/g, '-')}`}
                label={host}
                checked={settings.sites[host] ?? false}
                onChange={(on) => void updateSettings((current) => ({ sites: { ...current.sites, [host]: on } }))}
              />
              <button type="button" class="button" aria-label={t('sitesRemove', host)} onClick={() => remove(host)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="options__add" onSubmit={add}>
        <label for="add-site">{t('sitesAdd')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          placeholder="news.example.com"
          value={draft}
          aria-invalid={!!problem}
          aria-describedby={problem ? 'add-site-problem' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('add')}
        </button>
        {problem && (
          <p id="add-site-problem" class="options__problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}

const STYLES: HighlightStyle[] = ['underline', 'tint'];
const MAX_DELAY_MS = 2000;

function AppearanceSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
      <fieldset class="options__styles">
        <legend>{t('highlightStyle')}</legend>
        {STYLES.map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => void updateSettings({ highlightStyle: style })}
            />
            <span class={`options__sample options__sample--${style}`} style={{ '--sample': settings.highlightColor }}>
              {t(style === 'underline' ? 'highlightUnderline' : 'highlightTint')}
            </span>
          </label>
        ))}
      </fieldset>
      <p class="options__row">
        <label for="highlight-color">{t('highlightColor')}</label>
        <input
          id="highlight-color"
          type="color"
          value={settings.highlightColor}
          onChange={(e) => void updateSettings({ highlightColor: e.currentTarget.value })}
        />
      </p>
      <p class="options__row">
        <label for="hover-delay">{t('hoverDelay')}</label>
        <input
          id="hover-delay"
          type="number"
          min={0}
          max={MAX_DELAY_MS}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const ms = Number(e.currentTarget.value);
            if (Number.isFinite(ms)) void updateSettings({ hoverDelayMs: Math.min(MAX_DELAY_MS, Math.max(0, Math.round(ms))) });
          }}
        />
        <span class="options__hint">{t('milliseconds')}</span>
      </p>
      <p class="options__row">
        <label>
          <input
            id="show-related"
            type="checkbox"
            checked={settings.showRelated}
            aria-describedby="show-related-hint"
            onChange={(e) => void updateSettings({ showRelated: e.currentTarget.checked })}
          />
          <span class="options__sample options__sample--related" style={{ '--sample': settings.highlightColor }}>
            {t('showRelated')}
          </span>
        </label>
      </p>
      <p id="show-related-hint" class="options__hint">
        {t('showRelatedHint')}
      </p>
    </section>
  );
}

function ShortcutsSection() {
  const commands = useCommands();
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      {commands && <ShortcutTable commands={commands} />}
    </section>
  );
}

/** The welcome page opens by itself once, on install: here the reader opens it again. */
function WelcomeSection() {
  return (
    <section aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('welcomeReopenHeading')}</h2>
      <p class="options__hint">{t('welcomeReopenText')}</p>
      <button type="button" class="button" id="open-welcome" onClick={() => void browser.tabs.create({ url: welcomeUrl() })}>
        {t('welcomeReopen')}
      </button>
    </section>
  );
}

function IndexSection() {
  const [status, setStatus] = useState<IndexStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    askBackground('index-status', {}).then(setStatus, (e: unknown) => setError(String(e)));
  }, []);
  const state = status ? t(`indexState_${status.state}`) : '';
  return (
    <section aria-labelledby="index-heading">
      <h2 id="index-heading">{t('indexHeading')}</h2>
      {status && (
        <dl class="options__index" data-state={status.state}>
          <dt>{t('indexStateLabel')}</dt>
          <dd>{state}</dd>
          <dt>{t('indexDocuments')}</dt>
          <dd data-count="documents">{status.counts.documents}</dd>
          <dt>{t('indexClauses')}</dt>
          <dd data-count="clauses">{status.counts.clauses}</dd>
          <dt>{t('indexTargets')}</dt>
          <dd data-count="targets">{status.counts.targets}</dd>
          <dt>{t('indexTerms')}</dt>
          <dd data-count="terms">{status.counts.terms}</dd>
          <dt>{t('indexVersion')}</dt>
          <dd>
            <code>{status.version}</code>
          </dd>
          {status.loadMs !== undefined && (
            <>
              <dt>{t('indexLoadTime')}</dt>
              <dd>{t('indexLoadMs', String(status.loadMs))}</dd>
            </>
          )}
          {status.error && (
            <>
              <dt>{t('indexError')}</dt>
              <dd>{status.error}</dd>
            </>
          )}
        </dl>
      )}
      {error && <p role="alert">{error}</p>}
      <RebuildButton
        onBusy={setBusy}
        onRebuild={() => askBackground('rebuild', {}).then(setStatus, (e: unknown) => setError(String(e)))}
      />
      <p role="status" class="options__hint">
        {busy ? t('indexRebuilding') : ''}
      </p>
    </section>
  );
}
