import type { Prisma } from "@prisma/client";
import { sideWriteCtes, type StatementPart } from "~/db/gated-insert";
import { sqlRows, type Db } from "~/db/sql.server";

export interface NewWebhookEvent {
  shop: string;
  topic: string;
  eventId: string;
  webhookId: string;
  apiVersion: string;
  triggeredAt: Date | null;
  customerId: string | null;
  orderIds: string[];
  payload: Prisma.InputJsonValue;
}

/**
 * Records the event unless the shop already has one with this event id or, with
 * `requireInstalled`, the shop never installed the app. Returns the new row's id, or null when
 * it was not recorded: the unique (shop, eventId) index decides duplicates, so two concurrent
 * deliveries of one event cannot both pass.
 */
export async function recordWebhookEventOnce(
  db: Db,
  event: NewWebhookEvent,
  { requireInstalled }: { requireInstalled: boolean },
): Promise<string | null> {
  return recordWebhookEventOnceWith(db, event, { requireInstalled }, []);
}

/**
 * A write made only when the event is recorded, in the event's own statement: its placeholders
 * numbered from `first`, its row selected from the `recorded` CTE (the new event's id).
 */
export type WriteIfRecorded = (first: number) => StatementPart | Promise<StatementPart>;

/**
 * recordWebhookEventOnce with the topic's effect in the same statement (decisions 014 and 044):
 * `writes` happen when, and only when, the event is new, without a transaction's BEGIN, COMMIT and
 * a round trip each. Returns the new row's id, or null when it was not recorded.
 */
export async function recordWebhookEventOnceWith(
  db: Db,
  event: NewWebhookEvent,
  { requireInstalled }: { requireInstalled: boolean },
  writes: readonly WriteIfRecorded[],
): Promise<string | null> {
  const recorded = webhookEventInsert(event, { requireInstalled });
  const values: unknown[] = [...recorded.values];
  const sideWrites = await sideWriteCtes(values, writes);
  const [row] = await sqlRows<{ id: string }>(
    db,
    `WITH recorded AS (${recorded.text})${sideWrites}
     SELECT "id" FROM recorded`,
    values,
  );
  return row?.id ?? null;
}

/**
 * recordWebhookEventOnce's statement (RETURNING the new row's id), alone or as the first part of
 * a topic's one statement (decision 044). The install check rides on the insert rather than
 * costing a round trip.
 */
export function webhookEventInsert(event: NewWebhookEvent, { requireInstalled }: { requireInstalled: boolean }) {
  return {
    text: `INSERT INTO "WebhookEvent" ("id", "shop", "topic", "eventId", "webhookId", "apiVersion", "triggeredAt", "customerId", "orderIds", "payload")
     SELECT gen_random_uuid(), $1, $2, $3, $4, $5, $6::timestamp, $7, $8::text[], $9::jsonb
      WHERE NOT $10::boolean OR EXISTS (SELECT 1 FROM "ShopInstallation" WHERE "shop" = $1)
     ON CONFLICT ("shop", "eventId") DO NOTHING
     RETURNING "id"`,
    values: [
      event.shop,
      event.topic,
      event.eventId,
      event.webhookId,
      event.apiVersion,
      event.triggeredAt,
      event.customerId,
      event.orderIds,
      JSON.stringify(event.payload),
      requireInstalled,
    ],
  } satisfies StatementPart;
}

/** One of the shop's recorded events: its topic and payload as stored; null when gone. */
export function findWebhookEvent(db: Prisma.TransactionClient, shop: string, id: string) {
  return db.webhookEvent.findFirst({ where: { shop, id }, select: { topic: true, payload: true } });
}

export async function deleteWebhookEvent(db: Prisma.TransactionClient, shop: string, id: string): Promise<void> {
  await db.webhookEvent.deleteMany({ where: { shop, id } });
}

/** The shop's latest events of one topic, newest first. */
export function latestWebhookEvents(db: Prisma.TransactionClient, shop: string, topic: string, take: number) {
  return db.webhookEvent.findMany({
    where: { shop, topic },
    orderBy: { receivedAt: "desc" },
    take,
    select: { receivedAt: true, payload: true },
  });
}

/**
 * Deletes the shop's events received before `before`, a batch at a time so that no one
 * statement holds locks for long; returns how many went.
 */
export async function deleteWebhookEventsReceivedBefore(
  db: Prisma.TransactionClient,
  shop: string,
  before: Date,
  batchSize = 5_000,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "WebhookEvent"
       WHERE "id" IN (SELECT "id" FROM "WebhookEvent" WHERE "shop" = ${shop} AND "receivedAt" < ${before} LIMIT ${batchSize})`;
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
