import { medianSeconds } from "../store-tasks/picking";
import type { StoreTaskKind, StoreTaskState } from "../store-tasks/types";
import type { DeliveryMethod, LocationKind, RoutingStatus } from "../routing/types";

/**
 * The Analytics page's figures, for a range of days, in total, by location and by day: how
 * orders were fulfilled (BOPIS, ship from store, within 24 hours, split, unroutable), what they
 * cost against a warehouse-only policy, how far they travelled, and how stores did with pickups
 * (ready to collected, uncollected) and stock (picks without a not-found exception). Pure: the
 * orders, their store tasks and the time are passed in.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const FULFILLED_WITHIN_MS = DAY_MS;

export interface Parcel {
  readonly locationId: string;
  /** The engine's cost of the parcel, in dollars. */
  readonly cost: number;
  readonly distanceMiles: number;
}

/** One routing decision of the range. */
export interface DecidedOrder {
  readonly orderId: string;
  readonly placedAt: Date;
  readonly decidedAt: Date;
  readonly deliveryMethod: DeliveryMethod;
  readonly status: RoutingStatus;
  readonly parcels: readonly Parcel[];
  /** Dollars under a warehouse-only policy (warehouse-only-cost.ts); null when it cannot be told. */
  readonly warehouseOnlyCost: number | null;
}

/** One store's work on an order of the range, with its pick lines counted. */
export interface OrderTask {
  readonly orderId: string;
  readonly locationId: string;
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  readonly readyAt: Date | null;
  readonly completedAt: Date | null;
  /** Set when Shopify ended the task otherwise (cancelled, closed, moved away, fulfilled elsewhere). */
  readonly endedReason: string | null;
  /** Lines the store picked or reported (picked at least one unit, or an exception). */
  readonly attemptedLines: number;
  readonly notFoundLines: number;
}

export interface AnalyticsLocation {
  readonly locationId: string;
  readonly name: string;
  readonly kind: LocationKind;
}

/** A count out of a count, and the share (0–1), null when nothing was counted. */
export interface Ratio {
  readonly count: number;
  readonly of: number;
  readonly share: number | null;
}

export interface FulfilmentFigures {
  readonly orders: number;
  /** Orders the shopper chose to collect in store, routable or not. */
  readonly bopis: Ratio;
  /** Orders shipped or delivered with a parcel leaving a store. */
  readonly shipFromStore: Ratio;
  /** Store-fulfilled orders whose stores finished within 24 h of the order (ready, shipped or delivered). */
  readonly within24h: Ratio;
  readonly splitOrders: number;
  readonly splitsPer100Orders: number | null;
  readonly unroutable: Ratio;
  /**
   * Over the routed orders whose warehouse-only cost is known: the average cost per order as
   * routed and under the warehouse-only policy, in cents, and how many orders that rests on.
   */
  readonly cost: {
    readonly orders: number;
    readonly averageCents: number | null;
    readonly warehouseOnlyAverageCents: number | null;
    readonly savedPerOrderCents: number | null;
  };
  /** Parcels shipped or delivered (not collected), and the miles they travelled. */
  readonly shippedParcels: number;
  readonly milesShipped: number;
  /** Pickups collected and the median time from ready to collected. */
  readonly collected: number;
  readonly medianReadyToCollectedSeconds: number | null;
  /** Of pickups whose outcome is known (collected, or not collected in time), those not collected. */
  readonly uncollected: Ratio;
  /** Pick lines without a not-found exception, of the lines the stores picked or reported. */
  readonly inventoryAccuracy: Ratio;
}

export interface LocationFigures extends FulfilmentFigures {
  readonly locationId: string;
  readonly name: string;
  readonly kind: LocationKind;
}

export interface DayFigures {
  /** Index of the day in the range (0 = its first day). */
  readonly day: number;
  readonly orders: number;
  readonly pickup: number;
  readonly shipFromStore: number;
  readonly shipFromWarehouse: number;
  readonly unroutable: number;
  readonly averageCostCents: number | null;
  readonly warehouseOnlyAverageCents: number | null;
}

export interface AnalyticsInput {
  readonly orders: readonly DecidedOrder[];
  readonly tasks: readonly OrderTask[];
  readonly locations: readonly AnalyticsLocation[];
  /** Each day's first instant, then the end of the last day (dayBoundaries in date-range.ts). */
  readonly dayStarts: readonly Date[];
  readonly now: Date;
  /** A pickup ready this many days and not collected counts as uncollected (the store settings'). */
  readonly uncollectedDays: number;
}

export interface AnalyticsFigures {
  readonly total: FulfilmentFigures;
  /** Every location with a parcel or a store task in the range, most orders first. */
  readonly locations: readonly LocationFigures[];
  readonly days: readonly DayFigures[];
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, share: of === 0 ? null : count / of };
}

const UNCOLLECTED_ENDINGS = new Set(["CANCELLED", "CLOSED"]);

/** Whether the store's part of a task is done: a pickup once ready, else once shipped or delivered. */
function storeDoneAt(task: OrderTask): Date | null {
  return task.kind === "PICKUP" ? task.readyAt : task.completedAt;
}

/** Counts an order as fulfilled within 24 h, not, or not yet known (null), from its live tasks. */
function withinDay(order: DecidedOrder, tasks: readonly OrderTask[], now: Date): boolean | null {
  const live = tasks.filter((task) => task.state !== "CANCELLED");
  if (live.length === 0) return null;
  const deadline = order.placedAt.getTime() + FULFILLED_WITHIN_MS;
  let last = -Infinity;
  for (const task of live) {
    const done = storeDoneAt(task);
    if (done === null) return now.getTime() > deadline ? false : null;
    last = Math.max(last, done.getTime());
  }
  return last <= deadline;
}

/**
 * Whether an order counts as shipped from a store: shipped or delivered (not collected), routed,
 * with a parcel leaving a store (`leavesAStore`). The Dashboard asks it of orders counted in SQL.
 */
export function shipsFromStore(deliveryMethod: DeliveryMethod, status: RoutingStatus, leavesAStore: boolean): boolean {
  return deliveryMethod !== "PICK_UP" && status !== "UNROUTABLE" && leavesAStore;
}

/** How an order was fulfilled, as the daily chart stacks it. */
export type FulfilledBy = "unroutable" | "pickup" | "shipFromStore" | "shipFromWarehouse";

export function fulfilledBy(deliveryMethod: DeliveryMethod, status: RoutingStatus, leavesAStore: boolean): FulfilledBy {
  if (status === "UNROUTABLE") return "unroutable";
  if (deliveryMethod === "PICK_UP") return "pickup";
  return shipsFromStore(deliveryMethod, status, leavesAStore) ? "shipFromStore" : "shipFromWarehouse";
}

function isShipFromStore(
  order: DecidedOrder,
  kindOf: (locationId: string) => LocationKind | undefined,
  parcelCounts: (parcel: Parcel) => boolean = () => true,
): boolean {
  return shipsFromStore(
    order.deliveryMethod,
    order.status,
    order.parcels.some((parcel) => parcelCounts(parcel) && kindOf(parcel.locationId) === "STORE"),
  );
}

/**
 * Dollars to whole cents, so sums of many parcels do not gather floating-point error. (The
 * Dashboard's SQL sums `round(cost * 100)` on the stored decimal text: the same for the engine's
 * costs, which are whole cents already.)
 */
export function cents(dollars: number): number {
  return Math.round(dollars * 100);
}

function orderCostCents(order: DecidedOrder): number {
  return order.parcels.reduce((sum, parcel) => sum + cents(parcel.cost), 0);
}

export function averageCents(totalCents: number, count: number): number | null {
  return count === 0 ? null : Math.round(totalCents / count);
}

/**
 * The figures of a set of orders and their tasks. `parcelsAt` says which parcels' miles count
 * (all of them in total, a location's own for that location).
 */
function figuresOf(
  orders: readonly DecidedOrder[],
  tasksByOrder: ReadonlyMap<string, readonly OrderTask[]>,
  kindOf: (locationId: string) => LocationKind | undefined,
  parcelCounts: (parcel: Parcel) => boolean,
  input: Pick<AnalyticsInput, "now" | "uncollectedDays">,
): FulfilmentFigures {
  let bopis = 0;
  let shipFromStore = 0;
  let split = 0;
  let unroutable = 0;
  let within = 0;
  let known = 0;
  let costed = 0;
  let costTotal = 0;
  let warehouseTotal = 0;
  let shippedParcels = 0;
  let miles = 0;
  const collectTimes: number[] = [];
  let uncollected = 0;
  let attempted = 0;
  let notFound = 0;
  const uncollectedAfterMs = input.uncollectedDays * DAY_MS;
  for (const order of orders) {
    if (order.deliveryMethod === "PICK_UP") bopis += 1;
    if (order.status === "UNROUTABLE") unroutable += 1;
    if (order.status === "SPLIT") split += 1;
    if (isShipFromStore(order, kindOf, parcelCounts)) shipFromStore += 1;
    if (order.status !== "UNROUTABLE" && order.warehouseOnlyCost !== null) {
      costed += 1;
      costTotal += orderCostCents(order);
      warehouseTotal += cents(order.warehouseOnlyCost);
    }
    if (order.deliveryMethod !== "PICK_UP") {
      for (const parcel of order.parcels) {
        if (!parcelCounts(parcel)) continue;
        shippedParcels += 1;
        miles += parcel.distanceMiles;
      }
    }
    const tasks = tasksByOrder.get(order.orderId) ?? [];
    const fulfilled = withinDay(order, tasks, input.now);
    if (fulfilled !== null) {
      known += 1;
      if (fulfilled) within += 1;
    }
    for (const task of tasks) {
      attempted += task.attemptedLines;
      notFound += task.notFoundLines;
      if (task.kind !== "PICKUP" || task.readyAt === null) continue;
      if (task.state === "PICKED_UP" && task.completedAt !== null) {
        collectTimes.push(Math.max(0, Math.round((task.completedAt.getTime() - task.readyAt.getTime()) / 1000)));
      } else if (
        (task.endedReason !== null && UNCOLLECTED_ENDINGS.has(task.endedReason)) ||
        (task.state === "READY" && input.now.getTime() - task.readyAt.getTime() >= uncollectedAfterMs)
      ) {
        uncollected += 1;
      }
    }
  }
  const count = orders.length;
  const average = averageCents(costTotal, costed);
  const warehouseAverage = averageCents(warehouseTotal, costed);
  return {
    orders: count,
    bopis: ratio(bopis, count),
    shipFromStore: ratio(shipFromStore, count),
    within24h: ratio(within, known),
    splitOrders: split,
    splitsPer100Orders: count === 0 ? null : (split * 100) / count,
    unroutable: ratio(unroutable, count),
    cost: {
      orders: costed,
      averageCents: average,
      warehouseOnlyAverageCents: warehouseAverage,
      savedPerOrderCents: average === null || warehouseAverage === null ? null : warehouseAverage - average,
    },
    shippedParcels,
    milesShipped: Math.round(miles * 100) / 100,
    collected: collectTimes.length,
    medianReadyToCollectedSeconds: medianSeconds(collectTimes),
    uncollected: ratio(uncollected, uncollected + collectTimes.length),
    inventoryAccuracy: ratio(attempted - notFound, attempted),
  };
}

/** The day of the range an instant falls on, or -1 outside it (binary search over the boundaries). */
export function dayIndex(dayStarts: readonly Date[], at: Date): number {
  const time = at.getTime();
  if (dayStarts.length < 2 || time < dayStarts[0]!.getTime() || time >= dayStarts.at(-1)!.getTime()) return -1;
  let low = 0;
  let high = dayStarts.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (dayStarts[middle]!.getTime() <= time) low = middle;
    else high = middle - 1;
  }
  return low;
}

function dailyFigures(input: AnalyticsInput, kindOf: (locationId: string) => LocationKind | undefined): DayFigures[] {
  const days = Math.max(0, input.dayStarts.length - 1);
  const tallies = Array.from({ length: days }, () => ({
    orders: 0,
    pickup: 0,
    shipFromStore: 0,
    shipFromWarehouse: 0,
    unroutable: 0,
    costed: 0,
    cost: 0,
    warehouse: 0,
  }));
  for (const order of input.orders) {
    const tally = tallies[dayIndex(input.dayStarts, order.decidedAt)];
    if (!tally) continue;
    tally.orders += 1;
    tally[fulfilledBy(order.deliveryMethod, order.status, isShipFromStore(order, kindOf))] += 1;
    if (order.status !== "UNROUTABLE" && order.warehouseOnlyCost !== null) {
      tally.costed += 1;
      tally.cost += orderCostCents(order);
      tally.warehouse += cents(order.warehouseOnlyCost);
    }
  }
  return tallies.map((tally, day) => ({
    day,
    orders: tally.orders,
    pickup: tally.pickup,
    shipFromStore: tally.shipFromStore,
    shipFromWarehouse: tally.shipFromWarehouse,
    unroutable: tally.unroutable,
    averageCostCents: averageCents(tally.cost, tally.costed),
    warehouseOnlyAverageCents: averageCents(tally.warehouse, tally.costed),
  }));
}

export function analyticsFigures(input: AnalyticsInput): AnalyticsFigures {
  const kinds = new Map(input.locations.map((location) => [location.locationId, location.kind]));
  const kindOf = (locationId: string) => kinds.get(locationId);
  const tasksByOrder = new Map<string, OrderTask[]>();
  const tasksByLocation = new Map<string, Map<string, OrderTask[]>>();
  for (const task of input.tasks) {
    let ofOrder = tasksByOrder.get(task.orderId);
    if (!ofOrder) tasksByOrder.set(task.orderId, (ofOrder = []));
    ofOrder.push(task);
    let here = tasksByLocation.get(task.locationId);
    if (!here) tasksByLocation.set(task.locationId, (here = new Map()));
    let hereOfOrder = here.get(task.orderId);
    if (!hereOfOrder) here.set(task.orderId, (hereOfOrder = []));
    hereOfOrder.push(task);
  }
  // A location's orders: those with a parcel from it, or with a task there (a pickup rerouted in).
  const ordersByLocation = new Map<string, DecidedOrder[]>();
  for (const order of input.orders) {
    const at = new Set(order.parcels.map((parcel) => parcel.locationId));
    for (const task of tasksByOrder.get(order.orderId) ?? []) at.add(task.locationId);
    for (const locationId of at) {
      let list = ordersByLocation.get(locationId);
      if (!list) ordersByLocation.set(locationId, (list = []));
      list.push(order);
    }
  }
  const everywhere = () => true;
  const known = new Map(input.locations.map((location) => [location.locationId, location]));
  const locations: LocationFigures[] = [...ordersByLocation.entries()].map(([locationId, orders]) => {
    const location = known.get(locationId);
    return {
      locationId,
      name: location?.name ?? `Location ${locationId}`,
      kind: location?.kind ?? "STORE",
      ...figuresOf(
        orders,
        tasksByLocation.get(locationId) ?? new Map(),
        kindOf,
        (parcel) => parcel.locationId === locationId,
        input,
      ),
    };
  });
  locations.sort(
    (a, b) => b.orders - a.orders || a.name.localeCompare(b.name) || a.locationId.localeCompare(b.locationId),
  );
  return {
    total: figuresOf(input.orders, tasksByOrder, kindOf, everywhere, input),
    locations,
    days: dailyFigures(input, kindOf),
  };
}
