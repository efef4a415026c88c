import type { PickupCandidate } from "~/domain/pickup-promise";
import { haversineMiles } from "~/domain/routing/geo";
import type { GeoPoint } from "~/domain/routing/types";

/** The product page lists this many stores at most, whatever the block's setting asks. */
export const MAX_PRODUCT_PAGE_STORES = 10;

/**
 * The stores the product page lists: those offering pickup, nearest the shopper first when their
 * point is known (stores without coordinates after, by name), else by name; at most `limit`.
 * Chosen before the promise is worked out, so a chain of 2,000 stores costs `limit` promises.
 */
export function pickupStoresForShopper<Candidate extends PickupCandidate>(
  candidates: readonly Candidate[],
  shopper: GeoPoint | null,
  limit: number,
): Candidate[] {
  const byName = (a: Candidate, b: Candidate) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const pickup = candidates.filter((candidate) => candidate.pickupEnabled && candidate.active);
  const count = Math.max(0, Math.min(limit, MAX_PRODUCT_PAGE_STORES));
  if (!shopper) return [...pickup].sort(byName).slice(0, count);
  const far = Number.POSITIVE_INFINITY;
  return pickup
    .map((candidate) => ({ candidate, miles: candidate.point ? haversineMiles(shopper, candidate.point) : far }))
    .sort((a, b) => a.miles - b.miles || byName(a.candidate, b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
