// What each routing stage makes of the locations it found: which one wins, why the others lost,
// and the stage's trace. The indexed engine and the naive baseline find those locations in their
// own ways (bounded podiums over bitsets, sorted lists of every location) and hand their rankings
// to these functions, so both decide and explain alike, byte for byte.
//
// A trace never lists every location. Per stage it lists, nearest first (ties: cheaper, then id):
//   SAME_DAY  the chosen store, the runner-up among eligible stores, and the TRACE_NEARBY_LIMIT
//             nearest stores within the radius that were not eligible (inactive, at capacity, not
//             full, closed).
//   PICK_UP   the chosen store, if it is one of the locations; when it cannot take the order, the
//             same three groups as SAME_DAY, measured from the chosen store.
//   SHIPPING  the cheapest full warehouse and the cheapest full store within the radius (those that
//             exist), the runner-up of the winner's ranking, the TRACE_NEARBY_LIMIT nearest stores
//             within the radius that are not full, the TRACE_NEARBY_LIMIT nearest warehouses when
//             none is full, and the cheapest full store beyond the radius when it is used.
//   SPLIT     the chosen locations.
//
// Untraced (a network prepared with trace: false), each stage keeps its result and lists no
// locations: `entries` is null, and nothing only a trace needs is looked up or explained. A push
// not already inside a check for null is written `entries?.push(...)`, which evaluates its
// argument only when traced.
import { assignmentOf } from "./decision";
import { lowestCostWithCharge, scarcityCharge, type ChargedPlace } from "./look-ahead";
import { type RankedLocation, type RankOrder } from "./ranking";
import { roundCents } from "./rounding";
import { type SplitCandidate, type SplitPlan } from "./split";
import {
  costVsWarehouseVerdict,
  lookAheadStoreVerdict,
  lookAheadVerdict,
  orderStageEntries,
  traceChosen,
  traceLost,
  traceRunnerUp,
  type LocationTraceInput,
  type PendingTrace,
  type TraceChecks,
} from "./trace";
import type {
  Assignment,
  ChosenReason,
  LocationTrace,
  PickupStage,
  RoutingFlag,
  RoutingOrder,
  RoutingRules,
  SameDayStage,
  ShippingStage,
  SplitStage,
} from "./types";

/**
 * How many of the nearest locations that could not take part a stage lists: the ones a merchant
 * asks about ("why not the store down the road?"), without a trace entry per location.
 */
export const TRACE_NEARBY_LIMIT = 3;

const SHIPPING_STORE_CHECKS: TraceChecks = { open: false, pickup: false, radius: true };
const WAREHOUSE_CHECKS: TraceChecks = { open: false, pickup: false, radius: false };
const SAME_DAY_CHECKS: TraceChecks = { open: true, pickup: false, radius: true };
const CHOSEN_PICKUP_CHECKS: TraceChecks = { open: false, pickup: true, radius: false };
const PICKUP_FALLBACK_CHECKS: TraceChecks = { open: true, pickup: true, radius: true };
const SPLIT_CHECKS: TraceChecks = { open: false, pickup: false, radius: false };

/**
 * Some locations of one stage in rank order, best first: at least the ones its trace can list
 * (the first two of a ranking that picks a winner, the first TRACE_NEARBY_LIMIT of one of losers).
 */
export interface TracedRanking {
  readonly size: number;
  ranked(place: number): RankedLocation;
  traceInput(place: number, checks: TraceChecks): LocationTraceInput;
  /** Units the location at this place holds of the order's line (its index in the order). */
  unitsForLine(place: number, line: number): number;
}

function entryAt(ranking: TracedRanking, place: number, trace: LocationTrace): PendingTrace {
  return { rank: ranking.ranked(place), trace };
}

function chosenEntry(ranking: TracedRanking, checks: TraceChecks, reason: ChosenReason): PendingTrace {
  return entryAt(ranking, 0, traceChosen(ranking.traceInput(0, checks), reason));
}

/** Where a stage's trace entries go: null when untraced. */
type TraceEntries = PendingTrace[] | null;

function traceEntries(traced: boolean): TraceEntries {
  return traced ? [] : null;
}

function stageLocations(entries: TraceEntries): LocationTrace[] {
  return entries === null ? [] : orderStageEntries(entries);
}

/** The second of a ranking lost to the first on the ranking itself. */
function listRunnerUp(ranking: TracedRanking, order: RankOrder, checks: TraceChecks, entries: TraceEntries): void {
  if (entries === null || ranking.size < 2) return;
  const trace = traceRunnerUp(ranking.traceInput(1, checks), order, ranking.ranked(1), ranking.ranked(0));
  entries.push(entryAt(ranking, 1, trace));
}

/** The nearest locations that could not take part, each lost on the first rule it fails. */
function listLosers(ranking: TracedRanking, checks: TraceChecks, entries: TraceEntries): void {
  if (entries === null) return;
  const listed = Math.min(ranking.size, TRACE_NEARBY_LIMIT);
  for (let place = 0; place < listed; place++)
    entries.push(entryAt(ranking, place, traceLost(ranking.traceInput(place, checks))));
}

/**
 * Winner, runner-up and nearest losers of a "nearest eligible store" search; returns the winner's
 * place in `eligible` (0, the nearest, unless `rules.lookAhead` weighs the stores).
 *
 * Under look-ahead the eligible store with the lowest cost plus scarcity charge wins (look-ahead.ts),
 * and both it and the store it beat carry a LOOK_AHEAD_STORES verdict. When that is not the nearest,
 * the winner is CHOSEN as LOWEST_COST_WITH_LOOK_AHEAD and the nearest LOST as KEPT_FOR_STORE_ORDERS.
 */
function listNearestSearch(
  eligible: TracedRanking,
  ineligible: TracedRanking,
  checks: TraceChecks,
  chosenReason: "NEAREST_ELIGIBLE_STORE" | "NEAREST_PICKUP_STORE",
  entries: TraceEntries,
  order: RoutingOrder,
  rules: RoutingRules,
): number {
  listLosers(ineligible, checks, entries);
  if (rules.lookAhead !== true || eligible.size < 2) {
    if (eligible.size > 0) entries?.push(chosenEntry(eligible, checks, chosenReason));
    listRunnerUp(eligible, "NEAREST", checks, entries);
    return 0;
  }
  const { best, second } = lowestCostWithCharge(eligible, order.lines, rules);
  if (entries === null) return best.place;
  const rival = second!;
  const withVerdict = (store: ChargedPlace, other: ChargedPlace, chosen: boolean): LocationTraceInput => ({
    ...eligible.traceInput(store.place, checks),
    extraVerdicts: [lookAheadStoreVerdict(store, other, chosen)],
  });
  if (best.place === 0) {
    entries.push(entryAt(eligible, 0, traceChosen(withVerdict(best, rival, true), chosenReason)));
    listRunnerUp(eligible, "NEAREST", checks, entries);
    return 0;
  }
  // The nearest lost on look-ahead: the store chosen costs less once the units each uses are charged.
  const nearest: ChargedPlace =
    rival.place === 0
      ? rival
      : {
          place: 0,
          cost: eligible.ranked(0).cost,
          charge: scarcityCharge(order.lines, (line) => eligible.unitsForLine(0, line), rules),
        };
  entries.push(
    entryAt(eligible, best.place, traceChosen(withVerdict(best, nearest, true), "LOWEST_COST_WITH_LOOK_AHEAD")),
  );
  entries.push(entryAt(eligible, 0, traceLost(withVerdict(nearest, best, false), "KEPT_FOR_STORE_ORDERS")));
  return best.place;
}

/**
 * SAME_DAY: the nearest store within the radius that is open and full wins (the first of
 * `eligible`; under look-ahead, the one with the lowest cost plus scarcity charge, at
 * `chosenPlace`); `ineligible` ranks the other stores within the radius, nearest first. Under
 * look-ahead `eligible` must hold every eligible store.
 */
export function sameDayStage(
  eligible: TracedRanking,
  ineligible: TracedRanking,
  order: RoutingOrder,
  rules: RoutingRules,
  traced = true,
): { stage: SameDayStage; chosenPlace: number } {
  const entries = traceEntries(traced);
  const chosenPlace = listNearestSearch(
    eligible,
    ineligible,
    SAME_DAY_CHECKS,
    "NEAREST_ELIGIBLE_STORE",
    entries,
    order,
    rules,
  );
  const stage: SameDayStage = {
    stage: "SAME_DAY",
    result: eligible.size > 0 ? "CHOSEN" : "NO_ELIGIBLE_STORE",
    radiusMiles: rules.radiusMiles,
    locations: stageLocations(entries),
  };
  return { stage, chosenPlace };
}

/** What the SHIPPING stage chooses among; full means active, under capacity and clearing every line. */
export interface ShippingRankings<R extends TracedRanking> {
  /** Cheapest first. */
  readonly fullWarehouses: R;
  /** Cheapest first. */
  readonly fullStoresInRadius: R;
  /** Nearest first. */
  readonly storesInRadiusNotFull: R;
  /** Nearest first; asked for only when no warehouse is full. */
  warehousesNotFull(): R;
  /** Cheapest first; asked for only when no warehouse and no store within the radius is full. */
  fullStoresBeyondRadius(): R;
}

/**
 * Look-ahead weighs every order that reaches the SHIPPING stage: none of them needs a store any
 * more — a standard or next-day shipment never did, and a same-day order gets here only once no
 * store could deliver it today. Pickup orders never get here.
 */
export function lookAheadApplies(order: RoutingOrder, rules: RoutingRules): boolean {
  return rules.lookAhead === true && order.deliveryMethod !== "PICK_UP";
}

/**
 * SHIPPING, the whole order from one location: the cheapest full store within the radius unless
 * it costs more than maxExtraCostOverWarehouse over the cheapest full warehouse; with neither,
 * the cheapest full store beyond the radius (flagged OUTSIDE_RADIUS). Under look-ahead the store
 * is the one with the lowest cost plus scarcity charge, and it ships only when it is cheaper than
 * the warehouse by more than its charge (look-ahead.ts). The winner is `chosen` at `chosenPlace`;
 * null when no location is full.
 */
export function shippingOutcome<R extends TracedRanking>(
  rankings: ShippingRankings<R>,
  rules: RoutingRules,
  flags: RoutingFlag[],
  order: RoutingOrder,
  traced = true,
): { stage: ShippingStage; chosen: R | null; chosenPlace: number } {
  const { fullWarehouses, fullStoresInRadius: fullStores } = rankings;
  const entries = traceEntries(traced);
  // Under look-ahead the store weighed is the full one within the radius with the lowest cost plus
  // scarcity charge (fullStores then holds every such store); otherwise the cheapest.
  const weighed =
    lookAheadApplies(order, rules) && fullStores.size > 0
      ? lowestCostWithCharge(fullStores, order.lines, rules).best
      : null;
  const store = weighed?.place ?? 0;
  listLosers(rankings.storesInRadiusNotFull, SHIPPING_STORE_CHECKS, entries);
  if (entries !== null && fullWarehouses.size === 0)
    listLosers(rankings.warehousesNotFull(), WAREHOUSE_CHECKS, entries);

  let chosen: R | null = null;
  let result: ShippingStage["result"];
  if (fullWarehouses.size > 0 && fullStores.size > 0) {
    const verdict = costVsWarehouseVerdict(
      fullStores.ranked(store).cost,
      fullWarehouses.ranked(0).cost,
      rules.maxExtraCostOverWarehouse,
    );
    // Look-ahead is weighed only when the store would otherwise win (docs/decisions/018, 035).
    const keep =
      verdict.pass && weighed !== null
        ? lookAheadVerdict(fullStores.ranked(store).cost, fullWarehouses.ranked(0).cost, weighed.charge)
        : null;
    const storeInput = (): LocationTraceInput => ({
      ...fullStores.traceInput(store, SHIPPING_STORE_CHECKS),
      extraVerdicts: keep === null ? [verdict] : [verdict, keep],
    });
    const warehouseInput = (): LocationTraceInput => fullWarehouses.traceInput(0, WAREHOUSE_CHECKS);
    if (keep !== null && !keep.pass) {
      chosen = fullWarehouses;
      result = "WAREHOUSE";
      entries?.push(entryAt(fullStores, store, traceLost(storeInput(), "KEPT_FOR_STORE_ORDERS")));
      entries?.push(entryAt(fullWarehouses, 0, traceChosen(warehouseInput(), "WAREHOUSE_KEEPS_STORE_STOCK")));
    } else if (verdict.pass) {
      chosen = fullStores;
      result = "STORE";
      entries?.push(entryAt(fullStores, store, traceChosen(storeInput(), "STORE_WITHIN_COST_THRESHOLD")));
      entries?.push(entryAt(fullWarehouses, 0, traceLost(warehouseInput(), "STORE_PREFERRED")));
    } else {
      chosen = fullWarehouses;
      result = "WAREHOUSE";
      entries?.push(entryAt(fullStores, store, traceLost(storeInput(), "COST_OVER_WAREHOUSE_THRESHOLD")));
      entries?.push(entryAt(fullWarehouses, 0, traceChosen(warehouseInput(), "CHEAPEST_WAREHOUSE")));
    }
  } else if (fullStores.size > 0) {
    chosen = fullStores;
    result = "STORE";
    entries?.push(
      entryAt(
        fullStores,
        store,
        traceChosen(fullStores.traceInput(store, SHIPPING_STORE_CHECKS), "CHEAPEST_STORE_IN_RADIUS"),
      ),
    );
  } else if (fullWarehouses.size > 0) {
    chosen = fullWarehouses;
    result = "WAREHOUSE";
    entries?.push(chosenEntry(fullWarehouses, WAREHOUSE_CHECKS, "CHEAPEST_WAREHOUSE"));
  } else {
    const beyond = rankings.fullStoresBeyondRadius();
    if (beyond.size > 0) {
      chosen = beyond;
      result = "STORE_OUTSIDE_RADIUS";
      flags.push("OUTSIDE_RADIUS");
      entries?.push(chosenEntry(beyond, SHIPPING_STORE_CHECKS, "CHEAPEST_STORE_OUTSIDE_RADIUS"));
    } else {
      result = "NO_FULL_LOCATION";
    }
  }
  // The runner-up of the ranking the winner came from; the losing ranking's runner-up lost twice.
  if (entries !== null && chosen !== null) {
    const checks = chosen === fullWarehouses ? WAREHOUSE_CHECKS : SHIPPING_STORE_CHECKS;
    if (chosen === fullStores && store !== 0) {
      // Look-ahead passed over the cheapest store: the units it would have used are the scarcer.
      entries.push(entryAt(fullStores, 0, traceLost(fullStores.traceInput(0, checks), "KEPT_FOR_STORE_ORDERS")));
    } else {
      listRunnerUp(chosen, "CHEAPEST", checks, entries);
    }
  }
  const stage: ShippingStage = {
    stage: "SHIPPING",
    result,
    radiusMiles: rules.radiusMiles,
    locations: stageLocations(entries),
  };
  return { stage, chosen, chosenPlace: chosen === fullStores ? store : 0 };
}

/** What the PICK_UP stage chooses among. */
export interface PickupRankings<R extends TracedRanking> {
  /** The shopper's store alone, or null when it is not one of the locations. */
  readonly shoppersStore: R | null;
  /** The shopper's store is full and takes pickups. */
  readonly shoppersStoreCanTake: boolean;
  /**
   * Every other store within the radius of the reference point, nearest first, split into those
   * that are open, take pickups and are full, and the rest; asked for only when needed.
   */
  nearbyStores(): { readonly eligible: R; readonly ineligible: R };
}

/**
 * PICK_UP: the shopper's store when it can take the order; otherwise the nearest store that can
 * (under look-ahead, the one with the lowest cost plus scarcity charge; flagged
 * PICKUP_STORE_CHANGED), or none (PICKUP_UNAVAILABLE). The winner is `winner` at `winnerPlace`.
 * Under look-ahead `nearbyStores().eligible` must hold every eligible store.
 */
export function pickupOutcome<R extends TracedRanking>(
  order: RoutingOrder,
  rankings: PickupRankings<R>,
  rules: RoutingRules,
  traced = true,
): { stage: PickupStage; flags: RoutingFlag[]; winner: R | null; winnerPlace: number } {
  const { radiusMiles } = rules;
  const { shoppersStore } = rankings;
  const entries = traceEntries(traced);
  const stage = (result: PickupStage["result"]): PickupStage => ({
    stage: "PICK_UP",
    chosenLocationId: order.pickupLocationId ?? null,
    chosenLocationFound: shoppersStore !== null,
    result,
    radiusMiles,
    locations: stageLocations(entries),
  });

  if (shoppersStore !== null) {
    if (rankings.shoppersStoreCanTake) {
      entries?.push(chosenEntry(shoppersStore, CHOSEN_PICKUP_CHECKS, "SHOPPER_CHOICE"));
      return { stage: stage("CHOSEN_STORE"), flags: [], winner: shoppersStore, winnerPlace: 0 };
    }
    entries?.push(entryAt(shoppersStore, 0, traceLost(shoppersStore.traceInput(0, CHOSEN_PICKUP_CHECKS))));
  }
  const { eligible, ineligible } = rankings.nearbyStores();
  const winnerPlace = listNearestSearch(
    eligible,
    ineligible,
    PICKUP_FALLBACK_CHECKS,
    "NEAREST_PICKUP_STORE",
    entries,
    order,
    rules,
  );
  if (eligible.size === 0) {
    return { stage: stage("UNAVAILABLE"), flags: ["PICKUP_UNAVAILABLE"], winner: null, winnerPlace: 0 };
  }
  return { stage: stage("NEARBY_STORE"), flags: ["PICKUP_STORE_CHANGED"], winner: eligible, winnerPlace };
}

/** SPLIT when the rules forbid splitting. */
export function splitNotAllowedStage(): SplitStage {
  return { stage: "SPLIT", result: "NOT_ALLOWED", unservableSkus: [], totalCost: 0, locations: [] };
}

/** SPLIT when some lines have no location that can serve them (flagged OUT_OF_STOCK by the caller). */
export function splitOutOfStockStage(unservableSkus: readonly string[]): SplitStage {
  return { stage: "SPLIT", result: "OUT_OF_STOCK", unservableSkus, totalCost: 0, locations: [] };
}

/**
 * SPLIT with a cover: one assignment per part of the plan, each chosen location listed as
 * SPLIT_COVER. `traceInput` gives the trace input of a candidate by its index.
 */
export function splitCoverOutcome(
  order: RoutingOrder,
  plan: SplitPlan,
  candidates: readonly SplitCandidate[],
  traceInput: (candidate: number, checks: TraceChecks) => LocationTraceInput,
  traced = true,
): { assignments: Assignment[]; stage: SplitStage } {
  const assignments: Assignment[] = [];
  const entries = traceEntries(traced);
  for (const part of plan.parts) {
    const candidate = candidates[part.candidate]!;
    assignments.push(assignmentOf(order, candidate.id, part.lines, candidate.cost, candidate.distance));
    entries?.push({ rank: candidate, trace: traceChosen(traceInput(part.candidate, SPLIT_CHECKS), "SPLIT_COVER") });
  }
  const stage: SplitStage = {
    stage: "SPLIT",
    result: "SPLIT",
    unservableSkus: [],
    totalCost: roundCents(plan.totalCost),
    locations: stageLocations(entries),
  };
  return { assignments, stage };
}
