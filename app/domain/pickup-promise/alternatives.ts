import { haversineMiles } from "../routing/geo";
import { roundMiles } from "../routing/rounding";
import type { GeoPoint } from "../routing/types";

/**
 * For a location that cannot serve the cart, the nearest ones that can, measured from it (the
 * shopper chose that store, so its neighbourhood is where they mean to go).
 */

/** As many as a checkout line has room to name, and as routing's traces list (TRACE_NEARBY_LIMIT). */
export const MAX_ALTERNATIVES = 3;

export interface Placed {
  readonly id: string;
  readonly name: string;
  readonly point: GeoPoint | null;
}

export interface Nearby {
  readonly id: string;
  readonly miles: number;
}

function closer(a: Nearby & { name: string }, b: Nearby & { name: string }): number {
  return a.miles - b.miles || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * The MAX_ALTERNATIVES of `candidates` nearest to `from` (ties: name, then id), with miles to the
 * hundredth. Without coordinates for `from` there is no nearest; candidates without them are left out.
 */
export function nearestOf(from: Placed, candidates: readonly Placed[]): Nearby[] {
  const origin = from.point;
  if (!origin) return [];
  const best: (Nearby & { name: string })[] = [];
  for (const candidate of candidates) {
    if (candidate.id === from.id || !candidate.point) continue;
    const entry = { id: candidate.id, name: candidate.name, miles: haversineMiles(origin, candidate.point) };
    const worst = best[best.length - 1];
    if (best.length === MAX_ALTERNATIVES && worst && closer(entry, worst) >= 0) continue;
    best.push(entry);
    best.sort(closer);
    if (best.length > MAX_ALTERNATIVES) best.pop();
  }
  return best.map(({ id, miles }) => ({ id, miles: roundMiles(miles) }));
}
