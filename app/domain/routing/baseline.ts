// The naive router: the semantics written the way the seed's pseudo-code reads. Every order scans
// every location, looks every line up in every stock map and measures every distance; nothing is
// indexed or kept between orders. It is the yardstick for the benchmark and an independent oracle
// for the indexed engine's searches, which must return byte-identical decisions: the two find their
// candidates apart and share only what a stage makes of them (stage-outcomes.ts), which
// routing-rules.test.ts checks rule by rule.
import { assignmentOf, makeDecision } from "./decision";
import { canServeLine, hasCapacityToday, meetsLineThreshold, parcelCost, stockOf } from "./eligibility";
import { haversineMiles } from "./geo";
import { compareCheapest, compareNearest } from "./ranking";
import { resolveRules } from "./rules";
import { planSplit, type SplitCandidate } from "./split";
import {
  pickupOutcome,
  sameDayStage,
  shippingOutcome,
  splitCoverOutcome,
  splitNotAllowedStage,
  splitOutOfStockStage,
  type TracedRanking,
} from "./stage-outcomes";
import { type LineStockLookup, type LocationTraceInput, type TraceChecks } from "./trace";
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

/** Evaluated locations best first, as a stage's outcome reads them. */
class Ranking implements TracedRanking {
  readonly sorted: readonly Evaluated[];

  constructor(
    private readonly context: Context,
    locations: readonly Evaluated[],
    compare: (a: Evaluated, b: Evaluated) => number,
  ) {
    this.sorted = [...locations].sort(compare);
  }

  get size(): number {
    return this.sorted.length;
  }

  ranked(place: number): Evaluated {
    return this.sorted[place]!;
  }

  traceInput(place: number, checks: TraceChecks): LocationTraceInput {
    return input(this.context, this.sorted[place]!, checks);
  }

  unitsForLine(place: number, line: number): number {
    return this.sorted[place]!.available[line]!;
  }
}

/** The pool split into the locations that pass and those that do not, each nearest first. */
function nearestSearch(
  context: Context,
  pool: readonly Evaluated[],
  isEligible: (evaluated: Evaluated) => boolean,
): { eligible: Ranking; ineligible: Ranking } {
  return {
    eligible: new Ranking(context, pool.filter(isEligible), compareNearest),
    ineligible: new Ranking(
      context,
      pool.filter((evaluated) => !isEligible(evaluated)),
      compareNearest,
    ),
  };
}

function routedWhole(
  order: RoutingOrder,
  winner: Evaluated,
  flags: RoutingFlag[],
  stages: TraceStage[],
): RoutingDecision {
  const assignment = assignmentOf(order, winner.id, "ALL", winner.cost, winner.distance);
  return makeDecision(order, "ROUTED", [assignment], flags, [], stages);
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
    const { eligible, ineligible } = nearestSearch(
      context,
      storesInRadius,
      (evaluated) => evaluated.full && evaluated.location.isOpen,
    );
    const { stage, chosenPlace } = sameDayStage(eligible, ineligible, order, rules);
    stages.push(stage);
    const winner = eligible.sorted[chosenPlace];
    if (winner !== undefined) return routedWhole(order, winner, flags, stages);
    flags.push("SLA_AT_RISK");
  }

  const chosen = shipWhole(context, everywhere, storesInRadius, stages, flags);
  if (chosen !== undefined) return routedWhole(order, chosen, flags, stages);
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
  const { stage, chosen, chosenPlace } = shippingOutcome(
    {
      fullWarehouses: new Ranking(
        context,
        warehouses.filter((evaluated) => evaluated.full),
        compareCheapest,
      ),
      fullStoresInRadius: new Ranking(
        context,
        storesInRadius.filter((evaluated) => evaluated.full),
        compareCheapest,
      ),
      storesInRadiusNotFull: new Ranking(
        context,
        storesInRadius.filter((evaluated) => !evaluated.full),
        compareNearest,
      ),
      warehousesNotFull: () =>
        new Ranking(
          context,
          warehouses.filter((evaluated) => !evaluated.full),
          compareNearest,
        ),
      fullStoresBeyondRadius: () =>
        new Ranking(
          context,
          everywhere.filter(
            (evaluated) =>
              evaluated.location.kind === "STORE" && evaluated.full && evaluated.distance > rules.radiusMiles,
          ),
          compareCheapest,
        ),
    },
    rules,
    flags,
    context.order,
  );
  stages.push(stage);
  return chosen?.sorted[chosenPlace];
}

function split(
  context: Context,
  everywhere: readonly Evaluated[],
  stages: TraceStage[],
  flags: RoutingFlag[],
): RoutingDecision {
  const { order, rules } = context;
  const unservableSkus = () =>
    order.lines
      .filter((line) => !everywhere.some((evaluated) => canServeLine(evaluated.location, line, rules)))
      .map((line) => line.sku);
  if (!rules.allowSplit) {
    stages.push(splitNotAllowedStage());
    // Splitting would not have saved an order with a SKU in stock nowhere: say so, as a split does.
    const nowhere = unservableSkus();
    if (nowhere.length > 0) flags.push("OUT_OF_STOCK");
    return makeDecision(order, "UNROUTABLE", [], flags, nowhere, stages);
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
    const nowhere = unservableSkus();
    flags.push("OUT_OF_STOCK");
    stages.push(splitOutOfStockStage(nowhere));
    return makeDecision(order, "UNROUTABLE", [], flags, nowhere, stages);
  }
  const { assignments, stage } = splitCoverOutcome(order, plan, candidates, (candidate, checks) =>
    input(context, servers[candidate]!, checks),
  );
  stages.push(stage);
  return makeDecision(order, "SPLIT", assignments, flags, [], stages);
}

function routePickup(context: Context, locations: readonly RoutingLocation[]): RoutingDecision {
  const { order, rules } = context;
  const chosenId = order.pickupLocationId;
  const chosenStore = chosenId === undefined ? undefined : locations.find((location) => location.id === chosenId);
  const from: GeoPoint = chosenStore ?? order.destination;
  const chosen = chosenStore === undefined ? undefined : evaluate(chosenStore, from, order, rules);
  const { stage, flags, winner, winnerPlace } = pickupOutcome(
    order,
    {
      shoppersStore: chosen === undefined ? null : new Ranking(context, [chosen], compareNearest),
      shoppersStoreCanTake: chosen !== undefined && chosen.full && chosen.location.pickupEnabled,
      nearbyStores: () =>
        nearestSearch(
          context,
          locations
            .filter((location) => location.kind === "STORE" && location !== chosenStore)
            .map((location) => evaluate(location, from, order, rules))
            .filter((evaluated) => evaluated.distance <= rules.radiusMiles),
          (evaluated) => evaluated.full && evaluated.location.isOpen && evaluated.location.pickupEnabled,
        ),
    },
    rules,
  );
  const pickupStore = winner?.sorted[winnerPlace];
  if (pickupStore === undefined) return makeDecision(order, "UNROUTABLE", [], flags, [], [stage]);
  return routedWhole(order, pickupStore, flags, [stage]);
}
