import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
  vite: () => ({ plugins: [preact()], define: { __POLICYLENS_RELEASE_TEST__: JSON.stringify(releaseTest) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: the popup and the keyboard commands learn the current tab's URL (its site) when the reader invokes them; no host permission needed.
    // scripting: "Add this page" injects read-page.js into that same tab (activeTab's grant) to read its article; nothing else is injected anywhere.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpenPopup__' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_commandToggleSite__' },
      'focus-next-term': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandFocusNext__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self';",
    },
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
