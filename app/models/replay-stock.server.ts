import { sqlRows, type Db } from "~/db/sql.server";
import type { StockRow } from "~/domain/routing/stock-table";

/**
 * The mirror's available units of many SKUs at once, one row of levels per location, for the
 * what-if replay's starting snapshot (app/services/routing-replay). A national network holds
 * millions of (location, SKU) levels: PostgreSQL aggregates each location's levels into two text
 * lists of numbers (the SKU's position in `skus`, and its units), so this process reads 2,000
 * pairs of texts instead of millions of rows, and parses digits rather than hashing SKU strings.
 * Same figures as findStockOfSkus then toRoutingLocations: stock below zero counts as none, and two
 * items sharing a SKU at a location are two entries that add up (buildStockTable adds them).
 *
 * `skus` must be distinct; each row's skuIds are positions in it.
 */
export async function findStockRowsOfSkus(
  db: Db,
  shop: string,
  skus: readonly string[],
): Promise<Map<string, StockRow>> {
  const stockRows = new Map<string, StockRow>();
  if (skus.length === 0) return stockRows;
  const rows = await sqlRows<{ locationId: string; levels: number; skus: string; units: string }>(
    db,
    `SELECT l."locationId", count(*)::int AS "levels",
            string_agg((asked.n - 1)::text, ',') AS "skus", string_agg(greatest(l."available", 0)::text, ',') AS "units"
       FROM "InventoryLevel" l
       JOIN unnest($2::text[]) WITH ORDINALITY AS asked(sku, n) ON asked.sku = l."sku"
      WHERE l."shop" = $1
      GROUP BY l."locationId"`,
    [shop, [...skus]],
  );
  for (const row of rows) {
    const skuIds = parseCounts(row.skus, row.levels);
    const units = parseCounts(row.units, row.levels);
    if (skuIds === null || units === null) {
      throw new Error(`replay stock: location ${row.locationId}'s lists do not hold ${row.levels} numbers`);
    }
    stockRows.set(row.locationId, { skuIds, units });
  }
  return stockRows;
}

const COMMA = 44;
const ZERO = 48;

/**
 * `count` whole numbers ≥ 0 separated by commas, read digit by digit (no string per number);
 * null when the text holds anything else or another count.
 */
function parseCounts(text: string, count: number): Float64Array | null {
  const values = new Float64Array(count);
  let at = 0;
  let value = 0;
  let digits = 0;
  for (let char = 0; char < text.length; char++) {
    const code = text.charCodeAt(char);
    if (code === COMMA) {
      if (digits === 0 || at >= count) return null;
      values[at++] = value;
      value = 0;
      digits = 0;
      continue;
    }
    const digit = code - ZERO;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
    digits++;
  }
  if (digits === 0 || at !== count - 1) return null;
  values[at] = value;
  return values;
}
