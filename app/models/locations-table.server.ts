import { Prisma, type LocationKind } from "@prisma/client";
import type { ProfilesChange } from "./locations.server";
import {
  NO_LIMIT_SORT_VALUE,
  type LocationRowKey,
  type LocationSort,
  type LocationsTableQuery,
} from "~/domain/locations/locations-table-query";

type Db = Prisma.TransactionClient;

/**
 * The Locations table's read: the shop's live locations that have a profile, searched, filtered,
 * sorted and paged by keyset in one statement, so a national chain's 2,000 locations are served a
 * page at a time. A chain's locations are few enough (thousands, not millions) that the filters
 * need no index of their own: the (shop, locationId) keys bound the rows read to the shop's.
 */

export interface LocationTableRow {
  locationId: string;
  name: string;
  address1: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  kind: LocationKind;
  labourCostPerOrder: Prisma.Decimal;
  dailyCapacity: number | null;
  /** Shopify's local pickup setting, and the profile's override of it (null follows Shopify). */
  shopifyPickup: boolean;
  pickupEnabledOverride: boolean | null;
  routesOrders: boolean;
  openingHours: Prisma.JsonValue;
  timeZone: string;
}

/** The sort's key of a row, as the cursor carries it. */
export function locationRowKey(row: Pick<LocationTableRow, "dailyCapacity" | "name" | "locationId">): LocationRowKey {
  return { capacity: row.dailyCapacity ?? NO_LIMIT_SORT_VALUE, name: row.name, locationId: row.locationId };
}

const CAPACITY = Prisma.sql`COALESCE(p."dailyCapacity", ${NO_LIMIT_SORT_VALUE}::int)`;
// Names sort byte-wise ("C" collation) here and in the cursor's comparison, so they agree exactly
// whatever the database's own collation is.
const NAME = Prisma.sql`loc."name" COLLATE "C"`;

const ORDER = {
  name: { columns: Prisma.sql`${NAME}, loc."locationId"`, descending: false },
  "-name": { columns: Prisma.sql`${NAME} DESC, loc."locationId" DESC`, descending: true },
  capacity: { columns: Prisma.sql`${CAPACITY}, ${NAME}, loc."locationId"`, descending: false },
  "-capacity": { columns: Prisma.sql`${CAPACITY} DESC, ${NAME} DESC, loc."locationId" DESC`, descending: true },
} satisfies Record<LocationSort, { columns: Prisma.Sql; descending: boolean }>;

function keysetCondition(sort: LocationSort, after: LocationRowKey | null): Prisma.Sql {
  if (after === null) return Prisma.empty;
  const comparison = ORDER[sort].descending ? Prisma.sql`<` : Prisma.sql`>`;
  const name = Prisma.sql`${after.name}::text COLLATE "C"`;
  return sort === "name" || sort === "-name"
    ? Prisma.sql`AND (${NAME}, loc."locationId") ${comparison} (${name}, ${after.locationId})`
    : Prisma.sql`AND (${CAPACITY}, ${NAME}, loc."locationId") ${comparison} (${after.capacity}::int, ${name}, ${after.locationId})`;
}

/** `%text%` for ILIKE, with the pattern characters a merchant may type taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const ROUTES_ORDERS = Prisma.sql`(loc."latitude" IS NOT NULL AND loc."isActive" AND loc."fulfillsOnlineOrders")`;
const OFFERS_PICKUP = Prisma.sql`COALESCE(p."pickupEnabledOverride", loc."pickupEnabled")`;

function filters(query: LocationsTableQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.search !== null) {
    const contained = `%${escapeLike(query.search)}%`;
    conditions.push(
      Prisma.sql`(loc."name" ILIKE ${contained} OR loc."city" ILIKE ${contained} OR loc."zip" ILIKE ${`${escapeLike(query.search)}%`})`,
    );
  }
  if (query.kind !== null) conditions.push(Prisma.sql`p."kind" = ${query.kind}::"LocationKind"`);
  if (query.pickup !== null) conditions.push(Prisma.sql`${OFFERS_PICKUP} = ${query.pickup}`);
  if (query.routesOrders !== null) conditions.push(Prisma.sql`${ROUTES_ORDERS} = ${query.routesOrders}`);
  if (query.hasCapacity !== null) {
    conditions.push(
      query.hasCapacity ? Prisma.sql`p."dailyCapacity" IS NOT NULL` : Prisma.sql`p."dailyCapacity" IS NULL`,
    );
  }
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** One page (`limit` rows) of the shop's locations under the query, after the query's cursor. */
export function findLocationTableRows(
  db: Db,
  shop: string,
  query: LocationsTableQuery,
  limit: number,
): Promise<LocationTableRow[]> {
  return db.$queryRaw<LocationTableRow[]>`
    SELECT loc."locationId", loc."name", loc."address1", loc."city", loc."provinceCode", loc."zip",
           p."kind", p."labourCostPerOrder", p."dailyCapacity", loc."pickupEnabled" AS "shopifyPickup",
           p."pickupEnabledOverride", ${ROUTES_ORDERS} AS "routesOrders", p."openingHours", p."timeZone"
      FROM "Location" loc
      JOIN "LocationProfile" p ON p."shop" = loc."shop" AND p."locationId" = loc."locationId"
     WHERE loc."shop" = ${shop} AND loc."deletedAt" IS NULL
       ${filters(query)}
       ${keysetCondition(query.sort, query.after)}
     ORDER BY ${ORDER[query.sort].columns}
     LIMIT ${limit}`;
}

/** How many of the shop's locations the query's search and filters match (the cursor aside). */
export async function countLocationTableRows(db: Db, shop: string, query: LocationsTableQuery): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count"
      FROM "Location" loc
      JOIN "LocationProfile" p ON p."shop" = loc."shop" AND p."locationId" = loc."locationId"
     WHERE loc."shop" = ${shop} AND loc."deletedAt" IS NULL
       ${filters(query)}`;
  return row?.count ?? 0;
}

/**
 * Applies one change to the profile of every location of the shop the query's search and filters
 * match (the cursor aside): "select all" across the table's pages, in one statement, so the
 * locations edited are exactly those the filter matches as the statement runs. Returns how many.
 */
export function updateMatchingLocationProfiles(
  db: Db,
  shop: string,
  query: LocationsTableQuery,
  change: ProfilesChange,
  at: Date,
): Promise<number> {
  const setsLabour = "labourCostPerOrder" in change;
  const labour = setsLabour ? change.labourCostPerOrder.toFixed(4) : null;
  const pickup = setsLabour ? null : change.pickupEnabledOverride;
  // updatedAt as Prisma writes it (UTC wall time in a timestamp without time zone).
  return db.$executeRaw`
    UPDATE "LocationProfile" p SET
      "labourCostPerOrder" = CASE WHEN ${setsLabour} THEN ${labour}::numeric ELSE p."labourCostPerOrder" END,
      "pickupEnabledOverride" = CASE WHEN ${setsLabour} THEN p."pickupEnabledOverride" ELSE ${pickup}::boolean END,
      "updatedAt" = ${at.toISOString()}::timestamp(3)
      FROM "Location" loc
     WHERE p."shop" = ${shop} AND loc."shop" = p."shop" AND loc."locationId" = p."locationId"
       AND loc."deletedAt" IS NULL
       ${filters(query)}`;
}
