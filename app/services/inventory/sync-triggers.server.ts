import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { listInstalledShops } from "~/models/shop-installations.server";
import { inventoryFullSyncJob } from "./full-sync.job.server";
import { inventoryLocationsSyncJob } from "./locations-sync.job.server";

/**
 * When the inventory mirror syncs: a full sync on install and every night, a locations sync
 * when a location changes. The queues are "stately" and keyed by shop, so a trigger while a
 * sync is queued is a no-op and one while it runs queues exactly one more.
 */

export async function enqueueInventoryFullSync(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  await inventoryFullSyncJob.enqueue(tx, { shop });
}

export async function enqueueLocationsSync(tx: Prisma.TransactionClient, shop: string): Promise<void> {
  await inventoryLocationsSyncJob.enqueue(tx, { shop });
}

/** The nightly job: a full sync for every installed shop. Returns the shops. */
export async function enqueueNightlyFullSyncs(): Promise<string[]> {
  const shops = await listInstalledShops(prisma);
  await prisma.$transaction(async (tx) => {
    for (const shop of shops) await enqueueInventoryFullSync(tx, shop);
  });
  return shops;
}
