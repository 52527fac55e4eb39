// Whether PolicyLens can run on a tab's page. Browsers keep content scripts out
// of their own pages, of extension pages, of their web stores, and of file:
// URLs unless the reader allowed file access; the popup says so instead of
// showing a switch that would do nothing, and the page reader
// (extension/sources/read-tab.ts) says so instead of trying to inject.

export type PageSupport = 'web' | 'extension' | 'restricted' | 'file-denied' | 'unknown';

const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
  /^https:\/\/addons\.mozilla\.org\//,
];

export function pageSupport(url: string | undefined, fileAccessAllowed: boolean): PageSupport {
  if (!url) return 'unknown';
  if (/^(chrome|moz)-extension:/.test(url)) return 'extension';
  if (url.startsWith('file:')) return fileAccessAllowed ? 'web' : 'file-denied';
  if (!/^https?:/.test(url)) return 'restricted';
  return STORE_PAGES.some((store) => store.test(url)) ? 'restricted' : 'web';
}
