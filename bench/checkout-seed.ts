import pg from "pg";
import type { Scenario } from "../dev/scenarios/types";

/**
 * The national scenario's stock and catalogue written straight into the mirror's tables, as the
 * full sync would leave them. The full sync's own path is not taken at this scale: the emulator
 * builds a bulk operation's 640,000-line result in one go, in this process, and the app's Admin
 * client gives up on it after 15 s. Locations still go through the app's locations sync. Rows
 * already there (a sync that got part of the way) are left as they are.
 */

const ROWS_PER_STATEMENT = 20_000;

async function insertInBatches(
  rows: readonly unknown[][],
  insert: (columns: unknown[][]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const columns = batch[0]!.map((_, column) => batch.map((row) => row[column]));
    await insert(columns);
  }
}

export async function seedMirroredStock(databaseUrl: string, scenario: Scenario, syncedAt: Date): Promise<void> {
  const shop = scenario.shop.domain;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const variants = scenario.products.flatMap((product) =>
      product.variants.map((variant) => ({ ...variant, productTitle: product.title })),
    );
    const itemOfSku = new Map(variants.map((variant) => [variant.sku, String(variant.inventoryItemId)]));
    await insertInBatches(
      variants.map((variant) => [
        String(variant.id),
        String(variant.inventoryItemId),
        variant.sku,
        variant.productTitle,
        variant.title,
        variant.barcode,
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "VariantInventoryItem" (shop, "variantId", "inventoryItemId", sku, "productTitle", "variantTitle", barcode, "syncedAt")
           SELECT $1, * , $8 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           ON CONFLICT DO NOTHING`,
          [shop, ...columns, syncedAt],
        ),
    );
    await insertInBatches(
      scenario.inventory.map((stock) => [
        String(stock.locationId),
        itemOfSku.get(stock.sku)!,
        stock.sku,
        stock.available,
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "InventoryLevel" (shop, "locationId", "inventoryItemId", sku, available, "sourceUpdatedAt", "syncedAt")
           SELECT $1, *, $6, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])
           ON CONFLICT DO NOTHING`,
          [shop, ...columns, syncedAt],
        ),
    );
  } finally {
    await client.end();
  }
}
