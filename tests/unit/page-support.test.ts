import { describe, expect, it } from 'vitest';
import { pageSupport } from '@/lib/page-support';

describe('pageSupport: where the popup offers a site switch', () => {
  it('offers it on web pages', () => {
    expect(pageSupport('https://news.example.com/a.html', false)).toBe('web');
    expect(pageSupport('http://127.0.0.1:8080/', false)).toBe('web');
  });

  it('says extension pages, browser pages and web stores cannot run PolicyLens', () => {
    expect(pageSupport('chrome-extension://abc/popup.html', false)).toBe('extension');
    expect(pageSupport('moz-extension://abc/report.html', false)).toBe('extension');
    expect(pageSupport('chrome://settings/', false)).toBe('restricted');
    expect(pageSupport('about:addons', false)).toBe('restricted');
    expect(pageSupport('view-source:https://example.com/', false)).toBe('restricted');
    expect(pageSupport('https://chromewebstore.google.com/detail/x', false)).toBe('restricted');
    expect(pageSupport('https://chrome.google.com/webstore/category/extensions', false)).toBe('restricted');
    expect(pageSupport('https://addons.mozilla.org/firefox/', false)).toBe('restricted');
  });

  it('treats file: pages by whether the reader allowed file access', () => {
    expect(pageSupport('file:///home/me/news.html', false)).toBe('file-denied');
    expect(pageSupport('file:///home/me/news.html', true)).toBe('web');
  });

  it('says when the tab URL is unknown', () => {
    expect(pageSupport(undefined, false)).toBe('unknown');
  });
});
