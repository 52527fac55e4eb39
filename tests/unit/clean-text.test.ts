import { describe, expect, it } from 'vitest';
import { cleanText, collapseSpaces, joinSeparator } from '@/lib/document/clean-text';

describe('joinSeparator', () => {
  it('joins Chinese with nothing and Latin words with a space', () => {
    expect(joinSeparator('高标准', '农田')).toBe('');
    expect(joinSeparator('增长5.2%', '，')).toBe('');
    expect(joinSeparator('GDP', '增长')).toBe('');
    expect(joinSeparator('work', 'report')).toBe(' ');
    expect(joinSeparator('2024', 'report')).toBe(' ');
    expect(joinSeparator('inter-', 'national')).toBe('');
    expect(joinSeparator('word ', 'next')).toBe('');
    expect(joinSeparator('', 'next')).toBe('');
    // A Han character outside the Basic Multilingual Plane (U+20BB7) counts as Chinese.
    expect(joinSeparator('\u{20bb7}', '家')).toBe('');
  });
});

describe('collapseSpaces', () => {
  it('makes each run of markup white space one space', () => {
    expect(collapseSpaces('a  \t b\n\n c')).toBe('a b c');
  });

  it('drops a line break of the markup between two Chinese characters', () => {
    expect(collapseSpaces('完成186亿元，\n    同比增长')).toBe('完成186亿元，同比增长');
    expect(collapseSpaces('天津\n  市')).toBe('天津市');
    // Spaces typed between Chinese characters stay (they may be meant); a break next to Latin is a space.
    expect(collapseSpaces('市长  林知远')).toBe('市长 林知远');
    expect(collapseSpaces('GDP\n增长')).toBe('GDP 增长');
  });
});

describe('cleanText', () => {
  it('normalises line ends, removes invisible and control characters, trims lines and their indentation', () => {
    expect(cleanText('\ufeff　　第一段\r\n\u3000\u3000第二\u200b段\u0007  \r第三段\u2028第四段')).toBe(
      '第一段\n第二段\n第三段\n第四段',
    );
  });

  it('collapses spaces inside a line and keeps an ideographic space there', () => {
    expect(cleanText('a \u00a0\t b')).toBe('a b');
    expect(cleanText('市长　林知远')).toBe('市长　林知远');
  });

  it('keeps at most one blank line between paragraphs and none at the ends', () => {
    expect(cleanText('\n\n  \n第一段\n\n\n \n第二段\f\f第三段\n\n')).toBe('第一段\n\n第二段\n\n第三段');
    expect(cleanText(' \n\t\n')).toBe('');
  });
});
