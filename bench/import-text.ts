// A report text of a given length for the import benchmark, made from the
// team's fixture documents and the seed's report body: each copy under a part
// heading of its own, its figures shifted so that no two copies share a
// clause (a real report does not repeat itself). Deterministic: the same
// length gives the same text, and another `variant` another text.

import { readFileSync } from 'node:fs';

const NUMERALS = '一二三四五六七八九十';

function partLabel(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? '' : (tens === 1 ? '' : NUMERALS[tens - 1]!) + '十') + (ones === 0 ? '' : NUMERALS[ones - 1]!);
}

export function importText(length: number, variant = 0): string {
  const seedBody = readFileSync('seeds/000_59795ae4144a4d73.txt', 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const sources = [
    seedBody,
    readFileSync('tests/fixtures/documents/tianjin-2025-work-report.txt', 'utf8'),
    readFileSync('tests/fixtures/documents/tianjin-2025-plan-report.txt', 'utf8'),
  ];
  let text = `${2030 + variant}年天津市政府工作报告\n\n`;
  for (let part = 1; text.length < length; part++) {
    const shift = part * 7 + variant * 1000;
    const body = sources[part % sources.length]!.replace(/\d+/g, (digits) => String(Number(digits) + shift));
    text += `\n${partLabel(part % 99 || 1)}、第${part}部分工作安排\n\n${body}\n`;
  }
  return text.slice(0, length);
}
