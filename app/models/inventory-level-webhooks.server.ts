import type pg from "pg";
import type { NewWebhookEvent } from "./webhook-events.server";

export interface LevelUpdate {
  locationId: string;
  inventoryItemId: string;
  /** Null for an item whose inventory Shopify does not track: recorded, no effect. */
  available: number | null;
  sourceUpdatedAt: Date;
}

/**
 * inventory_levels/update, the busiest topic by far (every sale, receipt and count at every
 * location), recorded and applied in one statement and one round trip instead of a transaction
 * of five (decision 014). It does what a transaction of recordWebhookEventOnce, applyAvailableUpdate
 * and clearReflectedReservations would, and clears the SKU's exception holds the update supersedes:
 * - the event is recorded once per (shop, eventId), and only for an installed shop;
 * - only a recorded event takes effect, and the level only takes a value as new as the one held;
 * - only an applied level clears the location's reflected reservations and the SKU's older holds.
 * The parts of one statement share a snapshot, so the reservation check reads the level just
 * written from `level` and every other level from the table (levels only move forward in time,
 * so what the table shows for them is what the transaction would have shown).
 * Returns whether the event was recorded, and whether the level was applied.
 */
export async function recordAndApplyLevelUpdate(
  db: pg.Pool,
  event: NewWebhookEvent,
  update: LevelUpdate,
): Promise<{ recorded: boolean; applied: boolean }> {
  const { rows } = await db.query<{ recorded: boolean; applied: boolean }>({
    // Named, so each connection plans it once: planning this statement costs Postgres more than running it.
    name: "record-and-apply-level-update",
    text: `WITH event AS (
       INSERT INTO "WebhookEvent" ("id", "shop", "topic", "eventId", "webhookId", "apiVersion", "triggeredAt",
                                   "customerId", "orderIds", "payload")
       SELECT gen_random_uuid(), $1, $2, $3, $4, $5, ($6::timestamptz AT TIME ZONE 'UTC'), $7, $8::text[], $9::jsonb
        WHERE EXISTS (SELECT 1 FROM "ShopInstallation" WHERE "shop" = $1)
       ON CONFLICT ("shop", "eventId") DO NOTHING
       RETURNING "id"
     ), known_sku AS (
       SELECT "sku" FROM "InventoryLevel" WHERE "shop" = $1 AND "inventoryItemId" = $11 AND "sku" IS NOT NULL LIMIT 1
     ), level AS (
       INSERT INTO "InventoryLevel" ("shop", "locationId", "inventoryItemId", "sku", "available", "sourceUpdatedAt")
       SELECT $1, $10, $11, (SELECT "sku" FROM known_sku), $12::int, ($13::timestamptz AT TIME ZONE 'UTC')
         FROM event WHERE $12::int IS NOT NULL
       ON CONFLICT ("shop", "locationId", "inventoryItemId") DO UPDATE SET
         "available" = EXCLUDED."available", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt"
       WHERE "InventoryLevel"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt"
       RETURNING "sku", "sourceUpdatedAt"
     ), reflected AS (
       UPDATE "InventoryReservation" r SET "clearedAt" = now(), "clearedReason" = 'REFLECTED'
        WHERE r."shop" = $1 AND r."locationId" = $10 AND r."clearedAt" IS NULL AND r."reflectedAfter" IS NOT NULL
          AND EXISTS (SELECT 1 FROM level)
          AND (EXISTS (SELECT 1 FROM level
                        WHERE level."sku" = r."sku" AND level."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter"))
               OR EXISTS (SELECT 1 FROM "InventoryLevel" l
                           WHERE l."shop" = r."shop" AND l."locationId" = r."locationId" AND l."sku" = r."sku"
                             AND l."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter")))
       RETURNING 1
     ), released AS (
       DELETE FROM "ExceptionHold" h
        WHERE h."shop" = $1 AND h."locationId" = $10
          AND h."heldSince" < ($13::timestamptz AT TIME ZONE 'UTC')
          AND h."sku" = (SELECT COALESCE(level."sku", (SELECT "sku" FROM known_sku)) FROM level)
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM event) AS "recorded", EXISTS (SELECT 1 FROM level) AS "applied"`,
    values: [
      event.shop,
      event.topic,
      event.eventId,
      event.webhookId,
      event.apiVersion,
      event.triggeredAt?.toISOString() ?? null,
      event.customerId,
      event.orderIds,
      JSON.stringify(event.payload),
      update.locationId,
      update.inventoryItemId,
      update.available,
      update.sourceUpdatedAt.toISOString(),
    ],
  });
  return rows[0] ?? { recorded: false, applied: false };
}
