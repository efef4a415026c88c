import { Prisma, type LocationKind } from "@prisma/client";
import type { InventoryCellKey, InventoryPageQuery, InventorySort } from "~/domain/inventory/inventory-page-query";
import { RESERVATION_TTL_MS } from "./inventory-reservations.server";

type Db = Prisma.TransactionClient;

/**
 * The Inventory page's read of the mirror: one row per inventory level (a SKU at a location)
 * with what routing needs to say how much of it is sellable, searched, filtered, sorted and paged
 * by keyset in one statement. Written as SQL because each row's reservations, hold and catalogue
 * entry are looked up along the index order, so the first page of a national chain's 640,000
 * levels is read without sorting them (bench/inventory-page.bench.ts).
 *
 * Levels whose SKU the mirror does not know yet (an item first seen in a webhook, until the next
 * full sync) are not listed: routing cannot use them either.
 */

export interface InventoryCellRow extends InventoryCellKey {
  locationName: string | null;
  /** Null when the location has no profile (routing leaves it out). */
  kind: LocationKind | null;
  routable: boolean;
  reserved: number;
  held: boolean;
  productTitle: string | null;
  variantTitle: string | null;
  barcode: string | null;
}

export interface InventoryCellOptions {
  /** The rule "below the store minimum" tests against (the shop's routing settings in force). */
  storeMinUnits: number;
  now: Date;
  limit: number;
}

const ORDER = {
  sku: { columns: Prisma.sql`l."sku", l."locationId", l."inventoryItemId"`, descending: false },
  "-sku": { columns: Prisma.sql`l."sku" DESC, l."locationId" DESC, l."inventoryItemId" DESC`, descending: true },
  available: {
    columns: Prisma.sql`l."available", l."sku", l."locationId", l."inventoryItemId"`,
    descending: false,
  },
  "-available": {
    columns: Prisma.sql`l."available" DESC, l."sku" DESC, l."locationId" DESC, l."inventoryItemId" DESC`,
    descending: true,
  },
} satisfies Record<InventorySort, { columns: Prisma.Sql; descending: boolean }>;

function keysetCondition(sort: InventorySort, after: InventoryCellKey | null): Prisma.Sql {
  if (after === null) return Prisma.empty;
  const comparison = ORDER[sort].descending ? Prisma.sql`<` : Prisma.sql`>`;
  const rest = Prisma.sql`${after.sku}, ${after.locationId}, ${after.inventoryItemId}`;
  return sort === "sku" || sort === "-sku"
    ? Prisma.sql`AND (l."sku", l."locationId", l."inventoryItemId") ${comparison} (${rest})`
    : Prisma.sql`AND (l."available", l."sku", l."locationId", l."inventoryItemId") ${comparison} (${after.available}::int, ${rest})`;
}

/** `%text%` for ILIKE, with the pattern characters a merchant may type taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function searchCondition(shop: string, search: string | null): Prisma.Sql {
  if (search === null) return Prisma.empty;
  const pattern = containing(search);
  const prefix = `${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  // SKUs whose catalogue entry matches, plus the SKU as typed (a level the catalogue lacks),
  // worked out once into an array that the (shop, sku) index then reads SKU by SKU.
  return Prisma.sql`AND l."sku" = ANY (ARRAY(
      SELECT v."sku" FROM "VariantInventoryItem" v
       WHERE v."shop" = ${shop} AND v."sku" IS NOT NULL
         AND (v."sku" ILIKE ${pattern} OR v."productTitle" ILIKE ${pattern} OR v."barcode" ILIKE ${prefix})
      UNION SELECT ${search}::text))`;
}

/**
 * SKUs no location has a unit of. Driven from the catalogue's SKUs (20,000 at national scale),
 * each checked by one index probe, since such SKUs are few and a scan of the levels would read
 * all of them to find out.
 */
function outOfStockCondition(shop: string, on: boolean): Prisma.Sql {
  if (!on) return Prisma.empty;
  // ARRAY(…) is worked out once, then each of its SKUs is read by the (shop, sku) index.
  return Prisma.sql`AND l."sku" = ANY (ARRAY(
      SELECT DISTINCT v."sku" FROM "VariantInventoryItem" v
       WHERE v."shop" = ${shop} AND v."sku" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "InventoryLevel" s
                          WHERE s."shop" = ${shop} AND s."sku" = v."sku" AND s."available" > 0)))`;
}

interface RawCellRow {
  sku: string;
  locationId: string;
  inventoryItemId: string;
  available: number;
  locationName: string | null;
  kind: LocationKind | null;
  routable: boolean;
  reserved: number;
  held: boolean;
  productTitle: string | null;
  variantTitle: string | null;
  barcode: string | null;
}

/** One page of the shop's levels under the query, after the query's cursor. */
export function findInventoryCells(
  db: Db,
  shop: string,
  query: InventoryPageQuery,
  options: InventoryCellOptions,
): Promise<InventoryCellRow[]> {
  return db.$queryRaw<RawCellRow[]>(inventoryCellsStatement(shop, query, options));
}

/** Units active reservations hold of the level's SKU at its location (routing's reservations). */
function reservedUnits(level: Prisma.Sql, reservedSince: Date): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(sum(r."quantity"), 0)::int FROM "InventoryReservation" r
     WHERE r."shop" = ${level}."shop" AND r."locationId" = ${level}."locationId" AND r."sku" = ${level}."sku"
       AND r."clearedAt" IS NULL AND r."createdAt" > ${reservedSince})`;
}

function heldHere(level: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ExceptionHold" h
     WHERE h."shop" = ${level}."shop" AND h."locationId" = ${level}."locationId" AND h."sku" = ${level}."sku")`;
}

/**
 * The statement findInventoryCells runs (the bench explains it): the page's levels first, as
 * narrow rows in the sort's order, then each one's location, reservations, hold and catalogue
 * entry, so the look-ups run for the page's rows only.
 */
export function inventoryCellsStatement(shop: string, query: InventoryPageQuery, options: InventoryCellOptions) {
  const reservedSince = new Date(options.now.getTime() - RESERVATION_TTL_MS);
  const level = Prisma.sql`l`;
  const location = query.locationId === null ? Prisma.empty : Prisma.sql`AND l."locationId" = ${query.locationId}`;
  const belowMinimum = query.belowStoreMinimum
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "LocationProfile" sp
                  WHERE sp."shop" = l."shop" AND sp."locationId" = l."locationId" AND sp."kind" = 'STORE')
             AND (${heldHere(level)}
                  OR GREATEST(0, GREATEST(0, l."available") - ${reservedUnits(level, reservedSince)})
                     < ${options.storeMinUnits}::int)`
    : Prisma.empty;
  return Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT l."shop", l."sku", l."locationId", l."inventoryItemId", l."available"
        FROM "InventoryLevel" l
       WHERE l."shop" = ${shop} AND l."sku" IS NOT NULL
         ${location}
         ${searchCondition(shop, query.search)}
         ${outOfStockCondition(shop, query.outOfStockEverywhere)}
         ${belowMinimum}
         ${keysetCondition(query.sort, query.after)}
       ORDER BY ${ORDER[query.sort].columns}
       LIMIT ${options.limit})
    SELECT l."sku", l."locationId", l."inventoryItemId", l."available",
           loc."name" AS "locationName", p."kind"::text AS "kind",
           (loc."isActive" AND loc."fulfillsOnlineOrders" AND loc."latitude" IS NOT NULL
             AND loc."longitude" IS NOT NULL AND p."kind" IS NOT NULL) IS TRUE AS "routable",
           ${reservedUnits(level, reservedSince)} AS "reserved", ${heldHere(level)} AS "held",
           item."productTitle", item."variantTitle", item."barcode"
      FROM page l
      LEFT JOIN "Location" loc ON loc."shop" = l."shop" AND loc."locationId" = l."locationId"
      LEFT JOIN "LocationProfile" p ON p."shop" = l."shop" AND p."locationId" = l."locationId"
      LEFT JOIN LATERAL (
        SELECT v."productTitle", v."variantTitle", v."barcode" FROM "VariantInventoryItem" v
         WHERE v."shop" = l."shop" AND v."inventoryItemId" = l."inventoryItemId"
         ORDER BY v."variantId" LIMIT 1) AS item ON true
     ORDER BY ${ORDER[query.sort].columns}`;
}

/** Whether the shop has this location (and has not deleted it). */
export async function isLiveLocation(db: Db, shop: string, locationId: string): Promise<boolean> {
  const found = await db.location.findUnique({
    where: { shop_locationId: { shop, locationId } },
    select: { deletedAt: true },
  });
  return found !== null && found.deletedAt === null;
}
