import prisma from "~/db.server";
import { JsonlLineSplitter, readBulkInventoryLine, type MirroredLevel } from "~/domain/inventory/bulk-inventory-lines";
import {
  fillMissingSkus,
  removeLevelsNotSeenSince,
  upsertSyncedLevels,
  type SyncedLevel,
} from "~/models/inventory-levels.server";
import { INVENTORY_LEVELS_BULK_QUERY } from "~/shopify/operations/inventory-mirror.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { runBulkQuery, type BulkQueryOptions } from "./bulk-query.server";
import { syncLocations, type LocationsSyncResult } from "./locations-sync.server";

/**
 * The full sync of the inventory mirror (on install and nightly, as reconciliation: Shopify
 * does not guarantee webhook delivery): locations by a normal query, then every inventory
 * level through a bulk operation whose JSONL is streamed into the mirror in batches. A level
 * a webhook updated after the bulk operation read it keeps the webhook's value.
 */

export interface FullSyncDependencies {
  admin: AdminClient;
  /** Downloads the bulk result; the URL is Shopify's storage (the emulator in development). */
  download: (url: string) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  maxWaitMs: number;
  batchSize: number;
}

export interface FullSyncResult {
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
async function* levelsIn(body: ReadableStream<Uint8Array>): AsyncGenerator<MirroredLevel> {
  const splitter = new JsonlLineSplitter();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const levelsOf = (lines: string[]) =>
    lines.flatMap((line) => {
      const read = readBulkInventoryLine(line);
      return read.kind === "level" ? [read.level] : [];
    });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield* levelsOf(splitter.push(decoder.decode(value, { stream: true })));
  }
  yield* levelsOf([...splitter.push(decoder.decode()), ...splitter.end()]);
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
  if (operation.url) {
    const response = await dependencies.download(operation.url);
    if (!response.ok || !response.body) {
      throw new Error(`Downloading bulk operation ${operation.operationId} failed: HTTP ${response.status}`);
    }
    let batch: SyncedLevel[] = [];
    const flush = async () => {
      const levels = batch;
      batch = [];
      await prisma.$transaction((tx) => upsertSyncedLevels(tx, shop, levels, syncedAt));
    };
    for await (const level of levelsIn(response.body)) {
      batch.push(syncedLevelOf(level));
      levelsRead += 1;
      if (batch.length >= dependencies.batchSize) await flush();
    }
    await flush();
  }

  const levelsRemoved = await prisma.$transaction(async (tx) => {
    const removed = await removeLevelsNotSeenSince(tx, shop, syncedAt, operation.createdAt);
    await fillMissingSkus(tx, shop);
    return removed;
  });
  return { locations, levelsRead, levelsRemoved };
}
