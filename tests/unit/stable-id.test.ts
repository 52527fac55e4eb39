import { describe, expect, it } from 'vitest';
import { stableId } from '@/lib/document/stable-id';

describe('stableId', () => {
  it('is FNV-1a 64 in base36 (published test vectors)', () => {
    expect(stableId('')).toBe(0xcbf29ce484222325n.toString(36).padStart(13, '0'));
    expect(stableId('a')).toBe(0xaf63dc4c8601ec8cn.toString(36).padStart(13, '0'));
    expect(stableId('foobar')).toBe(0x85944171f73967e8n.toString(36).padStart(13, '0'));
  });

  it('hashes the UTF-8 bytes of Chinese text and keeps a fixed width', () => {
    const id = stableId('2024年天津市政府工作报告', '全年实际使用外资50亿美元。', '0');
    expect(id).toMatch(/^[0-9a-z]{13}$/);
    expect(stableId('2024年天津市政府工作报告', '全年实际使用外资50亿美元。', '0')).toBe(id);
  });

  it('keeps the boundaries between parts', () => {
    expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
    expect(stableId('abc')).not.toBe(stableId('ab', 'c'));
  });
});
