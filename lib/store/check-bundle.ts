// Invariants of an index bundle. The build script refuses to write a bundle
// that breaks one, naming what is wrong, so a bad parse never ships.

import type { IndexBundle } from '../model';
import { hasHan } from '../match/han-text';

export function bundleProblems(bundle: IndexBundle): string[] {
  const problems: string[] = [];
  const docIds = new Set(bundle.documents.map((d) => d.id));
  const clauseIds = new Set<string>();
  if (bundle.documents.length === 0) problems.push('no document was parsed');
  for (const clause of bundle.clauses) {
    if (clauseIds.has(clause.id)) problems.push(`duplicate clause id ${clause.id}: ${clause.text}`);
    clauseIds.add(clause.id);
    if (!docIds.has(clause.docId)) problems.push(`clause ${clause.id} has no document: ${clause.text}`);
    if (!clause.text.trim()) problems.push(`clause ${clause.id} is empty`);
  }
  for (const doc of bundle.documents) {
    if (!bundle.clauses.some((c) => c.docId === doc.id)) problems.push(`document ${doc.title} has no clause`);
  }
  const targetIds = new Set<string>();
  for (const target of bundle.targets) {
    if (targetIds.has(target.id)) problems.push(`duplicate target id ${target.id}`);
    targetIds.add(target.id);
    if (!clauseIds.has(target.clauseId)) problems.push(`target ${target.text} has no clause`);
    if (!Number.isFinite(target.value)) problems.push(`target ${target.text} has no numeric value`);
  }
  const termTexts = new Set<string>();
  for (const term of bundle.terms) {
    if (termTexts.has(term.term)) problems.push(`duplicate term ${term.term}`);
    termTexts.add(term.term);
    if (term.clauseIds.length === 0) problems.push(`term ${term.term} has no clause`);
    for (const id of term.clauseIds) {
      if (!clauseIds.has(id)) problems.push(`term ${term.term} points to a missing clause ${id}`);
    }
    if (term.forms.length === 0 || term.forms.some((f) => !f)) problems.push(`term ${term.term} has an empty form`);
    // The content script does nothing on a page without Han text: a form without any would never be looked for.
    for (const form of term.forms) if (form && !hasHan(form)) problems.push(`term ${term.term} has a form without a Han character: ${form}`);
  }
  for (const [from, to] of Object.entries(bundle.foldMap)) {
    if (from.length !== 1 || to.length !== 1) problems.push(`fold map entry ${from}→${to} is not one unit to one unit`);
  }
  return problems;
}
