// Pages laid out as a word processor prints them: A5, 11 pt text from x = 48
// to the right edge at 372, paragraphs indented two characters, justified
// Chinese lines, ragged English ones.

import { describe, expect, it } from 'vitest';
import { pdfText, type PdfTextRun } from '@/lib/document/pdf-text';
import { isCjk } from '@/lib/document/clean-text';

const LEFT = 48;
const RIGHT = 372;
const SIZE = 11;
const LEADING = 19;

/** A run as pdf.js gives it: CJK characters one em wide, Latin ones half. */
function run(text: string, x: number, y: number, { size = SIZE, hasEOL = true } = {}): PdfTextRun {
  const width = [...text].reduce((sum, char) => sum + (isCjk(char) ? size : size / 2), 0);
  return { text, x, y, width, size, hasEOL };
}

/** A paragraph's lines: the first indented two characters, each line one run, every line but the last reaching the right edge. */
function paragraph(lines: string[], top: number, { indent = true } = {}): PdfTextRun[] {
  return lines.map((text, i) => {
    const x = i === 0 && indent ? LEFT + 2 * SIZE : LEFT;
    const r = run(text, x, top + i * LEADING);
    // Justified: the line is stretched to the edge, as pdf.js reports its width.
    if (i < lines.length - 1) r.width = RIGHT - x;
    return r;
  });
}

describe('pdfText', () => {
  it('joins the lines of a Chinese paragraph without spaces and starts a paragraph at each indent', () => {
    const page = [
      ...paragraph(['过去一年，我们坚持稳中求进，全市地区生产总值增长5.2%，', '一般公共预算收入完成186亿元。'], 100),
      ...paragraph(['我们把民生实事作为检验工作的标尺，新建改造农村公路420', '公里。'], 100 + 2 * LEADING),
    ];
    expect(pdfText([page])).toBe(
      '过去一年，我们坚持稳中求进，全市地区生产总值增长5.2%，一般公共预算收入完成186亿元。\n\n我们把民生实事作为检验工作的标尺，新建改造农村公路420公里。',
    );
  });

  it('ends a paragraph at a short line even when the next line is not indented', () => {
    const page = [
      ...paragraph(['各位代表：'], 100, { indent: false }),
      ...paragraph(['现在，我代表市人民政府，向大会报告工作，请予审议，并请', '市政协委员提出意见。'], 100 + LEADING, { indent: false }),
    ];
    expect(pdfText([page])).toBe('各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。');
  });

  it('joins ragged English lines with spaces and keeps a hyphen', () => {
    const page = [
      run('The city will build 300 key', LEFT, 100),
      run('projects and well-', LEFT, 100 + LEADING),
      run('being services.', LEFT, 100 + 2 * LEADING),
    ];
    expect(pdfText([page])).toBe('The city will build 300 key projects and well-being services.');
  });

  it('separates a heading by its size and block paragraphs by a wider gap', () => {
    const full = (text: string, y: number) => ({ ...run(text, LEFT, y), width: RIGHT - LEFT });
    const page = [
      run('2031年云河市政府工作报告', 112, 66, { size: 16 }),
      full('第一段第一行写满整行', 96),
      full('第一段第二行写满整行', 96 + LEADING),
      full('第一段第三行写满整行', 96 + 2 * LEADING),
      full('第二段在空行之后', 96 + 4 * LEADING),
      run('结束。', LEFT, 96 + 5 * LEADING),
    ];
    expect(pdfText([page])).toBe(
      ['2031年云河市政府工作报告', '第一段第一行写满整行第一段第二行写满整行第一段第三行写满整行', '第二段在空行之后结束。'].join('\n\n'),
    );
  });

  it('puts the runs of one line together: Chinese runs touching, Latin words apart, table cells apart', () => {
    const page = [
      run('云河市市长', 160, 100, { hasEOL: false }),
      run(' ', 215, 100, { hasEOL: false }),
      run('林知远', 226, 100),
      run('指标', LEFT, 130, { hasEOL: false }),
      run('目标', LEFT + 6 * SIZE, 130),
      run('地区生产', LEFT, 160, { hasEOL: false }),
      run('总值', LEFT + 4 * SIZE, 160, { hasEOL: false }),
      run('GDP', LEFT + 6 * SIZE + 3, 160),
      run('grows', LEFT, 190, { hasEOL: false }),
      run('fast', LEFT + 5 * (SIZE / 2) + 3, 190),
    ];
    expect(pdfText([page])).toBe(['云河市市长 林知远', '指标 目标', '地区生产总值GDP', 'grows fast'].join('\n\n'));
  });

  it('drops page numbers and joins a paragraph cut by the page break', () => {
    const pageOne = [
      ...paragraph(['（一）着力扩大有效需求。实施市级重点项目300个，完成投', '资1200亿元以上。推动外贸稳规模优结构，全年进出口总额力'], 100),
      // The last line is full: justified, so its width reaches the edge.
      run('— 1 —', 197, 575, { size: 9 }),
    ];
    pageOne[1]!.width = RIGHT - LEFT;
    const pageTwo = [
      run('2', 205, 30, { size: 9 }),
      ...paragraph(['争达到900亿元。'], 60, { indent: false }),
      ...paragraph(['（二）加快建设现代化产业体系。'], 60 + LEADING),
      run('第 2 页 共 3 页', 180, 575, { size: 9 }),
    ];
    expect(pdfText([pageOne, pageTwo])).toBe(
      '（一）着力扩大有效需求。实施市级重点项目300个，完成投资1200亿元以上。推动外贸稳规模优结构，全年进出口总额力争达到900亿元。\n\n（二）加快建设现代化产业体系。',
    );
  });

  it('keeps paragraphs apart over a page break when the next page starts a new one', () => {
    const lines = (...texts: string[]) => paragraph([...texts, '写满'], 100, { indent: false }).slice(0, texts.length).map((r) => ({ ...r, width: RIGHT - r.x }));
    // A full last line that ends a sentence, then a flush first line: two paragraphs.
    const sentenceEnds = pdfText([lines('第一行', '第二行', '本页最后一行以句号结束。'), lines('下一页的第一行', '第二行', '第三行')]);
    expect(sentenceEnds).toBe('第一行第二行本页最后一行以句号结束。\n\n下一页的第一行第二行第三行');
    // The next page's first line is indented: a new paragraph.
    const nextPage = paragraph(['新段落的第一行', '第二行', '第三行。'], 60);
    const indented = pdfText([lines('第一行', '第二行', '本页最后一行没有结束'), nextPage]);
    expect(indented).toBe('第一行第二行本页最后一行没有结束\n\n新段落的第一行第二行第三行。');
  });

  it('gives nothing for pages without text items, and skips them between pages with text', () => {
    expect(pdfText([[], []])).toBe('');
    expect(pdfText([[run(' ', LEFT, 100), run('', LEFT, 100)]])).toBe('');
    const page = (text: string) => paragraph([`${text}的第一行写满了整行的文字，一直写到右边`, '结束。'], 100);
    expect(pdfText([page('第一页'), [], page('第三页')])).toBe(
      '第一页的第一行写满了整行的文字，一直写到右边结束。\n\n第三页的第一行写满了整行的文字，一直写到右边结束。',
    );
  });

  it('starts a new line where pdf.js did not mark one but the baseline moved', () => {
    const page = [
      { ...run('第一段写满整行', LEFT, 100, { hasEOL: false }), width: RIGHT - LEFT },
      run('结束。', LEFT, 100 + LEADING, { hasEOL: false }),
      run('第二段', LEFT + 2 * SIZE, 100 + 2 * LEADING, { hasEOL: false }),
    ];
    expect(pdfText([page])).toBe('第一段写满整行结束。\n\n第二段');
  });
});
