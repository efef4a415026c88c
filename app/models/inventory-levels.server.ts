import type { Prisma } from "@prisma/client";
import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/** An inventory_levels/update: the available quantity of one item at one location. */
export interface AvailableUpdate {
  locationId: string;
  inventoryItemId: string;
  available: number;
  sourceUpdatedAt: Date;
}

/** A level as a full sync read it from the bulk operation. */
export interface SyncedLevel {
  locationId: string;
  inventoryItemId: string;
  sku: string | null;
  available: number;
  committed: number | null;
  onHand: number | null;
  sourceUpdatedAt: Date;
}

/**
 * Applies an available quantity unless the held one is newer. Shopify's timestamps have
 * whole-second precision, so an update stamped the same second as the held value is applied
 * (it is more often the later change than not). A level not held yet is stored, taking its
 * SKU from the same item at another location when the mirror has it, else with none until
 * the next full sync. Returns whether it was applied.
 */
export async function applyAvailableUpdate(db: Db, shop: string, update: AvailableUpdate): Promise<boolean> {
  const rows = await db.$queryRaw<{ available: number }[]>`
    INSERT INTO "InventoryLevel" ("shop", "locationId", "inventoryItemId", "sku", "available", "sourceUpdatedAt")
    VALUES (${shop}, ${update.locationId}, ${update.inventoryItemId},
            (SELECT "sku" FROM "InventoryLevel"
              WHERE "shop" = ${shop} AND "inventoryItemId" = ${update.inventoryItemId} AND "sku" IS NOT NULL
              LIMIT 1),
            ${update.available}, ${update.sourceUpdatedAt})
    ON CONFLICT ("shop", "locationId", "inventoryItemId") DO UPDATE SET
      "available" = EXCLUDED."available", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt"
    WHERE "InventoryLevel"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt"
    RETURNING "available"`;
  return rows.length > 0;
}

/**
 * Writes a batch of levels read by a full sync. A level whose held value is as new or newer
 * (a webhook landed after the bulk operation read it) keeps its quantities; every level
 * seen gets its SKU and `syncedAt`, so the sync can tell afterwards which levels Shopify no
 * longer has.
 */
export async function upsertSyncedLevels(db: Db, shop: string, levels: SyncedLevel[], syncedAt: Date): Promise<void> {
  if (levels.length === 0) return;
  // Prisma's pg adapter binds arrays of scalars; numbers and times travel as text and are cast.
  const column = <T>(pick: (level: SyncedLevel) => T) => levels.map(pick);
  await db.$executeRaw`
    INSERT INTO "InventoryLevel" ("shop", "locationId", "inventoryItemId", "sku", "available", "committed", "onHand",
                                  "sourceUpdatedAt", "syncedAt")
    SELECT ${shop}, batch."locationId", batch."inventoryItemId", batch."sku", batch."available"::int,
           batch."committed"::int, batch."onHand"::int,
           (batch."sourceUpdatedAt"::timestamptz AT TIME ZONE 'UTC'), ${syncedAt}
      FROM unnest(${column((l) => l.locationId)}::text[], ${column((l) => l.inventoryItemId)}::text[],
                  ${column((l) => l.sku)}::text[], ${column((l) => String(l.available))}::text[],
                  ${column((l) => (l.committed === null ? null : String(l.committed)))}::text[],
                  ${column((l) => (l.onHand === null ? null : String(l.onHand)))}::text[],
                  ${column((l) => l.sourceUpdatedAt.toISOString())}::text[])
        AS batch("locationId", "inventoryItemId", "sku", "available", "committed", "onHand", "sourceUpdatedAt")
    ON CONFLICT ("shop", "locationId", "inventoryItemId") DO UPDATE SET
      "sku" = COALESCE(EXCLUDED."sku", "InventoryLevel"."sku"),
      "syncedAt" = EXCLUDED."syncedAt",
      "available" = CASE WHEN "InventoryLevel"."sourceUpdatedAt" < EXCLUDED."sourceUpdatedAt"
                         THEN EXCLUDED."available" ELSE "InventoryLevel"."available" END,
      "committed" = CASE WHEN "InventoryLevel"."sourceUpdatedAt" < EXCLUDED."sourceUpdatedAt"
                         THEN EXCLUDED."committed" ELSE "InventoryLevel"."committed" END,
      "onHand" = CASE WHEN "InventoryLevel"."sourceUpdatedAt" < EXCLUDED."sourceUpdatedAt"
                      THEN EXCLUDED."onHand" ELSE "InventoryLevel"."onHand" END,
      "sourceUpdatedAt" = GREATEST("InventoryLevel"."sourceUpdatedAt", EXCLUDED."sourceUpdatedAt")`;
}

/**
 * After a full sync: removes the levels it did not see (disconnected in Shopify), except
 * those updated after the bulk operation started (stocked meanwhile, announced by a webhook).
 */
export async function removeLevelsNotSeenSince(
  db: Db,
  shop: string,
  syncedAt: Date,
  operationStartedAt: Date,
): Promise<number> {
  const { count } = await db.inventoryLevel.deleteMany({
    where: {
      shop,
      OR: [{ syncedAt: null }, { syncedAt: { lt: syncedAt } }],
      sourceUpdatedAt: { lt: operationStartedAt },
    },
  });
  return count;
}

/** Gives levels stored without a SKU the SKU the mirror knows for the same item elsewhere. */
export async function fillMissingSkus(db: Db, shop: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "InventoryLevel" AS level SET "sku" = known."sku"
      FROM (SELECT DISTINCT ON ("inventoryItemId") "inventoryItemId", "sku" FROM "InventoryLevel"
             WHERE "shop" = ${shop} AND "sku" IS NOT NULL) AS known
     WHERE level."shop" = ${shop} AND level."sku" IS NULL AND level."inventoryItemId" = known."inventoryItemId"`;
}

/**
 * Available units of the given SKUs ($2) at every location of the shop ($1) that stocks them, as
 * `{ locationId, sku, available }` rows: read by routing with its other inputs (routing-inputs.server.ts).
 */
export const STOCK_OF_SKUS_SQL = `SELECT "locationId", "sku", "available" FROM "InventoryLevel" WHERE "shop" = $1 AND "sku" = ANY($2::text[])`;

/** Available units of the given SKUs at every location that stocks them. */
export function findStockOfSkus(
  db: SqlDb,
  shop: string,
  skus: readonly string[],
): Promise<{ locationId: string; sku: string; available: number }[]> {
  return sqlRows(db, STOCK_OF_SKUS_SQL, [shop, [...skus]]);
}

/** The inventory item the mirror knows for the SKU at the location (null when it holds no such level). */
export async function findInventoryItemIdAt(
  db: Db,
  shop: string,
  level: { locationId: string; sku: string },
): Promise<string | null> {
  const found = await db.inventoryLevel.findFirst({
    where: { shop, locationId: level.locationId, sku: level.sku },
    select: { inventoryItemId: true },
  });
  return found?.inventoryItemId ?? null;
}

/** Available units of these inventory items at every location that stocks them. */
export function findStockOfItems(db: Db, shop: string, inventoryItemIds: readonly string[]) {
  return db.inventoryLevel.findMany({
    where: { shop, inventoryItemId: { in: [...inventoryItemIds] } },
    select: { locationId: true, inventoryItemId: true, available: true },
  });
}
