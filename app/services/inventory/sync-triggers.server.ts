import type PgBoss from "pg-boss";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES } from "~/jobs/queues";
import { listInstalledShops } from "~/models/shop-installations.server";

/**
 * When the inventory mirror syncs: a full sync on install and every night, a locations sync
 * when a location changes. The queues are "stately" and keyed by shop, so a trigger while a
 * sync is queued is a no-op and one while it runs queues exactly one more.
 */

export interface InventorySyncJob {
  shop: string;
}

/**
 * One cron for every shop at 08:00 UTC (the small hours across the Americas), which fans out a job per installed
 * shop: no per-shop schedule to keep in step with installs and uninstalls.
 */
export const NIGHTLY_SYNC_CRON = "0 8 * * *";

export async function enqueueInventoryFullSync(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  const job: InventorySyncJob = { shop };
  await enqueueInTransaction(await appJobQueue(), tx, QUEUES.inventoryFullSync.name, job, { singletonKey: shop });
}

export async function enqueueLocationsSync(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  const job: InventorySyncJob = { shop };
  await enqueueInTransaction(await appJobQueue(), tx, QUEUES.inventoryLocationsSync.name, job, { singletonKey: shop });
}

/** The nightly job: a full sync for every installed shop. Returns the shops. */
export async function enqueueNightlyFullSyncs(): Promise<string[]> {
  const shops = await listInstalledShops(prisma);
  await prisma.$transaction(async (tx) => {
    for (const shop of shops) await enqueueInventoryFullSync(tx, shop);
  });
  return shops;
}

/** Registers the nightly cron (idempotent: pg-boss keeps one schedule per queue). */
export async function scheduleNightlyInventorySync(boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.inventoryNightlySync.name, NIGHTLY_SYNC_CRON, {}, { tz: "UTC" });
}
