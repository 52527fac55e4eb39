// Answers the popup (the terms on this page, reveal one) and the keyboard
// command the background relays (next term). Every message is validated
// before it is read: a page's scripts cannot reach this listener, but a
// malformed message from anywhere gets an error, not an exception.

import { browser } from 'wxt/browser';
import { validateTabMessage, type Reply, type TabRequests } from '@/lib/messages';

export interface TabHandlers {
  pageTerms(): TabRequests['page-terms']['res'];
  revealTerm(termId: string): Promise<TabRequests['reveal-term']['res']>;
  focusNext(): Promise<TabRequests['focus-next']['res']>;
}

/**
 * Listens until the signal aborts; `handlers()` is undefined while the site
 * is off. The caller listens in the top frame only, so one page gives one
 * answer and one card (frames keep their own matches).
 * `onlyTabMessages`: on an extension page (the welcome page) runtime.onMessage
 * also hears every runtime.sendMessage of the extension's other pages and
 * content scripts, meant for the background; such a page leaves all but tab
 * messages unanswered, as its error reply would win the race against the
 * background's answer.
 */
export function listenForTabMessages(
  handlers: () => TabHandlers | undefined,
  signal: AbortSignal,
  { onlyTabMessages = false }: { onlyTabMessages?: boolean } = {},
): void {
  const listener = (message: unknown): Promise<Reply<unknown>> | undefined => {
    const valid = validateTabMessage(message);
    if (typeof valid === 'string') return onlyTabMessages ? undefined : Promise.resolve({ ok: false, error: valid });
    const active = handlers();
    if (!active) return Promise.resolve({ ok: false, error: 'PolicyLens is off on this site' });
    const answer = async (): Promise<unknown> => {
      switch (valid.type) {
        case 'page-terms':
          return active.pageTerms();
        case 'reveal-term':
          return active.revealTerm(valid.termId);
        case 'focus-next':
          return active.focusNext();
      }
    };
    return answer().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // After an extension reload the API throws "Extension context invalidated": the listener died with it.
      }
    },
    { once: true },
  );
}
