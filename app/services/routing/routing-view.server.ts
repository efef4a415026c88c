import type { Db } from "~/db/sql.server";
import type { RoutingLocation } from "~/domain/routing/types";
import type { ReservationLine } from "~/models/inventory-reservations.server";
import { liveLocationsAt } from "~/models/locations.server";
import { readRoutingInputs } from "~/models/routing-inputs.server";
import { toRoutingLocations } from "~/services/inventory/routing-locations.server";
import { ordersTakenToday } from "./orders-taken-today.server";

/**
 * The locations as routing sees them for these SKUs at `now`: the mirror's stock less the units
 * other decisions hold (reservations, decision 006), none of a SKU an associate reported not
 * found or damaged at a store until its next inventory update (exception holds), and how many
 * orders each location with a
 * daily capacity has taken today. The routing job reads it inside its decision's transaction;
 * "try it" reads the same view, so a try decides as the job would. Trying an order that was
 * already decided leaves out what its own decision holds (`exceptOrderId`).
 */
export async function routingLocationsFor(
  db: Db,
  shop: string,
  skus: readonly string[],
  now: Date,
  exceptOrderId?: string,
): Promise<RoutingLocation[]> {
  return (await routingViewFor(db, shop, skus, now, exceptOrderId)).locations;
}

export interface RoutingView {
  locations: RoutingLocation[];
  /** Each live location's profile time zone (UTC without a profile), for the daily counter. */
  timeZones: ReadonlyMap<string, string>;
}

/** routingLocationsFor, with the time zones the decision's daily counter needs, read in the same go. */
export async function routingViewFor(
  db: Db,
  shop: string,
  skus: readonly string[],
  now: Date,
  exceptOrderId?: string,
): Promise<RoutingView> {
  const { locationsVersion, stock, reserved, held } = await readRoutingInputs(db, shop, skus, now, exceptOrderId);
  const live = await liveLocationsAt(db, shop, locationsVersion);
  const timeZones = new Map(live.map((location) => [location.locationId, location.profile?.timeZone ?? "UTC"]));
  const locations = withoutHeld(subtractReserved(toRoutingLocations(live, stock, now), reserved), held);
  return { locations: await withOrdersTakenToday(db, shop, locations, timeZones, now, exceptOrderId), timeZones };
}

function subtractReserved(locations: RoutingLocation[], reserved: readonly ReservationLine[]): RoutingLocation[] {
  if (reserved.length === 0) return locations;
  const byLocation = new Map<string, ReservationLine[]>();
  for (const line of reserved) byLocation.set(line.locationId, [...(byLocation.get(line.locationId) ?? []), line]);
  return locations.map((location) => {
    const lines = byLocation.get(location.id);
    if (!lines) return location;
    const stock = { ...location.stock };
    for (const line of lines) stock[line.sku] = Math.max(0, (stock[line.sku] ?? 0) - line.quantity);
    return { ...location, stock };
  });
}

function withoutHeld(
  locations: RoutingLocation[],
  held: readonly { locationId: string; sku: string }[],
): RoutingLocation[] {
  if (held.length === 0) return locations;
  return locations.map((location) => {
    const skus = held.filter((hold) => hold.locationId === location.id).map((hold) => hold.sku);
    if (skus.length === 0) return location;
    return { ...location, stock: { ...location.stock, ...Object.fromEntries(skus.map((sku) => [sku, 0])) } };
  });
}

/**
 * Fills in how many orders each location with a daily capacity has taken today (in its time
 * zone), so the engine stops sending it more once full. Locations without a capacity cost nothing.
 * Orders of different SKUs decided at the same instant may both take a store's last slot.
 */
async function withOrdersTakenToday(
  db: Db,
  shop: string,
  locations: RoutingLocation[],
  timeZones: ReadonlyMap<string, string>,
  now: Date,
  exceptOrderId: string | undefined,
): Promise<RoutingLocation[]> {
  const limited = locations.filter((location) => location.dailyCapacity !== undefined);
  if (limited.length === 0) return locations;
  const counts = await ordersTakenToday(
    db,
    shop,
    limited.map((location) => ({ id: location.id, timeZone: timeZones.get(location.id) ?? "UTC" })),
    now,
    exceptOrderId,
  );
  return locations.map((location) =>
    location.dailyCapacity === undefined ? location : { ...location, assignedToday: counts.get(location.id) ?? 0 },
  );
}
