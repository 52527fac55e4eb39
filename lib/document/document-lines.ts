// A report text read line by line: what each line is, with its UTF-16 range
// in the text, so that clauses can point back at the exact characters. The
// bundled seed is a newspaper page folded to Markdown-ish text ('#' titles,
// page markers such as (上接第3版), filler lines where the page broke); a text
// a reader adds is a copy from a web page, a PDF or a Word file: numbered
// headings 一、 (一) 1. 第一章 第一条, page numbers (— 3 —, 第3页), lines cut
// inside a word, and the site's navigation around the article (首页 > 政务公开,
// 来源：…, 【打印】【关闭】, 版权所有 …). Navigation and page numbers are left
// out here; joining cut lines is the reader's job (read-document.ts).

import type { SeedSpan } from '../model';

/**
 * Numbered heading styles, from the outermost: 第一章, 一、, (一), 第一条, 1.
 * Which of them a document uses decides its outline (read-document.ts).
 */
export type HeadingStyle = 'chapter' | 'part' | 'section' | 'article' | 'item';

export const HEADING_STYLES: readonly HeadingStyle[] = ['chapter', 'part', 'section', 'article', 'item'];

export type DocumentLine =
  | { kind: 'heading'; level: number; text: string; span: SeedSpan }
  | { kind: 'numbered'; style: HeadingStyle; label: string; heading: string; printed: string; span: SeedSpan }
  | {
      kind: 'body';
      text: string;
      span: SeedSpan;
      /** The line continues a story from an earlier page (上接第3版). */
      continued: boolean;
      /** A row of a table copied as text: a paragraph of its own, never joined to the next line. */
      standalone: boolean;
    };

const NUMERAL = '[一二三四五六七八九十]+';
const BIG_NUMERAL = '[一二三四五六七八九十百零〇]+';
/** 三、努力提升政府治理效能和水平: a part of the report (or a section of the article). */
const PART_HEADING = new RegExp(`^(${NUMERAL})、(.+)$`);
/** (四)全力深化改革扩大开放,…: a numbered item inside a part. */
const SECTION_HEADING = new RegExp(`^([(（]${NUMERAL}[)）])(.+)$`);
/** 第二章 主要目标: a chapter of a plan or a regulation. */
const CHAPTER_HEADING = new RegExp(`^(第${BIG_NUMERAL}[章编])[\\s\\u3000]*(.+)$`);
/** 1.扩大有效投资 / 1．… / 1、…: an item inside a section (not 1.5万, a decimal). */
const ITEM_HEADING = /^(\d{1,2}[.．、])(?![\d０-９])[\s\u3000]*(.+)$/;
/** 第三条 …: an article, its text on the same line or a heading of its own. */
const ARTICLE_START = new RegExp(`^(第${BIG_NUMERAL}条)(?:[\\s\\u3000:：]+|(?=[\\u4e00-\\u9fff“「《]))`);
/** (上接第3版) opens the continuation of a story on a later page. */
const CONTINUED_FROM = /^[(（](?:上接|紧接|接)第[0-9０-９一二三四五六七八九十]+版[)）]/;
/** (下转第4版) ends the part of a story printed on this page. */
const CONTINUED_ON = /[(（]下转第[0-9０-９一二三四五六七八九十]+版[)）]$/;
/** A page number on a line of its own: — 3 —, - 12 -, 3, ·3·, 第 3 页, 第3页 共20页, 3/20. */
const PAGE_NUMBER =
  /^[-—－–~·•\s\u3000]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})[-—－–~·•\s\u3000]*$/;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]*/;
/** A heading never runs longer than this; a longer numbered line is a paragraph that starts with a list label. */
const MAX_HEADING_LENGTH = 60;
/** Navigation is short: a longer line is text even if it names 来源 or 版权. */
const MAX_NAVIGATION_LENGTH = 80;
/** Lines a web page prints around the article: breadcrumbs, source and date lines, buttons, footers. */
const NAVIGATION = [
  /^(?:首页|当前位置|您的位置|您现在的位置|所在位置)(?:[\s\u3000:：>＞»›/|]|$)/,
  /^(?:来源|作者|编辑|责任编辑|审核|校对|发布时间|发布日期|发布机构|成文日期|时间|日期|浏览次数|访问量|点击数|阅读数|阅读量|字号|文章来源|信息来源)[\s\u3000]*[:：]/,
  /^(?:打印|关闭|关闭窗口|打印本页|分享到|分享|收藏|返回顶部|返回|上一篇|下一篇|相关阅读|相关链接|相关新闻|相关文章|网站地图|联系我们|设为首页|加入收藏|无障碍|长者模式|English)(?:[\s\u3000:：]|$)/,
  /^(?:扫一扫|扫码|微信扫一扫)/,
  /(?:ICP备|公网安备|版权所有|Copyright|©|主办单位|承办单位|技术支持)/i,
  /^(?:[【\[][^【】\[\]]{1,8}[】\]][\s\u3000]*)+$/,
  /^[^。！？!?]{1,40}(?:[>＞»›][^。！？!?>＞»›]{1,40}){2,}$/,
];
/** A menu: three or more short words set apart by spaces or bars, and no sentence mark. */
const MENU = /^(?:[^\s\u3000|｜，,。；;：:！!？?]{1,8}[\s\u3000]*[|｜][\s\u3000]*){2,}[^\s\u3000|｜，,。；;：:！!？?]{1,8}$|^(?:[^\s\u3000|｜，,。；;：:！!？?\d]{1,6}[\s\u3000]+){3,}[^\s\u3000|｜，,。；;：:！!？?\d]{1,6}$/;
/** A table row copied as text: cells parted by tabs or bars. */
const TABLE_ROW = /\t|[|｜]/;

const SPACE = /[\s\u3000\u00a0\u200b]/;
const SENTENCE_END = new Set(['。', '！', '!', '？', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', ')', '）', '》']);

/** True when the text ends a sentence, so the next line starts a new paragraph. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(text[i]!);
}

function trimmedSpan(text: string, start: number, end: number): SeedSpan {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** True for a line a web page prints around its article, or a page number: never part of the document. */
export function isNavigation(text: string): boolean {
  if (PAGE_NUMBER.test(text)) return true;
  if (text.length > MAX_NAVIGATION_LENGTH || endsSentence(text)) return false;
  return NAVIGATION.some((pattern) => pattern.test(text)) || MENU.test(text);
}

/**
 * Reads a numbered heading (三、… (四)… 第二章… 1.…) into its style, label
 * and heading; undefined for anything else, including a long line or a
 * sentence that happens to start with a list label.
 */
export function numberedHeading(text: string): { style: HeadingStyle; label: string; heading: string } | undefined {
  if (text.length > MAX_HEADING_LENGTH || endsSentence(text) || text.includes('。')) return undefined;
  const part = PART_HEADING.exec(text);
  if (part) return { style: 'part', label: part[1]!, heading: part[2]! };
  const section = SECTION_HEADING.exec(text);
  if (section) return { style: 'section', label: section[1]!, heading: section[2]! };
  const chapter = CHAPTER_HEADING.exec(text);
  if (chapter) return { style: 'chapter', label: chapter[1]!, heading: chapter[2]! };
  const item = ITEM_HEADING.exec(text);
  if (item) return { style: 'item', label: item[1]!, heading: item[2]! };
  return undefined;
}

function classify(text: string, span: SeedSpan, lines: DocumentLine[]): void {
  let [start, end] = span;
  const raw = text.slice(start, end);
  const heading = MARKDOWN_HEADING.exec(raw);
  if (heading) {
    const [s, e] = trimmedSpan(text, start + heading[0].length, end);
    if (s < e) lines.push({ kind: 'heading', level: heading[1]!.length, text: text.slice(s, e), span: [s, e] });
    return;
  }
  let continued = false;
  const from = CONTINUED_FROM.exec(raw);
  if (from) {
    continued = true;
    [start, end] = trimmedSpan(text, start + from[0].length, end);
  }
  const on = CONTINUED_ON.exec(text.slice(start, end));
  if (on) [start, end] = trimmedSpan(text, start, start + on.index);
  if (start === end) return;
  const line = text.slice(start, end);
  if (!continued) {
    if (isNavigation(line)) return;
    const article = ARTICLE_START.exec(line);
    if (article) {
      const label = article[1]!;
      const [s, e] = trimmedSpan(text, start + article[0].length, end);
      const rest = text.slice(s, e);
      // 第三条 主要目标 (a heading) or 第三条 全市地区生产总值增长5%左右。 (the article's text).
      const headingOnly = rest !== '' && rest.length <= MAX_HEADING_LENGTH && !endsSentence(rest) && !rest.includes('。');
      lines.push({ kind: 'numbered', style: 'article', label, heading: headingOnly ? rest : '', printed: headingOnly ? line : label, span: [start, end] });
      if (rest && !headingOnly) lines.push({ kind: 'body', text: rest, span: [s, e], continued: false, standalone: false });
      return;
    }
    const numbered = numberedHeading(line);
    if (numbered) {
      lines.push({ kind: 'numbered', ...numbered, printed: line, span: [start, end] });
      return;
    }
  }
  lines.push({ kind: 'body', text: line, span: [start, end], continued, standalone: TABLE_ROW.test(line) });
}

/** The text's meaningful lines in order; blank and space-only lines, page markers, page numbers and navigation are left out. */
export function readDocumentLines(text: string): DocumentLine[] {
  const lines: DocumentLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    classify(text, trimmedSpan(text, start, end), lines);
    start = end + 1;
  }
  return lines;
}
