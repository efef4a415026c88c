// What it takes for one location to serve one line, and what a parcel from there costs.
import type { LocationKind, OrderLine, RoutingLocation, RoutingRules } from "./types";

export function stockOf(location: RoutingLocation, sku: string): number {
  // hasOwn: a SKU named "constructor" must not read Object.prototype.
  return Object.hasOwn(location.stock, sku) ? (location.stock[sku] ?? 0) : 0;
}

export function hasCapacityToday(location: Pick<RoutingLocation, "dailyCapacity" | "assignedToday">): boolean {
  if (typeof location.dailyCapacity !== "number") return true;
  return (location.assignedToday ?? 0) < location.dailyCapacity;
}

/** The stock part of "can serve": enough units, and for a store at least the store minimum. */
export function meetsLineThreshold(
  kind: LocationKind,
  available: number,
  quantity: number,
  storeMinUnits: number,
): boolean {
  return available >= quantity && (kind !== "STORE" || available >= storeMinUnits);
}

export function canServeLine(location: RoutingLocation, line: OrderLine, rules: RoutingRules): boolean {
  return (
    location.active &&
    hasCapacityToday(location) &&
    meetsLineThreshold(location.kind, stockOf(location, line.sku), line.quantity, rules.storeMinUnits)
  );
}

/** cost(L) = base + perMile × miles + labour, in that evaluation order everywhere. */
export function parcelCostFromParts(
  shippingBase: number,
  shippingPerMile: number,
  labourCostPerOrder: number,
  miles: number,
): number {
  return shippingBase + shippingPerMile * miles + labourCostPerOrder;
}

export function parcelCost(location: RoutingLocation, miles: number): number {
  return parcelCostFromParts(location.shipping.base, location.shipping.perMile, location.labourCostPerOrder, miles);
}
