import type { Prisma } from "@prisma/client";
import type { UncollectedCancellationStatus } from "~/domain/notifications/uncollected-cancel";

type Db = Prisma.TransactionClient;

/**
 * Each pickup order the uncollected policy cancels, once per (shop, order): the row is claimed
 * (REQUESTED) before Shopify is asked, and settled once Shopify answered (CANCELLED, FAILED) or the
 * re-read showed there was nothing to cancel (SKIPPED). A claim left REQUESTED by a run that died
 * is taken again by a later run, which re-reads the order before asking anything again.
 */

export interface UncollectedCancellationRow {
  orderId: string;
  status: UncollectedCancellationStatus;
  reason: string | null;
  restock: boolean;
  refund: boolean;
  requestedAt: Date;
  settledAt: Date | null;
}

/** Shops whose saved notification settings have auto-cancel on. */
export async function shopsWithAutoCancelOn(db: Db): Promise<string[]> {
  const rows = await db.notificationSettings.findMany({
    where: { settings: { path: ["uncollected", "autoCancel"], equals: true } },
    select: { shop: true },
    orderBy: { shop: "asc" },
  });
  return rows.map((row) => row.shop);
}

/** Claims the order for cancelling; false when a row already exists (claimed, settled or skipped before). */
export async function claimUncollectedCancellation(
  db: Db,
  shop: string,
  claim: { orderId: string; restock: boolean; refund: boolean; at: Date },
): Promise<boolean> {
  const inserted = await db.uncollectedCancellation.createMany({
    data: [
      {
        shop,
        orderId: claim.orderId,
        status: "REQUESTED",
        restock: claim.restock,
        refund: claim.refund,
        requestedAt: claim.at,
      },
    ],
    skipDuplicates: true,
  });
  return inserted.count === 1;
}

/** The orders whose claim was left REQUESTED since before `claimedBefore`: a run that died or lost Shopify's answer. */
export async function staleRequestedCancellations(
  db: Db,
  shop: string,
  claimedBefore: Date,
): Promise<{ orderId: string; restock: boolean; refund: boolean }[]> {
  return db.uncollectedCancellation.findMany({
    where: { shop, status: "REQUESTED", requestedAt: { lt: claimedBefore } },
    select: { orderId: true, restock: true, refund: true },
    orderBy: { requestedAt: "asc" },
  });
}

/**
 * Takes a stale REQUESTED claim over, so two runs never work on it at once; false when another
 * run took it (or settled it) first.
 */
export async function reclaimStaleCancellation(
  db: Db,
  shop: string,
  orderId: string,
  claimedBefore: Date,
  at: Date,
): Promise<boolean> {
  const updated = await db.uncollectedCancellation.updateMany({
    where: { shop, orderId, status: "REQUESTED", requestedAt: { lt: claimedBefore } },
    data: { requestedAt: at },
  });
  return updated.count === 1;
}

/** Settles a claim still REQUESTED; a settled row is never changed again. */
export async function settleUncollectedCancellation(
  db: Db,
  shop: string,
  orderId: string,
  outcome: { status: Exclude<UncollectedCancellationStatus, "REQUESTED">; reason: string | null; at: Date },
): Promise<boolean> {
  const updated = await db.uncollectedCancellation.updateMany({
    where: { shop, orderId, status: "REQUESTED" },
    data: { status: outcome.status, reason: outcome.reason, settledAt: outcome.at },
  });
  return updated.count === 1;
}

/** Keeps the claim REQUESTED, noting why Shopify's answer is not known yet (the next run re-reads). */
export async function noteUnsettledCancellation(db: Db, shop: string, orderId: string, reason: string): Promise<void> {
  await db.uncollectedCancellation.updateMany({
    where: { shop, orderId, status: "REQUESTED" },
    data: { reason },
  });
}

export async function findUncollectedCancellation(
  db: Db,
  shop: string,
  orderId: string,
): Promise<UncollectedCancellationRow | null> {
  const row = await db.uncollectedCancellation.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (!row) return null;
  return { ...row, status: row.status as UncollectedCancellationStatus }; // written only by this file, with these four.
}
