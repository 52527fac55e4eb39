import { Fragment, type ComponentChildren } from 'preact';
import type { Clause, OutlineSection, Target } from '@/lib/model';
import type { LibraryDocument } from '@/lib/store/index-snapshot';
import { toDisplayText } from '@/lib/display-text';
import { t, uiLang } from '@/extension/i18n';
import { formatFigure } from '../TargetFigure/TargetFigure';
import './ReportArticle.css';
import { groupBy } from '@/lib/group-by';

interface Props {
  /** With the reader's choices: a document switched off says so. */
  documents: LibraryDocument[];
  /** Every clause, in reading order within its document. */
  clauses: Clause[];
  targetsByClause: Map<string, Target[]>;
  /** The clause a deep link points at: marked. */
  markedClauseId?: string;
  /** The query's words in the clause a search opened ([start, end) in its text). */
  emphasis?: { clauseId: string; marks: readonly [number, number][] };
}

export const sectionAnchor = (id: string) => `section-${id}`;
export const documentAnchor = (id: string) => `doc-${id}`;

/**
 * A clause's text with its task title in bold, its targets marked and, for the
 * clause a search opened, the query's words emphasised. Offsets hold because
 * display text maps one character to one.
 */
function ClauseText({ clause, targets, hits }: { clause: Clause; targets: Target[]; hits: readonly [number, number][] }) {
  const text = toDisplayText(clause.text);
  const titleEnd = clause.taskTitle && clause.text.startsWith(clause.taskTitle) ? clause.taskTitle.length : 0;

  // Cuts [from, to) where the title or a search hit begins or ends, and wraps each piece accordingly.
  const decorate = (from: number, to: number) => {
    const cuts = new Set([from, to]);
    for (const at of [titleEnd, ...hits.flat()]) if (at > from && at < to) cuts.add(at);
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      let node: ComponentChildren = text.slice(a, b);
      if (hits.some(([s, e]) => s <= a && b <= e)) node = <mark class="clause__hit">{node}</mark>;
      if (b <= titleEnd) node = <strong class="clause__title">{node}</strong>;
      nodes.push(<Fragment key={a}>{node}</Fragment>);
    }
    return nodes;
  };

  const pieces = [];
  let at = 0;
  for (const target of [...targets].sort((a, b) => a.offset - b.offset)) {
    const end = target.offset + target.text.length;
    if (target.offset < at || end > text.length) continue;
    const { before, value, after } = formatFigure(target);
    const kind = t(target.kind === 'commitment' ? 'targetCommitment' : 'targetResult');
    pieces.push(<Fragment key={`text-${at}`}>{decorate(at, target.offset)}</Fragment>);
    pieces.push(
      <mark
        key={target.id}
        class={`clause__target clause__target--${target.kind}`}
        data-target-id={target.id}
        title={`${toDisplayText(target.metric)}：${before}${value}${after}（${kind}）`}
      >
        {decorate(target.offset, end)}
      </mark>,
    );
    at = end;
  }
  pieces.push(<Fragment key={`text-${at}`}>{decorate(at, text.length)}</Fragment>);
  return <>{pieces}</>;
}

const NO_HITS: readonly [number, number][] = [];

function SectionBody({ clauses, targetsByClause, markedClauseId, emphasis }: Omit<Props, 'documents'>) {
  return (
    <>
      {[...groupBy(clauses, (c) => c.paragraph).values()].map((paragraph) => (
        <p class="report__paragraph" key={paragraph[0]!.id}>
          {paragraph.map((clause) => (
            <span
              id={`clause-${clause.id}`}
              key={clause.id}
              class={clause.id === markedClauseId ? 'clause clause--marked' : 'clause'}
              tabIndex={clause.id === markedClauseId ? -1 : undefined}
              data-clause-id={clause.id}
            >
              <ClauseText
                clause={clause}
                targets={targetsByClause.get(clause.id) ?? []}
                hits={emphasis?.clauseId === clause.id ? emphasis.marks : NO_HITS}
              />
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

function SectionHeading({ section }: { section: OutlineSection }) {
  if (section.headingMissing) {
    return (
      <h4 class="report__missing" lang={uiLang()}>
        {t('reportHeadingMissing', toDisplayText(section.label))}
      </h4>
    );
  }
  if (!section.heading) return null;
  return <h4>{toDisplayText(`${section.label}${section.heading}`)}</h4>;
}

/** The documents as a reader reads them: headings by part and section, paragraphs of clauses, targets marked. */
export function ReportArticle({ documents, clauses, targetsByClause, markedClauseId, emphasis }: Props) {
  const bySection = groupBy(clauses, (c) => c.sectionId);
  return (
    <>
      {documents.map((doc) => (
        <article
          class="report__document"
          key={doc.id}
          id={documentAnchor(doc.id)}
          lang="zh-CN"
          aria-labelledby={`${documentAnchor(doc.id)}-title`}
        >
          <header>
            <h2 id={`${documentAnchor(doc.id)}-title`}>{toDisplayText(doc.title)}</h2>
            {doc.enabled === false && (
              <p class="report__excerpt" lang={uiLang()}>
                {t('reportDocumentOff')}
              </p>
            )}
            {doc.subtitle && <p class="report__subtitle">{toDisplayText(doc.subtitle)}</p>}
            {doc.byline && <p class="report__byline">{toDisplayText(doc.byline)}</p>}
            {doc.excerpt && doc.excerptNote && <p class="report__excerpt">{toDisplayText(doc.excerptNote)}</p>}
          </header>
          {doc.outline.map((part) => (
            <section key={part.id} aria-label={part.heading || doc.title}>
              {part.headingMissing ? (
                <h3 class="report__missing" lang={uiLang()}>
                  {t('reportHeadingMissing', `${part.label}、`)}
                </h3>
              ) : (
                part.heading && <h3>{toDisplayText(part.label ? `${part.label}、${part.heading}` : part.heading)}</h3>
              )}
              {part.sections.map((section) => (
                <section key={section.id} id={sectionAnchor(section.id)}>
                  <SectionHeading section={section} />
                  <SectionBody
                    clauses={bySection.get(section.id) ?? []}
                    targetsByClause={targetsByClause}
                    markedClauseId={markedClauseId}
                    emphasis={emphasis}
                  />
                </section>
              ))}
            </section>
          ))}
        </article>
      ))}
    </>
  );
}
