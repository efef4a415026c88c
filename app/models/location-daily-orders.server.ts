import { castPlaceholders, type StatementPart } from "~/db/gated-insert";
import { sqlRows, type Db } from "~/db/sql.server";

/** A location's local day, as its profile's time zone reads it: "2026-11-30". */
export interface LocationDay {
  locationId: string;
  day: string;
}

/**
 * One more order taken by each location on its day (each once, however many of its lines it
 * took): a part of the statement that stores the decision (decision 047), its placeholders
 * numbered from `first`; null when no location took the order.
 */
export function countOrderTakenPart(shop: string, days: readonly LocationDay[], first: number): StatementPart | null {
  const unique = [...new Map(days.map((entry) => [entry.locationId, entry])).values()];
  if (unique.length === 0) return null;
  const [shopAt, locationsAt, daysAt] = castPlaceholders(["text", "text[]", "date[]"], first);
  return {
    text: `INSERT INTO "LocationDailyOrders" ("shop", "locationId", "day", "orders")
     SELECT ${shopAt}, taken."locationId", taken."day", 1
       FROM unnest(${locationsAt}, ${daysAt}) AS taken("locationId", "day")
     ON CONFLICT ("shop", "locationId", "day") DO UPDATE SET "orders" = "LocationDailyOrders"."orders" + 1`,
    values: [shop, unique.map((entry) => entry.locationId), unique.map((entry) => entry.day)],
  };
}

/** How many orders each location took on its day; a location that took none is left out. */
export async function ordersTakenOn(db: Db, shop: string, days: readonly LocationDay[]): Promise<Map<string, number>> {
  if (days.length === 0) return new Map();
  const rows = await sqlRows<{ locationId: string; orders: number }>(
    db,
    `SELECT counted."locationId", counted."orders"
       FROM "LocationDailyOrders" counted
       JOIN unnest($2::text[], $3::date[]) AS wanted("locationId", "day")
         ON counted."locationId" = wanted."locationId" AND counted."day" = wanted."day"
      WHERE counted."shop" = $1`,
    [shop, days.map((entry) => entry.locationId), days.map((entry) => entry.day)],
  );
  return new Map(rows.map((row) => [row.locationId, row.orders]));
}
