import type { Prisma } from "@prisma/client";
import { variantDisplayTitle } from "~/domain/inventory/bulk-variant-lines";

type Db = Prisma.TransactionClient;

/** A variant as a full sync read it from the catalogue's bulk operation. */
export interface SyncedVariant {
  variantId: string;
  inventoryItemId: string;
  sku: string | null;
  productTitle: string;
  variantTitle: string;
  barcode: string | null;
}

/** What a cart line's variant draws its stock from, and how to name it. */
export interface VariantInventoryItem {
  inventoryItemId: string;
  sku: string | null;
  /** "Product - Variant", as Shopify's displayName. */
  title: string;
}

/**
 * Writes a batch of variants read by a full sync: the latest read wins (no webhook writes
 * this table, so there is nothing newer to keep), a variant moved to another inventory item
 * included. Every variant seen gets `syncedAt`, so the sync can tell which Shopify no longer has.
 */
export async function upsertSyncedVariants(
  db: Db,
  shop: string,
  variants: readonly SyncedVariant[],
  syncedAt: Date,
): Promise<void> {
  if (variants.length === 0) return;
  // Prisma's pg adapter binds arrays of scalars, one per column.
  const column = (pick: (variant: SyncedVariant) => string | null) => variants.map(pick);
  await db.$executeRaw`
    INSERT INTO "VariantInventoryItem" ("shop", "variantId", "inventoryItemId", "sku", "productTitle", "variantTitle",
                                        "barcode", "syncedAt")
    SELECT ${shop}, batch."variantId", batch."inventoryItemId", batch."sku", batch."productTitle", batch."variantTitle",
           batch."barcode", ${syncedAt}
      FROM unnest(${column((v) => v.variantId)}::text[], ${column((v) => v.inventoryItemId)}::text[],
                  ${column((v) => v.sku)}::text[], ${column((v) => v.productTitle)}::text[],
                  ${column((v) => v.variantTitle)}::text[], ${column((v) => v.barcode)}::text[])
        AS batch("variantId", "inventoryItemId", "sku", "productTitle", "variantTitle", "barcode")
    ON CONFLICT ("shop", "variantId") DO UPDATE SET
      "inventoryItemId" = EXCLUDED."inventoryItemId", "sku" = EXCLUDED."sku",
      "productTitle" = EXCLUDED."productTitle", "variantTitle" = EXCLUDED."variantTitle",
      "barcode" = EXCLUDED."barcode", "syncedAt" = EXCLUDED."syncedAt"`;
}

/** After a full sync: removes the variants it did not see (deleted in Shopify). */
export async function removeVariantsNotSeenSince(db: Db, shop: string, syncedAt: Date): Promise<number> {
  const { count } = await db.variantInventoryItem.deleteMany({ where: { shop, syncedAt: { lt: syncedAt } } });
  return count;
}

/**
 * The inventory item, SKU and title of each variant the mirror knows, by numeric variant id;
 * variants it does not know are absent from the map (the caller decides what unknown means).
 */
export async function inventoryItemsOfVariants(
  db: Db,
  shop: string,
  variantIds: readonly string[],
): Promise<Map<string, VariantInventoryItem>> {
  const wanted = [...new Set(variantIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db.variantInventoryItem.findMany({
    where: { shop, variantId: { in: wanted } },
    select: { variantId: true, inventoryItemId: true, sku: true, productTitle: true, variantTitle: true },
  });
  return new Map(
    rows.map((row) => [
      row.variantId,
      {
        inventoryItemId: row.inventoryItemId,
        sku: row.sku,
        title: variantDisplayTitle(row.productTitle, row.variantTitle),
      },
    ]),
  );
}
