// Routing quality of a stream of decisions, routed in order against depleting stock: what each
// decision cost, how often it split, whether it broke the store minimum, and whether it kept the
// promise the order carried (same-day from a nearby open store; pickup at the shopper's store).
// Any router's decisions can be measured (the engine's, native routing's, greedy's), all alike:
// cost is recomputed here from the locations, never taken from the router.
//
// Cost of a decision: a parcel's cost(L) (base + per mile + labour) from each location to the
// destination, except a pickup the shopper collects at a store near the one they chose: nothing
// ships, so it costs the store's pick labour alone (the seed's ROI: a BOPIS order saves the $6.50
// of shipping and costs $3.00 of in-store picking). Only a router that can send the shopper to
// another store (MeasuredRouter.movesPickups) has a pickup collected anywhere but the chosen store;
// for any other, an order fulfilled elsewhere is a transfer to the chosen store: a parcel.
import { parcelCost } from "../eligibility";
import { haversineMiles } from "../geo";
import type { OrderLine, RoutingLocation, RoutingOrder, RoutingStatus } from "../types";

/** What a router decided for one order: RoutingDecision and NativeDecision both fit. */
export interface RoutedOutcome {
  readonly status: RoutingStatus;
  readonly assignments: readonly { readonly locationId: string; readonly lines: readonly OrderLine[] }[];
}

/** The rules the stream is measured under (the merchant's, whatever the router obeyed). */
export interface QualityRules {
  readonly storeMinUnits: number;
  readonly radiusMiles: number;
}

/** What the measure needs to know of the router besides its decisions. */
export interface MeasuredRouter {
  /**
   * The router can send a pickup shopper to another store than the one they chose, and tell them
   * (Omniroute's PICK_UP stage moves a pickup to a nearby store). Shopify's native routing cannot:
   * the pickup location is the buyer's choice at checkout, no routing rule changes it, and a
   * location without the stock gets it "through a store transfer from another location"
   * (https://shopify.dev/docs/api/storefront/latest/objects/StoreAvailability). So when native
   * routing fulfils a pickup at another location, the order travels to the chosen store: a parcel.
   */
  readonly movesPickups: boolean;
}

/** Omniroute's engine, and any router measured before MeasuredRouter existed. */
export const MOVES_PICKUPS: MeasuredRouter = Object.freeze({ movesPickups: true });

/** Shopify's native routing and routers built on it (greedy nearest-first). */
export const KEEPS_CHOSEN_PICKUP_STORE: MeasuredRouter = Object.freeze({ movesPickups: false });

/** Units of a SKU a location held just before the order was taken from it. */
export type UnitsBefore = (locationId: string, sku: string) => number;

export interface OrderQuality {
  readonly routed: boolean;
  /**
   * Sum of cost(L) over the parcels, each from its location to the order's destination; a pickup
   * collected at a store (see collectedAtStore) costs that store's labour alone.
   */
  readonly cost: number;
  readonly parcels: number;
  readonly storeParcels: number;
  /** Store lines taken when the store held fewer than the store minimum. */
  readonly thresholdViolations: number;
  /** Lines taken from a location that held fewer units than ordered. */
  readonly oversoldLines: number;
  /** Needed same-day (local delivery or same-day service). */
  readonly needsSameDay: boolean;
  /** Routed whole to an active, open store within the radius of the destination. */
  readonly sameDayKept: boolean;
  readonly isPickup: boolean;
  /** Routed whole to the store the shopper chose. */
  readonly pickupKept: boolean;
  /** Needed same-day and did not get it (the engine's SLA_AT_RISK, recomputed for any router). */
  readonly slaAtRisk: boolean;
  /** A pickup order routed, but not whole to the shopper's store: the shopper must be told of another. */
  readonly pickupStoreChanged: boolean;
}

export interface QualityTotals {
  readonly orders: number;
  readonly routedOrders: number;
  readonly unroutableOrders: number;
  readonly totalCost: number;
  readonly parcels: number;
  readonly splitOrders: number;
  readonly storeParcels: number;
  readonly thresholdViolations: number;
  readonly oversoldLines: number;
  readonly sameDayOrders: number;
  readonly sameDayKept: number;
  readonly pickupOrders: number;
  readonly pickupsKept: number;
  readonly slaAtRisk: number;
  readonly pickupStoreChanges: number;
}

export function needsSameDay(order: RoutingOrder): boolean {
  return (
    order.deliveryMethod === "LOCAL_DELIVERY" ||
    (order.deliveryMethod === "SHIPPING" && order.serviceLevel === "SAME_DAY")
  );
}

/**
 * A pickup order handed over whole at a store that takes pickups, within the radius of the
 * shopper's store (the shopper's store itself, or the nearby store Omniroute moved it to): the
 * shopper collects it there and no parcel ships. Any other location ships a parcel to the
 * shopper's store, and so does any store but the chosen one for a router that cannot move a
 * pickup (MeasuredRouter). Judged from the outcome and that one fact of the router.
 */
export function collectedAtStore(
  order: RoutingOrder,
  location: RoutingLocation,
  radiusMiles: number,
  router: MeasuredRouter = MOVES_PICKUPS,
): boolean {
  return (
    order.deliveryMethod === "PICK_UP" &&
    location.kind === "STORE" &&
    location.pickupEnabled &&
    (router.movesPickups || location.id === order.pickupLocationId) &&
    haversineMiles(order.destination, location) <= radiusMiles
  );
}

/** What handing a pickup over at a store costs: picking it; nothing ships. */
export function handoverCost(location: RoutingLocation): number {
  return location.labourCostPerOrder;
}

/** Measures one decision of `router`; `unitsBefore` is the stock before this order took any. */
export function measureOrder(
  order: RoutingOrder,
  outcome: RoutedOutcome,
  locationsById: ReadonlyMap<string, RoutingLocation>,
  rules: QualityRules,
  unitsBefore: UnitsBefore,
  router: MeasuredRouter = MOVES_PICKUPS,
): OrderQuality {
  const routed = outcome.status !== "UNROUTABLE" && outcome.assignments.length > 0;
  let cost = 0;
  let storeParcels = 0;
  let thresholdViolations = 0;
  let oversoldLines = 0;
  const parcels = routed ? outcome.assignments.length : 0;
  if (routed) {
    for (const assignment of outcome.assignments) {
      const location = locationsById.get(assignment.locationId);
      if (location === undefined) throw new Error(`quality: unknown location ${assignment.locationId}`);
      cost +=
        parcels === 1 && collectedAtStore(order, location, rules.radiusMiles, router)
          ? handoverCost(location)
          : parcelCost(location, haversineMiles(order.destination, location));
      const isStore = location.kind === "STORE";
      if (isStore) storeParcels++;
      for (const line of assignment.lines) {
        const units = unitsBefore(location.id, line.sku);
        if (units < line.quantity) oversoldLines++;
        if (isStore && units < rules.storeMinUnits) thresholdViolations++;
      }
    }
  }
  const whole = routed && parcels === 1 ? locationsById.get(outcome.assignments[0]!.locationId)! : null;
  const sameDay = needsSameDay(order);
  const sameDayKept =
    sameDay &&
    whole !== null &&
    whole.kind === "STORE" &&
    whole.active &&
    whole.isOpen &&
    haversineMiles(order.destination, whole) <= rules.radiusMiles;
  const isPickup = order.deliveryMethod === "PICK_UP";
  const pickupKept = isPickup && whole !== null && whole.id === order.pickupLocationId;
  return {
    routed,
    cost,
    parcels,
    storeParcels,
    thresholdViolations,
    oversoldLines,
    needsSameDay: sameDay,
    sameDayKept,
    isPickup,
    pickupKept,
    slaAtRisk: sameDay && !sameDayKept,
    pickupStoreChanged: isPickup && routed && !pickupKept,
  };
}

/** Adds up measured orders. */
export class QualityTally {
  private totalsSoFar: QualityTotals = {
    orders: 0,
    routedOrders: 0,
    unroutableOrders: 0,
    totalCost: 0,
    parcels: 0,
    splitOrders: 0,
    storeParcels: 0,
    thresholdViolations: 0,
    oversoldLines: 0,
    sameDayOrders: 0,
    sameDayKept: 0,
    pickupOrders: 0,
    pickupsKept: 0,
    slaAtRisk: 0,
    pickupStoreChanges: 0,
  };

  add(quality: OrderQuality): void {
    const t = this.totalsSoFar;
    this.totalsSoFar = {
      orders: t.orders + 1,
      routedOrders: t.routedOrders + (quality.routed ? 1 : 0),
      unroutableOrders: t.unroutableOrders + (quality.routed ? 0 : 1),
      totalCost: t.totalCost + quality.cost,
      parcels: t.parcels + quality.parcels,
      splitOrders: t.splitOrders + (quality.parcels > 1 ? 1 : 0),
      storeParcels: t.storeParcels + quality.storeParcels,
      thresholdViolations: t.thresholdViolations + quality.thresholdViolations,
      oversoldLines: t.oversoldLines + quality.oversoldLines,
      sameDayOrders: t.sameDayOrders + (quality.needsSameDay ? 1 : 0),
      sameDayKept: t.sameDayKept + (quality.sameDayKept ? 1 : 0),
      pickupOrders: t.pickupOrders + (quality.isPickup ? 1 : 0),
      pickupsKept: t.pickupsKept + (quality.pickupKept ? 1 : 0),
      slaAtRisk: t.slaAtRisk + (quality.slaAtRisk ? 1 : 0),
      pickupStoreChanges: t.pickupStoreChanges + (quality.pickupStoreChanged ? 1 : 0),
    };
  }

  get totals(): QualityTotals {
    return this.totalsSoFar;
  }
}

export interface QualitySummary {
  /** Dollars per routed order. */
  readonly costPerOrder: number;
  /** Orders shipped in more than one parcel, per 100 routed orders. */
  readonly splitsPer100: number;
  /** Share of parcels shipped from stores, 0–1. */
  readonly storeShare: number;
}

export function summarize(totals: QualityTotals): QualitySummary {
  const routed = Math.max(1, totals.routedOrders);
  return {
    costPerOrder: totals.totalCost / routed,
    splitsPer100: (100 * totals.splitOrders) / routed,
    storeShare: totals.parcels === 0 ? 0 : totals.storeParcels / totals.parcels,
  };
}

/** How much cheaper per order `candidate` is than `reference`, in percent (negative: dearer). */
export function percentCheaper(candidate: QualitySummary, reference: QualitySummary): number {
  return reference.costPerOrder === 0
    ? 0
    : (100 * (reference.costPerOrder - candidate.costPerOrder)) / reference.costPerOrder;
}
