// The naive router: the semantics written the way the seed's pseudo-code reads. Every order scans
// every location, looks every line up in every stock map and measures every distance; nothing is
// indexed or kept between orders. It is the yardstick for the benchmark and an independent oracle
// for the indexed engine, which must return byte-identical decisions.
import { assignmentOf, makeDecision } from "./decision";
import { canServeLine, hasCapacityToday, meetsLineThreshold, parcelCost, stockOf } from "./eligibility";
import { haversineMiles } from "./geo";
import { compareCheapest, compareNearest } from "./ranking";
import { roundCents } from "./rounding";
import { resolveRules } from "./rules";
import { planSplit, type SplitCandidate } from "./split";
import {
  CHOSEN_PICKUP_CHECKS,
  PICKUP_FALLBACK_CHECKS,
  SAME_DAY_CHECKS,
  SHIPPING_STORE_CHECKS,
  SPLIT_CHECKS,
  TRACE_NEARBY_LIMIT,
  WAREHOUSE_CHECKS,
  costVsWarehouseVerdict,
  orderStageEntries,
  traceChosen,
  traceLost,
  traceRunnerUp,
  type LineStockLookup,
  type LocationTraceInput,
  type PendingTrace,
  type TraceChecks,
} from "./trace";
import type {
  GeoPoint,
  RoutingDecision,
  RoutingFlag,
  RoutingLocation,
  RoutingOrder,
  RoutingRequest,
  RoutingRules,
  TraceStage,
} from "./types";

interface Evaluated {
  readonly location: RoutingLocation;
  readonly id: string;
  readonly distance: number;
  readonly cost: number;
  readonly available: number[];
  readonly clears: boolean[];
  readonly full: boolean;
}

/** The trace's view of one evaluated location's stock (the handle is unused: one object per location). */
class EvaluatedStock implements LineStockLookup {
  constructor(private readonly evaluated: Evaluated) {}

  clearsLine(_handle: number, line: number): boolean {
    return this.evaluated.clears[line]!;
  }

  unitsForLine(_handle: number, line: number): number {
    return this.evaluated.available[line]!;
  }
}

function evaluate(location: RoutingLocation, from: GeoPoint, order: RoutingOrder, rules: RoutingRules): Evaluated {
  const distance = haversineMiles(from, location);
  const available = order.lines.map((line) => stockOf(location, line.sku));
  const clears = order.lines.map((line, i) =>
    meetsLineThreshold(location.kind, available[i]!, line.quantity, rules.storeMinUnits),
  );
  return {
    location,
    id: location.id,
    distance,
    cost: parcelCost(location, distance),
    available,
    clears,
    full: location.active && hasCapacityToday(location) && clears.every(Boolean),
  };
}

interface Context {
  readonly order: RoutingOrder;
  readonly rules: RoutingRules;
}

function input(context: Context, evaluated: Evaluated, checks: TraceChecks): LocationTraceInput {
  return {
    location: evaluated.location,
    lines: context.order.lines,
    rules: context.rules,
    stock: new EvaluatedStock(evaluated),
    stockHandle: 0,
    distance: evaluated.distance,
    cost: evaluated.cost,
    checks,
  };
}

function pending(evaluated: Evaluated, trace: PendingTrace["trace"]): PendingTrace {
  return { rank: evaluated, trace };
}

/** Winner, runner-up and the nearest ineligible locations of a "nearest eligible store" search. */
function nearestSearchEntries(
  context: Context,
  pool: readonly Evaluated[],
  isEligible: (evaluated: Evaluated) => boolean,
  checks: TraceChecks,
  chosenReason: "NEAREST_ELIGIBLE_STORE" | "NEAREST_PICKUP_STORE",
): { winner: Evaluated | undefined; entries: PendingTrace[] } {
  const eligible = pool.filter(isEligible).sort(compareNearest);
  const ineligible = pool.filter((evaluated) => !isEligible(evaluated)).sort(compareNearest);
  const winner = eligible[0];
  const runnerUp = eligible[1];
  const entries: PendingTrace[] = [];
  if (winner !== undefined) entries.push(pending(winner, traceChosen(input(context, winner, checks), chosenReason)));
  if (winner !== undefined && runnerUp !== undefined) {
    entries.push(pending(runnerUp, traceRunnerUp(input(context, runnerUp, checks), "NEAREST", runnerUp, winner)));
  }
  for (const loser of ineligible.slice(0, TRACE_NEARBY_LIMIT)) {
    entries.push(pending(loser, traceLost(input(context, loser, checks))));
  }
  return { winner, entries };
}

export function routeOrderBaseline(request: RoutingRequest): RoutingDecision {
  const context: Context = { order: request.order, rules: resolveRules(request.rules) };
  const { order, rules } = context;
  const { locations } = request;

  if (order.deliveryMethod === "PICK_UP") return routePickup(context, locations);

  const flags: RoutingFlag[] = [];
  const stages: TraceStage[] = [];
  const everywhere = locations.map((location) => evaluate(location, order.destination, order, rules));
  const storesInRadius = everywhere.filter(
    (evaluated) => evaluated.location.kind === "STORE" && evaluated.distance <= rules.radiusMiles,
  );

  if (order.deliveryMethod === "LOCAL_DELIVERY" || order.serviceLevel === "SAME_DAY") {
    const { winner, entries } = nearestSearchEntries(
      context,
      storesInRadius,
      (evaluated) => evaluated.full && evaluated.location.isOpen,
      SAME_DAY_CHECKS,
      "NEAREST_ELIGIBLE_STORE",
    );
    stages.push({
      stage: "SAME_DAY",
      result: winner !== undefined ? "CHOSEN" : "NO_ELIGIBLE_STORE",
      radiusMiles: rules.radiusMiles,
      locations: orderStageEntries(entries),
    });
    if (winner !== undefined) {
      return makeDecision(
        order,
        "ROUTED",
        [assignmentOf(order, winner.id, "ALL", winner.cost, winner.distance)],
        flags,
        [],
        stages,
      );
    }
    flags.push("SLA_AT_RISK");
  }

  const chosen = shipWhole(context, everywhere, storesInRadius, stages, flags);
  if (chosen !== undefined) {
    return makeDecision(
      order,
      "ROUTED",
      [assignmentOf(order, chosen.id, "ALL", chosen.cost, chosen.distance)],
      flags,
      [],
      stages,
    );
  }
  return split(context, everywhere, stages, flags);
}

function shipWhole(
  context: Context,
  everywhere: readonly Evaluated[],
  storesInRadius: readonly Evaluated[],
  stages: TraceStage[],
  flags: RoutingFlag[],
): Evaluated | undefined {
  const { rules } = context;
  const warehouses = everywhere.filter((evaluated) => evaluated.location.kind === "WAREHOUSE");
  const fullWarehouses = warehouses.filter((evaluated) => evaluated.full).sort(compareCheapest);
  const fullStoresInRadius = storesInRadius.filter((evaluated) => evaluated.full).sort(compareCheapest);
  const warehouse = fullWarehouses[0];
  const store = fullStoresInRadius[0];
  const entries: PendingTrace[] = [];
  const warehouseInput = (evaluated: Evaluated): LocationTraceInput => input(context, evaluated, WAREHOUSE_CHECKS);
  const storeInput = (evaluated: Evaluated): LocationTraceInput => input(context, evaluated, SHIPPING_STORE_CHECKS);

  const nearbyNotFull = storesInRadius.filter((evaluated) => !evaluated.full).sort(compareNearest);
  for (const loser of nearbyNotFull.slice(0, TRACE_NEARBY_LIMIT))
    entries.push(pending(loser, traceLost(storeInput(loser))));
  if (warehouse === undefined) {
    const warehousesNotFull = warehouses.filter((evaluated) => !evaluated.full).sort(compareNearest);
    for (const loser of warehousesNotFull.slice(0, TRACE_NEARBY_LIMIT)) {
      entries.push(pending(loser, traceLost(warehouseInput(loser))));
    }
  }
  const runnerUp = (list: readonly Evaluated[], toInput: (evaluated: Evaluated) => LocationTraceInput): void => {
    const [first, second] = list;
    if (first !== undefined && second !== undefined) {
      entries.push(pending(second, traceRunnerUp(toInput(second), "CHEAPEST", second, first)));
    }
  };
  let chosen: Evaluated | undefined;
  let result: "STORE" | "WAREHOUSE" | "STORE_OUTSIDE_RADIUS" | "NO_FULL_LOCATION";
  if (warehouse !== undefined && store !== undefined) {
    const verdict = costVsWarehouseVerdict(store.cost, warehouse.cost, rules.maxExtraCostOverWarehouse);
    const withVerdict = { ...storeInput(store), extraVerdict: verdict };
    if (verdict.pass) {
      chosen = store;
      result = "STORE";
      entries.push(pending(store, traceChosen(withVerdict, "STORE_WITHIN_COST_THRESHOLD")));
      entries.push(pending(warehouse, traceLost(warehouseInput(warehouse), "STORE_PREFERRED")));
    } else {
      chosen = warehouse;
      result = "WAREHOUSE";
      entries.push(pending(store, traceLost(withVerdict, "COST_OVER_WAREHOUSE_THRESHOLD")));
      entries.push(pending(warehouse, traceChosen(warehouseInput(warehouse), "CHEAPEST_WAREHOUSE")));
    }
  } else if (store !== undefined) {
    chosen = store;
    result = "STORE";
    entries.push(pending(store, traceChosen(storeInput(store), "CHEAPEST_STORE_IN_RADIUS")));
  } else if (warehouse !== undefined) {
    chosen = warehouse;
    result = "WAREHOUSE";
    entries.push(pending(warehouse, traceChosen(warehouseInput(warehouse), "CHEAPEST_WAREHOUSE")));
  } else {
    const fullStoresBeyond = everywhere
      .filter(
        (evaluated) => evaluated.location.kind === "STORE" && evaluated.full && evaluated.distance > rules.radiusMiles,
      )
      .sort(compareCheapest);
    chosen = fullStoresBeyond[0];
    if (chosen !== undefined) {
      result = "STORE_OUTSIDE_RADIUS";
      flags.push("OUTSIDE_RADIUS");
      entries.push(pending(chosen, traceChosen(storeInput(chosen), "CHEAPEST_STORE_OUTSIDE_RADIUS")));
      runnerUp(fullStoresBeyond, storeInput);
    } else {
      result = "NO_FULL_LOCATION";
    }
  }
  // The runner-up of the ranking the winner came from; the losing ranking's runner-up lost twice.
  if (chosen !== undefined && chosen === warehouse) runnerUp(fullWarehouses, warehouseInput);
  if (chosen !== undefined && chosen === store) runnerUp(fullStoresInRadius, storeInput);
  stages.push({ stage: "SHIPPING", result, radiusMiles: rules.radiusMiles, locations: orderStageEntries(entries) });
  return chosen;
}

function split(
  context: Context,
  everywhere: readonly Evaluated[],
  stages: TraceStage[],
  flags: RoutingFlag[],
): RoutingDecision {
  const { order, rules } = context;
  if (!rules.allowSplit) {
    stages.push({ stage: "SPLIT", result: "NOT_ALLOWED", unservableSkus: [], totalCost: 0, locations: [] });
    return makeDecision(order, "UNROUTABLE", [], flags, [], stages);
  }
  const servers: Evaluated[] = [];
  const candidates: SplitCandidate[] = [];
  for (const evaluated of everywhere) {
    const servedLines: number[] = [];
    order.lines.forEach((line, index) => {
      if (canServeLine(evaluated.location, line, rules)) servedLines.push(index);
    });
    if (servedLines.length === 0) continue;
    servers.push(evaluated);
    candidates.push({ id: evaluated.id, cost: evaluated.cost, distance: evaluated.distance, servedLines });
  }
  const plan = planSplit(order.lines.length, candidates);
  if (plan === null) {
    const unservableSkus = order.lines
      .filter((line) => !everywhere.some((evaluated) => canServeLine(evaluated.location, line, rules)))
      .map((line) => line.sku);
    flags.push("OUT_OF_STOCK");
    stages.push({ stage: "SPLIT", result: "OUT_OF_STOCK", unservableSkus, totalCost: 0, locations: [] });
    return makeDecision(order, "UNROUTABLE", [], flags, unservableSkus, stages);
  }
  const assignments = plan.parts.map((part) => {
    const server = servers[part.candidate]!;
    return assignmentOf(order, server.id, part.lines, server.cost, server.distance);
  });
  const entries = plan.parts.map((part) => {
    const server = servers[part.candidate]!;
    return pending(server, traceChosen(input(context, server, SPLIT_CHECKS), "SPLIT_COVER"));
  });
  stages.push({
    stage: "SPLIT",
    result: "SPLIT",
    unservableSkus: [],
    totalCost: roundCents(plan.totalCost),
    locations: orderStageEntries(entries),
  });
  return makeDecision(order, "SPLIT", assignments, flags, [], stages);
}

function routePickup(context: Context, locations: readonly RoutingLocation[]): RoutingDecision {
  const { order, rules } = context;
  const chosenId = order.pickupLocationId;
  const chosenStore = chosenId === undefined ? undefined : locations.find((location) => location.id === chosenId);
  const from: GeoPoint = chosenStore ?? order.destination;
  const entries: PendingTrace[] = [];
  const stage = (result: "CHOSEN_STORE" | "NEARBY_STORE" | "UNAVAILABLE"): TraceStage => ({
    stage: "PICK_UP",
    chosenLocationId: chosenId ?? null,
    chosenLocationFound: chosenStore !== undefined,
    result,
    radiusMiles: rules.radiusMiles,
    locations: orderStageEntries(entries),
  });

  if (chosenStore !== undefined) {
    const chosen = evaluate(chosenStore, from, order, rules);
    const chosenInput = input(context, chosen, CHOSEN_PICKUP_CHECKS);
    if (chosen.full && chosenStore.pickupEnabled) {
      entries.push(pending(chosen, traceChosen(chosenInput, "SHOPPER_CHOICE")));
      const assignment = assignmentOf(order, chosen.id, "ALL", chosen.cost, chosen.distance);
      return makeDecision(order, "ROUTED", [assignment], [], [], [stage("CHOSEN_STORE")]);
    }
    entries.push(pending(chosen, traceLost(chosenInput)));
  }

  const nearbyStores = locations
    .filter((location) => location.kind === "STORE" && location !== chosenStore)
    .map((location) => evaluate(location, from, order, rules))
    .filter((evaluated) => evaluated.distance <= rules.radiusMiles);
  const { winner, entries: fallbackEntries } = nearestSearchEntries(
    context,
    nearbyStores,
    (evaluated) => evaluated.full && evaluated.location.isOpen && evaluated.location.pickupEnabled,
    PICKUP_FALLBACK_CHECKS,
    "NEAREST_PICKUP_STORE",
  );
  entries.push(...fallbackEntries);
  if (winner === undefined) {
    return makeDecision(order, "UNROUTABLE", [], ["PICKUP_UNAVAILABLE"], [], [stage("UNAVAILABLE")]);
  }
  const assignment = assignmentOf(order, winner.id, "ALL", winner.cost, winner.distance);
  return makeDecision(order, "ROUTED", [assignment], ["PICKUP_STORE_CHANGED"], [], [stage("NEARBY_STORE")]);
}
