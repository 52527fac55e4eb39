import type { ReportDocument } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { t, uiLang } from '@/extension/i18n';
import { documentAnchor, sectionAnchor } from '../ReportArticle/ReportArticle';

interface Props {
  /** The documents shown. */
  documents: ReportDocument[];
  currentSectionId?: string;
  /** Every document of the library, for the choice of which one to read ('' for all). */
  choices?: { id: string; title: string }[];
  documentId?: string;
  onDocumentChange?: (documentId: string) => void;
}

/** Documents, parts and sections as links into the report view; the section a deep link opened is marked as the current location. */
export function TableOfContents({ documents, currentSectionId, choices = [], documentId = '', onDocumentChange }: Props) {
  return (
    <nav class="toc" aria-label={t('reportToc')}>
      <h2 class="toc__heading">{t('reportToc')}</h2>
      {choices.length > 1 && (
        <select id="report-document" class="toc__document" aria-label={t('targetsDocument')} value={documentId} onChange={(e) => onDocumentChange?.(e.currentTarget.value)}>
          <option value="">{t('reportAllDocuments')}</option>
          {choices.map((doc) => (
            <option key={doc.id} value={doc.id} lang="zh-CN">
              {toDisplayText(doc.title)}
            </option>
          ))}
        </select>
      )}
      <ul lang="zh-CN">
        {documents.map((doc) => (
          <li key={doc.id}>
            <a href={`#${documentAnchor(doc.id)}`}>{toDisplayText(doc.title)}</a>
            <ul>
              {doc.outline.flatMap((part) =>
                part.sections.map((section) => {
                  const label = section.headingMissing
                    ? t('reportHeadingMissing', toDisplayText(section.label))
                    : toDisplayText(`${section.label}${section.heading || part.heading}`);
                  return label ? (
                    <li key={section.id} lang={section.headingMissing ? uiLang() : undefined}>
                      <a
                        href={`#${sectionAnchor(section.id)}`}
                        aria-current={section.id === currentSectionId ? 'location' : undefined}
                      >
                        {label}
                      </a>
                    </li>
                  ) : null;
                }),
              )}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
