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
    const fixed = fixedPartOf(location);
    if (!fixed) return [];
    // The fields in the order they always had, for anything that prints or compares them.
    const routable: RoutingLocation = {
      id: fixed.id,
      kind: fixed.kind,
      lat: fixed.lat,
      lng: fixed.lng,
      active: fixed.active,
      isOpen: openAt(location, at),
      pickupEnabled: fixed.pickupEnabled,
      stock: stockByLocation.get(location.locationId) ?? {},
      labourCostPerOrder: fixed.labourCostPerOrder,
      shipping: { ...fixed.shipping },
      ...(fixed.dailyCapacity === undefined ? {} : { dailyCapacity: fixed.dailyCapacity }),
    };
    return [routable];
  });
}

type FixedPart = Omit<RoutingLocation, "isOpen" | "stock">;

// What does not change between orders, per mirrored location as read: the live locations are
// read once per version and shared (listLiveLocations), so a national chain's 2,000 locations
// are not converted again (three Decimals each) for every order.
const fixedParts = new WeakMap<LocationWithProfile, FixedPart | null>();

function fixedPartOf(location: LocationWithProfile): FixedPart | null {
  const held = fixedParts.get(location);
  if (held !== undefined) return held;
  const profile = location.profile;
  const fixed: FixedPart | null =
    !profile || location.latitude === null || location.longitude === null
      ? null
      : {
          id: location.locationId,
          kind: profile.kind,
          lat: location.latitude,
          lng: location.longitude,
          active: location.isActive && location.fulfillsOnlineOrders,
          pickupEnabled: profile.pickupEnabledOverride ?? location.pickupEnabled,
          labourCostPerOrder: profile.labourCostPerOrder.toNumber(),
          shipping: { base: profile.shippingBaseCost.toNumber(), perMile: profile.shippingCostPerMile.toNumber() },
          ...(profile.dailyCapacity === null ? {} : { dailyCapacity: profile.dailyCapacity }),
        };
  fixedParts.set(location, fixed);
  return fixed;
}
