import { nativeAllocate, priorityOf, RANKED_LOCATIONS_STRATEGY } from "../../../app/domain/routing/native/native-allocation";
import type { LocationRecord, ShopState } from "./state";

/**
 * Shopify's order routing with the strategy "Minimize split fulfillments", then "Ranked
 * locations" (RANKED_LOCATIONS_STRATEGY, defined once in app/domain/routing/native with the
 * documentation it follows): everything from the highest-ranked location that has it all;
 * failing that, the fewest locations that together have every line, each line from the
 * highest-ranked of them that has it. A line no location can cover goes to the highest-ranked
 * location that stocks it (Shopify then oversells), or else the top location.
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

  const allocation = nativeAllocate({
    lineCount: lines.length,
    priority: priorityOf(candidates.map((_, index) => index)),
    covers: (candidate, line) => covers(candidates[candidate]!.id, lines[line]!),
    minimizeSplit: RANKED_LOCATIONS_STRATEGY[0] === "MINIMIZE_SPLIT",
  });
  const byLocation = new Map<number, L[]>();
  const place = (locationId: number, line: L) => {
    const group = byLocation.get(locationId);
    if (group) group.push(line);
    else byLocation.set(locationId, [line]);
  };
  for (const part of allocation.parts) for (const line of part.lines) place(candidates[part.candidate]!.id, lines[line]!);
  for (const index of allocation.uncoveredLines) {
    const line = lines[index]!;
    const stocking = candidates.find((location) => availability(location.id, line.inventoryItemId) !== null) ?? first;
    place(stocking.id, line);
  }
  // Lines keep the order's order within a group; groups follow the ranking, so fulfilment order ids do too.
  const lineOrder = new Map(lines.map((line, index) => [line, index]));
  for (const group of byLocation.values()) group.sort((a, b) => lineOrder.get(a)! - lineOrder.get(b)!);
  if (byLocation.size === 1 && allocation.uncoveredLines.length === 0) {
    const [locationId] = byLocation.keys();
    return [{ locationId: locationId!, lines }];
  }
  return candidates.flatMap((location) => {
    const group = byLocation.get(location.id);
    return group ? [{ locationId: location.id, lines: group }] : [];
  });
}
