// What a figure is about: a result already achieved or a target promised,
// and the year. A report reviews the year before it (一、2024年工作回顾) and
// sets the year's targets (二、2025年主要预期目标); a plan report does the
// same (计划执行情况 / 计划草案). extract-targets reads kind from the clause's
// own words; a part or section whose heading says review or plan settles it
// for every figure under it. The year is read, nearest first, from the
// clause (2023年,… / 到2027年), the heading, then the document's year: a
// target is for the document's year, a result for the year before it.

import type { Clause, ReportDocument, Target, TargetKind } from '../model';
import { extractTargets } from './extract-targets';

const REVIEW = /回顾|执行情况|完成情况|过去一年|过去五年|工作总结|主要成就|取得的成绩/;
const PLAN = /目标|安排|计划草案|主要任务|重点工作|重点任务|工作任务|总体要求|政策取向|预期/;
const YEAR = /((?:19|20)\d{2})年/g;
/** A year after these is a base of comparison or a start (比2023年增长, 自2020年以来), not what the figure is about. */
const NOT_ABOUT = /(?:比|较|同比|与|于|自|从|以来)$/;

export interface Period {
  kind: TargetKind;
  /** The year the heading names, or 0. */
  year: number;
}

function periodOfHeading(heading: string): Period | undefined {
  const named = [...heading.matchAll(YEAR)].map((m) => Number(m[1]));
  const year = named.length > 0 ? Math.max(...named) : 0;
  if (REVIEW.test(heading)) return { kind: 'result', year };
  if (PLAN.test(heading)) return { kind: 'commitment', year };
  return undefined;
}

/** Each section's period, when its heading or its part's says review or plan. */
export function sectionPeriods(doc: ReportDocument): Map<string, Period> {
  const periods = new Map<string, Period>();
  for (const part of doc.outline) {
    const ofPart = periodOfHeading(part.heading);
    for (const section of part.sections) {
      const period = periodOfHeading(section.heading) ?? ofPart;
      if (period) periods.set(section.id, period);
    }
  }
  return periods;
}

/** The clause's targets (extract-targets), each kind settled by the period its section is in. */
export function documentTargets(clause: Omit<Clause, 'tokens'>, doc: ReportDocument, periods: Map<string, Period>): Target[] {
  const targets = extractTargets(clause, doc);
  const period = periods.get(clause.sectionId);
  return period ? targets.map((target) => (target.kind === period.kind ? target : { ...target, kind: period.kind })) : targets;
}

/** The year a target is about; 0 when neither the text nor the document says. */
export function targetYear(
  target: Pick<Target, 'offset' | 'kind'>,
  clause: Pick<Clause, 'text' | 'sectionId'>,
  doc: Pick<ReportDocument, 'year'>,
  periods: Map<string, Period>,
): number {
  let inClause = 0;
  for (const m of clause.text.slice(0, target.offset).matchAll(YEAR)) {
    if (!NOT_ABOUT.test(clause.text.slice(Math.max(0, m.index - 2), m.index))) inClause = Number(m[1]);
  }
  if (inClause) return inClause;
  const period = periods.get(clause.sectionId);
  if (period?.year) return period.year;
  if (!doc.year) return 0;
  return target.kind === 'result' ? doc.year - 1 : doc.year;
}
