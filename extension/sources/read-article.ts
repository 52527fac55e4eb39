// The main text of a web page, as Firefox's Reader View finds it
// (@mozilla/readability): the article without navigation, header, footer,
// sidebars and share buttons. Readability rewrites the document it reads, so
// it is given a clone (a document without a browsing context: nothing in it
// loads or runs) and the page itself is left as it was.

import { Readability } from '@mozilla/readability';
import { pageTitle } from '@/lib/document/page-title';
import { elementText } from './element-text';

export interface Article {
  title: string;
  text: string;
}

/** Fewer characters than this (white space not counted) is a page with no article: a portal, a list, a login form. */
export const MIN_ARTICLE_CHARS = 200;

/** True when the text is long enough to be an article (see MIN_ARTICLE_CHARS). */
export function isArticleLength(text: string): boolean {
  return text.replace(/\s/g, '').length >= MIN_ARTICLE_CHARS;
}

/** Readability's article of the document, as paragraphs of text; undefined when it finds none. */
export function readArticle(document: Document): Article | undefined {
  const clone = document.cloneNode(true) as Document;
  // The serializer hands back the article's element itself, so its paragraphs are read from the markup, not from an HTML string.
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  if (!article?.content) return undefined;
  const headings = [...document.querySelectorAll('h1')].map((h) => h.textContent ?? '');
  return { title: pageTitle(article.title?.trim() || document.title, headings), text: elementText(article.content) };
}
