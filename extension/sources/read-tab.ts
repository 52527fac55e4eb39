// "Add this page to PolicyLens": the main text of a tab, read by injecting
// entrypoints/read-page.ts into it on the reader's click. It needs only
// activeTab (granted for the tab whose toolbar button or shortcut the reader
// used) and scripting; no host permission, and nothing runs on a page the
// reader did not point at.

import { browser } from 'wxt/browser';
import type { SourceResult, SourceText } from '@/lib/document/source-text';
import { pageSupport } from '@/lib/page-support';
import { t } from '@/extension/i18n';
import { reasonOf, sourceError } from './source-error';

/** What the injected script returns: the page's article, or why it has none. */
export type PageReading = SourceText | { problem: 'not-article' };

function isPageReading(value: unknown): value is PageReading {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v.problem === 'not-article') return true;
  return typeof v.title === 'string' && typeof v.text === 'string' && typeof v.source === 'string';
}

/**
 * Reads the main text of the tab (an article or a report published as a web
 * page). Call it from the popup, with the id of the tab it was opened on:
 * activeTab lets the extension into that tab only after the reader's click.
 * Resolves to the page's { title, text, source (its address) }, or to a
 * SourceError whose message says why not: a browser or store page, a local
 * file without file access, a page with no article, a page that failed to load.
 */
export async function readActiveTab(tabId: number): Promise<SourceResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    return sourceError('page-failed', reasonOf(error));
  }
  const fileAccess = url?.startsWith('file:') ? await browser.extension.isAllowedFileSchemeAccess() : false;
  const support = pageSupport(url, fileAccess);
  if (support === 'extension') return { problem: 'page-restricted', message: t('pageExtension') };
  if (support === 'restricted') return sourceError('page-restricted');
  if (support === 'file-denied') return sourceError('page-file-denied');

  let reading: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/read-page.js'] });
    reading = injection?.result;
  } catch (error) {
    // The browser's own refusals, when the tab's address was hidden from us: Chromium says "Cannot access a
    // chrome:// URL" and "The extensions gallery cannot be scripted."; Firefox names the about: or moz-extension: page.
    const reason = reasonOf(error);
    if (/chrome:\/\/|chrome-extension:|extensions gallery|about:|moz-extension:/i.test(reason)) return sourceError('page-restricted');
    return sourceError('page-failed', reason);
  }
  if (!isPageReading(reading)) return sourceError('page-failed', t('sourcePageNoAnswer'));
  return 'problem' in reading ? sourceError('not-article') : reading;
}
