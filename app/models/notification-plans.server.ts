import type { NotificationChannel, Prisma } from "@prisma/client";
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  SHOPIFY_MESSAGES,
  SKIP_REASONS,
  type CadencePlan,
  type CadenceStepKey,
  type NotificationSettings,
} from "~/domain/notifications";
import { findNotificationSettings } from "./notification-settings.server";
import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * An order's planned messages (Notification rows) as the cadence changes them, always inside the
 * transaction of the event that changed them: one row per (order, step, channel), so a duplicate
 * or late event adds nothing; only a SCHEDULED row is moved or cancelled, never one on its way.
 */

/** Shopify's own messages are kept as rows too, for the order's timeline ("sent by Shopify"). */
export const SHOPIFY_STEP_PREFIX = "SHOPIFY:";
export const SENT_BY_SHOPIFY = "Sent by Shopify";

export const isCadenceStep = (step: string): step is CadenceStepKey => !step.startsWith(SHOPIFY_STEP_PREFIX);

/** The shop's cadence settings; the defaults when none are saved or the saved ones no longer read. */
export async function readNotificationSettings(db: SqlDb, shop: string): Promise<NotificationSettings> {
  return (await findNotificationSettings(db, shop))?.settings ?? DEFAULT_NOTIFICATION_SETTINGS;
}

/** The store's zone, in which its shoppers' messages keep quiet hours; null for a location the app does not know. */
export async function storeTimeZoneOf(db: SqlDb, shop: string, locationId: string): Promise<string | null> {
  const [profile] = await sqlRows<{ timeZone: string }>(
    db,
    `SELECT "timeZone" FROM "LocationProfile" WHERE "shop" = $1 AND "locationId" = $2`,
    [shop, locationId],
  );
  return profile?.timeZone ?? null;
}

/**
 * Writes what `plan` decided for the order, at `at` (the event's time: when a skipped message
 * would have gone). Returns how many messages were newly scheduled.
 */
export async function applyCadencePlan(
  db: SqlDb,
  shop: string,
  orderId: string,
  plan: CadencePlan,
  at: Date,
): Promise<number> {
  if (plan.cancel.length > 0) {
    await sqlExecute(
      db,
      `UPDATE "Notification"
          SET "status" = 'CANCELLED', "statusAt" = $4, "reason" = 'No longer needed', "updatedAt" = $5
        WHERE "shop" = $1 AND "orderId" = $2 AND "status" = 'SCHEDULED' AND "step" = ANY($3::text[])`,
      [shop, orderId, [...plan.cancel], at, new Date()],
    );
  }
  for (const moved of plan.schedule.filter((message) => message.rescheduled)) {
    await sqlExecute(
      db,
      `UPDATE "Notification" SET "sendAt" = $5, "locationId" = $6, "updatedAt" = $7
        WHERE "shop" = $1 AND "orderId" = $2 AND "step" = $3 AND "channel" = $4::"NotificationChannel"
          AND "status" = 'SCHEDULED'`,
      [shop, orderId, moved.step, moved.channel, moved.sendAt, moved.locationId, new Date()],
    );
  }
  const fresh = plan.schedule.filter((message) => !message.rescheduled);
  const created = await insertNotifications(
    db,
    shop,
    orderId,
    fresh.map((message) => ({ ...message, status: "SCHEDULED" as const, reason: null })),
  );
  const notSent = [
    ...plan.skipped.map((skip) => ({
      step: skip.step,
      channel: skip.channel,
      reason: SKIP_REASONS[skip.reason],
      at: null,
    })),
    ...plan.shopifySends.map((send) => ({
      step: `${SHOPIFY_STEP_PREFIX}${send.message}`,
      channel: send.channel,
      reason: SENT_BY_SHOPIFY,
      at: send.at,
    })),
  ];
  await insertNotifications(
    db,
    shop,
    orderId,
    notSent.map((entry) => ({
      step: entry.step,
      channel: entry.channel as NotificationChannel,
      locationId: null,
      sendAt: entry.at ?? at,
      status: "SKIPPED" as const,
      reason: entry.reason,
    })),
  );
  return created;
}

interface NewNotification {
  step: string;
  channel: NotificationChannel;
  locationId: string | null;
  sendAt: Date;
  status: "SCHEDULED" | "SKIPPED";
  reason: string | null;
}

/** Inserts the rows in one statement; a (step, channel) the order already has is left as it is. Returns how many were new. */
async function insertNotifications(
  db: SqlDb,
  shop: string,
  orderId: string,
  rows: readonly NewNotification[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const now = new Date();
  return sqlExecute(
    db,
    `INSERT INTO "Notification"
       ("id", "shop", "orderId", "step", "channel", "locationId", "sendAt", "status", "reason", "statusAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, row."step", row."channel"::"NotificationChannel", row."locationId",
            row."sendAt", row."status"::"NotificationStatus", row."reason", $9, $9, $9
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::text[], $8::text[])
            AS row("step", "channel", "locationId", "sendAt", "status", "reason")
     ON CONFLICT ("shop", "orderId", "step", "channel") DO NOTHING`,
    [
      shop,
      orderId,
      rows.map((row) => row.step),
      rows.map((row) => row.channel),
      rows.map((row) => row.locationId),
      rows.map((row) => row.sendAt.toISOString()),
      rows.map((row) => row.status),
      rows.map((row) => row.reason),
      now,
    ],
  );
}

/** Shopify's message keys as the timeline names them. */
export function shopifyMessageLabel(step: string): string | null {
  if (!step.startsWith(SHOPIFY_STEP_PREFIX)) return null;
  const key = step.slice(SHOPIFY_STEP_PREFIX.length);
  return SHOPIFY_MESSAGES.find((message) => message.key === key)?.description ?? null;
}

/** An open pickup task past its due time whose order has no delay notice planned yet. */
export interface LatePickupTask {
  shop: string;
  orderId: string;
  locationId: string;
}

/**
 * Pickup orders running late, every shop's, oldest due first: the promise (the task's due time)
 * has passed and the order is not ready. Those already told (a DELAY_NOTICE row) are left out, so
 * each order is told once.
 */
export function latePickupTasksNotYetTold(db: Db, now: Date, limit: number): Promise<LatePickupTask[]> {
  return db.$queryRaw<LatePickupTask[]>`
    SELECT t.shop, t."orderId", t."locationId"
    FROM "StoreTask" t
    WHERE t.kind = 'PICKUP'
      AND t.state IN ('NEW', 'PICKING', 'PACKED', 'STAGED', 'EXCEPTION')
      AND t."dueAt" < ${now}
      AND NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n.shop = t.shop AND n."orderId" = t."orderId" AND n.step = 'DELAY_NOTICE'
      )
    ORDER BY t."dueAt"
    LIMIT ${limit}`;
}
