import prisma from "~/db.server";
import { readBulkVariantLine } from "~/domain/inventory/bulk-variant-lines";
import {
  removeVariantsNotSeenSince,
  upsertSyncedVariants,
  type SyncedVariant,
} from "~/models/variant-inventory-items.server";
import { PRODUCT_VARIANTS_BULK_QUERY } from "~/shopify/operations/inventory-mirror.server";
import { runBulkQuery, type BulkQueryOptions } from "./bulk-query.server";
import { bulkResultLines, type DownloadBulkResult } from "./bulk-result-lines.server";

export interface VariantsSyncDependencies extends BulkQueryOptions {
  download: DownloadBulkResult;
  batchSize: number;
}

export interface VariantsSyncResult {
  variantsRead: number;
  variantsRemoved: number;
}

/**
 * Mirrors which inventory item each of the shop's variants draws from (checkout names
 * variants, the mirror holds stock per item), through one bulk operation: one JSONL line per
 * variant, whatever the number of locations. Variants Shopify no longer has are removed.
 */
export async function syncVariants(
  shop: string,
  dependencies: VariantsSyncDependencies,
  syncedAt: Date,
): Promise<VariantsSyncResult> {
  const operation = await runBulkQuery(PRODUCT_VARIANTS_BULK_QUERY, dependencies);

  let variantsRead = 0;
  let batch: SyncedVariant[] = [];
  const flush = async () => {
    const variants = batch;
    batch = [];
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, variants, syncedAt));
  };
  for await (const line of bulkResultLines(operation, dependencies.download)) {
    const read = readBulkVariantLine(line);
    if (read.kind !== "variant") continue;
    batch.push(read.variant);
    variantsRead += 1;
    if (batch.length >= dependencies.batchSize) await flush();
  }
  await flush();

  const variantsRemoved = await prisma.$transaction((tx) => removeVariantsNotSeenSince(tx, shop, syncedAt));
  return { variantsRead, variantsRemoved };
}
