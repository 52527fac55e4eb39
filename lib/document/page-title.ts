// A web page's title usually carries the site's name after the article's
// (2031年云河市政府工作报告_云河市人民政府门户网站). Chinese sites join them with
// "_", "-" or "|", often without spaces, which Readability does not take for
// separators. When one part of the title is the page's own heading, that part
// is the document's title; otherwise the title is kept whole, since a dash
// can belong to the title itself.

const SEPARATORS = /\s*[_|｜]\s*|\s+[-–—]\s+|(?<=\S)[-–—](?=\S)/;

export function pageTitle(title: string, headings: readonly string[]): string {
  const whole = title.replace(/\s+/g, ' ').trim();
  const heads = new Set(headings.map((h) => h.replace(/\s+/g, ' ').trim()).filter(Boolean));
  if (heads.has(whole)) return whole;
  const part = whole.split(SEPARATORS).find((p) => heads.has(p.trim()));
  return part?.trim() ?? whole;
}
