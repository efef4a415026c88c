// What-if replay (issue 15): a shop's recorded orders routed again, in the order they were
// decided, by one router against a starting stock snapshot that each replayed decision depletes,
// and totalled with the routing-quality metrics every router is measured by. Pure: the service
// (app/services/routing-replay) loads the orders and the snapshot.
//
// Capacity: a location's daily capacity is not enforced while replaying (the prepared index
// fixes which locations have room when it is built, and a range spans many days); instead each
// location's load per day is measured against its capacity, for every router alike.
import { GreedyNearestRouter } from "../routing/greedy/greedy-nearest";
import { NativeRouter } from "../routing/native/native-routing";
import { prepareNetwork } from "../routing/network-index";
import { stockTableOf, tableSlot, type StockTable } from "../routing/stock-table";
import { setIndexedUnits } from "../routing/network-stock";
import { routeWithIndex } from "../routing/engine/route-order";
import {
  measureOrder,
  QualityTally,
  summarize,
  type QualityRules,
  type QualitySummary,
  type QualityTotals,
  type RoutedOutcome,
} from "../routing/quality/metrics";
import type {
  DeliveryMethod,
  RoutingDecision,
  RoutingLocation,
  RoutingOrder,
  RoutingRules,
  RoutingStatus,
  ServiceLevel,
} from "../routing/types";
import { engineOrderOfRecorded, type RecordedOrderFacts } from "../routing-settings/recorded-order";
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettings } from "../routing-settings/settings";

/** One recorded order: its facts as stored at routing time and what its decision recorded. */
export interface RecordedRouting {
  readonly facts: RecordedOrderFacts;
  readonly decision: {
    readonly deliveryMethod: DeliveryMethod;
    readonly serviceLevel: ServiceLevel;
    readonly status: RoutingStatus;
    readonly assignments: RoutedOutcome["assignments"];
    readonly decidedAt: Date;
  };
}

/**
 * The stock the replay starts from: the locations (their stock maps are not read) and their stock
 * as a table (see app/domain/routing/stock-table.ts), which every router copies into its own.
 */
export interface ReplaySnapshot {
  readonly locations: readonly RoutingLocation[];
  readonly stock: StockTable;
}

/** A snapshot of locations whose stock is in their maps. */
export function snapshotOf(locations: readonly RoutingLocation[]): ReplaySnapshot {
  return { locations, stock: stockTableOf(locations) };
}

/** A router to replay with. */
export type ReplayRouter =
  | {
      readonly kind: "OMNIROUTE";
      readonly name: string;
      readonly rules: RoutingRules;
      /**
       * Settings whose shipping-method rules give each order its service level (a draft may map
       * shipping lines differently). Absent: the service level the decision recorded.
       */
      readonly serviceLevelsFrom?: RoutingSettings;
    }
  | { readonly kind: "NATIVE"; readonly name: string; readonly storeMinUnits?: number }
  | { readonly kind: "GREEDY"; readonly name: string };

/** Where one replayed order went. */
export interface ReplayedOrder {
  readonly orderId: string;
  readonly status: RoutingStatus;
  readonly assignments: RoutedOutcome["assignments"];
  readonly cost: number;
}

/** A location's load over the replay: orders it was given, in all and on its busiest day (UTC). */
export interface LocationLoad {
  readonly locationId: string;
  readonly orders: number;
  readonly units: number;
  readonly busiestDayOrders: number;
  /** Null when the location has no daily capacity. */
  readonly dailyCapacity: number | null;
  /** Days on which it was given more orders than its daily capacity. */
  readonly daysOverCapacity: number;
}

export interface ReplayResult {
  readonly router: string;
  readonly totals: QualityTotals;
  readonly summary: QualitySummary;
  /** Units taken from the stock snapshot, and units the decisions assigned: equal when nothing is oversold. */
  readonly unitsTaken: number;
  readonly unitsAssigned: number;
  /** Ascending by location id, locations given at least one order. */
  readonly loads: readonly LocationLoad[];
  /** In replay order. */
  readonly orders: readonly ReplayedOrder[];
}

/** The recorded orders in the order they were decided, then by id (ties are rare but must be stable). */
export function inReplayOrder(recorded: readonly RecordedRouting[]): RecordedRouting[] {
  return [...recorded].sort(
    (a, b) =>
      a.decision.decidedAt.getTime() - b.decision.decidedAt.getTime() ||
      (a.facts.orderId < b.facts.orderId ? -1 : a.facts.orderId > b.facts.orderId ? 1 : 0),
  );
}

/**
 * The snapshot's locations as every router sees them: capacity left out (measured, not enforced).
 * The snapshot's stock table is shared, never written: each router copies it into stock of its own
 * (the prepared index, native routing's own table) and the replay keeps what is left in a copy of its units.
 */
function replayLocations(snapshot: ReplaySnapshot): RoutingLocation[] {
  return snapshot.locations.map(({ dailyCapacity: _capacity, assignedToday: _assigned, ...location }) => location);
}

function engineOrderOf(
  recorded: RecordedRouting,
  settings: RoutingSettings | undefined,
  byId: ReadonlyMap<string, RoutingLocation>,
): RoutingOrder | null {
  const facts = { ...recorded.facts, deliveryMethod: recorded.decision.deliveryMethod };
  // Only the pickup store is looked up (for a pickup order's destination): pass just it.
  const pickupStore = facts.pickupLocationId === null ? undefined : byId.get(facts.pickupLocationId);
  const near = pickupStore === undefined ? [] : [pickupStore];
  if (settings !== undefined) return engineOrderOfRecorded(facts, settings, near).order;
  const built = engineOrderOfRecorded(facts, DEFAULT_ROUTING_SETTINGS, near).order;
  return built === null ? null : { ...built, serviceLevel: recorded.decision.serviceLevel };
}

interface PreparedRouter {
  route(order: RoutingOrder): RoutedOutcome;
  taken(locationId: string, sku: string, unitsLeft: number): void;
  /** The engine's decision with its trace, as route would decide it (Omniroute's routers only). */
  explain?(order: RoutingOrder): RoutingDecision;
}

function prepare(router: ReplayRouter, locations: readonly RoutingLocation[], stock: StockTable): PreparedRouter {
  switch (router.kind) {
    case "OMNIROUTE": {
      // The index copies the stock into its own arrays: the shared table is only read. The replay
      // reads where orders went, never why, so the engine skips the trace's locations.
      const index = prepareNetwork(locations, router.rules, stock, { trace: false });
      return {
        route: (order) => routeWithIndex(index, order),
        taken: (locationId, sku, unitsLeft) => {
          setIndexedUnits(index, locationId, sku, unitsLeft);
        },
        explain: (order) => routeWithIndex(index, order, true),
      };
    }
    case "NATIVE": {
      const native = new NativeRouter(locations, {
        storeMinUnits: router.storeMinUnits ?? 0,
        stock: "own",
        stockTable: stock,
      });
      return {
        route: (order) => native.route(order),
        taken: (locationId, sku, unitsLeft) => {
          native.take(locationId, sku, unitsLeft);
        },
      };
    }
    case "GREEDY": {
      const greedy = new GreedyNearestRouter(locations, { stock: "own", stockTable: stock });
      return {
        route: (order) => greedy.route(order),
        taken: (locationId, sku, unitsLeft) => {
          greedy.take(locationId, sku, unitsLeft);
        },
      };
    }
  }
}

const UNROUTABLE: RoutedOutcome = { status: "UNROUTABLE", assignments: [] };

class LoadCounter {
  private readonly byLocation = new Map<string, { orders: number; units: number; perDay: Map<string, number> }>();

  add(locationId: string, day: string, units: number, newOrder: boolean): void {
    let load = this.byLocation.get(locationId);
    if (load === undefined) {
      load = { orders: 0, units: 0, perDay: new Map() };
      this.byLocation.set(locationId, load);
    }
    load.units += units;
    if (newOrder) {
      load.orders++;
      load.perDay.set(day, (load.perDay.get(day) ?? 0) + 1);
    }
  }

  loads(capacityOf: (locationId: string) => number | null): LocationLoad[] {
    return [...this.byLocation.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([locationId, load]) => {
        const dailyCapacity = capacityOf(locationId);
        const days = [...load.perDay.values()];
        return {
          locationId,
          orders: load.orders,
          units: load.units,
          busiestDayOrders: Math.max(0, ...days),
          dailyCapacity,
          daysOverCapacity: dailyCapacity === null ? 0 : days.filter((orders) => orders > dailyCapacity).length,
        };
      });
  }
}

/**
 * Replays `recorded` (already in replay order, see inReplayOrder) with `router` from `snapshot`,
 * measured under `measuredUnder` (the store minimum and radius the merchant's promises are held to).
 * The snapshot is not changed: the router depletes stock of its own (see replayLocations).
 * `orders`, from replayOrders, saves building the engine's orders again for another router.
 */
export function replay(
  recorded: readonly RecordedRouting[],
  snapshot: ReplaySnapshot,
  router: ReplayRouter,
  measuredUnder: QualityRules,
  orders?: ReplayOrders,
): ReplayResult {
  const run = new ReplayRun(recorded, snapshot, router, measuredUnder, orders);
  run.advance(recorded.length);
  return run.result();
}

/**
 * One router's replay taken a slice of orders at a time (advance), so a caller can report
 * progress or yield between slices; replaying in slices decides exactly as replay() does.
 */
export class ReplayRun {
  private readonly byId: ReadonlyMap<string, RoutingLocation>;
  private readonly stock: StockTable;
  private readonly capacityById: ReadonlyMap<string, number | null>;
  /** Units left now, slot by slot of the snapshot table's by-SKU columns (a copy of its units). */
  private readonly left: Float64Array;
  private readonly prepared: PreparedRouter;
  private readonly engineOrders: readonly (RoutingOrder | null)[];
  private readonly tally = new QualityTally();
  private readonly loads = new LoadCounter();
  private readonly replayed: ReplayedOrder[] = [];
  private readonly unitsBefore: (locationId: string, sku: string) => number;
  private unitsTaken = 0;
  private unitsAssigned = 0;
  private next = 0;

  constructor(
    private readonly recorded: readonly RecordedRouting[],
    snapshot: ReplaySnapshot,
    private readonly router: ReplayRouter,
    private readonly measuredUnder: QualityRules,
    orders?: ReplayOrders,
  ) {
    const locations = replayLocations(snapshot);
    this.byId = new Map(locations.map((location) => [location.id, location]));
    this.capacityById = new Map(snapshot.locations.map((location) => [location.id, location.dailyCapacity ?? null]));
    this.stock = snapshot.stock;
    this.left = snapshot.stock.bySkuUnits.slice();
    this.unitsBefore = (locationId, sku) => {
      const slot = tableSlot(this.stock, locationId, sku);
      return slot < 0 ? 0 : this.left[slot]!;
    };
    this.prepared = prepare(router, locations, snapshot.stock);
    const serviceLevelsFrom = router.kind === "OMNIROUTE" ? router.serviceLevelsFrom : undefined;
    this.engineOrders =
      orders !== undefined && orders.serviceLevelsFrom === serviceLevelsFrom && orders.recorded === recorded
        ? orders.orders
        : replayOrders(recorded, snapshot, serviceLevelsFrom).orders;
  }

  /** Orders replayed so far. */
  get done(): number {
    return this.next;
  }

  /**
   * The next order's decision with its trace, from the stock the orders before it left, as
   * advance would route it, without replaying it: why an Omniroute router sends it where it does.
   * Null once every order is replayed, for an order no router could be given (no destination or no
   * lines) and for the other kinds of router, which keep no trace.
   */
  explainNext(): RoutingDecision | null {
    const order = this.next < this.recorded.length ? this.engineOrders[this.next] : null;
    if (order === null || order === undefined || this.prepared.explain === undefined) return null;
    return this.prepared.explain(order);
  }

  /** Replays up to `count` more orders; true once every order is replayed. */
  advance(count: number): boolean {
    const end = Math.min(this.recorded.length, this.next + Math.max(0, count));
    for (; this.next < end; this.next++) this.replayOne(this.next);
    return this.next >= this.recorded.length;
  }

  private replayOne(n: number): void {
    const entry = this.recorded[n]!;
    const order = this.engineOrders[n]!;
    if (order === null) {
      // No destination or no lines: every router leaves it unroutable, as the routing job did.
      this.replayed.push({ orderId: entry.facts.orderId, status: "UNROUTABLE", assignments: [], cost: 0 });
      this.tally.add(NOT_ROUTED);
      return;
    }
    const decided = this.prepared.route(order);
    const outcome = decided.status === "UNROUTABLE" ? UNROUTABLE : decided;
    const quality = measureOrder(order, outcome, this.byId, this.measuredUnder, this.unitsBefore);
    this.tally.add(quality);
    this.replayed.push({
      orderId: order.id,
      status: outcome.status,
      assignments: outcome.assignments,
      cost: quality.cost,
    });
    const day = order.placedAt.slice(0, 10);
    for (const assignment of outcome.assignments) {
      if (!this.byId.has(assignment.locationId)) throw new Error(`replay: unknown location ${assignment.locationId}`);
      let units = 0;
      for (const line of assignment.lines) {
        this.unitsAssigned += line.quantity;
        units += line.quantity;
        const slot = tableSlot(this.stock, assignment.locationId, line.sku);
        // A SKU the location does not list: nothing to take (the decision oversold it).
        if (slot < 0) continue;
        const before = this.left[slot]!;
        const after = Math.max(0, before - line.quantity);
        this.unitsTaken += before - after;
        this.left[slot] = after;
        this.prepared.taken(assignment.locationId, line.sku, after);
      }
      this.loads.add(assignment.locationId, day, units, true);
    }
  }

  /** The totals of the orders replayed so far (all of them once advance returned true). */
  result(): ReplayResult {
    const totals = this.tally.totals;
    return {
      router: this.router.name,
      totals,
      summary: summarize(totals),
      unitsTaken: this.unitsTaken,
      unitsAssigned: this.unitsAssigned,
      loads: this.loads.loads((id) => this.capacityById.get(id) ?? null),
      orders: this.replayed.slice(),
    };
  }
}

/** What an order no router could be given measures as. */
const NOT_ROUTED = {
  routed: false,
  cost: 0,
  parcels: 0,
  storeParcels: 0,
  thresholdViolations: 0,
  oversoldLines: 0,
  needsSameDay: false,
  sameDayKept: false,
  isPickup: false,
  pickupKept: false,
  slaAtRisk: false,
  pickupStoreChanged: false,
} as const;

/**
 * The engine's orders for recorded ones, built once and shared by the routers that read service
 * levels alike (see replay's last parameter): null where an order cannot be routed.
 */
export interface ReplayOrders {
  readonly recorded: readonly RecordedRouting[];
  readonly serviceLevelsFrom: RoutingSettings | undefined;
  readonly orders: readonly (RoutingOrder | null)[];
}

/** The engine's orders for `recorded`, with service levels from `serviceLevelsFrom` (else as recorded). */
export function replayOrders(
  recorded: readonly RecordedRouting[],
  snapshot: ReplaySnapshot,
  serviceLevelsFrom: RoutingSettings | undefined,
): ReplayOrders {
  const byId = new Map(snapshot.locations.map((location) => [location.id, location]));
  return {
    recorded,
    serviceLevelsFrom,
    orders: recorded.map((entry) => engineOrderOf(entry, serviceLevelsFrom, byId)),
  };
}

/** An order two routers sent differently. */
export interface OrderDifference {
  readonly orderId: string;
  readonly before: ReplayedOrder;
  readonly after: ReplayedOrder;
  /** after.cost − before.cost. */
  readonly costChange: number;
}

/** Where an order went, the same for the same locations and lines whatever their order. */
function destinationKey(order: ReplayedOrder): string {
  return order.assignments
    .map(
      (assignment) =>
        `${assignment.locationId}:${assignment.lines
          .map((line) => `${line.sku}×${line.quantity}`)
          .sort()
          .join(",")}`,
    )
    .sort()
    .join("|");
}

/** The orders `after` routed differently from `before` (both replays of the same orders), in replay order. */
export function differingOrders(before: ReplayResult, after: ReplayResult): OrderDifference[] {
  const afterById = new Map(after.orders.map((order) => [order.orderId, order]));
  const differences: OrderDifference[] = [];
  for (const was of before.orders) {
    const now = afterById.get(was.orderId);
    if (now === undefined) throw new Error(`differingOrders: ${was.orderId} was not replayed by ${after.router}`);
    if (was.status === now.status && destinationKey(was) === destinationKey(now)) continue;
    differences.push({ orderId: was.orderId, before: was, after: now, costChange: now.cost - was.cost });
  }
  return differences;
}

/** Whether a replayed order went where its recorded decision sent it. */
export function matchesRecorded(replayed: ReplayedOrder, recorded: RecordedRouting): boolean {
  const asRecorded: ReplayedOrder = {
    orderId: recorded.facts.orderId,
    status: recorded.decision.status,
    assignments: recorded.decision.assignments,
    cost: 0,
  };
  return replayed.status === recorded.decision.status && destinationKey(replayed) === destinationKey(asRecorded);
}
