// The page's DOM is the page's: one page goes through scanning, hovering (card
// open) and switching off, and after each step its DOM is the one its
// scripts built. body.innerHTML alone cannot see a text node split or merged
// (the serialisation is the same), so the page also keeps every node it had
// at load and checks each is still there, in the same place, with the same
// data; its own adopted stylesheet must survive ours being added and removed.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveFixtures, waitForIndexReady, type ExtensionSession, type FixtureServer } from './harness';
import { highlightCount, highlightedTexts, restOnTerm, setSettings } from './reliability-support';

/**
 * At DOMContentLoaded (after the page's own scripts, before the content
 * script's document_idle) the page records its DOM; __domChanges() lists
 * every way the DOM differs from that record, leaving out our card host.
 */
const DOM_RECORDER = `
  (() => {
    const CARD = 'POLICY-LENS-CARD';
    const nodesOf = () => {
      const out = [];
      const walk = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL, {
          acceptNode: (n) => (n.nodeName === CARD ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let n = walker.currentNode; n; n = walker.nextNode()) {
          out.push(n);
          if (n.shadowRoot) walk(n.shadowRoot);
        }
      };
      walk(document.documentElement);
      return out;
    };
    const describe = (n) => n.nodeType === 1 ? '<' + n.nodeName + '>' : n.nodeName + ' ' + JSON.stringify(n.nodeValue);
    const attrs = (el) => [...el.attributes].map((a) => a.name + '=' + a.value).join(' ');
    const record = () => {
      const nodes = nodesOf();
      return {
        nodes,
        values: nodes.map((n) => n.nodeValue),
        body: document.body.innerHTML,
        head: document.head.innerHTML,
        htmlAttrs: attrs(document.documentElement),
        htmlChildren: [...document.documentElement.children].filter((c) => c.nodeName !== CARD).length,
        adopted: [...document.adoptedStyleSheets],
      };
    };
    document.addEventListener('DOMContentLoaded', () => { window.__domAtLoad = record(); });
    window.__domChanges = () => {
      const before = window.__domAtLoad;
      const now = record();
      const changes = [];
      if (now.body !== before.body) changes.push('body.innerHTML changed');
      if (now.head !== before.head) changes.push('head.innerHTML changed');
      if (now.htmlAttrs !== before.htmlAttrs) changes.push('html attributes: ' + now.htmlAttrs);
      if (now.htmlChildren !== before.htmlChildren) changes.push('html children: ' + now.htmlChildren);
      if (now.nodes.length !== before.nodes.length) changes.push('node count ' + before.nodes.length + ' -> ' + now.nodes.length);
      before.nodes.forEach((n, i) => {
        if (now.nodes[i] !== n) changes.push('node ' + i + ' ' + describe(n) + ' replaced or moved');
        else if (n.nodeValue !== before.values[i]) changes.push('node ' + i + ' ' + describe(n) + ' data changed');
      });
      const ownSheets = now.adopted.filter((s) => before.adopted.includes(s));
      if (ownSheets.length !== before.adopted.length) changes.push("the page's adopted sheets were dropped");
      return changes;
    };
  })();
`;

const domChanges = (page: Page) => page.evaluate(() => (window as unknown as { __domChanges(): string[] }).__domChanges());
const ourSheets = (page: Page) =>
  page.evaluate(() => {
    const own = (window as unknown as { __ownSheet: CSSStyleSheet }).__ownSheet;
    const shadow = document.getElementById('widget')!.shadowRoot!;
    return {
      document: document.adoptedStyleSheets.filter((s) => s !== own).length,
      shadow: shadow.adoptedStyleSheets.length,
      ownFirst: document.adoptedStyleSheets[0] === own,
    };
  });

describe('reliability: the page DOM is never changed', () => {
  let session: ExtensionSession;
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    await session.context.addInitScript({ content: DOM_RECORDER });
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('is the same DOM after scanning, with the card open, and after switching off', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${site.origin}/reliability-dom.html`);

    // Scanning: every term of the page's own tree is painted (the one in the shadow root too), nothing else.
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 6, null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    // A metric with the figure beside it is one highlight (50万亩以上<em>高标准</em>农田建设 across three text nodes).
    expect(await highlightedTexts(page)).toEqual([
      '高效办成一件事',
      '50万亩以上高标准农田建设',
      '津治通',
      '居家适老化改造1000户',
      '长护险',
      '天津马拉松赛',
    ]);
    expect(await highlightCount(page)).toBe(7);
    expect(await domChanges(page)).toEqual([]);
    // The default look comes from the manifest CSS: no sheet of ours in the document (adopting one restyles every element).
    expect(await ourSheets(page)).toEqual({ document: 0, shadow: 1, ownFirst: true });

    // Hovering a term spread over three adjacent text nodes: the card opens and the page is untouched.
    await restOnTerm(page, page, '津治通');
    expect(await page.evaluate(() => !!document.querySelector('policy-lens-card'))).toBe(true);
    expect(await domChanges(page)).toEqual([]);

    // Another look: our sheet joins the page's own, after it.
    await setSettings(session, { highlightStyle: 'tint' });
    await page.waitForFunction(() => document.adoptedStyleSheets.length === 2);
    expect(await ourSheets(page)).toEqual({ document: 1, shadow: 1, ownFirst: true });
    expect(await domChanges(page)).toEqual([]);

    // Switching off from the settings (as the options page does): highlights, card and our sheets go.
    await setSettings(session, { enabled: false });
    await page.waitForFunction(
      () => !CSS.highlights.has('policy-lens') && !CSS.highlights.has('policy-lens-hover') && !document.querySelector('policy-lens-card'),
      null,
      { timeout: 10_000 },
    );
    expect(await domChanges(page)).toEqual([]);
    expect(await ourSheets(page)).toEqual({ document: 0, shadow: 0, ownFirst: true });

    // Off means off: the page changes, nothing of ours comes back.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '补充：适老化改造继续推进。';
      document.getElementById('story')!.append(p);
    });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => CSS.highlights.has('policy-lens'))).toBe(false);
    await setSettings(session, { enabled: true, highlightStyle: 'underline' });
    await page.close();
  });

  it('leaves no error in any console', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
