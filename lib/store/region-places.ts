// The words that set a paragraph in a document's place: its region as the
// document names it (天津) and the reviewed other names and districts of that
// place (seeds/region-places.json), facts the text cannot give. A term's
// local forms (Term.local: 马拉松 of 天津马拉松赛) count only beside one.

import rows from '../../seeds/region-places.json';

interface RegionPlaces {
  region: string;
  places: string[];
}

function checkRegionPlaces(value: unknown): RegionPlaces[] {
  const ok =
    Array.isArray(value) &&
    value.every((row) => typeof row?.region === 'string' && Array.isArray(row.places) && row.places.every((p: unknown) => typeof p === 'string'));
  if (!ok) throw new Error('seeds/region-places.json must be a list of { "region": string, "places": string[] }');
  return value as RegionPlaces[];
}

const PLACES = new Map(checkRegionPlaces(rows).map((row) => [row.region, row.places]));

/** The country is no place a paragraph is set in: a national document's local forms never count. */
const NATIONAL = '全国';

/** The place words of the given regions, each region first, without repeats. */
export function placesOf(regions: readonly string[]): string[] {
  const out = new Set<string>();
  for (const region of regions) {
    if (!region || region === NATIONAL) continue;
    out.add(region);
    for (const place of PLACES.get(region) ?? []) out.add(place);
  }
  return [...out];
}
