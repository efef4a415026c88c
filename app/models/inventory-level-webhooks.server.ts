import type pg from "pg";
import { StatementBatcher } from "~/db/statement-batcher.server";
import type { NewWebhookEvent } from "./webhook-events.server";

export interface LevelUpdate {
  locationId: string;
  inventoryItemId: string;
  /** Null for an item whose inventory Shopify does not track: recorded, no effect. */
  available: number | null;
  sourceUpdatedAt: Date;
}

/** One delivery's outcome. */
export interface LevelUpdateOutcome {
  /** The event was new for an installed shop, and is now recorded. */
  recorded: boolean;
  /**
   * Its quantity is the one the mirror took: false for a duplicate, an untracked item, an update
   * older than the level held, or one superseded by a newer update of the same level in its batch.
   */
  applied: boolean;
}

export interface LevelUpdateDelivery {
  event: NewWebhookEvent;
  update: LevelUpdate;
}

/**
 * inventory_levels/update, the busiest topic by far (every sale, receipt and count at every
 * location), recorded and applied for a whole batch of deliveries in one statement and one round
 * trip (decisions 014 and the batching one). It does what a transaction of recordWebhookEventOnce,
 * applyAvailableUpdate and clearReflectedReservations would for each delivery in turn, and clears
 * the SKU's exception holds the update supersedes:
 * - an event is recorded once per (shop, eventId), and only for an installed shop; the second of
 *   two deliveries of one event in a batch is a redelivery, as it would be one after the other;
 * - only a recorded event takes effect, and a level only takes a value as new as the one held;
 *   of several updates of one level in a batch the newest wins (the later-delivered on a tie), as
 *   applying them in delivery order would leave it;
 * - only an applied level clears its location's reflected reservations and the SKU's older holds.
 *   Both effects only grow with the level's time, so the newest update's effects are the union of
 *   what the batch's updates would have cleared one by one.
 * The parts of one statement share a snapshot, so the reservation check reads the levels just
 * written from `level` and every other level from the table (levels only move forward in time,
 * so what the table shows for them is what the transaction would have shown).
 * Returns each delivery's outcome, in order.
 */
export async function recordAndApplyLevelUpdates(
  db: pg.Pool,
  deliveries: readonly LevelUpdateDelivery[],
): Promise<LevelUpdateOutcome[]> {
  if (deliveries.length === 0) return [];
  // A second delivery of one event in the batch would meet the first in the same INSERT: it is
  // answered as the redelivery it is, without going to the database.
  const firstOfEvent = new Map<string, number>();
  const rows = deliveries.flatMap(({ event, update }, ord) => {
    const key = `${event.shop}\u0000${event.eventId}`;
    if (firstOfEvent.has(key)) return [];
    firstOfEvent.set(key, ord);
    return [
      {
        ord,
        shop: event.shop,
        topic: event.topic,
        eventId: event.eventId,
        webhookId: event.webhookId,
        apiVersion: event.apiVersion,
        triggeredAt: event.triggeredAt?.toISOString() ?? null,
        customerId: event.customerId,
        orderIds: event.orderIds,
        payload: event.payload,
        locationId: update.locationId,
        inventoryItemId: update.inventoryItemId,
        available: update.available,
        sourceUpdatedAt: update.sourceUpdatedAt.toISOString(),
      },
    ];
  });
  const { rows: outcomes } = await db.query<{ ord: number; recorded: boolean; applied: boolean }>({
    // Named, so each connection plans it once: planning this statement costs Postgres more than running it.
    name: "record-and-apply-level-updates",
    text: `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
         "ord" int, "shop" text, "topic" text, "eventId" text, "webhookId" text, "apiVersion" text,
         "triggeredAt" timestamptz, "customerId" text, "orderIds" jsonb, "payload" jsonb,
         "locationId" text, "inventoryItemId" text, "available" int, "sourceUpdatedAt" timestamptz)
     ), event AS (
       INSERT INTO "WebhookEvent" ("id", "shop", "topic", "eventId", "webhookId", "apiVersion", "triggeredAt",
                                   "customerId", "orderIds", "payload")
       SELECT gen_random_uuid(), i."shop", i."topic", i."eventId", i."webhookId", i."apiVersion",
              i."triggeredAt" AT TIME ZONE 'UTC', i."customerId",
              ARRAY(SELECT jsonb_array_elements_text(i."orderIds")), i."payload"
         FROM input i
        WHERE EXISTS (SELECT 1 FROM "ShopInstallation" s WHERE s."shop" = i."shop")
       ON CONFLICT ("shop", "eventId") DO NOTHING
       RETURNING "shop", "eventId"
     ), recorded AS (
       SELECT i.* FROM input i JOIN event e ON e."shop" = i."shop" AND e."eventId" = i."eventId"
     ), latest AS (
       SELECT DISTINCT ON (r."shop", r."locationId", r."inventoryItemId")
              r."ord", r."shop", r."locationId", r."inventoryItemId", r."available",
              r."sourceUpdatedAt" AT TIME ZONE 'UTC' AS "sourceUpdatedAt",
              (SELECT k."sku" FROM "InventoryLevel" k
                WHERE k."shop" = r."shop" AND k."inventoryItemId" = r."inventoryItemId" AND k."sku" IS NOT NULL
                LIMIT 1) AS "knownSku"
         FROM recorded r
        WHERE r."available" IS NOT NULL
        ORDER BY r."shop", r."locationId", r."inventoryItemId", r."sourceUpdatedAt" DESC, r."ord" DESC
     ), level AS (
       INSERT INTO "InventoryLevel" ("shop", "locationId", "inventoryItemId", "sku", "available", "sourceUpdatedAt")
       SELECT l."shop", l."locationId", l."inventoryItemId", l."knownSku", l."available", l."sourceUpdatedAt"
         FROM latest l
       ON CONFLICT ("shop", "locationId", "inventoryItemId") DO UPDATE SET
         "available" = EXCLUDED."available", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt"
       WHERE "InventoryLevel"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt"
       RETURNING "shop", "locationId", "inventoryItemId", "sku", "sourceUpdatedAt"
     ), applied AS (
       SELECT l."ord", lv."shop", lv."locationId", COALESCE(lv."sku", l."knownSku") AS "sku", lv."sourceUpdatedAt"
         FROM level lv
         JOIN latest l ON l."shop" = lv."shop" AND l."locationId" = lv."locationId"
                      AND l."inventoryItemId" = lv."inventoryItemId"
     ), reflected AS (
       UPDATE "InventoryReservation" r SET "clearedAt" = now(), "clearedReason" = 'REFLECTED'
        WHERE r."clearedAt" IS NULL AND r."reflectedAfter" IS NOT NULL
          AND EXISTS (SELECT 1 FROM applied a WHERE a."shop" = r."shop" AND a."locationId" = r."locationId")
          AND (EXISTS (SELECT 1 FROM applied a
                        WHERE a."shop" = r."shop" AND a."locationId" = r."locationId" AND a."sku" = r."sku"
                          AND a."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter"))
               OR EXISTS (SELECT 1 FROM "InventoryLevel" l
                           WHERE l."shop" = r."shop" AND l."locationId" = r."locationId" AND l."sku" = r."sku"
                             AND l."sourceUpdatedAt" >= date_trunc('second', r."reflectedAfter")))
       RETURNING 1
     ), released AS (
       DELETE FROM "ExceptionHold" h
        USING applied a
        WHERE h."shop" = a."shop" AND h."locationId" = a."locationId" AND h."sku" = a."sku"
          AND h."heldSince" < a."sourceUpdatedAt"
       RETURNING 1
     )
     SELECT i."ord",
            EXISTS (SELECT 1 FROM recorded r WHERE r."ord" = i."ord") AS "recorded",
            EXISTS (SELECT 1 FROM applied a WHERE a."ord" = i."ord") AS "applied"
       FROM input i`,
    values: [JSON.stringify(rows)],
  });
  const byOrd = new Map(outcomes.map((outcome) => [outcome.ord, outcome]));
  return deliveries.map((_, ord) => {
    const outcome = byOrd.get(ord);
    return { recorded: outcome?.recorded ?? false, applied: outcome?.applied ?? false };
  });
}

/**
 * Batch limits (figures in the batching decision): a few statements at once leave the rest of the
 * pool to everything else, and while they run the deliveries arriving meanwhile gather into the
 * next one, so under load one statement carries many and at low load each goes at once.
 */
const LEVEL_UPDATE_BATCHES = { maxBatch: 200, maxInFlight: 3 };

const batchers = new WeakMap<pg.Pool, StatementBatcher<LevelUpdateDelivery, LevelUpdateOutcome>>();

/**
 * One delivery, recorded and applied in the same statement as the other deliveries that arrive in
 * the same tick on this pool (recordAndApplyLevelUpdates); resolves with this delivery's outcome.
 */
export function recordAndApplyLevelUpdate(
  db: pg.Pool,
  event: NewWebhookEvent,
  update: LevelUpdate,
): Promise<LevelUpdateOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher((deliveries) => recordAndApplyLevelUpdates(db, deliveries), LEVEL_UPDATE_BATCHES);
    batchers.set(db, batcher);
  }
  return batcher.run({ event, update });
}
