import tzLookup from "@photostructure/tz-lookup";

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
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
