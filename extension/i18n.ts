// UI text for extension pages: Chinese by default (default_locale zh_CN), English
// when the browser's language is English; the browser picks the messages.json.

import { browser } from 'wxt/browser';

type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** The localised message for a key; the key itself if a locale lacks it, so a gap shows instead of a blank. */
export function t(key: string, ...substitutions: string[]): string {
  const get = browser.i18n.getMessage as unknown as GetMessage;
  return get(key, substitutions.length ? substitutions : undefined) || key;
}

/** The language of the messages in use, for <html lang> (screen readers pick their voice by it). */
export function uiLang(): string {
  return t('htmlLang');
}
