// Whether PolicyLens runs on a page: the global switch, then the site's own
// setting, then the default for sites not listed. Pure, so the background, the
// popup and the tests decide it the same way.

export interface SiteSettings {
  /** The global switch: off means off everywhere. */
  enabled: boolean;
  /** For sites not in `sites`. */
  defaultOn: boolean;
  /** Site key (see siteKey) → on or off. */
  sites: Record<string, boolean>;
}

export interface ResolvedSiteState {
  enabled: boolean;
  source: 'site' | 'default' | 'global';
  host: string;
}

/**
 * The key a site is stored under: the URL's host name, lower-case, without a
 * leading "www." (www.example.com and example.com are one site to a reader).
 * '' for URLs without a host (file:, data:, about:).
 */
export function siteKey(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Normalises what a reader types in the options page (a host or a URL) to a site key. */
export function siteKeyFromInput(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return '';
  const key = siteKey(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`);
  return /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\]$/.test(key) ? key : '';
}

export function resolveSiteState(settings: SiteSettings, url: string): ResolvedSiteState {
  const host = siteKey(url);
  if (!settings.enabled) return { enabled: false, source: 'global', host };
  const own = Object.hasOwn(settings.sites, host) ? settings.sites[host] : undefined;
  if (own !== undefined) return { enabled: own, source: 'site', host };
  return { enabled: settings.defaultOn, source: 'default', host };
}
