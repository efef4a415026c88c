import { sqlRows, type Db } from "~/db/sql.server";

/**
 * The mirror's available units of many SKUs at once, one stock map per location, for the what-if
 * replay's starting snapshot (app/services/routing-replay). A national network holds millions of
 * (location, SKU) levels: PostgreSQL aggregates each location's levels into two text lists, so this
 * process splits 2,000 pairs of texts instead of reading millions of rows. Same figures as
 * findStockOfSkus then toRoutingLocations: stock below zero counts as none and two items sharing
 * a SKU at a location add up.
 */
export async function findStockMapsOfSkus(
  db: Db,
  shop: string,
  skus: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const maps = new Map<string, Record<string, number>>();
  if (skus.length === 0) return maps;
  // Two parallel lists per location, as plain text: PostgreSQL builds text lists several times
  // faster than JSON objects, and splitting them here costs less than parsing JSON.
  const rows = await sqlRows<{ locationId: string; levels: number; skus: string; units: string }>(
    db,
    `SELECT "locationId", count(*)::int AS "levels",
            string_agg("sku", E'\\x1F') AS "skus", string_agg(greatest("available", 0)::text, ',') AS "units"
       FROM "InventoryLevel"
      WHERE "shop" = $1 AND "sku" = ANY($2::text[])
      GROUP BY "locationId"`,
    [shop, [...skus]],
  );
  const readAgain: string[] = [];
  for (const row of rows) {
    const names = row.skus.split(SEPARATOR);
    const units = row.units.split(",");
    // A SKU holding the separator itself splits into too many names: that location is read row by row.
    if (names.length !== row.levels || units.length !== row.levels) {
      readAgain.push(row.locationId);
      continue;
    }
    const stock: Record<string, number> = {};
    for (let level = 0; level < names.length; level++) {
      // Two items sharing a SKU add up.
      const sku = names[level]!;
      stock[sku] = (stock[sku] ?? 0) + Number(units[level]);
    }
    maps.set(row.locationId, stock);
  }
  if (readAgain.length > 0) {
    const levels = await sqlRows<{ locationId: string; sku: string; available: number }>(
      db,
      `SELECT "locationId", "sku", greatest("available", 0) AS "available" FROM "InventoryLevel"
        WHERE "shop" = $1 AND "locationId" = ANY($2::text[]) AND "sku" = ANY($3::text[])`,
      [shop, readAgain, [...skus]],
    );
    for (const level of levels) {
      let stock = maps.get(level.locationId);
      if (stock === undefined) maps.set(level.locationId, (stock = {}));
      stock[level.sku] = (stock[level.sku] ?? 0) + level.available;
    }
  }
  return maps;
}

const SEPARATOR = "\u001F";
