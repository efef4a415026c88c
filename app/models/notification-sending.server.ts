import type { NotificationChannel, Prisma } from "@prisma/client";
import { ORDER_CONTACT_FIELDS, type OrderContactFacts } from "./order-contacts.server";
import { PICKUP_PASS_TASK_FIELDS, type PickupPassTask } from "./pickup-pass.server";

type Db = Prisma.TransactionClient;

/**
 * What the sending job (app/services/notifications/send/) reads and writes of Notification rows:
 * it takes due rows with FOR UPDATE SKIP LOCKED, so two runs never take the same row, and marks
 * them SENDING in that transaction, committed before any vendor is called. The scans cross shops
 * (one job sends for every shop); each write after that names the row's shop.
 */

/** The channels the job sends. */
export const SENT_CHANNELS: readonly NotificationChannel[] = ["SMS", "EMAIL", "PUSH"];

export interface NotificationToSend {
  id: string;
  shop: string;
  orderId: string;
  step: string;
  channel: NotificationChannel;
  locationId: string | null;
  recipient: string | null;
  sendAt: Date;
  statusAt: Date;
  attempts: number;
}

/**
 * Locks up to `limit` rows SCHEDULED and due by `now` (of `shop` only, when given: a test's
 * own), oldest first, skipping rows another run holds.
 */
export async function lockDueNotifications(
  tx: Db,
  { now, limit, shop }: { now: Date; limit: number; shop?: string },
): Promise<NotificationToSend[]> {
  return tx.$queryRaw<NotificationToSend[]>`
    SELECT id::text, shop, "orderId", step, channel::text AS channel, "locationId", recipient, "sendAt", "statusAt", attempts
      FROM "Notification"
     WHERE status = 'SCHEDULED' AND "sendAt" <= ${now}
       AND channel::text = ANY(${[...SENT_CHANNELS]}::text[])
       AND (${shop ?? null}::text IS NULL OR shop = ${shop ?? null})
     ORDER BY "sendAt"
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
}

/**
 * Locks up to `limit` rows whose send is in doubt: texts and pushes UNKNOWN since before `unknownBefore`
 * (the status callback had its chance to settle them), and rows SENDING since before
 * `stuckBefore` (the run that took them stopped before recording the vendor's answer). An email
 * left UNKNOWN is never taken: it is never sent again, and SendGrid's events settle it if it went.
 */
export async function lockNotificationsInDoubt(
  tx: Db,
  { unknownBefore, stuckBefore, limit, shop }: { unknownBefore: Date; stuckBefore: Date; limit: number; shop?: string },
): Promise<NotificationToSend[]> {
  return tx.$queryRaw<NotificationToSend[]>`
    SELECT id::text, shop, "orderId", step, channel::text AS channel, "locationId", recipient, "sendAt", "statusAt", attempts
      FROM "Notification"
     WHERE ((status = 'UNKNOWN' AND channel IN ('SMS', 'PUSH') AND "statusAt" < ${unknownBefore})
            OR (status = 'SENDING' AND "statusAt" < ${stuckBefore}))
       AND channel::text = ANY(${[...SENT_CHANNELS]}::text[])
       AND (${shop ?? null}::text IS NULL OR shop = ${shop ?? null})
     ORDER BY "statusAt"
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
}

/**
 * Marks locked rows SENDING at `now`. `attempts` counts calls to the vendor that may have sent
 * the message: taking a row to send counts one, taking it to reconcile does not (the resend does).
 */
export async function markNotificationsSending(
  tx: Db,
  ids: readonly string[],
  now: Date,
  { countAttempt }: { countAttempt: boolean },
): Promise<void> {
  if (ids.length === 0) return;
  await tx.notification.updateMany({
    where: { id: { in: [...ids] } },
    data: { status: "SENDING", statusAt: now, ...(countAttempt ? { attempts: { increment: 1 } } : {}) },
  });
}

/** One more vendor call for a SENDING row (a reconciled text sent again). */
export async function countNotificationAttempt(db: Db, shop: string, id: string): Promise<void> {
  await db.notification.updateMany({ where: { shop, id, status: "SENDING" }, data: { attempts: { increment: 1 } } });
}

/** The send time of a row a status callback moved past SENDING before the job recorded the vendor's answer. */
export async function recordSentAtIfMissing(db: Db, shop: string, id: string, sentAt: Date): Promise<void> {
  await db.notification.updateMany({ where: { shop, id, sentAt: null }, data: { sentAt } });
}

/** A locked row due inside its quiet hours waits, still SCHEDULED, for the window's opening. */
export async function postponeNotification(tx: Db, shop: string, id: string, sendAt: Date): Promise<void> {
  await tx.notification.updateMany({ where: { shop, id, status: "SCHEDULED" }, data: { sendAt } });
}

/** When the next SCHEDULED row comes due (of `shop` only, when given); null when none waits. */
export async function nextNotificationSendAt(db: Db, shop?: string): Promise<Date | null> {
  const next = await db.notification.findFirst({
    where: { status: "SCHEDULED", channel: { in: [...SENT_CHANNELS] }, ...(shop ? { shop } : {}) },
    orderBy: { sendAt: "asc" },
    select: { sendAt: true },
  });
  return next?.sendAt ?? null;
}

/**
 * Who each message is going to, written for a whole batch in one statement before any vendor is
 * called, so a reconciliation knows whom to ask about.
 */
export async function recordNotificationRecipients(
  db: Db,
  recipients: readonly { shop: string; id: string; recipient: string }[],
): Promise<void> {
  if (recipients.length === 0) return;
  await db.$executeRaw`
    UPDATE "Notification" AS n
       SET recipient = v.recipient, "updatedAt" = now()
      FROM unnest(${recipients.map((entry) => entry.id)}::uuid[],
                  ${recipients.map((entry) => entry.shop)}::text[],
                  ${recipients.map((entry) => entry.recipient)}::text[]) AS v(id, shop, recipient)
     WHERE n.id = v.id AND n.shop = v.shop AND n.status = 'SENDING'`;
}

/** The contacts of the shop's orders among `orderIds`, by order id. */
export async function orderContactsOf(
  db: Db,
  shop: string,
  orderIds: readonly string[],
): Promise<Map<string, OrderContactFacts>> {
  const rows = await db.orderContact.findMany({
    where: { shop, orderId: { in: [...orderIds] } },
    select: ORDER_CONTACT_FIELDS,
  });
  return new Map(rows.map((row) => [row.orderId, row]));
}

/** Which of `phones` (E.164) replied STOP to the shop. */
export async function smsOptedOutAmong(db: Db, shop: string, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.smsOptOut.findMany({ where: { shop, phone: { in: [...phones] } }, select: { phone: true } });
  return new Set(rows.map((row) => row.phone));
}

export type OrderPickupTask = PickupPassTask & { orderId: string };

/** The pickup tasks of the shop's orders among `orderIds`, oldest assignment first (as pickupTasksOfOrder orders them). */
export async function pickupTasksOfOrders(
  db: Db,
  shop: string,
  orderIds: readonly string[],
): Promise<OrderPickupTask[]> {
  return db.storeTask.findMany({
    where: { shop, orderId: { in: [...orderIds] }, kind: "PICKUP" },
    select: { ...PICKUP_PASS_TASK_FIELDS, orderId: true },
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
  });
}

/** What a send came to, as the job records it. */
export interface SendOutcomeWrite {
  shop: string;
  id: string;
  status: "SENT" | "FAILED" | "UNKNOWN" | "SKIPPED";
  at: Date;
  providerMessageId: string | null;
  errorCode: string | null;
  reason: string | null;
  sentAt: Date | null;
}

/**
 * Records many sends' outcomes in one statement, each only on a row still SENDING (or, for SENT,
 * UNKNOWN: a late answer settles the doubt) whose message id, if any, is the same: a status
 * callback that got there first is never undone. A SENT whose row a callback already moved keeps
 * the send time. Returns the ids moved.
 */
export async function recordSendOutcomes(db: Db, outcomes: readonly SendOutcomeWrite[]): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const column = <T>(pick: (outcome: SendOutcomeWrite) => T) => outcomes.map(pick);
  const moved = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" AS n
       SET status = v.status::"NotificationStatus",
           "statusAt" = v.at::timestamptz AT TIME ZONE 'UTC',
           "providerMessageId" = COALESCE(v.pid, n."providerMessageId"),
           "errorCode" = v.code,
           reason = v.reason,
           "sentAt" = COALESCE(v.sent::timestamptz AT TIME ZONE 'UTC', n."sentAt"),
           "updatedAt" = now()
      FROM unnest(${column((o) => o.id)}::uuid[], ${column((o) => o.shop)}::text[],
                  ${column((o) => o.status)}::text[], ${column((o) => o.at.toISOString())}::text[],
                  ${column((o) => o.providerMessageId)}::text[], ${column((o) => o.errorCode)}::text[],
                  ${column((o) => o.reason)}::text[], ${column((o) => o.sentAt?.toISOString() ?? null)}::text[])
           AS v(id, shop, status, at, pid, code, reason, sent)
     WHERE n.id = v.id AND n.shop = v.shop
       AND (n.status = 'SENDING' OR (v.status = 'SENT' AND n.status = 'UNKNOWN'))
       AND (v.pid IS NULL OR n."providerMessageId" IS NULL OR n."providerMessageId" = v.pid)
    RETURNING n.id::text AS id`;
  const movedIds = new Set(moved.map((row) => row.id));
  const lateSent = outcomes.filter((outcome) => outcome.status === "SENT" && !movedIds.has(outcome.id));
  for (const outcome of lateSent)
    await recordSentAtIfMissing(db, outcome.shop, outcome.id, outcome.sentAt ?? outcome.at);
  return movedIds;
}
