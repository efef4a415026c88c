import { isOpenAt } from "~/domain/locations/opening-hours";
import type { RoutingLocation } from "~/domain/routing/types";
import type { LocationWithProfile } from "~/models/locations.server";

/**
 * The routing engine's view of the mirror (RoutingRequest.locations): for one shop and the
 * SKUs of an order, every location with its profile, whether it is open, and its available
 * units of those SKUs. Read from Postgres only; routing never calls the Admin API for this.
 */

export interface StockLine {
  locationId: string;
  sku: string | null;
  available: number;
}

/** Hours that do not parse count as never open. */
function openAt(location: LocationWithProfile, at: Date): boolean {
  const profile = location.profile;
  if (!profile) return true;
  if (profile.openingHours === "UNREADABLE") return false;
  return isOpenAt(profile.openingHours, profile.timeZone, at);
}

/**
 * Maps mirrored locations and stock onto RoutingLocation. Locations the engine cannot place
 * (no coordinates yet, as after a locations/create before its sync) or without a profile are
 * left out. Stock below zero (oversold) counts as none; two items sharing a SKU add up.
 */
export function toRoutingLocations(
  locations: readonly LocationWithProfile[],
  stock: readonly StockLine[],
  at: Date,
): RoutingLocation[] {
  const stockByLocation = new Map<string, Record<string, number>>();
  for (const line of stock) {
    if (line.sku === null) continue;
    const units = stockByLocation.get(line.locationId) ?? {};
    units[line.sku] = (units[line.sku] ?? 0) + Math.max(0, line.available);
    stockByLocation.set(line.locationId, units);
  }
  return locations.flatMap((location) => {
    const profile = location.profile;
    if (!profile || location.latitude === null || location.longitude === null) return [];
    const routable: RoutingLocation = {
      id: location.locationId,
      kind: profile.kind,
      lat: location.latitude,
      lng: location.longitude,
      active: location.isActive && location.fulfillsOnlineOrders,
      isOpen: openAt(location, at),
      pickupEnabled: profile.pickupEnabledOverride ?? location.pickupEnabled,
      stock: stockByLocation.get(location.locationId) ?? {},
      labourCostPerOrder: profile.labourCostPerOrder.toNumber(),
      shipping: { base: profile.shippingBaseCost.toNumber(), perMile: profile.shippingCostPerMile.toNumber() },
      ...(profile.dailyCapacity === null ? {} : { dailyCapacity: profile.dailyCapacity }),
    };
    return [routable];
  });
}
