// The built manifests ask for the fewest permissions that do the job, and the
// README states each one and why: the permissions are exactly the README's
// table, no host permissions (required or optional), no optional permissions,
// and no web_accessible_resources (no page needs to load a file of ours: the
// card's styles are adopted from the content script, the report view opens
// through the background). message-validation.browser.test.ts checks in the
// browser that a page can fetch none of the extension's files.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtExtensionDir } from './harness';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_scripts?: { matches: string[] }[];
}

/** The rows of the README's "Permissions and why" table: the name in backticks, and the reason. */
function readmePermissions(): Map<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = /## Permissions and why\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Permissions and why" section');
  const rows = new Map<string, string>();
  for (const [, name, why] of section.matchAll(/^\| `([^`]+)` \| (.+?) \|$/gm)) rows.set(name!, why!.trim());
  return rows;
}

const builds = (['chrome', 'firefox'] as const).filter(
  (browser) => browser === 'chrome' || existsSync(resolve(process.env.POLICYLENS_OUT ?? '.output', 'firefox-mv3', 'manifest.json')),
);

describe.each(builds)('the %s-mv3 manifest', (browser) => {
  const manifest = JSON.parse(readFileSync(join(builtExtensionDir(browser), 'manifest.json'), 'utf8')) as Manifest;

  it('asks for exactly the permissions the README lists, each with its reason', () => {
    const documented = readmePermissions();
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...documented.keys()].sort());
    expect([...documented.keys()].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    for (const why of documented.values()) expect(why.length).toBeGreaterThan(20);
  });

  it('has no host permissions, optional permissions or external connections', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('exposes no file to web pages', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('runs its content script on all pages, as the README says', () => {
    expect(manifest.content_scripts?.map((c) => c.matches)).toEqual([['<all_urls>']]);
    expect(readFileSync('README.md', 'utf8')).toMatch(/\| content script on all sites \| .{20,} \|/);
  });
});
