// Reads a report text into its documents, their outline (part → section)
// and their clauses, each clause with the ranges of the text it comes from.
// Two kinds of text come here. The bundled seed (mode 'seed') is a newspaper
// copy in Markdown-ish form: '# 政府工作报告' opens the report, '## …' an
// article printed after it, the report starts inside an item whose heading is
// on the previous page, and page breaks cut paragraphs and even words
// (信 / 用环境). A text a reader adds (mode 'text') is one document copied
// from a web page, a PDF or a Word file: a title and dateline before the
// body, headings 一、 (一) 1. 第一章 第一条, lines cut inside words. Both are
// put right here, by the same rules, so the bundled index and an added
// document are read alike.

import type { Clause, DocumentKind, OutlinePart, OutlineSection, ReportDocument, SeedSpan } from '../model';
import { endsSentence, HEADING_STYLES, readDocumentLines, numberedHeading, type DocumentLine, type HeadingStyle } from './document-lines';
import { splitClauses, type Paragraph } from './split-clauses';
import { stableId } from './stable-id';

export interface ReadDocuments {
  documents: ReportDocument[];
  clauses: Omit<Clause, 'tokens'>[];
}

export interface ReadOptions {
  /** Where the text comes from: the seed file's name, a page's address, a file name, 'paste'. */
  source: string;
  /**
   * 'seed': the bundled seed's rules (it opens with the work report's '#'
   * title and is about Tianjin). 'text': any report text, one document
   * unless '#' titles part it.
   */
  mode: 'seed' | 'text';
  /** The reader's title for a text; the title the text prints (or its first line) otherwise. */
  title?: string;
  /** What document ids are derived from, with the title the text gives: the source by default, a content hash for an added text. */
  idPrefix?: string;
}

/** Why a text cannot be read; `code` names the case for the reader's language, `message` says it in English. */
export type ReadErrorCode = 'no-report-title' | 'no-region' | 'no-year' | 'no-text' | 'no-structure' | 'bad-title';

export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface DraftParagraph extends Paragraph {
  /** The paragraph began on an earlier page that the copy lacks (上接第3版). */
  continued: boolean;
  /** The item heading (1.…) the paragraph stands under, for its task title and path. */
  topic?: { heading: string; printed: string };
}

interface DraftSection {
  label: string;
  heading: string;
  /** Label and heading as printed, for the clause path. */
  printed: string;
  /** Present only in the copy's first item, whose heading is on a missing page. */
  headingMissing: boolean;
  paragraphs: DraftParagraph[];
}

interface DraftPart {
  label: string;
  heading: string;
  printed: string;
  sections: DraftSection[];
}

/** Where a numbered heading goes in a document's outline. */
type Role = 'part' | 'section' | 'topic' | 'body';

interface DraftDocument {
  kind: DocumentKind;
  heading: string;
  subtitle?: string;
  byline?: string;
  parts: DraftPart[];
  /** The copy starts inside the document: text comes before its first heading. */
  startsInside: boolean;
  /** Role of each heading style the document uses. */
  roles: Map<HeadingStyle, Role>;
  /** Numbered headings read, of any style: a text without any has no clause structure. */
  headings: number;
}

/** The model fixes the region; the seed must at least be about it. */
const SEED_REGION = '天津';
const REPORT_TITLE = /工作报告/;
const PLAN_TITLE = /计划|规划|纲要|预算/;
/** Words a title line of a report or plan ends in. */
const TITLE_LINE = /(?:报告|规划|纲要|计划|意见|决定|方案|通知|办法|条例|公报|白皮书|说明)$/;
const YEAR = /((?:19|20)\d{2})年/g;
const MAX_BYLINE_LENGTH = 80;
/** A line before the body shorter than this, without a sentence end, is front matter (title, dateline, byline). */
const MAX_FRONT_MATTER_LENGTH = 60;
/** A paragraph's lead phrase is a short heading-like sentence: 提高对外开放水平。 */
const MAX_TASK_TITLE_LENGTH = 20;
const TASK_TITLE_BREAKS = /[,，;；:：]/;
/** A list label before a paragraph's lead phrase: 1.扩大有效投资。 */
const LEAD_LABEL = /^(?:\d{1,2}[.．、]|[(（]\d{1,2}[)）]|[①-⑳])[\s\u3000]*/;
/** Roles a byline prints before the name: …党委书记、总经理陈海波. */
const BYLINE_ROLE = /(?:总经理|经理|书记|主任委员|委员|主任|代表|董事长|局长|部长|院长|主席|市长|总理|省长|区长|记者|通讯员)/g;
const NUMERALS = '一二三四五六七八九十';
/** A text with fewer clauses than this is not a document of clauses. */
const MIN_CLAUSES = 3;
/** Traces of a region in a title: 天津市人民政府, 北京市, 广东省, 国务院 (the country). */
const REGION_IN_TITLE = /(?:(?:19|20)\d{2}年(?:度)?)?([\u4e00-\u9fff]{2,6}?)(?:市|省|自治区|特别行政区)/;
const NATIONAL = /国务院|全国|中央政府/;

/** 三 → 二, 十一 → 十, 一 → '': the numeral printed before this one. */
function previousNumeral(label: string): string {
  const value = numeralValue(label);
  return value > 1 ? numeralText(value - 1) : '';
}

function numeralValue(label: string): number {
  const digits = [...label].map((ch) => NUMERALS.indexOf(ch) + 1);
  if (digits.length === 1) return digits[0]!;
  if (digits.length === 2 && digits[0] === 10) return 10 + digits[1]!;
  if (digits.length === 2 && digits[1] === 10) return digits[0]! * 10;
  if (digits.length === 3 && digits[1] === 10) return digits[0]! * 10 + digits[2]!;
  return 0;
}

function numeralText(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const ten = tens === 0 ? '' : (tens === 1 ? '' : NUMERALS[tens - 1]!) + '十';
  return ten + (ones === 0 ? '' : NUMERALS[ones - 1]!);
}

/** The heading's second half, after its first comma outside quotes: what the section aims for. */
function headingAim(heading: string): string {
  let depth = 0;
  for (let i = 0; i < heading.length; i++) {
    const ch = heading[i]!;
    if (ch === '“' || ch === '《') depth++;
    else if ((ch === '”' || ch === '》') && depth > 0) depth--;
    else if ((ch === ',' || ch === '，') && depth === 0) return heading.slice(i + 1).trim();
  }
  return heading;
}

/**
 * The seed's year. A heading that names it wins; otherwise the newspaper
 * prints the work report early in its year together with reviews of the year
 * before ("2023年,…"), so the newest year the text names is the year under
 * review and the documents belong to the next one.
 */
function seedYear(text: string, heading: string): number | undefined {
  const named = /((?:19|20)\d{2})年/.exec(heading);
  if (named) return Number(named[1]);
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length === 0 ? undefined : Math.max(...years) + 1;
}

/**
 * An added text's year: the newest year its title names (关于2024年计划执行情况
 * 与2025年计划草案的报告 is the 2025 plan), else the year of its dateline
 * (——2025年3月5日在…会议上: a report is delivered in its own year); otherwise
 * the year after the one it names most often, since a report reviews the
 * year before it; 0 when it names none.
 */
function textYear(text: string, title: string, dateline: string): number {
  for (const line of [title, dateline]) {
    const named = [...line.matchAll(YEAR)].map((m) => Number(m[1]));
    if (named.length > 0) return Math.max(...named);
  }
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [year, count] of counts) {
    if (count > most || (count === most && year > best)) [best, most] = [year, count];
  }
  return best === 0 ? 0 : best + 1;
}

function textRegion(title: string, text: string): string {
  const named = REGION_IN_TITLE.exec(title);
  if (named) return named[1]!.replace(/^关于/, '');
  if (NATIONAL.test(title)) return '全国';
  const inText = REGION_IN_TITLE.exec(text.slice(0, 2000));
  return inText ? inText[1]!.replace(/^关于/, '') : NATIONAL.test(text.slice(0, 2000)) ? '全国' : '';
}

function kindOfTitle(title: string): DocumentKind {
  if (REPORT_TITLE.test(title)) return 'work-report';
  if (PLAN_TITLE.test(title)) return 'plan-report';
  return 'document';
}

/** A byline lists roles and a name: short, no sentence end, no comma (a lead paragraph has them). */
function looksLikeByline(text: string): boolean {
  return text.length <= MAX_BYLINE_LENGTH && !endsSentence(text) && !/[,，]/.test(text);
}

/** The name at the end of a byline, after the last role it lists. */
function bylineAuthor(byline: string): string | undefined {
  let end = -1;
  for (const m of byline.matchAll(BYLINE_ROLE)) end = m.index + m[0].length;
  const name = (end === -1 ? byline : byline.slice(end)).replace(/^[\s\u3000]+/, '');
  return /^[\u4e00-\u9fff·]{2,4}$/.test(name) ? name : undefined;
}

function sectionAim(section: DraftSection, part: DraftPart): string {
  if (section.heading) return headingAim(section.heading);
  // A part without numbered items (the report's 三) is one section: the part's aim is its aim.
  if (section.label === '' && !section.headingMissing && part.heading) return headingAim(part.heading);
  return '';
}

function excerptNote(doc: DraftDocument): string {
  const first = doc.parts[0];
  const firstSection = first?.sections[0];
  const last = doc.parts.at(-1);
  const where = [
    first?.label ? `第${first.label}部分` : '',
    firstSection?.headingMissing && firstSection.label ? `第${firstSection.label}项` : '',
  ].join('');
  const missing = [
    first && first.label && !first.heading ? `第${first.label}部分` : '',
    firstSection?.headingMissing && firstSection.label ? `第${firstSection.label}项` : '',
  ].filter(Boolean);
  const start = where ? `自${where}中途起` : '自报告中途起';
  const end = last?.label ? `至第${last.label}部分结束` : '至报告末尾';
  const lacks = missing.length > 0 ? `；${missing.join('和')}的标题不在节选内` : '';
  return `节选：本文${start}，${end}${lacks}。`;
}

/**
 * How a document's heading styles map onto its outline. The outermost style
 * it uses makes its parts and the next one its sections; a third becomes the
 * topic its paragraphs stand under; deeper ones are read as text. A document
 * with one style has sections only (the article's 一、二、…).
 */
function rolesOf(styles: ReadonlySet<HeadingStyle>): Map<HeadingStyle, Role> {
  const used = HEADING_STYLES.filter((style) => styles.has(style));
  const roles = new Map<HeadingStyle, Role>();
  const order: Role[] = used.length === 1 ? ['section'] : ['part', 'section', 'topic'];
  used.forEach((style, i) => roles.set(style, order[i] ?? 'body'));
  return roles;
}

/** The label a section shows: 一、 for the article's part-style numbers, as printed otherwise. */
function sectionLabel(style: HeadingStyle, label: string): string {
  return style === 'part' ? `${label}、` : label;
}

class DocumentReader {
  readonly documents: DraftDocument[] = [];
  /** The paragraph still open because its last line ended mid-sentence (a page break). */
  #open: DraftParagraph | undefined;
  /** The topic (an item heading 1.…) the next paragraphs stand under. */
  #topic: DraftParagraph['topic'];
  /** Front matter of a text before its body: candidate title lines. */
  readonly titleLines: string[] = [];

  constructor(
    readonly options: ReadOptions,
    /** Heading styles used by the document each line belongs to. */
    readonly stylesAt: ReadonlySet<HeadingStyle>[],
  ) {}

  fail(code: ReadErrorCode, message: string): never {
    throw new ReadError(code, message);
  }

  #noReport(first: string): never {
    const shown = first.length > 20 ? `${first.slice(0, 20)}…` : first;
    this.fail('no-report-title', `the seed must open with the work report's title (a line such as "# 政府工作报告"), but "${shown}" comes first.`);
  }

  get doc(): DraftDocument | undefined {
    return this.documents.at(-1);
  }

  read(line: DocumentLine, index: number): void {
    if (line.kind === 'heading') this.#heading(line.level, line.text, line.span, index);
    else if (line.kind === 'numbered') this.#numbered(line.style, line.label, line.heading, line.printed, line.span, index);
    else this.#body(line.text, line.span, line.continued, line.standalone, index);
  }

  #start(kind: DocumentKind, heading: string, index: number): DraftDocument {
    const doc: DraftDocument = {
      kind,
      heading,
      parts: kind === 'deputy-article' ? [{ label: '', heading: '', printed: '', sections: [] }] : [],
      startsInside: false,
      roles: rolesOf(this.stylesAt[index] ?? new Set()),
      headings: 0,
    };
    this.documents.push(doc);
    this.#topic = undefined;
    return doc;
  }

  /** The document body lines go into: in a text without '#' titles, the one document, opened by its first line. */
  #current(first: string, index: number): DraftDocument {
    if (this.doc) return this.doc;
    if (this.options.mode === 'seed') this.#noReport(first);
    return this.#start('document', '', index);
  }

  #heading(level: number, text: string, span: SeedSpan, index: number): void {
    this.#open = undefined;
    if (this.options.mode === 'text') {
      // An added text is one document: '#' before its body is its title, any other '#' line a heading.
      const doc = this.#current(text, index);
      if (level === 1 && !doc.heading && !this.#hasText(doc) && doc.headings === 0) {
        doc.heading = text;
        return;
      }
      const numbered = numberedHeading(text);
      this.#numbered(numbered?.style ?? 'section', numbered?.label ?? '', numbered?.heading ?? text, text, span, index, numbered === undefined);
      return;
    }
    if (level === 1) {
      if (!REPORT_TITLE.test(text)) this.fail('bad-title', `the title "# ${text}" is not a work report's; the seed must open with the report.`);
      this.#start('work-report', text, index);
      return;
    }
    if (!this.doc) this.#noReport(text);
    if (level === 2) {
      this.#start('deputy-article', text, index);
      return;
    }
    const doc = this.doc;
    if (level === 3) {
      if (doc.kind !== 'deputy-article' || doc.subtitle !== undefined || doc.byline !== undefined || this.#hasText(doc)) {
        this.fail('bad-title', `the subtitle "### ${text}" does not follow an article's title.`);
      }
      doc.subtitle = text;
      return;
    }
    const numbered = numberedHeading(text);
    this.#numbered(numbered?.style ?? 'section', numbered?.label ?? '', numbered?.heading ?? text, text, span, index, numbered === undefined);
  }

  #numbered(style: HeadingStyle, label: string, heading: string, printed: string, span: SeedSpan, index: number, unnumbered = false): void {
    this.#open = undefined;
    const doc = this.#current(printed, index);
    doc.headings++;
    // A '####' heading without a number is a section wherever it stands.
    const role: Role = unnumbered ? 'section' : (doc.roles.get(style) ?? 'section');
    if (role === 'part') {
      doc.parts.push({ label, heading, printed, sections: [] });
      this.#topic = undefined;
      return;
    }
    if (role === 'section') {
      this.#part(doc).sections.push({ label: unnumbered ? '' : sectionLabel(style, label), heading, printed, headingMissing: false, paragraphs: [] });
      this.#topic = undefined;
      return;
    }
    if (role === 'topic') {
      this.#topic = { heading, printed };
      return;
    }
    this.#body(printed, span, false, false, index);
  }

  #body(text: string, span: SeedSpan, continued: boolean, standalone: boolean, index: number): void {
    const doc = this.#current(text, index);
    if (this.#frontMatter(doc, text)) return;
    if (this.#open && !standalone) {
      this.#open.text += text;
      this.#open.segments.push(span);
    } else {
      const paragraph: DraftParagraph = { text, segments: [span], continued, ...(this.#topic ? { topic: this.#topic } : {}) };
      this.#section(doc).paragraphs.push(paragraph);
      this.#open = paragraph;
    }
    if (standalone || endsSentence(text)) this.#open = undefined;
  }

  /**
   * Lines before a document's body that are not part of it: the article's
   * byline (seed), or a text's title, dateline and byline (——2025年1月15日在…
   * 会议上, 天津市市长 张某). True when the line was taken as such.
   */
  #frontMatter(doc: DraftDocument, text: string): boolean {
    if (this.#hasText(doc) || this.#open) return false;
    if (doc.kind === 'deputy-article' && doc.byline === undefined && looksLikeByline(text)) {
      doc.byline = text;
      return true;
    }
    if (this.options.mode !== 'text' || doc.headings > 0) return false;
    if (text.length > MAX_FRONT_MATTER_LENGTH || endsSentence(text) || /[,，：:]$/.test(text) || /[,，。]/.test(text)) return false;
    if (/^[—-]{1,2}/.test(text)) {
      doc.subtitle ??= text.replace(/^[—-]+[\s\u3000]*/, '');
    } else if (!doc.heading && (TITLE_LINE.test(text) || this.titleLines.length === 0)) {
      this.titleLines.push(text);
      if (TITLE_LINE.test(text)) doc.heading = text;
    } else if (doc.byline === undefined && bylineAuthor(text)) {
      doc.byline = text;
    }
    return true;
  }

  #hasText(doc: DraftDocument): boolean {
    return doc.parts.some((part) => part.sections.some((section) => section.paragraphs.length > 0 || section.heading));
  }

  #part(doc: DraftDocument): DraftPart {
    const last = doc.parts.at(-1);
    if (last) return last;
    // Items before any part heading: the seed starts inside a part whose heading it lacks
    // (an added text's opening paragraphs before its first part are its own).
    if (this.options.mode === 'seed') doc.startsInside = true;
    const part: DraftPart = { label: '', heading: '', printed: '', sections: [] };
    doc.parts.push(part);
    return part;
  }

  #section(doc: DraftDocument): DraftSection {
    const part = this.#part(doc);
    const last = part.sections.at(-1);
    if (last) return last;
    // Text before the first item of a part: in the report's first part it is
    // the tail of an item whose heading is on a missing page; elsewhere it is
    // the body of a part without items (the report's 三), the article's lead
    // or a text's opening paragraphs.
    const missing = this.options.mode === 'seed' && doc.kind === 'work-report' && doc.parts.length === 1 && !part.heading;
    if (missing) doc.startsInside = true;
    const section: DraftSection = { label: '', heading: '', printed: '', headingMissing: missing, paragraphs: [] };
    part.sections.push(section);
    return section;
  }

  /** A text's last paragraph that never ends a sentence is the page's trailer (扫码关注, the office's name), not the document's. */
  dropTrailer(): void {
    if (this.options.mode !== 'text' || !this.#open) return;
    const open = this.#open;
    if (endsSentence(open.text) || open.text.length > MAX_FRONT_MATTER_LENGTH) return;
    for (const doc of this.documents) {
      for (const part of doc.parts) {
        for (const section of part.sections) {
          const at = section.paragraphs.indexOf(open);
          if (at !== -1) section.paragraphs.splice(at, 1);
        }
      }
    }
    this.#open = undefined;
  }
}

/** Labels the part and item the copy starts inside from the ones printed after them: 三 → 二, (四) → (三). */
function labelMissingHeadings(doc: DraftDocument): void {
  const first = doc.parts[0];
  if (!first || first.heading) return;
  const nextPart = doc.parts.find((part) => part.label);
  if (!first.label && nextPart) first.label = previousNumeral(nextPart.label);
  const section = first.sections[0];
  const nextSection = first.sections.find((s) => s.label);
  if (section?.headingMissing && !section.label && nextSection) {
    const inner = previousNumeral(nextSection.label.replace(/[(（)）]/g, ''));
    if (inner) section.label = nextSection.label.replace(/[一二三四五六七八九十]+/, inner);
  }
}

function taskTitle(paragraph: DraftParagraph, firstClause: string | undefined): string {
  const fromTopic = paragraph.topic?.heading ?? '';
  if (paragraph.continued || !firstClause?.endsWith('。')) return fromTopic;
  const lead = firstClause.slice(0, -1).replace(LEAD_LABEL, '');
  if (lead.length < 2 || lead.length > MAX_TASK_TITLE_LENGTH || TASK_TITLE_BREAKS.test(lead) || lead.includes('。')) return fromTopic;
  return lead;
}

/**
 * The heading styles each line's document uses; in the seed, documents begin
 * at '#' and '##' titles. Every line of a document shares one set, filled as
 * the document is read, so its first line sees every style it will use.
 */
function stylesByLine(lines: DocumentLine[], mode: ReadOptions['mode']): ReadonlySet<HeadingStyle>[] {
  const at: Set<HeadingStyle>[] = [];
  let current = new Set<HeadingStyle>();
  for (const line of lines) {
    if (mode === 'seed' && line.kind === 'heading' && line.level <= 2) current = new Set();
    if (line.kind === 'numbered') current.add(line.style);
    if (line.kind === 'heading' && line.level > 3) {
      const numbered = numberedHeading(line.text);
      if (numbered) current.add(numbered.style);
    }
    at.push(current);
  }
  return at;
}

export function readDocuments(text: string, options: ReadOptions): ReadDocuments {
  const lines = readDocumentLines(text);
  // Typed explicitly so that TypeScript treats reader.fail() as ending the function.
  const reader: DocumentReader = new DocumentReader(options, stylesByLine(lines, options.mode));
  lines.forEach((line, index) => reader.read(line, index));
  reader.dropTrailer();
  const drafts = reader.documents;
  const seed = options.mode === 'seed';
  let year = 0;
  if (seed) {
    const report = drafts.find((doc) => doc.kind === 'work-report');
    if (!report) reader.fail('no-report-title', 'no work report title was found (a line such as "# 政府工作报告"); the seed must open with the report.');
    if (!text.includes(SEED_REGION)) reader.fail('no-region', `the text never names ${SEED_REGION}, the region the index is built for.`);
    year =
      seedYear(text, report.heading) ??
      reader.fail('no-year', "the text names no year (such as 2023年), so the report's year cannot be told.");
  }
  if (drafts.length === 0) reader.fail('no-text', 'the text holds no paragraph.');

  const documents: ReportDocument[] = [];
  const clauses: Omit<Clause, 'tokens'>[] = [];
  drafts.forEach((draft, docOrder) => {
    labelMissingHeadings(draft);
    const printedTitle = draft.heading || reader.titleLines[0] || '';
    const docYear = seed ? year : textYear(text, printedTitle || (options.title ?? ''), draft.subtitle ?? '');
    const region = seed ? SEED_REGION : textRegion(printedTitle || (options.title ?? ''), text);
    const textTitle =
      seed && draft.kind === 'work-report' && !/\d年/.test(draft.heading) ? `${year}年${SEED_REGION}市${draft.heading}` : printedTitle;
    // The reader's title names the first document of an added text; a '#' title names each document of the seed.
    const title = (docOrder === 0 && options.title?.trim()) || textTitle || options.source;
    const kind = seed ? draft.kind : kindOfTitle(printedTitle || title);
    const docId = stableId(options.idPrefix ?? options.source, seed ? title : `${docOrder}`);
    const outline: OutlinePart[] = [];
    const occurrences = new Map<string, number>();
    let paragraphIndex = 0;
    let order = 0;
    draft.parts.forEach((part, partIndex) => {
      const partId = stableId(docId, 'part', String(partIndex), part.label);
      const sections: OutlineSection[] = [];
      part.sections.forEach((section, sectionIndex) => {
        const sectionId = stableId(partId, 'section', String(sectionIndex), section.label);
        sections.push({
          id: sectionId,
          label: section.label,
          heading: section.heading,
          aim: sectionAim(section, part),
          headingMissing: section.headingMissing,
        });
        for (const paragraph of section.paragraphs) {
          const pieces = splitClauses(paragraph);
          const lead = taskTitle(paragraph, pieces[0]?.text);
          // An item's heading already given as the paragraph's lead phrase is not said twice.
          const topic = paragraph.topic && (!paragraph.topic.heading || paragraph.topic.heading !== lead) ? paragraph.topic.printed : '';
          const path = [title, part.heading ? part.printed : '', section.heading ? section.printed : '', topic, lead].filter(Boolean);
          for (const piece of pieces) {
            const seen = occurrences.get(piece.text) ?? 0;
            occurrences.set(piece.text, seen + 1);
            clauses.push({
              id: stableId(docId, piece.text, String(seen)),
              docId,
              partId,
              sectionId,
              paragraph: paragraphIndex,
              order: order++,
              text: piece.text,
              spans: piece.spans,
              taskTitle: lead,
              path: [...path],
            });
          }
          paragraphIndex++;
        }
      });
      outline.push({ id: partId, label: part.label, heading: part.heading, headingMissing: part.label !== '' && !part.heading, sections });
    });
    if (paragraphIndex === 0) reader.fail('no-text', `the document "${title}" has no text.`);
    if (!seed) {
      const count = clauses.filter((c) => c.docId === docId).length;
      if (draft.headings === 0 || count < MIN_CLAUSES) {
        reader.fail(
          'no-structure',
          `the text has no clause structure: ${draft.headings === 0 ? 'no numbered heading (一、 (一) 1. 第一条)' : `only ${count} clause(s)`}.`,
        );
      }
    }
    const byline = draft.byline;
    const author = byline ? bylineAuthor(byline) : undefined;
    documents.push({
      id: docId,
      kind,
      title,
      ...(draft.subtitle ? { subtitle: draft.subtitle } : {}),
      ...(author ? { author } : {}),
      ...(byline ? { byline } : {}),
      region,
      year: docYear,
      excerpt: draft.startsInside,
      ...(draft.startsInside ? { excerptNote: excerptNote(draft) } : {}),
      source: options.source,
      order: docOrder,
      outline,
    });
  });
  return { documents, clauses };
}
