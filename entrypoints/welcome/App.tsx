import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/extension/i18n';
import { reportUrl } from '@/extension/report-url';
import { SampleArticle } from '@/components/SampleArticle/SampleArticle';
import { SearchPanel } from '@/components/SearchPanel/SearchPanel';
import { searchReport } from '@/components/SearchPanel/search-report';
import { ShortcutTable } from '@/components/ShortcutTable/ShortcutTable';
import { SiteSwitch } from '@/components/SiteSwitch/SiteSwitch';
import { shortcutOf, useCommands } from '@/components/use-commands';
import type { SampleLens } from './sample-lens';

const RESULT_LIMIT = 10;
/** Stands for the key in a message, so the key can be drawn as a key. */
const KEY_SLOT = '\uE000';

/** A sentence with a keyboard shortcut in it ($1 of the message), the shortcut drawn as a key. */
function WithKey({ message, keys }: { message: string; keys: string }) {
  const [before = '', after = ''] = t(message, KEY_SLOT).split(KEY_SLOT);
  return (
    <>
      {before}
      <kbd>{keys}</kbd>
      {after}
    </>
  );
}

function openClause(clauseId: string) {
  void browser.tabs.create({ url: reportUrl({ clauseId }) });
}

/**
 * The page a reader meets on install: what PolicyLens does, then the three
 * gestures tried on a sample article for real (the hover card, the next-term
 * key, the search), the per-site switch and where the settings are.
 */
export function App({ lens }: { lens: SampleLens }) {
  const commands = useCommands();
  const [sampleOn, setSampleOn] = useState(true);
  const [problem, setProblem] = useState('');

  function switchSample(on: boolean) {
    setSampleOn(on);
    lens.setOn(on).then(
      () => setProblem(''),
      (error: unknown) => setProblem(t('welcomeSampleFailed', error instanceof Error ? error.message : String(error))),
    );
  }

  useEffect(() => switchSample(true), []);

  const nextKey = shortcutOf(commands, 'focus-next-term');
  const siteKey = shortcutOf(commands, 'toggle-site');
  const popupKey = shortcutOf(commands, '_execute_action');

  return (
    <main class="welcome">
      <header class="welcome__header">
        <h1>{t('welcomeTitle')}</h1>
        <p class="welcome__intro">{t('welcomeIntro')}</p>
      </header>

      <section aria-labelledby="try-heading">
        <h2 id="try-heading">{t('welcomeTryHeading')}</h2>
        <ol class="welcome__gestures">
          <li>{t('welcomeTryHover')}</li>
          <li>
            {commands && (nextKey ? <WithKey message="welcomeTryNext" keys={nextKey} /> : t('welcomeTryNextUnset'))}{' '}
            <button type="button" class="button" id="next-term" onClick={() => void lens.focusNext()}>
              {t('welcomeNextButton')}
            </button>
          </li>
          <li>{t('welcomeTrySearch')}</li>
        </ol>
        {problem && (
          <p class="welcome__problem" role="alert">
            {problem}
          </p>
        )}
        <SampleArticle />
      </section>

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('welcomeSearchHeading')}</h2>
        {popupKey && (
          <p>
            <WithKey message="welcomeSearchKey" keys={popupKey} />
          </p>
        )}
        <SearchPanel search={(query) => searchReport(query, RESULT_LIMIT)} onOpen={openClause} autoFocus={false} />
      </section>

      <section aria-labelledby="site-heading">
        <h2 id="site-heading">{t('welcomeSiteHeading')}</h2>
        <p>
          {t('welcomeSiteText')} {siteKey && <WithKey message="welcomeSiteKey" keys={siteKey} />}
        </p>
        <SiteSwitch id="sample-switch" label={t('welcomeSampleSwitch')} checked={sampleOn} onChange={switchSample} />
      </section>

      <section aria-labelledby="options-heading">
        <h2 id="options-heading">{t('welcomeOptionsHeading')}</h2>
        <p>{t('welcomeOptionsText')}</p>
        <p>
          <button type="button" class="button" id="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('welcomeOpenOptions')}
          </button>
        </p>
        <h3>{t('shortcutsHeading')}</h3>
        {commands && <ShortcutTable commands={commands} />}
      </section>
    </main>
  );
}
