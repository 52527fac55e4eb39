// Injected into the current tab only when the reader asks to add that page
// (extension/sources/read-tab.ts, through scripting.executeScript with the
// activeTab grant of the reader's click), never declared as a content script:
// Readability stays out of the script that runs on every page. It reads the
// article from a clone of the document and returns it; the page is not
// changed. The return value (the script's completion value) is what
// executeScript hands back, so it is plain data.

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isArticleLength, readArticle } from '@/extension/sources/read-article';
import type { PageReading } from '@/extension/sources/read-tab';

export default defineUnlistedScript((): PageReading => {
  const article = readArticle(document);
  if (!article || !isArticleLength(article.text)) return { problem: 'not-article' };
  return { title: article.title, text: article.text, source: location.href };
});
