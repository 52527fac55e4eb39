import type { ReportDocument } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { t, uiLang } from '@/extension/i18n';
import { documentAnchor, sectionAnchor } from '../ReportArticle/ReportArticle';

/** Documents, parts and sections as links into the report view; the section a deep link opened is marked as the current location. */
export function TableOfContents({ documents, currentSectionId }: { documents: ReportDocument[]; currentSectionId?: string }) {
  return (
    <nav class="toc" aria-label={t('reportToc')}>
      <h2 class="toc__heading">{t('reportToc')}</h2>
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
