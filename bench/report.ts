// The benchmark's output: one row per figure with its baseline, the ratio and
// the budget from the performance issue, printed as a table and written as
// JSON so runs can be compared.

import { writeFileSync } from 'node:fs';
import type { Summary } from './stats';

export interface Row {
  figure: string;
  /** The figure as shown: value with unit, and spread where there were several runs. */
  value: string;
  baseline?: string;
  ratio?: string;
  budget?: string;
  /** undefined where the figure has no budget or could not be measured. */
  pass?: boolean;
  /** Why a budget fails or a figure is missing, when known. */
  note?: string;
  /** The numbers behind the row. */
  data?: unknown;
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function spread(summary: Summary | undefined, unit: (v: number) => string = ms): string {
  if (!summary) return '—';
  if (summary.runs === 1) return `${unit(summary.median)} (1 run)`;
  return `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)}, n=${summary.runs})`;
}

export function times(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return ratio >= 100 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}

/**
 * For a row over its budget: by how much, in the figure's unit and as a
 * share of the budget (`limitName` names a budget set against a baseline);
 * undefined within it.
 */
export function overBudget(value: number, limit: number, format: (v: number) => string, limitName?: string): string | undefined {
  if (!(value > limit)) return undefined;
  const against = limitName ? `${limitName} = ${format(limit)}` : format(limit);
  return `misses its budget by ${format(value - limit)}: ${format(value)} against ${against} (${times(value / limit)} the budget)`;
}

function verdict(pass: boolean | undefined): string {
  return pass === undefined ? '' : pass ? 'pass' : 'FAIL';
}

export function printTable(rows: Row[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'budget', 'result'];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline ?? '', r.ratio ?? '', r.budget ?? '', verdict(r.pass)]);
  // CJK characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) => c.map((s, i) => s + ' '.repeat(widths[i]! - width(s))).join(' │ ');
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.figure}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export function writeResults(path: string, meta: Record<string, unknown>, rows: Row[], raw: unknown): void {
  writeFileSync(path, `${JSON.stringify({ ...meta, rows, raw }, null, 2)}\n`);
}
