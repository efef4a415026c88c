import tzLookup from "@photostructure/tz-lookup";

// Whether this runtime knows each zone the boundary map names, asked once per zone: building a
// formatter is the costly part, and the map names a few hundred zones.
const runtimeKnows = new Map<string, boolean>();

function isKnownToRuntime(zone: string): boolean {
  let known = runtimeKnows.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    runtimeKnows.set(zone, known);
  }
  return known;
}

/**
 * The IANA time zone at a point, from a boundary map bundled with the app (no network): where a
 * delivery's shopper reads their texts, so its quiet hours are theirs. Null for coordinates that
 * are no place, or a zone this runtime does not know.
 */
export function timeZoneAt(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  let zone: string;
  try {
    zone = tzLookup(latitude, longitude);
  } catch {
    return null;
  }
  return isKnownToRuntime(zone) ? zone : null;
}
