import prisma, { sqlPool } from "~/db.server";
import { readBulkInventoryLine, type MirroredLevel } from "~/domain/inventory/bulk-inventory-lines";
import {
  fillMissingSkus,
  removeLevelsNotSeenSince,
  upsertSyncedLevels,
  type SyncedLevel,
} from "~/models/inventory-levels.server";
import { recordInventorySynced } from "~/models/inventory-sync-status.server";
import { INVENTORY_LEVELS_BULK_QUERY } from "~/shopify/operations/inventory-mirror.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { runBulkQuery, type BulkQueryOptions } from "./bulk-query.server";
import { bulkResultLines, type DownloadBulkResult } from "./bulk-result-lines.server";
import { syncLocations, type LocationsSyncResult } from "./locations-sync.server";
import { syncVariants, type VariantsSyncResult } from "./variants-sync.server";

/**
 * The full sync of the inventory mirror (on install and nightly, as reconciliation: Shopify
 * does not guarantee webhook delivery): locations by a normal query, then every inventory
 * level through a bulk operation whose JSONL is streamed into the mirror in batches, then
 * every variant's inventory item through a second one (Shopify runs one bulk query per shop
 * at a time). A level a webhook updated after the bulk operation read it keeps the webhook's
 * value.
 */

export interface FullSyncDependencies {
  admin: AdminClient;
  download: DownloadBulkResult;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  maxWaitMs: number;
  batchSize: number;
}

export interface FullSyncResult extends VariantsSyncResult {
  locations: LocationsSyncResult;
  levelsRead: number;
  levelsRemoved: number;
}

export function defaultFullSyncDependencies(shop: string): FullSyncDependencies {
  return {
    admin: adminClientForShop(shop),
    download: (url) => fetch(url),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date(),
    pollIntervalMs: 1_000,
    maxPollIntervalMs: 15_000,
    // Inside the queue's one-hour expiry; a retry resumes the same operation.
    maxWaitMs: 45 * 60_000,
    batchSize: 500,
  };
}

function syncedLevelOf(level: MirroredLevel): SyncedLevel {
  return { ...level, sourceUpdatedAt: new Date(level.updatedAt) };
}

/** The levels in a bulk result, read as the body arrives. */
async function* levelsIn(lines: AsyncIterable<string>): AsyncGenerator<MirroredLevel> {
  for await (const line of lines) {
    const read = readBulkInventoryLine(line);
    if (read.kind === "level") yield read.level;
  }
}

export async function runInventoryFullSync(
  shop: string,
  dependencies: FullSyncDependencies = defaultFullSyncDependencies(shop),
): Promise<FullSyncResult> {
  const { admin, now } = dependencies;
  const syncedAt = now();
  const locations = await syncLocations(shop, admin, now);

  const bulkOptions: BulkQueryOptions = { ...dependencies };
  const operation = await runBulkQuery(INVENTORY_LEVELS_BULK_QUERY, bulkOptions);

  let levelsRead = 0;
  let batch: SyncedLevel[] = [];
  const flush = async () => {
    const levels = batch;
    batch = [];
    await prisma.$transaction((tx) => upsertSyncedLevels(tx, shop, levels, syncedAt));
  };
  for await (const level of levelsIn(bulkResultLines(operation, dependencies.download))) {
    batch.push(syncedLevelOf(level));
    levelsRead += 1;
    if (batch.length >= dependencies.batchSize) await flush();
  }
  await flush();

  const levelsRemoved = await prisma.$transaction(async (tx) => {
    const removed = await removeLevelsNotSeenSince(tx, shop, syncedAt, operation.createdAt);
    await fillMissingSkus(tx, shop);
    return removed;
  });
  const variants = await syncVariants(shop, dependencies, syncedAt);
  // Last, so that routing, which waits for the first of these (mirror-ready.server.ts), never
  // decides over a mirror a sync is still filling.
  await recordInventorySynced(sqlPool, shop, now());
  return { locations, levelsRead, levelsRemoved, ...variants };
}
