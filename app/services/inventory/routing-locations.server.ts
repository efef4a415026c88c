import { isOpenOnClock, weeklyMinutesOf, type WeeklyMinutes } from "~/domain/locations/opening-hours";
import { localClock } from "~/domain/local-time";
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

/** A location's units of a SKU. */
export interface LocationSkuUnits {
  locationId: string;
  sku: string;
  quantity: number;
}

/**
 * What the routing view takes off the mirror's stock, in this order: units other decisions hold
 * (reservations), then SKUs held at a location (an associate's exception report) as none. And,
 * for the locations with a daily capacity, how many orders each took today.
 */
export interface StockAdjustments {
  readonly reserved?: readonly LocationSkuUnits[];
  readonly held?: readonly { locationId: string; sku: string }[];
  readonly assignedToday?: ReadonlyMap<string, number>;
}

type FixedPart = Omit<RoutingLocation, "isOpen" | "stock">;

/** What does not change between orders about one mirrored location the engine can place. */
interface PreparedLocation {
  readonly fixed: FixedPart;
  readonly timeZone: string;
  /** Null: no hours set, always open. */
  readonly hours: WeeklyMinutes | null | "UNREADABLE";
}

/** The live locations as every decision of one locations version needs them. */
export interface PreparedLocations {
  /** The locations the engine can place, in the mirror's order. */
  readonly routable: readonly PreparedLocation[];
  /** Each live location's profile time zone (UTC without a profile), for the daily counter. */
  readonly timeZones: ReadonlyMap<string, string>;
  /** The routable locations with a daily capacity, and their zones: whose count routing reads. */
  readonly withDailyCapacity: readonly { id: string; timeZone: string }[];
}

// Per mirrored location as read, and per list: the live locations are read once per version and
// shared (liveLocationsSnapshotAt), so a national chain's 2,000 locations are not converted
// again (three Decimals and a week of hours each) for every order.
const preparedLocations = new WeakMap<LocationWithProfile, PreparedLocation | null>();
const preparedLists = new WeakMap<readonly LocationWithProfile[], PreparedLocations>();

/**
 * Locations the engine cannot place (no coordinates yet, as after a locations/create before its
 * sync) or without a profile are left out.
 */
export function prepareLocations(locations: readonly LocationWithProfile[]): PreparedLocations {
  const held = preparedLists.get(locations);
  if (held) return held;
  const routable = locations.flatMap((location) => {
    const prepared = prepareLocation(location);
    return prepared ? [prepared] : [];
  });
  const prepared: PreparedLocations = {
    routable,
    timeZones: new Map(locations.map((location) => [location.locationId, location.profile?.timeZone ?? "UTC"])),
    withDailyCapacity: routable
      .filter((location) => location.fixed.dailyCapacity !== undefined)
      .map((location) => ({ id: location.fixed.id, timeZone: location.timeZone })),
  };
  preparedLists.set(locations, prepared);
  return prepared;
}

function prepareLocation(location: LocationWithProfile): PreparedLocation | null {
  const held = preparedLocations.get(location);
  if (held !== undefined) return held;
  const profile = location.profile;
  const prepared: PreparedLocation | null =
    !profile || location.latitude === null || location.longitude === null
      ? null
      : {
          fixed: {
            id: location.locationId,
            kind: profile.kind,
            lat: location.latitude,
            lng: location.longitude,
            active: location.isActive && location.fulfillsOnlineOrders,
            pickupEnabled: profile.pickupEnabledOverride ?? location.pickupEnabled,
            labourCostPerOrder: profile.labourCostPerOrder.toNumber(),
            // Shared by every decision's copy of the location, so never to be written.
            shipping: Object.freeze({
              base: profile.shippingBaseCost.toNumber(),
              perMile: profile.shippingCostPerMile.toNumber(),
            }),
            ...(profile.dailyCapacity === null ? {} : { dailyCapacity: profile.dailyCapacity }),
          },
          timeZone: profile.timeZone,
          hours:
            profile.openingHours === null || profile.openingHours === "UNREADABLE"
              ? profile.openingHours
              : weeklyMinutesOf(profile.openingHours),
        };
  preparedLocations.set(location, prepared);
  return prepared;
}

/**
 * Maps mirrored locations and stock onto RoutingLocation, with `adjustments` applied. Stock below
 * zero (oversold) counts as none; two items sharing a SKU add up; reserved units leave a SKU at
 * no less than none. Hours that do not parse count as never open. Each location and its stock is
 * a new object for each call, built in one go: at 2,000 locations an order, copying them once per
 * adjustment was a good part of a decision's CPU.
 */
export function toRoutingLocations(
  locations: readonly LocationWithProfile[],
  stock: readonly StockLine[],
  at: Date,
  adjustments: StockAdjustments = {},
): RoutingLocation[] {
  const stockByLocation = new Map<string, Record<string, number>>();
  const unitsAt = (locationId: string) => {
    let units = stockByLocation.get(locationId);
    if (!units) stockByLocation.set(locationId, (units = {}));
    return units;
  };
  for (const line of stock) {
    if (line.sku === null) continue;
    const units = unitsAt(line.locationId);
    units[line.sku] = (units[line.sku] ?? 0) + Math.max(0, line.available);
  }
  for (const line of adjustments.reserved ?? []) {
    const units = unitsAt(line.locationId);
    units[line.sku] = Math.max(0, (units[line.sku] ?? 0) - line.quantity);
  }
  for (const hold of adjustments.held ?? []) unitsAt(hold.locationId)[hold.sku] = 0;

  // One clock reading per zone: a national chain's locations share a handful.
  const clocks = new Map<string, ReturnType<typeof localClock>>();
  const openAt = (location: PreparedLocation): boolean => {
    if (location.hours === null) return true;
    if (location.hours === "UNREADABLE") return false;
    let clock = clocks.get(location.timeZone);
    if (!clock) clocks.set(location.timeZone, (clock = localClock(at, location.timeZone)));
    return isOpenOnClock(location.hours, clock);
  };

  const given = new Set<string>();
  return prepareLocations(locations).routable.map((location) => {
    const { fixed } = location;
    // A location listed twice (never, from the mirror) gets a stock map of its own each time.
    const units = stockByLocation.get(fixed.id);
    const ownUnits = units === undefined ? {} : given.has(fixed.id) ? { ...units } : units;
    given.add(fixed.id);
    // The fields in the order they always had, for anything that prints or compares them.
    const routable: { -readonly [Field in keyof RoutingLocation]: RoutingLocation[Field] } = {
      id: fixed.id,
      kind: fixed.kind,
      lat: fixed.lat,
      lng: fixed.lng,
      active: fixed.active,
      isOpen: openAt(location),
      pickupEnabled: fixed.pickupEnabled,
      stock: ownUnits,
      labourCostPerOrder: fixed.labourCostPerOrder,
      shipping: fixed.shipping,
    };
    if (fixed.dailyCapacity !== undefined) {
      routable.dailyCapacity = fixed.dailyCapacity;
      if (adjustments.assignedToday) routable.assignedToday = adjustments.assignedToday.get(fixed.id) ?? 0;
    }
    return routable;
  });
}
