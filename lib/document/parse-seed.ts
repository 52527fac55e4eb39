// Reads the seed into its documents (the work report, then the deputy's
// article), their outline (part → section) and their clauses, each clause
// with the seed ranges it comes from. The seed is a newspaper copy: the report
// starts inside an item whose heading is on the previous page, and page breaks
// cut paragraphs and even words (信 / 用环境); both are put right here.

import type { Clause, DocumentKind, OutlinePart, OutlineSection, ReportDocument } from '../model';
import { endsSentence, numberedHeading, readSeedLines, type SeedLine } from './seed-lines';
import { splitClauses, type Paragraph } from './split-clauses';
import { stableId } from './stable-id';

export interface ParsedSeed {
  documents: ReportDocument[];
  clauses: Omit<Clause, 'tokens'>[];
}

interface DraftParagraph extends Paragraph {
  /** The paragraph began on an earlier page that the copy lacks (上接第3版). */
  continued: boolean;
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

interface DraftDocument {
  kind: DocumentKind;
  heading: string;
  subtitle?: string;
  byline?: string;
  parts: DraftPart[];
  /** The copy starts inside the document: text comes before its first heading. */
  startsInside: boolean;
}

/** The model fixes the region; the seed must at least be about it. */
const REGION = '天津';
const REPORT_TITLE = /工作报告/;
const YEAR = /((?:19|20)\d{2})年/g;
const MAX_BYLINE_LENGTH = 80;
/** A paragraph's lead phrase is a short heading-like sentence: 提高对外开放水平。 */
const MAX_TASK_TITLE_LENGTH = 20;
const TASK_TITLE_BREAKS = /[,，;；:：]/;
/** Roles a byline prints before the name: …党委书记、总经理陈海波. */
const BYLINE_ROLE = /(?:总经理|经理|书记|主任委员|委员|主任|代表|董事长|局长|部长|院长|主席|市长|记者|通讯员)/g;
const NUMERALS = '一二三四五六七八九十';

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
 * The year the documents belong to. A heading that names it wins; otherwise
 * the newspaper prints the work report early in its year together with
 * reviews of the year before ("2023年,…"), so the newest year the text names
 * is the year under review and the documents belong to the next one.
 */
function seedYear(seed: string, source: string, heading: string): number {
  const named = /((?:19|20)\d{2})年/.exec(heading);
  if (named) return Number(named[1]);
  const years = [...seed.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) {
    throw new Error(`Seed ${source}: the text names no year (such as 2023年), so the report's year cannot be told.`);
  }
  return Math.max(...years) + 1;
}

/** A byline lists roles and a name: short, no sentence end, no comma (a lead paragraph has them). */
function looksLikeByline(text: string): boolean {
  return text.length <= MAX_BYLINE_LENGTH && !endsSentence(text) && !/[,，]/.test(text);
}

/** The name at the end of a byline, after the last role it lists. */
function bylineAuthor(byline: string): string | undefined {
  let end = -1;
  for (const m of byline.matchAll(BYLINE_ROLE)) end = m.index + m[0].length;
  const name = end === -1 ? byline : byline.slice(end);
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

class SeedReader {
  readonly documents: DraftDocument[] = [];
  /** The paragraph still open because its last line ended mid-sentence (a page break). */
  #open: DraftParagraph | undefined;

  constructor(readonly source: string) {}

  fail(message: string): never {
    throw new Error(`Seed ${this.source}: ${message}`);
  }

  #noReport(first: string): never {
    const shown = first.length > 20 ? `${first.slice(0, 20)}…` : first;
    this.fail(`the seed must open with the work report's title (a line such as "# 政府工作报告"), but "${shown}" comes first.`);
  }

  get doc(): DraftDocument | undefined {
    return this.documents.at(-1);
  }

  read(line: SeedLine): void {
    if (line.kind === 'heading') this.#heading(line.level, line.text);
    else if (line.kind === 'numbered') this.#numbered(line.style, line.label, line.heading, line.printed);
    else this.#body(line.text, line.span, line.continued);
  }

  #heading(level: number, text: string): void {
    this.#open = undefined;
    if (level === 1) {
      if (!REPORT_TITLE.test(text)) this.fail(`the title "# ${text}" is not a work report's; the seed must open with the report.`);
      this.documents.push({ kind: 'work-report', heading: text, parts: [], startsInside: false });
      return;
    }
    if (!this.doc) this.#noReport(text);
    if (level === 2) {
      this.documents.push({ kind: 'deputy-article', heading: text, parts: [{ label: '', heading: '', printed: '', sections: [] }], startsInside: false });
      return;
    }
    const doc = this.doc;
    if (level === 3) {
      if (doc.kind !== 'deputy-article' || doc.subtitle !== undefined || doc.byline !== undefined || this.#hasText(doc)) {
        this.fail(`the subtitle "### ${text}" does not follow an article's title.`);
      }
      doc.subtitle = text;
      return;
    }
    const numbered = numberedHeading(text);
    this.#numbered(numbered?.style ?? 'section', numbered?.label ?? '', numbered?.heading ?? text, text);
  }

  #numbered(style: 'part' | 'section', label: string, heading: string, printed: string): void {
    this.#open = undefined;
    const doc = this.doc;
    if (!doc) this.#noReport(printed);
    if (doc.kind === 'work-report' && style === 'part') {
      doc.parts.push({ label, heading, printed, sections: [] });
      return;
    }
    // The article numbers its sections 一、二、…; keep the label as printed.
    const shownLabel = doc.kind === 'deputy-article' && style === 'part' ? `${label}、` : label;
    this.#part(doc).sections.push({ label: shownLabel, heading, printed, headingMissing: false, paragraphs: [] });
  }

  #body(text: string, span: [number, number], continued: boolean): void {
    const doc = this.doc;
    if (!doc) this.#noReport(text);
    if (doc.kind === 'deputy-article' && doc.byline === undefined && !this.#hasText(doc) && looksLikeByline(text)) {
      doc.byline = text;
      return;
    }
    if (this.#open) {
      this.#open.text += text;
      this.#open.segments.push(span);
    } else {
      const paragraph: DraftParagraph = { text, segments: [span], continued };
      this.#section(doc).paragraphs.push(paragraph);
      this.#open = paragraph;
    }
    if (endsSentence(text)) this.#open = undefined;
  }

  #hasText(doc: DraftDocument): boolean {
    return doc.parts.some((part) => part.sections.some((section) => section.paragraphs.length > 0 || section.heading));
  }

  #part(doc: DraftDocument): DraftPart {
    const last = doc.parts.at(-1);
    if (last) return last;
    // Items before any part heading: the copy starts inside a part whose heading it lacks.
    doc.startsInside = true;
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
    // the body of a part without items (the report's 三) or the article's lead.
    const missing = doc.kind === 'work-report' && doc.parts.length === 1 && !part.heading;
    if (missing) doc.startsInside = true;
    const section: DraftSection = { label: '', heading: '', printed: '', headingMissing: missing, paragraphs: [] };
    part.sections.push(section);
    return section;
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
  if (paragraph.continued || !firstClause?.endsWith('。')) return '';
  const lead = firstClause.slice(0, -1);
  if (lead.length < 2 || lead.length > MAX_TASK_TITLE_LENGTH || TASK_TITLE_BREAKS.test(lead) || lead.includes('。')) return '';
  return lead;
}

export function parseSeed(text: string, source: string): ParsedSeed {
  // Typed explicitly so that TypeScript treats reader.fail() as ending the function.
  const reader: SeedReader = new SeedReader(source);
  for (const line of readSeedLines(text)) reader.read(line);
  const drafts = reader.documents;
  const report = drafts.find((doc) => doc.kind === 'work-report');
  if (!report) reader.fail('no work report title was found (a line such as "# 政府工作报告"); the seed must open with the report.');
  if (!text.includes(REGION)) reader.fail(`the text never names ${REGION}, the region the index is built for.`);
  const year = seedYear(text, source, report.heading);

  const documents: ReportDocument[] = [];
  const clauses: Omit<Clause, 'tokens'>[] = [];
  drafts.forEach((draft, docOrder) => {
    labelMissingHeadings(draft);
    const title = draft.kind === 'work-report' && !/\d年/.test(draft.heading) ? `${year}年${REGION}市${draft.heading}` : draft.heading;
    const docId = stableId(source, title);
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
          const path = [title, part.heading ? part.printed : '', section.heading ? section.printed : '', lead].filter(Boolean);
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
    if (paragraphIndex === 0) reader.fail(`the document "${title}" has no text.`);
    const byline = draft.byline;
    const author = byline ? bylineAuthor(byline) : undefined;
    documents.push({
      id: docId,
      kind: draft.kind,
      title,
      ...(draft.subtitle ? { subtitle: draft.subtitle } : {}),
      ...(author ? { author } : {}),
      ...(byline ? { byline } : {}),
      region: REGION,
      year,
      excerpt: draft.startsInside,
      ...(draft.startsInside ? { excerptNote: excerptNote(draft) } : {}),
      source,
      order: docOrder,
      outline,
    });
  });
  return { documents, clauses };
}
