// The library's figures paired across documents and years (metric-identity.ts):
// each target given the year it is about (target-periods.ts) and its
// document's name and region. The background pairs the documents switched on,
// for the card; the report view pairs every document, for its table.

import type { Clause, ReportDocument, Target } from '../model';
import { sectionPeriods, targetYear } from '../document/target-periods';
import { pairTargets, type MetricSeries, type PairableTarget } from '../document/metric-identity';

/** Each target with the year it is about; targets of documents or clauses not given are left out. */
export function targetsWithYears(
  documents: readonly ReportDocument[],
  clauseById: ReadonlyMap<string, Pick<Clause, 'text' | 'sectionId'>>,
  targets: readonly Target[],
): PairableTarget[] {
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const periods = new Map(documents.map((d) => [d.id, sectionPeriods(d)]));
  const items: PairableTarget[] = [];
  for (const target of targets) {
    const doc = documentById.get(target.docId);
    const clause = clauseById.get(target.clauseId);
    if (!doc || !clause) continue;
    items.push({ target, year: targetYear(target, clause, doc, periods.get(doc.id)!), docTitle: doc.title, region: doc.region, docOrder: doc.order });
  }
  return items;
}

/** The series of the given documents' figures, and each paired figure's series. */
export function librarySeries(
  documents: readonly ReportDocument[],
  clauseById: ReadonlyMap<string, Pick<Clause, 'text' | 'sectionId'>>,
  targets: readonly Target[],
  aliases: Map<string, string>,
): { series: MetricSeries[]; byTarget: Map<string, MetricSeries> } {
  const series = pairTargets(targetsWithYears(documents, clauseById, targets), aliases);
  const byTarget = new Map<string, MetricSeries>();
  for (const entry of series) for (const point of entry.points) byTarget.set(point.targetId, entry);
  return { series, byTarget };
}
