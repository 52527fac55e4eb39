// The year a news page speaks from, when it says so in its markup: 今年 in
// its text then means that year, not the report's. Read only when the reader
// hovers a figure, from the date tags news sites and their CMSs print. A page
// without one is read as speaking of the target's own year (see figureCard).

/** Date tags in the order they are trusted: Open Graph, then Chinese CMS tags, then a <time> element. */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="publishdate"]',
  'meta[name="PubDate"]',
  'meta[name="pubdate"]',
  'meta[itemprop="datePublished"]',
  'time[datetime]',
];
const YEAR = /^(19|20)\d{2}/;

export function pageYear(doc: Document = document): number | undefined {
  for (const selector of DATE_SELECTORS) {
    const el = doc.querySelector(selector);
    const value = (el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? '').trim();
    const year = YEAR.exec(value)?.[0];
    if (year) return Number(year);
  }
  return undefined;
}
