// Builds the per-location entries of the trace. The indexed engine and the naive baseline both
// build their entries here, so the two can be compared byte for byte; which locations a stage
// lists is stage-outcomes.ts's business.
//
// Each entry carries every rule verdict that applies in its stage; per-line stock verdicts appear
// only for the lines that fail, one per line: STOCK when short of the ordered quantity, otherwise
// STORE_MIN_UNITS.
import type { ChargedPlace } from "./look-ahead";
import { rankingLossReason, compareNearest, type RankedLocation, type RankOrder } from "./ranking";
import { roundCents, roundMiles } from "./rounding";
import type {
  ChosenReason,
  LocationTrace,
  LostReason,
  OrderLine,
  RoutingLocation,
  RoutingRules,
  RuleVerdict,
} from "./types";

/** Which of the context-dependent rules a stage applies. */
export interface TraceChecks {
  readonly open: boolean;
  readonly pickup: boolean;
  readonly radius: boolean;
}

/**
 * Answers per-line stock questions about one location. The baseline reads stock maps; the engine
 * answers most lines from its bitsets and looks units up only for the lines that fail.
 */
export interface LineStockLookup {
  /** The location's stock clears the line: enough units, and for a store at least the minimum. */
  clearsLine(location: number, line: number): boolean;
  unitsForLine(location: number, line: number): number;
}

export interface LocationTraceInput {
  readonly location: RoutingLocation;
  readonly lines: readonly OrderLine[];
  readonly rules: RoutingRules;
  /** Per-line stock of the location, or null when the caller knows every line clears. */
  readonly stock: LineStockLookup | null;
  /** The handle `stock` knows this location by. */
  readonly stockHandle: number;
  readonly distance: number;
  readonly cost: number;
  readonly checks: TraceChecks;
  /** Stage-level verdicts on this location (cost against the warehouse, look-ahead), in order. */
  readonly extraVerdicts?: readonly RuleVerdict[];
}

interface Evaluated {
  readonly verdicts: RuleVerdict[];
  readonly firstFailure: LostReason | null;
}

function evaluateRules(input: LocationTraceInput): Evaluated {
  const { location, lines, rules, stock, checks } = input;
  const verdicts: RuleVerdict[] = [];
  let firstFailure: LostReason | null = null;

  verdicts.push({ rule: "ACTIVE", active: location.active, pass: location.active });
  if (!location.active) firstFailure = "INACTIVE";

  if (typeof location.dailyCapacity === "number") {
    const assignedToday = location.assignedToday ?? 0;
    const pass = assignedToday < location.dailyCapacity;
    verdicts.push({ rule: "CAPACITY", assignedToday, dailyCapacity: location.dailyCapacity, pass });
    if (!pass) firstFailure ??= "OVER_CAPACITY";
  }

  let servableLines = lines.length;
  if (stock !== null) {
    servableLines = 0;
    for (let i = 0; i < lines.length; i++) {
      if (stock.clearsLine(input.stockHandle, i)) {
        servableLines++;
        continue;
      }
      // One verdict per failing line: the shortfall if there is one, else the store minimum.
      const line = lines[i]!;
      const units = stock.unitsForLine(input.stockHandle, i);
      if (units < line.quantity) {
        verdicts.push({ rule: "STOCK", sku: line.sku, requested: line.quantity, available: units, pass: false });
      } else {
        verdicts.push({
          rule: "STORE_MIN_UNITS",
          sku: line.sku,
          available: units,
          minimum: rules.storeMinUnits,
          pass: false,
        });
      }
    }
  }
  const allLines = servableLines === lines.length;
  verdicts.push({
    rule: "ALL_LINES_SERVABLE",
    servableLines,
    totalLines: lines.length,
    pass: allLines,
  });
  if (!allLines) firstFailure ??= "NOT_FULL";

  if (checks.open) {
    verdicts.push({ rule: "OPEN", isOpen: location.isOpen, pass: location.isOpen });
    if (!location.isOpen) firstFailure ??= "CLOSED";
  }
  if (checks.pickup) {
    verdicts.push({ rule: "PICKUP_ENABLED", pickupEnabled: location.pickupEnabled, pass: location.pickupEnabled });
    if (!location.pickupEnabled) firstFailure ??= "PICKUP_DISABLED";
  }
  if (checks.radius) {
    const pass = input.distance <= rules.radiusMiles;
    verdicts.push({
      rule: "RADIUS",
      distanceMiles: roundMiles(input.distance),
      radiusMiles: rules.radiusMiles,
      pass,
    });
    if (!pass) firstFailure ??= "OUTSIDE_RADIUS";
  }
  if (input.extraVerdicts !== undefined) verdicts.push(...input.extraVerdicts);
  return { verdicts, firstFailure };
}

// Both builders spell their literal out: spreading a shared base object into them halved the
// engine's throughput when tried.
export function traceChosen(input: LocationTraceInput, reason: ChosenReason): LocationTrace {
  const { verdicts } = evaluateRules(input);
  return {
    locationId: input.location.id,
    kind: input.location.kind,
    distanceMiles: roundMiles(input.distance),
    cost: roundCents(input.cost),
    verdicts,
    outcome: "CHOSEN",
    reason,
  };
}

/** A losing location; without a reason, the first rule it fails says why. */
export function traceLost(input: LocationTraceInput, reason?: LostReason): LocationTrace {
  const { verdicts, firstFailure } = evaluateRules(input);
  return {
    locationId: input.location.id,
    kind: input.location.kind,
    distanceMiles: roundMiles(input.distance),
    cost: roundCents(input.cost),
    verdicts,
    outcome: "LOST",
    reason: reason ?? firstFailure ?? "ID_TIEBREAK",
  };
}

/** A runner-up in a ranking: lost to the winner on the ranking itself. */
export function traceRunnerUp(
  input: LocationTraceInput,
  order: RankOrder,
  runnerUp: RankedLocation,
  winner: RankedLocation,
): LocationTrace {
  return traceLost(input, rankingLossReason(order, runnerUp, winner));
}

export interface PendingTrace {
  readonly rank: RankedLocation;
  readonly trace: LocationTrace;
}

/** Stage entries are listed nearest first, whatever order they were found in. */
export function orderStageEntries(entries: PendingTrace[]): LocationTrace[] {
  // Insertion sort: a stage lists a handful of entries, and this runs for every order.
  const ordered: PendingTrace[] = [];
  for (const entry of entries) {
    let at = ordered.length;
    ordered.push(entry);
    while (at > 0 && compareNearest(entry.rank, ordered[at - 1]!.rank) < 0) {
      ordered[at] = ordered[at - 1]!;
      at--;
    }
    ordered[at] = entry;
  }
  const traces: LocationTrace[] = [];
  for (const entry of ordered) traces.push(entry.trace);
  return traces;
}

export function costVsWarehouseVerdict(storeCost: number, warehouseCost: number, maxExtra: number): RuleVerdict {
  return {
    rule: "COST_VS_WAREHOUSE",
    storeCost: roundCents(storeCost),
    warehouseCost: roundCents(warehouseCost),
    maxExtra,
    pass: storeCost <= warehouseCost + maxExtra,
  };
}

/**
 * Look-ahead in SHIPPING: the store still ships only when it is cheaper than the warehouse by more
 * than `margin`, the scarcity charge of taking the order from it (look-ahead.ts).
 */
export function lookAheadVerdict(storeCost: number, warehouseCost: number, margin: number): RuleVerdict {
  return {
    rule: "LOOK_AHEAD",
    storeCost: roundCents(storeCost),
    warehouseCost: roundCents(warehouseCost),
    margin: roundCents(margin),
    pass: storeCost < warehouseCost - margin,
  };
}

/**
 * Look-ahead between two eligible stores (SAME_DAY, PICK_UP): this store's cost and scarcity
 * charge against the other's; it passes when this store is the one chosen.
 */
export function lookAheadStoreVerdict(store: ChargedPlace, other: ChargedPlace, chosen: boolean): RuleVerdict {
  return {
    rule: "LOOK_AHEAD_STORES",
    storeCost: roundCents(store.cost),
    charge: roundCents(store.charge),
    otherStoreCost: roundCents(other.cost),
    otherCharge: roundCents(other.charge),
    pass: chosen,
  };
}
