import type { BinLocationSource, Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Where each item is kept in each store ("Aisle 4, Bin 12"), by SKU (see ItemBinLocation in
 * prisma/schema.prisma): set by the merchant or learnt from a picker, the latest word winning.
 */

export interface BinLocation {
  code: string;
  source: BinLocationSource;
  confirmedAt: Date;
}

/** The bins known at the location for these SKUs, by SKU; SKUs without one are absent. */
export async function binLocationsFor(
  db: Db,
  shop: string,
  locationId: string,
  skus: readonly string[],
): Promise<Map<string, BinLocation>> {
  if (skus.length === 0) return new Map();
  const rows = await db.itemBinLocation.findMany({
    where: { shop, locationId, sku: { in: [...new Set(skus)] } },
    select: { sku: true, code: true, source: true, confirmedAt: true },
  });
  return new Map(rows.map(({ sku, ...bin }) => [sku, bin]));
}

/** Records where the item is at the location, replacing what was known. */
export async function saveBinLocation(
  db: Db,
  shop: string,
  bin: BinLocation & { locationId: string; sku: string },
): Promise<void> {
  const { locationId, sku, ...values } = bin;
  await db.itemBinLocation.upsert({
    where: { shop_locationId_sku: { shop, locationId, sku } },
    create: { shop, locationId, sku, ...values },
    update: values,
  });
}

/**
 * Records many bins at once (a merchant's import), each replacing what was known for its store
 * and SKU: per store, the SKUs' rows are deleted and written again, two statements per store
 * instead of one per row. Run it in a transaction so no reader sees a store's bins half written.
 */
export async function replaceBinLocations(
  db: Db,
  shop: string,
  bins: readonly (BinLocation & { locationId: string; sku: string })[],
): Promise<void> {
  const byStore = new Map<string, (BinLocation & { locationId: string; sku: string })[]>();
  for (const bin of bins) byStore.set(bin.locationId, [...(byStore.get(bin.locationId) ?? []), bin]);
  for (const [locationId, storeBins] of byStore) {
    await db.itemBinLocation.deleteMany({ where: { shop, locationId, sku: { in: storeBins.map((bin) => bin.sku) } } });
    await db.itemBinLocation.createMany({
      data: storeBins.map((bin) => ({
        shop,
        locationId,
        sku: bin.sku,
        code: bin.code,
        source: bin.source,
        confirmedAt: bin.confirmedAt,
      })),
    });
  }
}
