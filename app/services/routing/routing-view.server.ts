import type { Db } from "~/db/sql.server";
import type { RoutingLocation } from "~/domain/routing/types";
import { liveLocationsSnapshotAt } from "~/models/locations.server";
import { readRoutingInputs } from "~/models/routing-inputs.server";
import { prepareLocations, toRoutingLocations } from "~/services/inventory/routing-locations.server";
import { ordersTakenToday } from "./orders-taken-today.server";

/**
 * The locations as routing sees them for these SKUs at `now`: the mirror's stock less the units
 * other decisions hold (reservations, decision 006), none of a SKU an associate reported not
 * found or damaged at a store until its next inventory update (exception holds), and how many
 * orders each location with a daily capacity has taken today. The routing job reads it inside its
 * decision's transaction; "try it" reads the same view, so a try decides as the job would. Trying
 * an order that was already decided leaves out what its own decision holds (`exceptOrderId`).
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
  const live = await liveLocationsSnapshotAt(db, shop, locationsVersion);
  const { timeZones, withDailyCapacity } = prepareLocations(live);
  // How many orders each location with a daily capacity has taken today (in its time zone), so
  // the engine stops sending it more once full. Locations without a capacity cost nothing.
  // Orders of different SKUs decided at the same instant may both take a store's last slot.
  const assignedToday =
    withDailyCapacity.length === 0
      ? undefined
      : await ordersTakenToday(db, shop, withDailyCapacity, now, exceptOrderId);
  return { locations: toRoutingLocations(live, stock, now, { reserved, held, assignedToday }), timeZones };
}
