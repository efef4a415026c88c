import type { Prisma } from "@prisma/client";
import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * Exception holds (ExceptionHold in prisma/schema.prisma): a SKU an associate could not find or
 * found damaged at a store counts as out of stock there for routing until Shopify reports that
 * store's level of the SKU again, stamped after the hold began.
 */

export interface ExceptionHoldFacts {
  locationId: string;
  sku: string;
  taskId: string;
  /** An inventory update stamped after this clears the hold. */
  heldSince: Date;
}

/** Holds the SKU at the location (again: a later report starts the hold over). */
export async function placeExceptionHold(db: Db, shop: string, hold: ExceptionHoldFacts): Promise<void> {
  await db.exceptionHold.upsert({
    where: { shop_locationId_sku: { shop, locationId: hold.locationId, sku: hold.sku } },
    create: { shop, ...hold },
    update: { taskId: hold.taskId, heldSince: hold.heldSince },
  });
}

/**
 * The shop's ($1) held (location, SKU) pairs among these SKUs ($2), as `{ locationId, sku }` rows:
 * read by routing with its other inputs (routing-inputs.server.ts).
 */
export const EXCEPTION_HOLDS_OF_SKUS_SQL = `SELECT "locationId", "sku" FROM "ExceptionHold" WHERE "shop" = $1 AND "sku" = ANY($2::text[])`;

/** The held (location, SKU) pairs among these SKUs. */
export function findExceptionHolds(
  db: SqlDb,
  shop: string,
  skus: readonly string[],
): Promise<{ locationId: string; sku: string }[]> {
  return sqlRows(db, EXCEPTION_HOLDS_OF_SKUS_SQL, [shop, [...skus]]);
}

/** Every held (location, SKU) pair of the shop (the what-if replay's read, made before it knows the SKUs). */
export function findShopExceptionHolds(db: SqlDb, shop: string): Promise<{ locationId: string; sku: string }[]> {
  return sqlRows(db, `SELECT "locationId", "sku" FROM "ExceptionHold" WHERE "shop" = $1`, [shop]);
}
