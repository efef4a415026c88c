import type { Db } from "~/db/sql.server";
import { capacityDayOf } from "~/domain/locations/daily-capacity";
import { countOrderTakenPart, ordersTakenOn } from "~/models/location-daily-orders.server";
import { assignedLocationIds, findDecision, type DecisionSideWrite } from "~/models/routing-decisions.server";

export interface ZonedLocation {
  readonly id: string;
  readonly timeZone: string;
}

/**
 * How many orders each location has taken since its own local midnight, for the daily capacity:
 * what routing counts before it sends a store more, and what the checkout's pickup promise counts,
 * so both see the same day. One row per location from its daily counter, whatever the day's
 * volume. Trying an order already decided (`exceptOrderId`) leaves out what its own decision took.
 */
export async function ordersTakenToday(
  db: Db,
  shop: string,
  locations: readonly ZonedLocation[],
  now: Date,
  exceptOrderId?: string,
): Promise<Map<string, number>> {
  if (locations.length === 0) return new Map();
  // Once per time zone, not per location: a national chain has 2,000 locations in a handful of zones.
  const zoneDays = new Map<string, string>();
  const today = (timeZone: string) => {
    let day = zoneDays.get(timeZone);
    if (!day) zoneDays.set(timeZone, (day = capacityDayOf(now, timeZone)));
    return day;
  };
  const days = locations.map((location) => ({ locationId: location.id, day: today(location.timeZone) }));
  const [counts, own] = await Promise.all([
    ordersTakenOn(db, shop, days),
    exceptOrderId ? findDecision(db, shop, exceptOrderId) : null,
  ]);
  if (own && (own.status === "ROUTED" || own.status === "SPLIT")) {
    const zones = new Map(locations.map((location) => [location.id, location.timeZone]));
    for (const locationId of new Set(assignedLocationIds(own.assignments))) {
      const zone = zones.get(locationId);
      const taken = counts.get(locationId);
      if (zone && taken && capacityDayOf(own.decidedAt, zone) === today(zone)) counts.set(locationId, taken - 1);
    }
  }
  return counts;
}

/**
 * The order a decision gave its locations, counted on each one's day, as a write in the statement
 * that stores the decision (decision 047). A location missing from `timeZones` (the routing view's)
 * counts on UTC's day, as one without a profile does.
 */
export function orderTakenByLocationsWrite(
  shop: string,
  locationIds: readonly string[],
  decidedAt: Date,
  timeZones: ReadonlyMap<string, string>,
): DecisionSideWrite {
  const days = locationIds.map((locationId) => ({
    locationId,
    day: capacityDayOf(decidedAt, timeZones.get(locationId) ?? "UTC"),
  }));
  return (first) => countOrderTakenPart(shop, days, first);
}
