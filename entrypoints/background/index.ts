import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import builtBundle from '@/.generated/index-bundle';
import traditional from '@/.generated/traditional-table';
import { TERM_FACTS } from '@/lib/document/term-facts';
import aliases from '@/seeds/metric-aliases.json';
import { NEXT_RELEASE_REHEARSAL } from '@/extension/release-rehearsal';
import { createIndexStore } from './index-store';
import { createSearchService } from './search-service';
import { createMessageHandler } from './handle-message';
import { createLibraryService } from './library-service';
import { registerContextMenu } from './context-menu';
import { registerCommands } from './commands';
import { registerFirstRun } from './first-run';

// The rehearsal build of the next release ships the same index under a newer version (release-rehearsal.ts).
const bundle = NEXT_RELEASE_REHEARSAL ? { ...builtBundle, version: `${builtBundle.version}+next` } : builtBundle;

export default defineBackground({
  // An ES-module worker: Chrome and Firefox MV3 both load it, and Vite splits
  // it into chunks the extension pages share instead of one inlined script.
  type: 'module',
  main() {
    const store = createIndexStore(bundle, undefined, { traditional, aliases });
    const search = createSearchService(store);
    const library = createLibraryService(store, search, { facts: TERM_FACTS, traditional });
    const handleMessage = createMessageHandler(store, search, library);

    // Every start of the service worker checks the database against the bundle:
    // on install and update the versions differ and the bundle is loaded; on an
    // ordinary restart the snapshot is read back.
    void store.ready();

    registerContextMenu();
    registerCommands();
    registerFirstRun();

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // sendResponse + `return true` rather than a returned promise: Chrome's
      // runtime.onMessage long ignored returned promises (crbug.com/1185241).
      void handleMessage(message, sender).then(sendResponse);
      return true;
    });
  },
});
