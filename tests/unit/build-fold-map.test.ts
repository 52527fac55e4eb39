import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFoldMap } from '@/lib/match/build-fold-map';
import { buildTraditionalTable } from '@/lib/document/traditional-table';

const table = buildTraditionalTable();
import { extractTerms } from '@/lib/document/extract-terms';
import { foldText } from '@/lib/match/fold-text';
import type { Clause, Term } from '@/lib/model';
import { parseSeed } from '@/lib/document/parse-seed';
import { TERM_FACTS } from '@/lib/document/term-facts';

const SEED = '000_59795ae4144a4d73.txt';

let clauses: Omit<Clause, 'tokens'>[];
let terms: Term[];

beforeAll(async () => {
  clauses = parseSeed(readFileSync(join(__dirname, '../../seeds', SEED), 'utf8'), SEED).clauses;
  terms = await extractTerms({ clauses, ...TERM_FACTS });
});

describe('buildFoldMap', () => {
  it('folds traditional characters of the terms to their simplified forms', () => {
    const map = buildFoldMap(table, terms);
    for (const [traditional, simplified] of [
      ['津灣廣場', '津湾广场'],
      ['騰籠換鳥', '腾笼换鸟'],
      ['長護險', '长护险'],
      ['國際航運大廈', '国际航运大厦'],
      ['「證照聯辦」', '"证照联办"'],
      // 裏 is the Hong Kong and Taiwan variant of 裡; both fold to 里.
      ['寧河七裏海鎮', '宁河七里海镇'],
      ['寧河七裡海鎮', '宁河七里海镇'],
    ]) {
      expect(foldText(traditional!, map)).toBe(simplified);
    }
  });

  it('folds the report figure printed in traditional characters when clause text is included', () => {
    const map = buildFoldMap(table, terms, clauses.map((c) => c.text));
    expect(foldText('全年實際使用外資50億美元', map)).toBe(foldText('全年实际使用外资50亿美元', map));
    expect(foldText('全年實際使用外資50億美元', map)).toBe('全年实际使用外资50亿美元');
  });

  it('maps one UTF-16 unit to one, only to characters the forms use, never a character the forms use', () => {
    const map = buildFoldMap(table, terms);
    const used = new Set(terms.flatMap((t) => [...[...t.forms, ...(t.related ?? [])].join('')]));
    expect(Object.keys(map).length).toBeGreaterThan(0);
    for (const [from, to] of Object.entries(map)) {
      expect(from.length).toBe(1);
      expect(to.length).toBe(1);
      expect(used.has(to), `${from} → ${to}`).toBe(true);
      expect(used.has(from), from).toBe(false);
    }
    console.log(
      `fold map: ${Object.keys(map).length} entries for the term forms, ` +
        `${Object.keys(buildFoldMap(table, terms, clauses.map((c) => c.text))).length} with the clause text`,
    );
  });

  it('finds the same terms in a traditional-character copy of the Tianjin story', () => {
    const map = buildFoldMap(table, terms);
    const simplified = readFileSync(join(__dirname, '../fixtures/articles/tianjin-local.txt'), 'utf8');
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified);
    expect(traditional).not.toBe(simplified);
    const found = (page: string) => terms.filter((t) => t.forms.some((f) => page.includes(f))).map((t) => t.term);
    expect(found(foldText(traditional, map))).toEqual(found(foldText(simplified, map)));
    expect(found(foldText(traditional, map)).length).toBeGreaterThanOrEqual(10);
  });
});
