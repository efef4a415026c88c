import { castPlaceholders, type StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db } from "~/db/sql.server";

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
  await sqlRows(
    db,
    `SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))::int AS "locks" FROM unnest($1::text[]) AS key`,
    [keys],
  );
}

/**
 * Active reserved units per location of the shop's ($1) SKUs ($2), made after $3 (reservationsActiveSince),
 * but for order $4's own (none when null), as `{ locationId, sku, quantity }` rows: read by
 * routing with its other inputs (routing-inputs.server.ts).
 */
export const ACTIVE_RESERVED_UNITS_SQL = `SELECT "locationId", "sku", sum("quantity")::int AS "quantity"
       FROM "InventoryReservation"
      WHERE "shop" = $1 AND "sku" = ANY($2::text[]) AND "clearedAt" IS NULL AND "createdAt" > $3
        AND ($4::text IS NULL OR "orderId" <> $4)
      GROUP BY "locationId", "sku"`;

/** Reservations made before this no longer count at `now`. */
export function reservationsActiveSince(now: Date): Date {
  return new Date(now.getTime() - RESERVATION_TTL_MS);
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
  return sqlRows<ReservationLine>(db, ACTIVE_RESERVED_UNITS_SQL, [
    shop,
    [...skus],
    reservationsActiveSince(now),
    exceptOrderId ?? null,
  ]);
}

/**
 * Every active reserved unit of the shop per (location, SKU): what the what-if replay reads while
 * its orders load, before it knows their SKUs (few rows: reservations last until Shopify's numbers
 * catch up, RESERVATION_TTL_MS at most).
 */
export async function shopActiveReservedUnits(db: Db, shop: string, now: Date): Promise<ReservationLine[]> {
  return sqlRows<ReservationLine>(
    db,
    `SELECT "locationId", "sku", sum("quantity")::int AS "quantity"
       FROM "InventoryReservation"
      WHERE "shop" = $1 AND "clearedAt" IS NULL AND "createdAt" > $2
      GROUP BY "locationId", "sku"`,
    [shop, reservationsActiveSince(now)],
  );
}

export async function createReservations(
  db: Db,
  shop: string,
  orderId: string,
  lines: readonly ReservationLine[],
): Promise<void> {
  const part = reservationsPart(shop, orderId, lines, 1);
  if (part) await sqlExecute(db, part.text, part.values);
}

/**
 * `createReservations`'s statement, its placeholders numbered from `first`, to run alone or as a
 * part of the statement that records the decision (decision 047); null when there is nothing to
 * reserve.
 */
export function reservationsPart(
  shop: string,
  orderId: string,
  lines: readonly ReservationLine[],
  first: number,
): StatementPart | null {
  if (lines.length === 0) return null;
  const [shopAt, orderAt, locationsAt, skusAt, quantitiesAt, createdAt] = castPlaceholders(
    ["text", "text", "text[]", "text[]", "int[]", "timestamp"],
    first,
  );
  return {
    text: `INSERT INTO "InventoryReservation" ("id", "shop", "orderId", "locationId", "sku", "quantity", "createdAt")
     SELECT gen_random_uuid(), ${shopAt}, ${orderAt}, line."locationId", line."sku", line."quantity", ${createdAt}
       FROM unnest(${locationsAt}, ${skusAt}, ${quantitiesAt}) AS line("locationId", "sku", "quantity")`,
    values: [
      shop,
      orderId,
      lines.map((line) => line.locationId),
      lines.map((line) => line.sku),
      lines.map((line) => line.quantity),
      new Date(),
    ],
  };
}

/** Shopify committed the order's units at the location at `at` (placement, or a move). */
export async function markReservationsReflectedAfter(
  db: Db,
  shop: string,
  orderId: string,
  locationId: string,
  at: Date,
): Promise<void> {
  await sqlExecute(
    db,
    `UPDATE "InventoryReservation" SET "reflectedAfter" = $4
      WHERE "shop" = $1 AND "orderId" = $2 AND "locationId" = $3 AND "clearedAt" IS NULL AND "reflectedAfter" IS NULL`,
    [shop, orderId, locationId, at],
  );
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
  return sqlExecute(
    db,
    `UPDATE "InventoryReservation" r SET "clearedAt" = now(), "clearedReason" = 'REFLECTED'
      WHERE r."shop" = $1 AND r."clearedAt" IS NULL AND r."reflectedAfter" IS NOT NULL
        AND ($2::text IS NULL OR r."orderId" = $2) AND ($3::text IS NULL OR r."locationId" = $3)
        AND EXISTS (SELECT 1 FROM "InventoryLevel" l
                     WHERE l."shop" = r."shop" AND l."locationId" = r."locationId" AND l."sku" = r."sku"
                       AND l."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter"))`,
    [shop, scope.orderId ?? null, scope.locationId ?? null],
  );
}

/**
 * markReservationsReflectedAfter for `locationId`, then clearReflectedReservations for the order,
 * in one statement: after a move, the destination's units count as Shopify's from `at`, and any of
 * the order's reservations the mirror already shows stop counting. Rows neither marked nor
 * cleared are left untouched. Returns how many cleared.
 */
export async function markReflectedAfterAndClear(
  db: Db,
  shop: string,
  orderId: string,
  locationId: string,
  at: Date,
): Promise<number> {
  const [row] = await sqlRows<{ cleared: number }>(
    db,
    `WITH judged AS (
       SELECT r."id", r."reflectedAfter" IS NULL AS "marking", COALESCE(r."reflectedAfter", $4) AS "reflectedAfter",
              EXISTS (SELECT 1 FROM "InventoryLevel" l
                       WHERE l."shop" = r."shop" AND l."locationId" = r."locationId" AND l."sku" = r."sku"
                         AND l."sourceUpdatedAt" >= date_trunc('second', COALESCE(r."reflectedAfter", $4))) AS "reflected"
         FROM "InventoryReservation" r
        WHERE r."shop" = $1 AND r."orderId" = $2 AND r."clearedAt" IS NULL
          AND (r."reflectedAfter" IS NOT NULL OR r."locationId" = $3)
     ), changed AS (
       UPDATE "InventoryReservation" r
          SET "reflectedAfter" = j."reflectedAfter",
              "clearedAt" = CASE WHEN j."reflected" THEN now() END,
              "clearedReason" = CASE WHEN j."reflected" THEN 'REFLECTED' END
         FROM judged j
        WHERE r."id" = j."id" AND (j."marking" OR j."reflected")
       RETURNING j."reflected"
     )
     SELECT count(*) FILTER (WHERE "reflected")::int AS "cleared" FROM changed`,
    [shop, orderId, locationId, at],
  );
  return row?.cleared ?? 0;
}

/** The order's reservations stop counting (cancelled, or a move Shopify refused). */
export async function releaseReservations(
  db: Db,
  shop: string,
  orderId: string,
  reason: "CANCELLED" | "MOVE_FAILED",
  locationId?: string,
): Promise<number> {
  return sqlExecute(
    db,
    `UPDATE "InventoryReservation" SET "clearedAt" = $4, "clearedReason" = $5
      WHERE "shop" = $1 AND "orderId" = $2 AND "clearedAt" IS NULL AND ($3::text IS NULL OR "locationId" = $3)`,
    [shop, orderId, locationId ?? null, new Date(), reason],
  );
}
