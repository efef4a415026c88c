import type { Prisma, StoreTaskAlertEmail, StoreTaskKind } from "@prisma/client";

import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * The email telling a store an order arrived (StoreTaskAlertEmail in prisma/schema.prisma): one
 * per task at most, sent at most once. A row goes PENDING (attempts 0) → claimed (attempts 1,
 * `sentAt` when it was handed to SendGrid) → SENT, FAILED or UNKNOWN. Every query is scoped by shop.
 */

/** Where the store's team is emailed; null when the merchant gave the store no address. */
export async function storeEmailOf(db: SqlDb, shop: string, locationId: string): Promise<string | null> {
  const [profile] = await sqlRows<{ storeEmail: string | null }>(
    db,
    `SELECT "storeEmail" FROM "LocationProfile" WHERE "shop" = $1 AND "locationId" = $2`,
    [shop, locationId],
  );
  return profile?.storeEmail ?? null;
}

/** Records the email to send; false when the task already has one (a sync that ran twice). */
export async function createStoreTaskAlertEmail(
  db: SqlDb,
  shop: string,
  taskId: string,
  recipient: string,
): Promise<boolean> {
  const now = new Date();
  const count = await sqlExecute(
    db,
    `INSERT INTO "StoreTaskAlertEmail" ("shop", "taskId", "recipient", "createdAt")
     VALUES ($1, $2::uuid, $3, $4) ON CONFLICT DO NOTHING`,
    [shop, taskId, recipient, now],
  );
  return count === 1;
}

/** What the email says, read when it is sent: the task as it stands, its lines, its store. */
export interface AlertEmailToSend {
  recipient: string;
  status: StoreTaskAlertEmail["status"];
  attempts: number;
  task: {
    orderName: string;
    kind: StoreTaskKind;
    locationId: string;
    dueAt: Date | null;
    customerName: string | null;
    endedAt: Date | null;
  };
  lines: { sku: string | null; title: string; variantTitle: string | null; quantity: number }[];
  storeName: string | null;
  timeZone: string | null;
}

export async function findAlertEmailToSend(db: Db, shop: string, taskId: string): Promise<AlertEmailToSend | null> {
  const row = await db.storeTaskAlertEmail.findFirst({
    where: { shop, taskId },
    select: {
      recipient: true,
      status: true,
      attempts: true,
      task: {
        select: {
          orderName: true,
          kind: true,
          locationId: true,
          dueAt: true,
          customerName: true,
          endedAt: true,
          lines: {
            where: { takenOffAt: null },
            select: { sku: true, title: true, variantTitle: true, quantity: true },
            orderBy: { position: "asc" },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { lines, ...task } = row.task;
  const location = await db.location.findUnique({
    where: { shop_locationId: { shop, locationId: task.locationId } },
    select: { name: true, profile: { select: { timeZone: true } } },
  });
  return {
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    task,
    lines,
    storeName: location?.name ?? null,
    timeZone: location?.profile?.timeZone ?? null,
  };
}

/**
 * Takes the email for sending: true for exactly one caller, and only while it was never taken.
 * The claim is committed before the send, so a send whose outcome was lost is never made again.
 */
export async function claimAlertEmail(db: Db, shop: string, taskId: string, at: Date): Promise<boolean> {
  const { count } = await db.storeTaskAlertEmail.updateMany({
    where: { shop, taskId, status: "PENDING", attempts: 0 },
    data: { attempts: 1, sentAt: at },
  });
  return count === 1;
}

export type AlertEmailOutcome =
  { status: "SENT"; providerMessageId: string | null } | { status: "FAILED" | "UNKNOWN"; error: string };

/**
 * Records what came of a send. It may overwrite UNKNOWN: a run that found the claim of one
 * still sending took it for lost, and what SendGrid answered is the better word.
 */
export async function recordAlertEmailOutcome(
  db: Db,
  shop: string,
  taskId: string,
  outcome: AlertEmailOutcome,
): Promise<void> {
  await db.storeTaskAlertEmail.updateMany({
    where: { shop, taskId, status: { in: ["PENDING", "UNKNOWN"] }, attempts: { gt: 0 } },
    data:
      outcome.status === "SENT"
        ? { status: "SENT", providerMessageId: outcome.providerMessageId, error: null }
        : { status: outcome.status, error: outcome.error },
  });
}

/** A claimed email whose sender stopped before recording what came of it: it may have gone. */
export async function markClaimedAlertEmailUnknown(
  db: Db,
  shop: string,
  taskId: string,
  error: string,
): Promise<boolean> {
  const { count } = await db.storeTaskAlertEmail.updateMany({
    where: { shop, taskId, status: "PENDING", attempts: { gt: 0 } },
    data: { status: "UNKNOWN", error },
  });
  return count === 1;
}

/** Drops an email never taken for sending (its order left the store first): the store was not emailed. */
export async function discardUnsentAlertEmail(db: Db, shop: string, taskId: string): Promise<void> {
  await db.storeTaskAlertEmail.deleteMany({ where: { shop, taskId, status: "PENDING", attempts: 0 } });
}

export type AlertEmailStatusRow = Pick<
  StoreTaskAlertEmail,
  "taskId" | "recipient" | "status" | "sentAt" | "error" | "createdAt"
>;

/** The emails of these tasks, for the order page's timeline. */
export function alertEmailsOfTasks(db: Db, shop: string, taskIds: readonly string[]): Promise<AlertEmailStatusRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.storeTaskAlertEmail.findMany({
    where: { shop, taskId: { in: [...taskIds] } },
    select: { taskId: true, recipient: true, status: true, sentAt: true, error: true, createdAt: true },
  });
}
