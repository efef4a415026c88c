// The cheapest way to route one small order under Omniroute's rules, found exactly, as the
// yardstick for how far a router's decision is from the best possible: every location may serve
// only the lines it can under the rules (active, under capacity, enough units, a store at least
// the store minimum), and an order keeps the promise the rules would keep for it — a pickup at the
// shopper's store when it can take it, else at a nearby pickup store; a same-day order from an
// open store within the radius when one has everything. Within that, the lowest total cost(L),
// over every set of locations that covers the lines (a split only when the rules allow it). Costs
// are metrics.ts's: a pickup handed over at a store costs that store's labour, nothing ships.
import { canServeLine, hasCapacityToday, parcelCost } from "../eligibility";
import { haversineMiles } from "../geo";
import { resolveRules } from "../rules";
import type { RoutingLocation, RoutingOrder, RoutingRules } from "../types";
import { collectedAtStore, handoverCost, needsSameDay } from "./metrics";

/** Lines as bits of a number, and the search is over all 2^lines subsets. */
export const MAX_OPTIMUM_LINES = 16;

export interface CoverCandidate {
  readonly cost: number;
  /** Bit i set: serves line i. */
  readonly mask: number;
}

/**
 * The lowest total cost of candidates whose masks together cover every one of `lineCount` lines,
 * by exhaustive dynamic programming over the subsets of lines (exact). Null when none covers.
 */
export function cheapestCoverCost(lineCount: number, candidates: readonly CoverCandidate[]): number | null {
  if (lineCount > MAX_OPTIMUM_LINES) throw new Error(`optimum: at most ${MAX_OPTIMUM_LINES} lines`);
  const all = (1 << lineCount) - 1;
  const best = new Float64Array(all + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (let covered = 0; covered <= all; covered++) {
    const cost = best[covered]!;
    if (cost === Number.POSITIVE_INFINITY) continue;
    for (const candidate of candidates) {
      const next = covered | candidate.mask;
      if (next !== covered && cost + candidate.cost < best[next]!) best[next] = cost + candidate.cost;
    }
  }
  return best[all] === Number.POSITIVE_INFINITY ? null : best[all]!;
}

function isFull(location: RoutingLocation, order: RoutingOrder, rules: RoutingRules): boolean {
  return order.lines.every((line) => canServeLine(location, line, rules));
}

/** The optimum's cost for the order, or null when the rules leave no way to route it. */
export function optimalCost(
  order: RoutingOrder,
  locations: readonly RoutingLocation[],
  partialRules?: Partial<RoutingRules>,
): number | null {
  const rules = resolveRules(partialRules);
  const cheapestWhole = (pool: readonly RoutingLocation[], from: { lat: number; lng: number }): number | null => {
    let lowest: number | null = null;
    for (const location of pool) {
      const cost = parcelCost(location, haversineMiles(from, location));
      if (lowest === null || cost < lowest) lowest = cost;
    }
    return lowest;
  };

  if (order.deliveryMethod === "PICK_UP") {
    const chosen = locations.find((location) => location.id === order.pickupLocationId);
    const from = chosen ?? order.destination;
    if (chosen !== undefined && chosen.pickupEnabled && isFull(chosen, order, rules)) {
      return collectedAtStore(order, chosen, rules.radiusMiles)
        ? handoverCost(chosen)
        : parcelCost(chosen, haversineMiles(order.destination, chosen));
    }
    const nearby = locations.filter(
      (location) =>
        location !== chosen &&
        location.kind === "STORE" &&
        location.isOpen &&
        location.pickupEnabled &&
        haversineMiles(from, location) <= rules.radiusMiles &&
        isFull(location, order, rules),
    );
    let lowest: number | null = null;
    for (const store of nearby) lowest = Math.min(lowest ?? Number.POSITIVE_INFINITY, handoverCost(store));
    return lowest;
  }

  if (needsSameDay(order)) {
    const sameDay = locations.filter(
      (location) =>
        location.kind === "STORE" &&
        location.isOpen &&
        haversineMiles(order.destination, location) <= rules.radiusMiles &&
        isFull(location, order, rules),
    );
    if (sameDay.length > 0) return cheapestWhole(sameDay, order.destination);
  }

  const candidates: CoverCandidate[] = [];
  for (const location of locations) {
    if (!location.active || !hasCapacityToday(location)) continue;
    let mask = 0;
    order.lines.forEach((line, index) => {
      if (canServeLine(location, line, rules)) mask |= 1 << index;
    });
    if (mask === 0) continue;
    const whole = mask === (1 << order.lines.length) - 1;
    if (!rules.allowSplit && !whole) continue;
    candidates.push({ cost: parcelCost(location, haversineMiles(order.destination, location)), mask });
  }
  return cheapestCoverCost(order.lines.length, candidates);
}
