import { describe, expect, it } from 'vitest';
import { placesOf } from '@/lib/store/region-places';

describe('placesOf', () => {
  it('gives the region first, then its reviewed other names and districts', () => {
    const places = placesOf(['天津']);
    expect(places[0]).toBe('天津');
    expect(places).toEqual(expect.arrayContaining(['津门', '海河', '滨海新区', '河北区', '蓟州']));
    // Short names that are everyday words or another place are left out.
    expect(places).not.toContain('河北');
    expect(places).not.toContain('和平');
  });

  it('gives a region without reviewed places as itself, and nothing for the country or an unknown region', () => {
    expect(placesOf(['北京'])).toEqual(['北京']);
    expect(placesOf(['全国', ''])).toEqual([]);
    expect(placesOf(['天津', '天津'])).toEqual(placesOf(['天津']));
  });
});
