import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { releaseNotesProblems } from './lib/release-notes';

// POLICYLENS_RELEASE_TEST=next builds the rehearsal of the next release for the
// update test (extension/release-rehearsal.ts); unset, the hook compiles away.
const releaseTest = process.env.POLICYLENS_RELEASE_TEST ?? '';
if (releaseTest !== '' && releaseTest !== 'next') {
  throw new Error(`POLICYLENS_RELEASE_TEST must be unset or "next", not "${releaseTest}"`);
}

// POLICYLENS_TEST_PAGES=1 adds the pages of tests/browser that drive code no
// shipped page calls yet (the source readers); a normal build has none of them.
const testPages = process.env.POLICYLENS_TEST_PAGES ?? '';
if (testPages !== '' && testPages !== '1') {
  throw new Error(`POLICYLENS_TEST_PAGES must be unset or "1", not "${testPages}"`);
}

// PDFs from Chinese office systems often name Adobe's Chinese fonts
// (STSong-Light with the UniGB-UCS2-H encoding) without embedding them: pdf.js
// reads their text only with the CMaps of those character collections. The
// simplified (GB1) and traditional (CNS1) Chinese ones ship in the extension
// (about 0.5 MB, under pdfjs/cmaps/, with Adobe's licence), read from there by
// extension/sources/read-pdf.ts; no other pdf.js data file is needed for text.
const PDF_CMAPS = 'node_modules/pdfjs-dist/cmaps';
const CHINESE_CMAP = /^(Adobe-(GB1|CNS1)-.*|UniGB-.*|UniCNS-.*|(GB|CNS|B5|ETen|ETHK|HK).*|LICENSE)$/;

// The popup's note after an update comes from release-notes.json (lib/release-notes.ts): a release
// cannot be built without sound notes of its own.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
let releaseNotes: unknown;
try {
  releaseNotes = JSON.parse(readFileSync('release-notes.json', 'utf8'));
} catch (error) {
  throw new Error(`release-notes.json cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}
const notesProblems = releaseNotesProblems(releaseNotes, version);
if (notesProblems.length) throw new Error(`release-notes.json: ${notesProblems.join('; ')}`);

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
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(PDF_CMAPS).filter((n) => CHINESE_CMAP.test(n))) {
        files.push({ absoluteSrc: resolve(PDF_CMAPS, name), relativeDest: `pdfjs/cmaps/${name}` });
      }
    },
    'entrypoints:found': (_wxt, infos) => {
      if (testPages) {
        infos.push({ name: 'source-readers', inputPath: resolve('tests/browser/source-readers/index.html'), type: 'unlisted-page' });
      }
    },
  },
  vite: () => ({ plugins: [preact(), otherIndexBundle], define: { __POLICYLENS_RELEASE_TEST__: JSON.stringify(releaseTest) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: the popup and the keyboard commands learn the current tab's URL (its site) when the reader invokes them; no host permission needed.
    // scripting: "Add this page" injects read-page.js into that same tab (activeTab's grant) to read its article; nothing else is injected anywhere.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // Suggested keys the browsers really bind. Chromium leaves a suggested key unbound, silently, when
    // it is one of its own accelerators (CommandService::CanAutoAssign; the table is
    // chrome/browser/ui/views/accelerator_table.cc): on a fresh Chromium 156 profile Alt+Shift+P (new
    // tab group), Alt+Shift+N (new split tab) and Alt+Shift+A B C R T W X Z all came back from
    // commands.getAll() with no shortcut, and the keys below bound (tests/browser/commands.browser.test.ts).
    // Alt+Shift+letter is free in Firefox's own keyset (browser/base/content/browser-sets.inc has no
    // alt,shift key off macOS), where Ctrl+Shift+letter is taken by devtools, the library and more in
    // both browsers. Alt+Shift+I, which Chromium binds, is Google Chrome's feedback key, and ChromeOS
    // takes Alt+Shift+L M N P S for itself: none of them is used. Chrome binds at most four suggested
    // keys per extension; these are three.
    commands: {
      // K: the search key of both browsers (Ctrl+K focuses their search), and the popup opens on its search box.
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPopup__' },
      // O: on/off for this site. Bound in Chromium 156 and free in Firefox; kept from the first release.
      'toggle-site': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_commandToggleSite__' },
      // J: "next item" in the news readers and mail clients a journalist already uses (Gmail, Feedly).
      'focus-next-term': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandFocusNext__' },
    },
    // 'wasm-unsafe-eval': the background compiles jieba's wasm (its own file) when the reader adds a
    // document; no string is ever evaluated. Content scripts follow the page's CSP and never load jieba.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
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
