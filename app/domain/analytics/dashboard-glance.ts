import type { DeliveryMethod, GeoPoint, RoutingStatus } from "../routing/types";
import { averageCents, cents, fulfilledBy, ratio, shipsFromStore, type Ratio } from "./fulfilment-metrics";
import { warehouseOnlyCost, type WarehouseRate } from "./warehouse-only-cost";

/**
 * The Dashboard's "how are we doing today": the shop's decisions counted in SQL by day and by how
 * they were fulfilled, and today's routed orders grouped by what their warehouse-only cost rests
 * on, turned into the same figures the Analytics page computes order by order (its definitions and
 * formulas, from fulfilment-metrics.ts and warehouse-only-cost.ts). Pure: the counts are passed in.
 */

/** How an order was fulfilled, as the Dashboard breaks it down: local delivery apart from shipping. */
export const DASHBOARD_ROUTES = [
  "pickup",
  "shipFromStore",
  "shipFromWarehouse",
  "localDelivery",
  "unroutable",
] as const;
export type DashboardRoute = (typeof DASHBOARD_ROUTES)[number];

export function dashboardRoute(
  deliveryMethod: DeliveryMethod,
  status: RoutingStatus,
  leavesAStore: boolean,
): DashboardRoute {
  const by = fulfilledBy(deliveryMethod, status, leavesAStore);
  return by !== "unroutable" && deliveryMethod === "LOCAL_DELIVERY" ? "localDelivery" : by;
}

/** Decisions of one day that were alike in how they were fulfilled, and how many. */
export interface DecisionCount {
  /** Index of the day (0 = the first day counted). */
  readonly day: number;
  readonly deliveryMethod: DeliveryMethod;
  readonly status: RoutingStatus;
  /** A parcel leaves a location the analytics count as a store. */
  readonly leavesAStore: boolean;
  readonly orders: number;
}

/**
 * Routed orders whose warehouse-only cost rests on the same thing: either the warehouse costs their
 * traces priced (summed), or one destination to price a warehouse parcel to.
 */
export interface CostGroup {
  readonly orders: number;
  /** The orders' parcels' costs, each parcel in whole cents, summed. */
  readonly costCents: number;
  /** The traces' cheapest full warehouse, each in whole cents, summed; null for a group the traces did not price. */
  readonly tracedWarehouseCents: number | null;
  /** Where the orders go (for a pickup, its store), for a group the traces did not price; null when unknown. */
  readonly destination: GeoPoint | null;
}

export type RouteCounts = Readonly<Record<DashboardRoute, number>>;

export interface DayRoutes extends RouteCounts {
  readonly day: number;
  readonly orders: number;
}

export interface CostAgainstWarehouse {
  /** The routed orders whose warehouse-only cost is known: what the rest of the figures rest on. */
  readonly orders: number;
  readonly costCents: number;
  readonly warehouseOnlyCents: number;
  /** Warehouse-only minus as routed (negative when routing cost more); null without a costed order. */
  readonly savedCents: number | null;
  readonly averageCents: number | null;
  readonly warehouseOnlyAverageCents: number | null;
  /** As the Analytics page gives it: the difference of the two averages. */
  readonly savedPerOrderCents: number | null;
}

export interface GlanceFigures {
  readonly orders: number;
  readonly byRoute: RouteCounts;
  /** Orders the shopper chose to collect in store, routable or not (as the Analytics page counts them). */
  readonly bopis: Ratio;
  /** Routed orders shipped or delivered with a parcel leaving a store. */
  readonly shipFromStore: Ratio;
  readonly cost: CostAgainstWarehouse;
}

const noRoutes = (): Record<DashboardRoute, number> => ({
  pickup: 0,
  shipFromStore: 0,
  shipFromWarehouse: 0,
  localDelivery: 0,
  unroutable: 0,
});

/** Each of `days` days' orders by how they were fulfilled; counts outside the days are left out. */
export function routesByDay(counts: readonly DecisionCount[], days: number): DayRoutes[] {
  const tallies = Array.from({ length: days }, () => ({ orders: 0, routes: noRoutes() }));
  for (const count of counts) {
    const tally = tallies[count.day];
    if (!tally) continue;
    tally.orders += count.orders;
    tally.routes[dashboardRoute(count.deliveryMethod, count.status, count.leavesAStore)] += count.orders;
  }
  return tallies.map((tally, day) => ({ day, orders: tally.orders, ...tally.routes }));
}

/** The routed orders' cost as routed against a warehouse-only policy, from their cost groups. */
export function costAgainstWarehouse(
  groups: readonly CostGroup[],
  warehouses: readonly WarehouseRate[],
): CostAgainstWarehouse {
  let orders = 0;
  let costCents = 0;
  let warehouseOnlyCents = 0;
  for (const group of groups) {
    let groupWarehouseCents: number | null = group.tracedWarehouseCents;
    if (groupWarehouseCents === null) {
      const each = warehouseOnlyCost(null, group.destination, warehouses);
      groupWarehouseCents = each === null ? null : cents(each) * group.orders;
    }
    if (groupWarehouseCents === null) continue;
    orders += group.orders;
    costCents += group.costCents;
    warehouseOnlyCents += groupWarehouseCents;
  }
  const average = averageCents(costCents, orders);
  const warehouseOnlyAverage = averageCents(warehouseOnlyCents, orders);
  return {
    orders,
    costCents,
    warehouseOnlyCents,
    savedCents: orders === 0 ? null : warehouseOnlyCents - costCents,
    averageCents: average,
    warehouseOnlyAverageCents: warehouseOnlyAverage,
    savedPerOrderCents: average === null || warehouseOnlyAverage === null ? null : warehouseOnlyAverage - average,
  };
}

/** One day's figures: `counts` are that day's decisions, `costGroups` its routed orders. */
export function glanceFigures(
  counts: readonly DecisionCount[],
  costGroups: readonly CostGroup[],
  warehouses: readonly WarehouseRate[],
): GlanceFigures {
  const byRoute = noRoutes();
  let orders = 0;
  let bopis = 0;
  let shipFromStore = 0;
  for (const count of counts) {
    orders += count.orders;
    byRoute[dashboardRoute(count.deliveryMethod, count.status, count.leavesAStore)] += count.orders;
    if (count.deliveryMethod === "PICK_UP") bopis += count.orders;
    if (shipsFromStore(count.deliveryMethod, count.status, count.leavesAStore)) shipFromStore += count.orders;
  }
  return {
    orders,
    byRoute,
    bopis: ratio(bopis, orders),
    shipFromStore: ratio(shipFromStore, orders),
    cost: costAgainstWarehouse(costGroups, warehouses),
  };
}
