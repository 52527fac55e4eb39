// The shapes of the report index. The build script produces them from seeds/,
// Dexie stores them (tables documents, clauses, targets, terms), and every
// context of the extension reads them. Plain data only: they cross message
// boundaries and IndexedDB as they are.

/** A government work report, an article printed with it (the seed's deputy), a plan or budget report, any other document of clauses. */
export type DocumentKind = 'work-report' | 'deputy-article' | 'plan-report' | 'document';

/** A half-open range [start, end) of UTF-16 offsets into the text the document was read from. */
export type SeedSpan = [start: number, end: number];

export interface ReportDocument {
  /** Stable id: derived from the seed file and the document's title, or from an added text's content hash. */
  id: string;
  kind: DocumentKind;
  title: string;
  subtitle?: string;
  /** The person, for an article with a byline. */
  author?: string;
  /** The byline as printed (roles and name). */
  byline?: string;
  /** Where the document is about (天津, 全国), '' when the text does not say. */
  region: string;
  year: number;
  /** True when the seed holds only part of the document. */
  excerpt: boolean;
  /** Said to the reader when excerpt is true: what part the copy holds. */
  excerptNote?: string;
  /** Where the text came from: the seed file's name under seeds/, or a page's address, a file name, 'paste'. */
  source: string;
  /** Reading order among all documents. */
  order: number;
  /** Parts and their sections in reading order (headings only; clauses point here). */
  outline: OutlinePart[];
}

export interface OutlinePart {
  id: string;
  /** Chinese numeral label as printed (二, 三); '' for an article's lead. */
  label: string;
  /** The part's heading as printed, or '' when the copy lacks it. */
  heading: string;
  /** True when the part is numbered but its heading is not in the copy (the report's part 二). */
  headingMissing: boolean;
  sections: OutlineSection[];
}

export interface OutlineSection {
  id: string;
  /** Label as printed: (四), 一、 …; '' where a part has no numbered sections. */
  label: string;
  /** The heading as printed in the seed, or '' when the copy lacks it. */
  heading: string;
  /** The heading's second half (after the comma): what the section aims for. */
  aim: string;
  /** True when the heading is missing from the copy (the report's item (三)). */
  headingMissing: boolean;
}

export interface Clause {
  /** Stable id: hash of document id and clause text (plus an occurrence index). */
  id: string;
  docId: string;
  partId: string;
  sectionId: string;
  /** Paragraph index within the document (0-based, after page-break joins). */
  paragraph: number;
  /** Position of the clause within the whole document, 0-based. */
  order: number;
  /** The clause as printed, with page breaks joined (信 / 用环境 → 信用环境). */
  text: string;
  /** Where the text stands in the seed; several spans when a page break cuts it. */
  spans: SeedSpan[];
  /** The paragraph's lead phrase without its full stop (提高对外开放水平), or ''. */
  taskTitle: string;
  /** Labels from the document title down: document › part › section › task title. */
  path: string[];
  /** Search tokens: jieba search tokens, character bigrams and matched terms, folded. */
  tokens: string[];
}

export type TargetKind = 'commitment' | 'result';

export interface Target {
  /** Stable id: clause id plus the target's offset in the clause. */
  id: string;
  clauseId: string;
  docId: string;
  /** What is counted: 实际使用外资, 高标准农田建设, 粮食播种面积 … */
  metric: string;
  value: number;
  /** 亿美元, 万亩, 个, 项, %, … */
  unit: string;
  /** 以上, 超过, 近, 约, 余, 全年, 累计 … ('' when none). */
  qualifier: string;
  kind: TargetKind;
  /** The figure as printed (50万亩以上). */
  text: string;
  /** Offset of text within the clause text. */
  offset: number;
  /** Order within the clause. */
  order: number;
}

export type TermKind = 'slogan' | 'named' | 'instrument' | 'organisation' | 'metric';

/**
 * How a figure next to a metric term counts (see Term.figure):
 * - optional: the term alone is a mention; a figure beside it is read and set against the target;
 * - required: the term is also an ordinary word (收入, 投资): a mention only with its figure;
 * - anchored: a figure of an article about one body (a company's revenue): a mention only with its
 *   figure and another term of the same document in the same paragraph.
 */
export type FigureMode = 'optional' | 'required' | 'anchored';

export interface Term {
  /** Stable id derived from the term text. */
  id: string;
  /** The term as the report prints it (its canonical form). */
  term: string;
  kind: TermKind;
  /**
   * Every form a page may print, folded (see fold-text): the term itself, its
   * reviewed abbreviation or full form. Traditional characters and full-width
   * forms need no entry: the matcher folds page text to simplified half-width.
   * A form wrapped in quotes (“三量”) matches only quoted on the page; the
   * quotes are matched but not painted. Variant forms derived from the
   * report's wording (a generic tail dropped, a district's 区 inserted, a
   * numeral written in digits, an abbreviation spelled out) are forms too.
   */
  forms: string[];
  /**
   * Folded forms that are related to the term but not its wording: one word
   * of a long name swapped for a near-synonym, a slogan spelled out with a
   * part missing, the key word of a programme. Painted in the lighter
   * related style; the card says "related to" and quotes the report's
   * wording. Absent when there are none.
   */
  related?: string[];
  /**
   * Related forms that point at the term only in a paragraph that names the
   * report's place (天津, a district, 海河; see seeds/region-places.json):
   * the sport of the city's race (马拉松 of 天津马拉松赛), a three-character
   * key word (适老化). Elsewhere they are everyday words. Absent when there
   * are none.
   */
  local?: string[];
  /** Clauses that mention the term, best first. */
  clauseIds: string[];
  /** What in the text made it a term: 'quoted', 'enumeration', 'suffix', 'reviewed-word', 'abbreviation', 'organisation', 'metric'. */
  signal: string;
  /** For a term that names what a target counts (实际使用外资, 高标准农田): those targets, best first. */
  targetIds?: string[];
  /** With targetIds: how a figure next to the term counts on a page. */
  figure?: FigureMode;
}

/** What the build script writes and the background loads into IndexedDB. */
export interface IndexBundle {
  /** Content hash of everything below plus the schema version. */
  version: string;
  builtFrom: string[];
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  /** Traditional (and variant) character → simplified, for the characters terms use. */
  foldMap: Record<string, string>;
}
