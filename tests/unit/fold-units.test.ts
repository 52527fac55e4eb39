import { describe, expect, it } from 'vitest';
import { foldChar, foldedUnits } from '@/lib/match/fold-text';

describe('foldedUnits', () => {
  it('lists exactly the units foldChar changes, with what they become', () => {
    // Includes keys the rules decide before the map (ASCII, full width, quotes) and a two-unit key foldChar never sees.
    const map = { 標: '标', 準: '准', A: 'x', 'Ａ': 'y', '“': 'z', 國: '国', '𠮷': '吉' };
    const folded = foldedUnits(map);
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      expect(folded.get(code) ?? code, ch).toBe(foldChar(ch, map).charCodeAt(0));
    }
  });
});
