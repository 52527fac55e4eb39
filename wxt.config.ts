import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// POLICYLENS_RELEASE_TEST=next builds the rehearsal of the next release for the
// update test (extension/release-rehearsal.ts); unset, the hook compiles away.
const releaseTest = process.env.POLICYLENS_RELEASE_TEST ?? '';
if (releaseTest !== '' && releaseTest !== 'next') {
  throw new Error(`POLICYLENS_RELEASE_TEST must be unset or "next", not "${releaseTest}"`);
}

// POLICYLENS_INDEX_BUNDLE=/path/index-bundle.js builds with another bundled index than
// .generated's: the benchmark's larger libraries (bench/library-sizes.ts).
const indexBundle = process.env.POLICYLENS_INDEX_BUNDLE;
const otherIndexBundle = {
  name: 'policy-lens-index-bundle',
  enforce: 'pre' as const,
  // After the '@' alias: the background's import of '@/.generated/index-bundle', by its path.
  resolveId: (id: string) => (indexBundle && /[\\/]\.generated[\\/]index-bundle(\.js)?$/.test(id) ? indexBundle : null),
};

// POLICYLENS_OUT lets parallel builds (tests, benchmarks) write to their own folder.
export default defineConfig({
  outDir: process.env.POLICYLENS_OUT ?? '.output',
  manifestVersion: 3,
  // Explicit imports: lib/ must stay free of extension globals, and a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact(), otherIndexBundle], define: { __POLICYLENS_RELEASE_TEST__: JSON.stringify(releaseTest) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: the popup and the keyboard commands learn the current tab's URL (its site) when the reader invokes them; no host permission needed.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpenPopup__' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_commandToggleSite__' },
      'focus-next-term': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandFocusNext__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self';",
    },
    // Messages as structured clones, not JSON (Chrome 148+): the term table's typed arrays reach every page as
    // they are, copied in one step, where JSON wrote and parsed every number. Firefox always clones messages and
    // ignores the key (web-ext lint accepts it).
    message_serialization: 'structured_clone',
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policylens.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
