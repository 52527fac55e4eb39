import { describe, expect, it } from 'vitest';
import { splitClauses } from '@/lib/document/split-clauses';

const split = (text: string) => splitClauses({ text, segments: [[0, text.length]] }).map((c) => c.text);

describe('splitClauses', () => {
  it('cuts sentences and semicolon clauses, keeping quoted sentences whole', () => {
    expect(split('推出“高效办成一件事。”场景;完成任务。好!')).toEqual(['推出“高效办成一件事。”场景;', '完成任务。', '好!']);
  });

  it('lets an opening quote that is never closed cost only its own clause', () => {
    expect(split('甲乙。丙“丁。戊己。')).toEqual(['甲乙。', '丙“丁。', '戊己。']);
    expect(split('一“二《三。四”五。六。')).toEqual(['一“二《三。四”五。', '六。']);
  });

  it('ignores a closing mark whose opening one is lost', () => {
    expect(split('甲”乙。丙。')).toEqual(['甲”乙。', '丙。']);
  });
});

describe('splitClauses on hostile text', () => {
  // A quadratic cut would not finish within the test's time limit.
  it('stays linear with a million unclosed marks, then a million stray closing ones', () => {
    const open = '《“'.repeat(500_000);
    const stray = '」'.repeat(1_000_000);
    expect(split(`${open}甲。乙。丁${stray}丙。`)).toEqual([`${open}甲。`, '乙。', `丁${stray}丙。`]);
  }, 20_000);

  it('stays linear with a million nested quotations', () => {
    const text = `${'《'.repeat(1_000_000)}甲。${'》'.repeat(1_000_000)}乙。丙。`;
    expect(split(text)).toEqual([`${'《'.repeat(1_000_000)}甲。${'》'.repeat(1_000_000)}乙。`, '丙。']);
  }, 20_000);
});
