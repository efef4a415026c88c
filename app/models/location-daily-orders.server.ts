import { sqlExecute, sqlRows, type Db } from "~/db/sql.server";

/** A location's local day, as its profile's time zone reads it: "2026-11-30". */
export interface LocationDay {
  locationId: string;
  day: string;
}

/** One more order taken by each location on its day (each once, however many of its lines it took). */
export async function countOrderTaken(db: Db, shop: string, days: readonly LocationDay[]): Promise<void> {
  const unique = [...new Map(days.map((entry) => [entry.locationId, entry])).values()];
  if (unique.length === 0) return;
  await sqlExecute(
    db,
    `INSERT INTO "LocationDailyOrders" ("shop", "locationId", "day", "orders")
     SELECT $1, taken."locationId", taken."day", 1
       FROM unnest($2::text[], $3::date[]) AS taken("locationId", "day")
     ON CONFLICT ("shop", "locationId", "day") DO UPDATE SET "orders" = "LocationDailyOrders"."orders" + 1`,
    [shop, unique.map((entry) => entry.locationId), unique.map((entry) => entry.day)],
  );
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

/** The time zones of the shop's locations' profiles (a location without one is left out). */
export async function locationTimeZones(
  db: Db,
  shop: string,
  locationIds: readonly string[],
): Promise<Map<string, string>> {
  if (locationIds.length === 0) return new Map();
  const rows = await sqlRows<{ locationId: string; timeZone: string | null }>(
    db,
    `SELECT "locationId", "timeZone" FROM "LocationProfile" WHERE "shop" = $1 AND "locationId" = ANY($2::text[])`,
    [shop, [...locationIds]],
  );
  return new Map(rows.flatMap((row) => (row.timeZone ? [[row.locationId, row.timeZone] as const] : [])));
}
