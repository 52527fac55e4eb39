// Numbers inside quotation marks or titles are names, not figures: “1+3+4”产业体系,
// 《2023年度报告》. Both the report's side (a clause's quote mask) and the
// page's side (the few characters between a metric and its figure) follow
// quotes with this one rule.

const OPENERS = '“《「『';
const CLOSERS = '”》」』';

/** +1 for a unit that opens a quotation or title, -1 for one that closes it, 0 otherwise. */
export function quoteDepthChange(code: number): number {
  for (let i = 0; i < OPENERS.length; i++) {
    if (OPENERS.charCodeAt(i) === code) return 1;
    if (CLOSERS.charCodeAt(i) === code) return -1;
  }
  return 0;
}
