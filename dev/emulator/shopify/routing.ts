import type { LocationRecord, ShopState } from "./state";

/**
 * Shopify's default order routing with the "ranked locations" rule: fulfil everything from
 * the highest-ranked location that can; failing that, split, giving each line to the
 * highest-ranked location that has enough of it. A line no location can cover goes to the
 * highest-ranked location that stocks it (Shopify then oversells), or else the top location.
 */

export interface RoutableLine {
  key: number;
  inventoryItemId: number;
  quantity: number;
}

export interface RoutedGroup<L extends RoutableLine> {
  locationId: number;
  lines: L[];
}

/** Units a location can still give; null when it does not stock the item at all. */
export type Availability = (locationId: number, inventoryItemId: number) => number | null;

export function shopAvailability(state: ShopState): Availability {
  return (locationId, inventoryItemId) => state.level(locationId, inventoryItemId)?.available ?? null;
}

/** Locations default routing may use, best first. */
export function routingCandidates(state: ShopState, filter?: (location: LocationRecord) => boolean): LocationRecord[] {
  return state.locationsByRank.filter((l) => l.isActive && l.fulfillsOnlineOrders && (filter?.(l) ?? true));
}

export function routeByRank<L extends RoutableLine>(
  lines: L[],
  candidates: LocationRecord[],
  availability: Availability,
): RoutedGroup<L>[] {
  const first = candidates[0];
  if (!first) throw new Error("no active location fulfils online orders");
  const covers = (locationId: number, line: L) => (availability(locationId, line.inventoryItemId) ?? -1) >= line.quantity;

  const whole = candidates.find((location) => lines.every((line) => covers(location.id, line)));
  if (whole) return [{ locationId: whole.id, lines }];

  const byLocation = new Map<number, L[]>();
  for (const line of lines) {
    const chosen =
      candidates.find((location) => covers(location.id, line)) ??
      candidates.find((location) => availability(location.id, line.inventoryItemId) !== null) ??
      first;
    const group = byLocation.get(chosen.id);
    if (group) group.push(line);
    else byLocation.set(chosen.id, [line]);
  }
  // Groups in rank order, so fulfilment order ids follow the ranking too.
  return candidates.flatMap((location) => {
    const group = byLocation.get(location.id);
    return group ? [{ locationId: location.id, lines: group }] : [];
  });
}
