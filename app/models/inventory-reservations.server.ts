import { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Units routing decisions promised that Shopify's numbers may not show yet
 * (docs/decisions/006-reservations.md). Decisions that take the same SKUs serialise on a
 * transaction-scoped advisory lock per (shop, SKU), so each sees the reservations of the
 * others before it decides.
 */

export interface ReservationLine {
  locationId: string;
  sku: string;
  quantity: number;
}

/** Reservations older than this no longer count (a job that never finished its moves). */
export const RESERVATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Locks the (shop, SKU) pairs for the rest of the transaction, in a fixed order so two
 * orders with overlapping SKUs cannot deadlock.
 */
export async function lockSkusForRouting(db: Db, shop: string, skus: readonly string[]): Promise<void> {
  const keys = [...new Set(skus)].sort().map((sku) => `routing:${shop}:${sku}`);
  if (keys.length === 0) return;
  // One round trip for all of them: unnest yields the keys in the array's (sorted) order and the
  // aggregate takes each lock as its row comes, so the order holds as it did one statement a key.
  await db.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))::int AS "locks"
                       FROM unnest(${keys}::text[]) AS key`;
}

/** Active reserved units of these SKUs per location, but for `exceptOrderId`'s own. */
export async function activeReservedUnits(
  db: Db,
  shop: string,
  skus: readonly string[],
  now: Date,
  exceptOrderId?: string,
): Promise<ReservationLine[]> {
  if (skus.length === 0) return [];
  const since = new Date(now.getTime() - RESERVATION_TTL_MS);
  const rows = await db.inventoryReservation.groupBy({
    by: ["locationId", "sku"],
    where: {
      shop,
      sku: { in: [...skus] },
      clearedAt: null,
      createdAt: { gt: since },
      ...(exceptOrderId ? { orderId: { not: exceptOrderId } } : {}),
    },
    _sum: { quantity: true },
  });
  return rows.map((row) => ({ locationId: row.locationId, sku: row.sku, quantity: row._sum.quantity ?? 0 }));
}

export async function createReservations(
  db: Db,
  shop: string,
  orderId: string,
  lines: readonly ReservationLine[],
): Promise<void> {
  if (lines.length === 0) return;
  await db.inventoryReservation.createMany({
    data: lines.map((line) => ({ shop, orderId, ...line })),
  });
}

/** Shopify committed the order's units at the location at `at` (placement, or a move). */
export async function markReservationsReflectedAfter(
  db: Db,
  shop: string,
  orderId: string,
  locationId: string,
  at: Date,
): Promise<void> {
  await db.inventoryReservation.updateMany({
    where: { shop, orderId, locationId, clearedAt: null, reflectedAfter: null },
    data: { reflectedAfter: at },
  });
}

/**
 * Clears the reservations whose units the mirror now shows: a level of the same location and
 * SKU updated at or after the second Shopify committed them. Narrowed to an order or a
 * location when given. Returns how many cleared.
 */
export async function clearReflectedReservations(
  db: Db,
  shop: string,
  scope: { orderId?: string; locationId?: string } = {},
): Promise<number> {
  const orderFilter = scope.orderId === undefined ? Prisma.empty : Prisma.sql`AND r."orderId" = ${scope.orderId}`;
  const locationFilter =
    scope.locationId === undefined ? Prisma.empty : Prisma.sql`AND r."locationId" = ${scope.locationId}`;
  return db.$executeRaw`
    UPDATE "InventoryReservation" r SET "clearedAt" = now(), "clearedReason" = 'REFLECTED'
     WHERE r."shop" = ${shop} AND r."clearedAt" IS NULL AND r."reflectedAfter" IS NOT NULL
       ${orderFilter} ${locationFilter}
       AND EXISTS (SELECT 1 FROM "InventoryLevel" l
                    WHERE l."shop" = r."shop" AND l."locationId" = r."locationId" AND l."sku" = r."sku"
                      AND l."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter"))`;
}

/** The order's reservations stop counting (cancelled, or a move Shopify refused). */
export async function releaseReservations(
  db: Db,
  shop: string,
  orderId: string,
  reason: "CANCELLED" | "MOVE_FAILED",
  locationId?: string,
): Promise<number> {
  const { count } = await db.inventoryReservation.updateMany({
    where: { shop, orderId, clearedAt: null, ...(locationId === undefined ? {} : { locationId }) },
    data: { clearedAt: new Date(), clearedReason: reason },
  });
  return count;
}
