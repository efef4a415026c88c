// "Compare with the last 30 days" on the Routing rules page (issue 15): the replays of the same
// recorded orders by the live rules, the draft rules, Shopify's native routing and greedy
// nearest-first, turned into what the page shows and what a saved version keeps: a column of
// totals per router, the live and draft figures per day, each location's load under both, and the
// orders the draft sends elsewhere. Pure: the service replays and hands the results in.
import { haversineMiles } from "../routing/geo";
import type { GeoPoint, RoutingLocation } from "../routing/types";
import type { RecordedRouting, ReplayedOrder, ReplayResult } from "../routing-replay/replay";
import { engineOrderOfRecorded } from "../routing-settings/recorded-order";
import { DEFAULT_ROUTING_SETTINGS } from "../routing-settings/settings";
import { addDays, formatLocalDate, localDateOf, type LocalDate } from "../local-time";

/** Which router a column is: the page compares the live and draft rules, the others are references. */
export type RouterRole = "LIVE" | "DRAFT" | "NATIVE" | "GREEDY";

export const ROUTER_ROLES: readonly RouterRole[] = ["LIVE", "DRAFT", "NATIVE", "GREEDY"];

/** One router's totals over the range. Money in the shop's currency units, distance in miles. */
export interface RouterColumn {
  readonly role: RouterRole;
  readonly router: string;
  readonly orders: number;
  readonly routedOrders: number;
  readonly unroutableOrders: number;
  readonly totalCost: number;
  readonly costPerOrder: number;
  readonly splitOrders: number;
  readonly parcels: number;
  /** Parcels shipped or handed over from stores: the store's work. */
  readonly storeShipments: number;
  /** Share of parcels from stores, 0–1. */
  readonly storeShare: number;
  readonly pickupOrders: number;
  readonly pickupStoreChanges: number;
  readonly sameDayOrders: number;
  readonly slaAtRisk: number;
  readonly thresholdViolations: number;
  /** Miles from each parcel's location to the order's destination, summed. */
  readonly distanceMiles: number;
}

/** One day of the range (the shop's calendar), live against draft. */
export interface ComparisonDay {
  /** "2026-11-03" */
  readonly date: string;
  /** "Nov 3" */
  readonly label: string;
  readonly orders: number;
  readonly liveCost: number;
  readonly draftCost: number;
  readonly liveStoreShipments: number;
  readonly draftStoreShipments: number;
}

export interface LocationLoadFigures {
  readonly orders: number;
  readonly units: number;
  readonly busiestDayOrders: number;
  readonly daysOverCapacity: number;
}

/** A location's load under the live rules and under the draft. */
export interface LocationChange {
  readonly locationId: string;
  readonly name: string;
  readonly kind: "STORE" | "WAREHOUSE";
  /** Orders a day it can take; null when it has no limit. */
  readonly dailyCapacity: number | null;
  readonly live: LocationLoadFigures;
  readonly draft: LocationLoadFigures;
}

/** Where one router sent an order. */
export interface DecisionSide {
  readonly status: ReplayedOrder["status"];
  readonly locations: readonly { readonly id: string; readonly name: string; readonly units: number }[];
  readonly cost: number;
}

/** An order the draft sends somewhere the live rules do not. */
export interface OrderChange {
  readonly orderId: string;
  /** "#1001"; the id when the order's name is not known. */
  readonly name: string;
  readonly live: DecisionSide;
  readonly draft: DecisionSide;
  /** draft.cost − live.cost. */
  readonly costChange: number;
}

export interface ComparisonReport {
  readonly orders: number;
  /** Orders the live rules' replay sent where their recorded decision did. */
  readonly liveMatchesRecorded: number;
  readonly columns: readonly RouterColumn[];
  readonly days: readonly ComparisonDay[];
  /** Locations either router used, the largest change in orders first. */
  readonly locations: readonly LocationChange[];
  readonly changedOrders: {
    readonly total: number;
    /** The first ones, in the order they were decided; at most MAX_LISTED_CHANGES. */
    readonly listed: readonly OrderChange[];
  };
}

/** The totals a saved version keeps: the columns, without the per-day and per-order detail. */
export type ComparisonTotals = Pick<ComparisonReport, "orders" | "columns">;

/** How many changed orders a comparison keeps to list (the page pages through them). */
export const MAX_LISTED_CHANGES = 200;

export interface ComparisonInput {
  /** In replay order: result.orders[n] is recorded[n] replayed. */
  readonly recorded: readonly RecordedRouting[];
  readonly snapshot: readonly RoutingLocation[];
  /** The replays, each with its role; LIVE and DRAFT must be there. */
  readonly results: readonly { readonly role: RouterRole; readonly result: ReplayResult }[];
  readonly liveMatchesRecorded: number;
  readonly locationName: (id: string) => string;
  readonly orderName: (id: string) => string;
  readonly timeZone: string;
  /** The shop's calendar days shown, first and last (inclusive). */
  readonly firstDay: LocalDate;
  readonly lastDay: LocalDate;
}

const DAY_LABEL = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

function dayLabel(date: LocalDate): string {
  return DAY_LABEL.format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
}

/** Each recorded order's destination, as the replay routed it (a pickup order's is its store). */
function destinationsOf(
  recorded: readonly RecordedRouting[],
  snapshot: readonly RoutingLocation[],
): (GeoPoint | null)[] {
  const byId = new Map(snapshot.map((location) => [location.id, location]));
  return recorded.map((entry) => {
    const facts = { ...entry.facts, deliveryMethod: entry.decision.deliveryMethod };
    const store = facts.pickupLocationId === null ? undefined : byId.get(facts.pickupLocationId);
    return engineOrderOfRecorded(facts, DEFAULT_ROUTING_SETTINGS, store ? [store] : []).order?.destination ?? null;
  });
}

function columnOf(
  role: RouterRole,
  result: ReplayResult,
  destinations: readonly (GeoPoint | null)[],
  byId: ReadonlyMap<string, RoutingLocation>,
): RouterColumn {
  let distanceMiles = 0;
  result.orders.forEach((order, n) => {
    const destination = destinations[n];
    if (!destination) return;
    for (const assignment of order.assignments) {
      const location = byId.get(assignment.locationId);
      if (location) distanceMiles += haversineMiles(destination, location);
    }
  });
  const { totals, summary } = result;
  return {
    role,
    router: result.router,
    orders: totals.orders,
    routedOrders: totals.routedOrders,
    unroutableOrders: totals.unroutableOrders,
    totalCost: totals.totalCost,
    costPerOrder: summary.costPerOrder,
    splitOrders: totals.splitOrders,
    parcels: totals.parcels,
    storeShipments: totals.storeParcels,
    storeShare: summary.storeShare,
    pickupOrders: totals.pickupOrders,
    pickupStoreChanges: totals.pickupStoreChanges,
    sameDayOrders: totals.sameDayOrders,
    slaAtRisk: totals.slaAtRisk,
    thresholdViolations: totals.thresholdViolations,
    distanceMiles,
  };
}

function storeShipmentsOf(order: ReplayedOrder, byId: ReadonlyMap<string, RoutingLocation>): number {
  return order.assignments.filter((assignment) => byId.get(assignment.locationId)?.kind === "STORE").length;
}

function sideOf(order: ReplayedOrder, locationName: (id: string) => string): DecisionSide {
  return {
    status: order.status,
    locations: order.assignments.map((assignment) => ({
      id: assignment.locationId,
      name: locationName(assignment.locationId),
      units: assignment.lines.reduce((sum, line) => sum + line.quantity, 0),
    })),
    cost: order.cost,
  };
}

const NO_LOAD: LocationLoadFigures = { orders: 0, units: 0, busiestDayOrders: 0, daysOverCapacity: 0 };

function sameDestination(a: ReplayedOrder, b: ReplayedOrder): boolean {
  const key = (order: ReplayedOrder) =>
    order.status +
    order.assignments
      .map(
        (assignment) =>
          `${assignment.locationId}:${assignment.lines
            .map((line) => `${line.sku}×${line.quantity}`)
            .sort()
            .join(",")}`,
      )
      .sort()
      .join("|");
  return key(a) === key(b);
}

export function buildComparisonReport(input: ComparisonInput): ComparisonReport {
  const { recorded, snapshot, results, locationName, orderName, timeZone } = input;
  const live = results.find((entry) => entry.role === "LIVE")?.result;
  const draft = results.find((entry) => entry.role === "DRAFT")?.result;
  if (!live || !draft) throw new Error("buildComparisonReport: the live and draft replays are both needed");
  for (const { result } of results) {
    if (result.orders.length !== recorded.length) {
      throw new Error(
        `buildComparisonReport: ${result.router} replayed ${result.orders.length} of ${recorded.length} orders`,
      );
    }
  }
  const byId = new Map(snapshot.map((location) => [location.id, location]));
  const destinations = destinationsOf(recorded, snapshot);

  // The shop's calendar, every day shown even without orders.
  const days: {
    date: string;
    label: string;
    orders: number;
    liveCost: number;
    draftCost: number;
    liveStoreShipments: number;
    draftStoreShipments: number;
  }[] = [];
  const dayIndex = new Map<string, number>();
  for (let date = input.firstDay; formatLocalDate(date) <= formatLocalDate(input.lastDay); date = addDays(date, 1)) {
    dayIndex.set(formatLocalDate(date), days.length);
    days.push({
      date: formatLocalDate(date),
      label: dayLabel(date),
      orders: 0,
      liveCost: 0,
      draftCost: 0,
      liveStoreShipments: 0,
      draftStoreShipments: 0,
    });
  }
  const changes: OrderChange[] = [];
  let changedTotal = 0;
  recorded.forEach((entry, n) => {
    const wasLive = live.orders[n]!;
    const underDraft = draft.orders[n]!;
    const day = days[dayIndex.get(formatLocalDate(localDateOf(entry.decision.decidedAt, timeZone))) ?? -1];
    if (day) {
      day.orders++;
      day.liveCost += wasLive.cost;
      day.draftCost += underDraft.cost;
      day.liveStoreShipments += storeShipmentsOf(wasLive, byId);
      day.draftStoreShipments += storeShipmentsOf(underDraft, byId);
    }
    if (sameDestination(wasLive, underDraft)) return;
    changedTotal++;
    if (changes.length < MAX_LISTED_CHANGES) {
      changes.push({
        orderId: entry.facts.orderId,
        name: orderName(entry.facts.orderId),
        live: sideOf(wasLive, locationName),
        draft: sideOf(underDraft, locationName),
        costChange: underDraft.cost - wasLive.cost,
      });
    }
  });

  const liveLoads = new Map(live.loads.map((load) => [load.locationId, load]));
  const draftLoads = new Map(draft.loads.map((load) => [load.locationId, load]));
  const figures = (load: ReplayResult["loads"][number] | undefined): LocationLoadFigures =>
    load
      ? {
          orders: load.orders,
          units: load.units,
          busiestDayOrders: load.busiestDayOrders,
          daysOverCapacity: load.daysOverCapacity,
        }
      : NO_LOAD;
  const locations = [...new Set([...liveLoads.keys(), ...draftLoads.keys()])]
    .map((locationId): LocationChange => {
      const location = byId.get(locationId);
      return {
        locationId,
        name: locationName(locationId),
        kind: location?.kind ?? "WAREHOUSE",
        dailyCapacity: location?.dailyCapacity ?? null,
        live: figures(liveLoads.get(locationId)),
        draft: figures(draftLoads.get(locationId)),
      };
    })
    .sort(
      (a, b) =>
        Math.abs(b.draft.orders - b.live.orders) - Math.abs(a.draft.orders - a.live.orders) ||
        b.live.orders - a.live.orders ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );

  return {
    orders: recorded.length,
    liveMatchesRecorded: input.liveMatchesRecorded,
    columns: results.map(({ role, result }) => columnOf(role, result, destinations, byId)),
    days,
    locations,
    changedOrders: { total: changedTotal, listed: changes },
  };
}

/** The totals a saved version keeps. */
export function totalsOf(report: ComparisonReport): ComparisonTotals {
  return { orders: report.orders, columns: report.columns };
}
