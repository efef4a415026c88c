import type { Prisma } from "@prisma/client";
import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * How the shop's inventory mirror is syncing, for the Inventory page: the full sync's latest job
 * (pg-boss keeps it in its queue's table, with the shop in its data) and when a full sync last
 * finished. Every query is scoped by the shop its job data names.
 */

export type FullSyncJobState = "QUEUED" | "RUNNING" | "RETRYING" | "FAILED" | "DONE";

export interface FullSyncJob {
  state: FullSyncJobState;
  queuedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

const STATES: Record<string, FullSyncJobState> = {
  created: "QUEUED",
  retry: "RETRYING",
  active: "RUNNING",
  completed: "DONE",
  failed: "FAILED",
  cancelled: "FAILED",
};

/** The shop's latest job on the full sync's queue (queued, running or finished), or null. */
export async function latestFullSyncJob(db: Db, shop: string, queue: string): Promise<FullSyncJob | null> {
  const [row] = await db.$queryRawUnsafe<
    { state: string; createdOn: Date; startedOn: Date | null; completedOn: Date | null }[]
  >(
    `SELECT state::text, created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn"
       FROM pgboss.job
      WHERE name = $1 AND data->>'shop' = $2
      ORDER BY created_on DESC, id DESC
      LIMIT 1`,
    queue,
    shop,
  );
  if (!row) return null;
  return {
    state: STATES[row.state] ?? "FAILED",
    queuedAt: row.createdOn,
    startedAt: row.startedOn,
    completedAt: row.completedOn,
  };
}

/**
 * When the catalogue was last read by a full sync (its last step, so the sync that got this far
 * had read every level before), or null when no full sync has finished.
 */
export async function catalogueSyncedAt(db: Db, shop: string): Promise<Date | null> {
  const { _max } = await db.variantInventoryItem.aggregate({ where: { shop }, _max: { syncedAt: true } });
  return _max.syncedAt;
}

/** Levels a running full sync has written so far: those it stamped at or after it started. */
export function countLevelsSyncedSince(db: Db, shop: string, since: Date): Promise<number> {
  return db.inventoryLevel.count({ where: { shop, syncedAt: { gte: since } } });
}

/**
 * Records that a full sync of the shop's mirror has finished (every level written, stale ones
 * removed, the catalogue read). Plain SQL: routing reads it on its hot path's first order.
 */
export async function recordInventorySynced(db: SqlDb, shop: string, at: Date): Promise<void> {
  await sqlExecute(db, `UPDATE "ShopInstallation" SET "inventorySyncedAt" = $2 WHERE "shop" = $1`, [shop, at]);
}

/** When a full sync of the shop's mirror last finished; null before the first (or for an unknown shop). */
export async function inventorySyncedAt(db: SqlDb, shop: string): Promise<Date | null> {
  const [row] = await sqlRows<{ at: Date | null }>(
    db,
    `SELECT "inventorySyncedAt" AS "at" FROM "ShopInstallation" WHERE "shop" = $1`,
    [shop],
  );
  return row?.at ?? null;
}
