import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/** A location's local day, as its profile's time zone reads it: "2026-11-30". */
export interface LocationDay {
  locationId: string;
  day: string;
}

/** One more order taken by each location on its day (each once, however many of its lines it took). */
export async function countOrderTaken(db: Db, shop: string, days: readonly LocationDay[]): Promise<void> {
  const unique = [...new Map(days.map((entry) => [entry.locationId, entry])).values()];
  if (unique.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "LocationDailyOrders" ("shop", "locationId", "day", "orders")
    SELECT ${shop}, taken."locationId", taken."day", 1
      FROM unnest(${unique.map((entry) => entry.locationId)}::text[], ${unique.map((entry) => entry.day)}::date[])
           AS taken("locationId", "day")
    ON CONFLICT ("shop", "locationId", "day") DO UPDATE SET "orders" = "LocationDailyOrders"."orders" + 1`;
}

/** How many orders each location took on its day; a location that took none is left out. */
export async function ordersTakenOn(db: Db, shop: string, days: readonly LocationDay[]): Promise<Map<string, number>> {
  if (days.length === 0) return new Map();
  const rows = await db.$queryRaw<{ locationId: string; orders: number }[]>`
    SELECT counted."locationId", counted."orders"
      FROM "LocationDailyOrders" counted
      JOIN unnest(${days.map((entry) => entry.locationId)}::text[], ${days.map((entry) => entry.day)}::date[])
           AS wanted("locationId", "day")
        ON counted."locationId" = wanted."locationId" AND counted."day" = wanted."day"
     WHERE counted."shop" = ${shop}`;
  return new Map(rows.map((row) => [row.locationId, row.orders]));
}

/** The time zones of the shop's locations' profiles (a location without one is left out). */
export async function locationTimeZones(
  db: Db,
  shop: string,
  locationIds: readonly string[],
): Promise<Map<string, string>> {
  if (locationIds.length === 0) return new Map();
  const rows = await db.locationProfile.findMany({
    where: { shop, locationId: { in: [...locationIds] } },
    select: { locationId: true, timeZone: true },
  });
  return new Map(rows.flatMap((row) => (row.timeZone ? [[row.locationId, row.timeZone] as const] : [])));
}
