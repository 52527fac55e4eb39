// A page of the test build only (POLICYLENS_TEST_PAGES=1, see wxt.config.ts):
// it hands the source readers, bundled exactly as an extension page bundles
// them (pdf.js chunk, worker asset, messages), to the browser tests, which call
// them with page.evaluate until the library page and the popup call them.

import { readFile } from '@/extension/sources/read-file';
import { readActiveTab } from '@/extension/sources/read-tab';

Object.assign(globalThis, { policyLensSources: { readFile, readActiveTab } });
document.documentElement.dataset.ready = 'true';
