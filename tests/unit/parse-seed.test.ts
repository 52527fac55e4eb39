import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeed, type ParsedSeed } from '@/lib/document/parse-seed';

const SOURCE = '000_59795ae4144a4d73.txt';
const seed = readFileSync(fileURLToPath(new URL(`../../seeds/${SOURCE}`, import.meta.url)), 'utf8');
const parsed = parseSeed(seed, SOURCE);
const [report, article] = parsed.documents;

function clausesOf(result: ParsedSeed, docId: string) {
  return result.clauses.filter((c) => c.docId === docId);
}

function clauseWith(fragment: string) {
  const found = parsed.clauses.filter((c) => c.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0]!;
}

function paragraphCount(docId: string): number {
  return new Set(clausesOf(parsed, docId).map((c) => c.paragraph)).size;
}

function seedText(spans: [number, number][], text = seed): string {
  return spans.map(([s, e]) => text.slice(s, e)).join('');
}

describe('documents', () => {
  it('finds the work report and the deputy article, in that order', () => {
    expect(parsed.documents).toHaveLength(2);
    expect(parsed.documents.map((d) => d.kind)).toEqual(['work-report', 'deputy-article']);
    expect(parsed.documents.map((d) => d.order)).toEqual([0, 1]);
  });

  it('describes the report as an excerpt of the 2024 Tianjin work report', () => {
    expect(report).toMatchObject({
      title: '2024年天津市政府工作报告',
      region: '天津',
      year: 2024,
      excerpt: true,
      source: SOURCE,
    });
    expect(report!.author).toBeUndefined();
    expect(report!.excerptNote).toContain('第二部分第(三)项');
    expect(report!.excerptNote).toContain('至第三部分结束');
  });

  it('reads the article title, subtitle, byline and author', () => {
    expect(article).toMatchObject({
      title: '做优做强高品质网络、高品质产品、高品质服务',
      subtitle: '为中国式现代化的天津实践积极贡献联通智慧和联通力量',
      byline: '天津市人大代表、城乡建设环境保护委员会副主任委员、中国联通天津市分公司党委书记、总经理陈海波',
      author: '陈海波',
      region: '天津',
      year: 2024,
      excerpt: false,
      source: SOURCE,
    });
    expect(article!.excerptNote).toBeUndefined();
  });
});

describe('outline', () => {
  it('gives the report part 二 (heading not in the copy) with items (三)–(七), and part 三 without items', () => {
    const [two, three] = report!.outline;
    expect(report!.outline).toHaveLength(2);
    expect(two).toMatchObject({ label: '二', heading: '', headingMissing: true });
    expect(two!.sections.map((s) => s.label)).toEqual(['(三)', '(四)', '(五)', '(六)', '(七)']);
    expect(two!.sections[0]).toMatchObject({ heading: '', aim: '', headingMissing: true });
    expect(two!.sections[2]).toMatchObject({
      heading: '全力推进乡村全面振兴,加快提升农业农村现代化水平',
      aim: '加快提升农业农村现代化水平',
      headingMissing: false,
    });
    expect(two!.sections.slice(1).map((s) => s.aim)).toEqual([
      '持续增创高质量发展新优势',
      '加快提升农业农村现代化水平',
      '持续提高群众生活品质',
      '统筹高质量发展和高水平安全',
    ]);
    expect(three).toMatchObject({ label: '三', heading: '努力提升政府治理效能和水平', headingMissing: false });
    expect(three!.sections).toHaveLength(1);
    expect(three!.sections[0]).toMatchObject({ label: '', heading: '', aim: '努力提升政府治理效能和水平', headingMissing: false });
  });

  it('gives the article a lead section and sections 一–四', () => {
    expect(article!.outline).toHaveLength(1);
    const sections = article!.outline[0]!.sections;
    expect(sections.map((s) => s.label)).toEqual(['', '一、', '二、', '三、', '四、']);
    expect(sections.map((s) => s.aim)).toEqual([
      '',
      '加速建设中国联通京津冀数字科技产业园',
      '以“5G+”助力科技创新、产业焕新、城市更新',
      '助力提升市民生活品质',
      '胜利完成防汛抗洪抢险通信保障任务',
    ]);
    expect(sections.every((s) => !s.headingMissing)).toBe(true);
  });

  it('points every clause at a part and section of its own document', () => {
    for (const doc of parsed.documents) {
      for (const clause of clausesOf(parsed, doc.id)) {
        const part = doc.outline.find((p) => p.id === clause.partId);
        expect(part?.sections.some((s) => s.id === clause.sectionId)).toBe(true);
      }
    }
  });

  it('gives outline entries distinct ids', () => {
    const ids = parsed.documents.flatMap((d) => [d.id, ...d.outline.flatMap((p) => [p.id, ...p.sections.map((s) => s.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('paragraphs and clauses', () => {
  it('counts the paragraphs after joining page breaks', () => {
    expect(paragraphCount(report!.id)).toBe(25);
    expect(paragraphCount(article!.id)).toBe(10);
  });

  it('counts the clauses', () => {
    expect(clausesOf(parsed, report!.id)).toHaveLength(106);
    expect(clausesOf(parsed, article!.id)).toHaveLength(33);
  });

  it.each([
    ['管控制', '本'],
    ['信', '用环境'],
    ['长护险', '制度试点'],
    ['要', '素供应保障'],
    ['打造引领京津冀、', '辐射全国'],
    ['2023年度', '中国智能交通协会'],
    ['人', '热线服务'],
  ])('joins %s / %s across the page break', (before, after) => {
    const clause = clauseWith(before + after);
    expect(clause.spans).toHaveLength(2);
    expect(seed.slice(...clause.spans[0]!).endsWith(before)).toBe(true);
    expect(seed.slice(...clause.spans[1]!).startsWith(after)).toBe(true);
  });

  it('drops the page marker and the filler lines', () => {
    for (const clause of parsed.clauses) {
      expect(clause.text).not.toContain('上接');
      expect(clause.text).not.toMatch(/\s/);
    }
    expect(parsed.clauses[0]!.text).toBe('激发有潜能的消费。');
  });

  it('gives every clause the seed ranges its text comes from', () => {
    for (const clause of parsed.clauses) {
      expect(seedText(clause.spans)).toBe(clause.text);
    }
  });

  it('splits at sentence ends and semicolons but never inside quotes', () => {
    expect(clauseWith('已成为天津最大政务云服务商').text.endsWith(';')).toBe(true);
    expect(clauseWith('参与人数约41.5万人').text).toBe('全年为65岁以上老年客户提供236.6万人次人热线服务,开展助老活动超过4200场,参与人数约41.5万人;');
    expect(clauseWith('各位代表').text).toBe('各位代表!');
    expect(clauseWith('中国智能交通协会').text.endsWith('一等奖”。')).toBe(true);
  });

  it('numbers paragraphs and clauses in reading order within each document', () => {
    for (const doc of parsed.documents) {
      const clauses = clausesOf(parsed, doc.id);
      expect(clauses.map((c) => c.order)).toEqual(clauses.map((_, i) => i));
      const paragraphs = clauses.map((c) => c.paragraph);
      expect(paragraphs[0]).toBe(0);
      paragraphs.slice(1).forEach((p, i) => expect(p - paragraphs[i]!).toBeGreaterThanOrEqual(0));
      paragraphs.slice(1).forEach((p, i) => expect(p - paragraphs[i]!).toBeLessThanOrEqual(1));
    }
  });
});

describe('ids', () => {
  it('are unique and the same on every parse', () => {
    const again = parseSeed(seed, SOURCE);
    expect(again.clauses.map((c) => c.id)).toEqual(parsed.clauses.map((c) => c.id));
    expect(again.documents.map((d) => d.id)).toEqual(parsed.documents.map((d) => d.id));
    expect(new Set(parsed.clauses.map((c) => c.id)).size).toBe(parsed.clauses.length);
  });

  it('depend on content, not position: a paragraph added before a clause leaves its id alone', () => {
    const heading = '#### 一、';
    const edited = seed.replace(heading, `新加的一段话,用来检验编号。\n\n${heading}`);
    const changed = parseSeed(edited, SOURCE);
    const ids = new Set(changed.clauses.map((c) => c.id));
    expect(parsed.clauses.every((c) => ids.has(c.id))).toBe(true);
    expect(changed.clauses).toHaveLength(parsed.clauses.length + 1);
  });
});

describe('task titles and paths', () => {
  it.each([
    ['全年实际使用外资', '提高对外开放水平'],
    ['粮食、蔬菜分别稳定播种', '做优现代都市型农业'],
    ['腾笼换鸟', '拓宽思路培育增量'],
    ['水毁修复工程', '强化防灾减灾救灾能力建设'],
    ['长护险制度试点', '提升就业质量和社保水平'],
    ['三不腐', '严守廉洁从政之规'],
    // The copy's first paragraph began on page 3: its lead phrase is not in the copy.
    ['首发经济', ''],
    // Section intros and the closing address have no lead phrase.
    ['深入落实全面深化改革重大举措', ''],
    ['各位代表', ''],
    ['奋力开创全面建设社会主义现代化大都市新局面', ''],
  ])('the clause with %s has task title "%s"', (fragment, title) => {
    expect(clauseWith(fragment).taskTitle).toBe(title);
  });

  it('gives article clauses no task title', () => {
    expect(clausesOf(parsed, article!.id).every((c) => c.taskTitle === '')).toBe(true);
  });

  it('gives paths from the document down, headings as printed, without missing headings', () => {
    expect(clauseWith('全年实际使用外资').path).toEqual([
      '2024年天津市政府工作报告',
      '(四)全力深化改革扩大开放,持续增创高质量发展新优势',
      '提高对外开放水平',
    ]);
    expect(clauseWith('三不腐').path).toEqual(['2024年天津市政府工作报告', '三、努力提升政府治理效能和水平', '严守廉洁从政之规']);
    expect(clauseWith('腾笼换鸟').path).toEqual(['2024年天津市政府工作报告', '拓宽思路培育增量']);
    expect(clauseWith('首发经济').path).toEqual(['2024年天津市政府工作报告']);
    expect(clauseWith('88.8亿元').path).toEqual(['做优做强高品质网络、高品质产品、高品质服务']);
    expect(clauseWith('5万余名').path).toEqual([
      '做优做强高品质网络、高品质产品、高品质服务',
      '四、坚决扛起央企使命担当,胜利完成防汛抗洪抢险通信保障任务',
    ]);
  });
});

describe('line endings', () => {
  it('reads a copy with Windows line endings the same way, spans pointing into that copy', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const result = parseSeed(crlf, SOURCE);
    expect(result.clauses.map((c) => c.text)).toEqual(parsed.clauses.map((c) => c.text));
    expect(result.clauses.map((c) => c.id)).toEqual(parsed.clauses.map((c) => c.id));
    for (const clause of result.clauses) expect(seedText(clause.spans, crlf)).toBe(clause.text);
  });
});

describe('bad input', () => {
  it('says plainly when the text has no work report title', () => {
    const withoutTitle = seed.replace('# 政府工作报告', '');
    expect(() => parseSeed(withoutTitle, 'x.txt')).toThrow(/x\.txt: the seed must open with the work report's title/);
    expect(() => parseSeed('', 'empty.txt')).toThrow(/empty\.txt: no work report title was found/);
  });

  it('says plainly when the report has no text', () => {
    expect(() => parseSeed('# 政府工作报告\n\n## 天津文章\n\n2023年天津很好。\n', 'y.txt')).toThrow(/"2024年天津市政府工作报告" has no text/);
  });

  it('never fails except with a clear message when lines are lost or repeated', () => {
    const lines = seed.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.boolean()), { maxLength: 12 }), (edits) => {
        const edited = [...lines];
        for (const [at, duplicate] of edits) {
          const i = at % edited.length;
          if (duplicate) edited.splice(i, 0, edited[i]!);
          else edited.splice(i, 1);
        }
        const text = edited.join('\n');
        let result: ParsedSeed;
        try {
          result = parseSeed(text, SOURCE);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(new RegExp(`^Seed ${SOURCE}: `));
          return;
        }
        for (const clause of result.clauses) expect(seedText(clause.spans, text)).toBe(clause.text);
      }),
      { numRuns: 200 },
    );
  });

  /** Characters that break naive text code: lone surrogates, a pair, combining marks, RTL and bidi controls, control characters, zero-width and BOM, lone quotes of every kind, line and page breaks. */
  const HOSTILE = ['\ud840', '\udc00', '𠮷', '\u0301', '\u0338', '\u202e', '\u200f', '\u2066', '\u0000', '\u0007', '\u001b', '\u007f', '\u200b', '\ufeff', '"', '“', '”', '「', '』', "'", '\r', '\n', '\n\n', '\f', '\u2028', '#', '(', ')', '。', ';', '!'];
  const hostileText = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

  /** A parse either fails with the parser's own short message or gives clauses whose spans lie in the text and spell the clause. */
  function parsesOrSaysWhy(text: string): void {
    let result: ParsedSeed;
    try {
      result = parseSeed(text, SOURCE);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(new RegExp(`^Seed ${SOURCE}: `));
      expect((error as Error).message.length).toBeLessThan(600);
      return;
    }
    for (const clause of result.clauses) {
      for (const [start, end] of clause.spans) {
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
      }
      expect(seedText(clause.spans, text)).toBe(clause.text);
    }
  }

  it('reads random and hostile text without a throw other than its own message', () => {
    const title = fc.constantFrom('', '# 政府工作报告\n\n', '# 政府工作报告\n\n天津');
    const body = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.array(fc.oneof(hostileText, fc.constantFrom('天津', '高标准农田', '50万亩', '#### 一、', '## 文章')), { maxLength: 80 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(title, body, (t, b) => parsesOrSaysWhy(t + b)), { numRuns: 500 });
  });

  it('reads the real seed with hostile characters inserted anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(seed.length), hostileText), { minLength: 1, maxLength: 20 }), (inserts) => {
        let text = seed;
        for (const [at, insert] of [...inserts].sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + insert + text.slice(at);
        parsesOrSaysWhy(text);
      }),
      // Each run parses the whole seed (about 6 ms): 60 runs of up to 20 insertions each keep the test
      // well inside vitest's 5 s on a machine whose other core is busy (200 runs took 5.7 s there).
      { numRuns: 60 },
    );
  });

  it('reads a 10 MB seed (a paragraph repeated, hostile characters between) in one pass', () => {
    const lines = seed.split('\n');
    const first = lines.findIndex((l) => l.includes('激发有潜能的消费'));
    // Hostile characters at the start and inside, so each copy still ends a sentence (a paragraph that does not is joined to the next as a page break).
    const paragraph = `\u202e\u0301\ud840「${lines[first]}」\u0000𠮷。`;
    const copies = Math.ceil(10_000_000 / paragraph.length);
    const big = [...lines.slice(0, first), ...Array.from({ length: copies }, () => `${paragraph}\n`), ...lines.slice(first + 1)].join('\n');
    expect(big.length).toBeGreaterThan(10_000_000);
    const result = parseSeed(big, SOURCE);
    expect(result.clauses.length).toBeGreaterThan(copies);
    for (const clause of result.clauses) {
      const [start, end] = clause.spans[clause.spans.length - 1]!;
      expect(start >= 0 && end <= big.length).toBe(true);
    }
  }, 60_000);

  it('a stray quote in a clause costs at most the splits of its own paragraph', () => {
    // Inside a clause's text, before its last character: a paragraph that no longer ended a
    // sentence would be joined to the next one, the parser's rule for page breaks.
    const inside = fc
      .nat(parsed.clauses.length - 1)
      .chain((i) => {
        const clause = parsed.clauses[i]!;
        const [start, end] = clause.spans[0]!;
        return fc.tuple(fc.constant(clause), fc.integer({ min: start + 1, max: Math.max(start + 1, end - 1) }));
      });
    fc.assert(
      fc.property(inside, fc.constantFrom('“', '「', '『', '《', '"'), ([clause, at], quote) => {
        const text = seed.slice(0, at) + quote + seed.slice(at);
        const result = parseSeed(text, SOURCE);
        const texts = new Set(result.clauses.map((c) => c.text));
        const lost = parsed.clauses.filter((c) => (c.docId !== clause.docId || c.paragraph !== clause.paragraph) && !texts.has(c.text));
        expect(lost.map((c) => c.text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('says plainly what is wrong with 10 MB on one line, without repeating it', () => {
    const line = '\u202e"'.repeat(5_000_000);
    expect(() => parseSeed(line, SOURCE)).toThrow(new RegExp(`^Seed ${SOURCE}: `));
    expect(() => parseSeed(`# 政府工作报告\n\n${line}`, SOURCE)).toThrow(new RegExp(`^Seed ${SOURCE}: `));
    for (const text of [line, `# 政府工作报告\n\n${line}`]) {
      try {
        parseSeed(text, SOURCE);
      } catch (error) {
        expect((error as Error).message.length).toBeLessThan(600);
      }
    }
  }, 60_000);
});
