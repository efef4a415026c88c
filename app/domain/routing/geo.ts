import type { GeoPoint } from "./types";

export const EARTH_RADIUS_MILES = 3958.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * RADIANS_PER_DEGREE;
}

export function toDegrees(radians: number): number {
  return radians / RADIANS_PER_DEGREE;
}

/**
 * Haversine distance from coordinates already in radians, with each latitude's cosine supplied.
 * The prepared index caches those per location; every distance in routing, indexed or naive,
 * goes through this one expression so the two agree to the last bit.
 */
export function haversineMilesFromRadians(
  fromLat: number,
  fromLng: number,
  fromCosLat: number,
  toLat: number,
  toLng: number,
  toCosLat: number,
): number {
  const sinHalfDLat = Math.sin((toLat - fromLat) / 2);
  const sinHalfDLng = Math.sin((toLng - fromLng) / 2);
  const a = sinHalfDLat * sinHalfDLat + fromCosLat * toCosLat * sinHalfDLng * sinHalfDLng;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Miles between two latitudes (radians) along a meridian: no great-circle distance between them is shorter. */
export function latitudeGapMiles(latA: number, latB: number): number {
  return Math.abs(latA - latB) * EARTH_RADIUS_MILES;
}

export function haversineMiles(from: GeoPoint, to: GeoPoint): number {
  const fromLat = toRadians(from.lat);
  const toLat = toRadians(to.lat);
  return haversineMilesFromRadians(
    fromLat,
    toRadians(from.lng),
    Math.cos(fromLat),
    toLat,
    toRadians(to.lng),
    Math.cos(toLat),
  );
}
