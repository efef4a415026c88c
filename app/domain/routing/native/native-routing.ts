// Shopify's native routing (native-allocation.ts) applied to the routing contract's orders and
// locations, so it can be compared with Omniroute's on the same stream and stock. It knows what
// Shopify knows: which locations are active and what they have in stock. It knows nothing of
// opening hours, capacity, cost or Omniroute's radius; with `storeMinUnits` it also keeps a
// store's last units, as Omniroute's store minimum does ("native with the store minimum").
//
// Pickup: the shopper chose the store at checkout, so the order goes to that store when it has
// every item; otherwise it is routed like a shipment to the store's address (the promise is not
// kept there). Local delivery and same-day shipping are routed like any shipment: the strategy
// has no notion of a promise.
import { assignmentOf } from "../decision";
import { meetsLineThreshold, parcelCost, stockOf } from "../eligibility";
import { haversineMiles, haversineMilesFromRadians, toRadians } from "../geo";
import type { Assignment, RoutingLocation, RoutingOrder } from "../types";
import {
  assertSupported,
  MAX_NATIVE_LINES,
  nativeAllocate,
  prioritize,
  priorityOf,
  SHOPIFY_DEFAULT_STRATEGY,
  type NativeRule,
  type PriorityOrder,
  type RankFacts,
} from "./native-allocation";

export interface NativeOptions {
  /** Rules in sequence; Shopify's default when absent. */
  readonly strategy?: readonly NativeRule[];
  /** A store's stock of a SKU counts only from this many units (0 or absent: any stock). */
  readonly storeMinUnits?: number;
  /** The merchant's ranking, best first; locations it does not list rank after, in input order. */
  readonly rankedLocationIds?: readonly string[];
}

/** Shaped like the engine's decision, without a trace. */
export interface NativeDecision {
  readonly orderId: string;
  readonly status: "ROUTED" | "SPLIT" | "UNROUTABLE";
  /** In priority order; empty when UNROUTABLE. */
  readonly assignments: readonly Assignment[];
  /** SKUs no location has enough of; the order is UNROUTABLE when there are any. */
  readonly unroutableSkus: readonly string[];
}

/** Routes one order; for many orders against the same locations, prepare a NativeRouter once. */
export function routeNatively(
  order: RoutingOrder,
  locations: readonly RoutingLocation[],
  options: NativeOptions = {},
): NativeDecision {
  return new NativeRouter(locations, options).route(order);
}

/**
 * Native routing prepared for one list of locations. Stock is read from the locations' stock
 * maps at every call, so a caller depleting them between orders routes against the new stock;
 * a SKU added to a stock map after preparation is not seen (prepare again to restock).
 */
export class NativeRouter {
  private readonly strategy: readonly NativeRule[];
  private readonly minimum: number;
  private readonly candidates: readonly RoutingLocation[];
  private readonly ranks: Float64Array;
  /** Per candidate: latitude and longitude in radians and the latitude's cosine. */
  private readonly latRadians: Float64Array;
  private readonly lngRadians: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly byId: ReadonlyMap<string, RoutingLocation>;
  /** The strategy ranks by distance (else by the merchant's rank alone). */
  private readonly usesDistance: boolean;
  /** Per SKU, the candidates whose stock map lists it, ascending: no other can have any. */
  private readonly listing = new Map<string, number[]>();

  constructor(locations: readonly RoutingLocation[], options: NativeOptions = {}) {
    this.strategy = options.strategy ?? SHOPIFY_DEFAULT_STRATEGY;
    assertSupported(this.strategy);
    this.minimum = options.storeMinUnits ?? 0;
    this.candidates = locations.filter((location) => location.active);
    const rankOf = rankLookup(options.rankedLocationIds, locations);
    this.ranks = Float64Array.from(this.candidates, rankOf);
    this.latRadians = Float64Array.from(this.candidates, (location) => toRadians(location.lat));
    this.lngRadians = Float64Array.from(this.candidates, (location) => toRadians(location.lng));
    this.cosLat = this.latRadians.map(Math.cos);
    const byId = new Map<string, RoutingLocation>();
    for (const location of locations) if (!byId.has(location.id)) byId.set(location.id, location);
    this.byId = byId;
    this.candidates.forEach((location, index) => {
      for (const sku of Object.keys(location.stock)) {
        const listed = this.listing.get(sku);
        if (listed === undefined) this.listing.set(sku, [index]);
        else listed.push(index);
      }
    });
    this.usesDistance = this.strategy.includes("CLOSEST_LOCATION");
  }

  route(order: RoutingOrder): NativeDecision {
    if (order.lines.length > MAX_NATIVE_LINES) throw new Error(`native routing: at most ${MAX_NATIVE_LINES} lines`);
    const covers = (location: RoutingLocation, line: number): boolean => {
      const { sku, quantity } = order.lines[line]!;
      return quantity > 0 && meetsLineThreshold(location.kind, stockOf(location, sku), quantity, this.minimum);
    };

    if (order.deliveryMethod === "PICK_UP" && order.pickupLocationId !== undefined) {
      const store = this.byId.get(order.pickupLocationId);
      if (store !== undefined && store.active && order.lines.every((_, line) => covers(store, line))) {
        const distance = haversineMiles(order.destination, store);
        const assignment = assignmentOf(order, store.id, "ALL", parcelCost(store, distance), distance);
        return { orderId: order.id, status: "ROUTED", assignments: [assignment], unroutableSkus: [] };
      }
    }

    // Only locations listing one of the order's SKUs take part: a location covering no line is
    // never chosen under any strategy, so leaving it out changes no decision and saves the work.
    const relevant = this.listingAny(order);
    const distances = new Float64Array(relevant.length);
    const lat = toRadians(order.destination.lat);
    const lng = toRadians(order.destination.lng);
    const cosLat = Math.cos(lat);
    for (let index = 0; index < relevant.length; index++) {
      const candidate = relevant[index]!;
      distances[index] = haversineMilesFromRadians(
        lat,
        lng,
        cosLat,
        this.latRadians[candidate]!,
        this.lngRadians[candidate]!,
        this.cosLat[candidate]!,
      );
    }
    const rankAt = (index: number): number => this.ranks[relevant[index]!]!;
    const priority = this.usesDistance
      ? new NearestFirst(distances, rankAt, this.strategy)
      : priorityOf(
          prioritize(
            relevant.map((_, index) => ({ rank: rankAt(index), distance: 0 })),
            this.strategy,
          ),
        );
    const allocation = nativeAllocate({
      lineCount: order.lines.length,
      priority,
      covers: (index, line) => covers(this.candidates[relevant[index]!]!, line),
      minimizeSplit: this.strategy[0] === "MINIMIZE_SPLIT",
    });
    if (allocation.uncoveredLines.length > 0) {
      const unroutableSkus = allocation.uncoveredLines.map((line) => order.lines[line]!.sku);
      return { orderId: order.id, status: "UNROUTABLE", assignments: [], unroutableSkus };
    }
    const assignments = allocation.parts.map((part) => {
      const location = this.candidates[relevant[part.candidate]!]!;
      const distance = distances[part.candidate]!;
      return assignmentOf(order, location.id, part.lines, parcelCost(location, distance), distance);
    });
    return {
      orderId: order.id,
      status: assignments.length > 1 ? "SPLIT" : "ROUTED",
      assignments,
      unroutableSkus: [],
    };
  }

  /** Candidates (ascending) whose stock maps list one of the order's SKUs. */
  private listingAny(order: RoutingOrder): number[] {
    if (order.lines.length === 1) return this.listing.get(order.lines[0]!.sku) ?? [];
    const seen = new Uint8Array(this.candidates.length);
    for (const line of order.lines) for (const candidate of this.listing.get(line.sku) ?? []) seen[candidate] = 1;
    const found: number[] = [];
    for (let candidate = 0; candidate < seen.length; candidate++) if (seen[candidate] === 1) found.push(candidate);
    return found;
  }
}

/**
 * The priority order of a strategy that ranks by distance, sorted a distance band at a time: an
 * order is usually settled by the first few locations, so the far bands are rarely sorted. That
 * holds when distance is the first ranking rule; otherwise the whole list is sorted at once.
 */
class NearestFirst implements PriorityOrder {
  readonly size: number;
  private readonly sorted: number[] = [];
  private band = 0;
  private readonly wholeList: boolean;

  constructor(
    private readonly distances: Float64Array,
    private readonly rankAt: (index: number) => number,
    private readonly strategy: readonly NativeRule[],
  ) {
    this.size = distances.length;
    const ranking = strategy.filter((rule) => rule !== "MINIMIZE_SPLIT");
    this.wholeList = ranking[0] !== "CLOSEST_LOCATION";
  }

  at(place: number): number {
    if (place >= this.size) throw new Error(`native routing: no candidate at place ${place}`);
    while (this.sorted.length <= place) this.sortNextBand();
    return this.sorted[place]!;
  }

  private sortNextBand(): void {
    const low = this.band === 0 || this.wholeList ? -1 : DISTANCE_BANDS[this.band - 1]!;
    const high = this.wholeList ? Number.POSITIVE_INFINITY : DISTANCE_BANDS[this.band]!;
    this.band++;
    const members: number[] = [];
    for (let index = 0; index < this.distances.length; index++) {
      const distance = this.distances[index]!;
      if (distance > low && distance <= high) members.push(index);
    }
    const facts: RankFacts[] = members.map((index) => ({ rank: this.rankAt(index), distance: this.distances[index]! }));
    for (const place of prioritize(facts, this.strategy)) this.sorted.push(members[place]!);
  }
}

/** Miles; the last band takes the rest. */
const DISTANCE_BANDS: readonly number[] = [25, 100, 400, Number.POSITIVE_INFINITY];
function rankLookup(
  rankedIds: readonly string[] | undefined,
  locations: readonly RoutingLocation[],
): (location: RoutingLocation) => number {
  const rankById = new Map<string, number>();
  rankedIds?.forEach((id, rank) => {
    if (!rankById.has(id)) rankById.set(id, rank);
  });
  const inputIndex = new Map(locations.map((location, index) => [location, index]));
  const unranked = rankById.size;
  return (location) => rankById.get(location.id) ?? unranked + inputIndex.get(location)!;
}
