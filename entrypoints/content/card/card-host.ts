// The card's host: a <policy-lens-card> element with an open shadow root, so
// page CSS cannot reach the card and the card's CSS cannot reach the page,
// attached to <html>, not <body>, so the page's body stays exactly as the
// page built it. A few lines of our own where WXT's createShadowRootUi did the
// same: it brought some 300 lines of code (waiting for elements, merging
// options, a map keyed by several values) into every page for this one call.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_TAG } from '../collect-text';
import { CARD_CSS } from './card-style';

export interface CardHost {
  shadowHost: HTMLElement;
  /** The element inside the shadow root that holds the card. */
  uiContainer: HTMLElement;
  mount(): void;
  remove(): void;
}

/**
 * Throws when the host cannot have its shadow root: a page that defined
 * <policy-lens-card> as its own custom element upgrades ours with its class,
 * which may take the shadow root first.
 */
export function createCardHost(ctx: ContentScriptContext): CardHost {
  const shadowHost = document.createElement(CARD_TAG);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  // Adopted, not a <style> element: a strict CSP refuses inline styles (and reports them).
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Where a content script may not adopt a sheet built in its own world (Firefox's Xray
    // wrappers have refused it), a <style> element is the way left. Not verified in Firefox
    // yet: on a strict-CSP page it may be refused too, leaving the card unstyled but usable.
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    shadow.append(style);
  }
  const uiContainer = document.createElement('div');
  shadow.append(uiContainer);
  const remove = () => {
    shadowHost.remove();
    uiContainer.replaceChildren();
  };
  ctx.onInvalidated(remove);
  return { shadowHost, uiContainer, mount: () => document.documentElement.append(shadowHost), remove };
}
