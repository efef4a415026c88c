import { sqlRows, type Db, type SqlTransaction } from "~/db/sql.server";
import type { StockRow } from "~/domain/routing/stock-table";

/**
 * The mirror's available units for the what-if replay's starting snapshot
 * (app/services/routing-replay). A national network holds millions of (location, SKU) levels, so
 * PostgreSQL aggregates each location's levels into two texts (its SKUs, and their units), and
 * this process reads 2,000 pairs of texts instead of millions of rows.
 *
 * The read does not depend on which SKUs the replayed orders hold, so it runs while those orders
 * load: PostgreSQL scans the shop's levels once, with no join (a join against the orders' SKUs
 * cost it 2–4 s at national scale, against about 1 s for the scan), and stockRowsOfSkus keeps the
 * SKUs asked for afterwards. Same figures as findStockOfSkus then toRoutingLocations: stock below
 * zero counts as none, and two items sharing a SKU at a location are two entries that add up
 * (buildStockTable adds them). Levels whose SKU is not yet known are left out, as routing leaves them.
 */
export interface ShopStockText {
  readonly locationId: string;
  /** How many levels the location's texts hold. */
  readonly levels: number;
  /** The levels' SKUs: one text with SKU_SEPARATOR between them, or (read row by row) a list. */
  readonly skus: string | readonly string[];
  /** The levels' units (≥ 0), in the same order, separated by commas. */
  readonly units: string;
}

/** Unit separator (U+001F): no SKU a merchant types holds it, and one that does is read again row by row. */
const SKU_SEPARATOR = "\u001F";

/**
 * Every level of the shop with a SKU, as one pair of texts per location. Run in a transaction of
 * its own: its planner settings last to the end of it. One backend hashes every location's texts
 * in memory (about 36 MB at 2,000 locations and 1.7 million levels): PostgreSQL would otherwise
 * plan two parallel workers whose partial aggregates spill to disk, twice the CPU for the same
 * wall time, on the cores the orders' load beside it needs.
 */
export async function readShopStockText(tx: SqlTransaction, shop: string): Promise<ShopStockText[]> {
  await sqlRows(
    tx,
    `SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', '64MB', true)`,
  );
  const rows = await sqlRows<ShopStockText & { skus: string }>(
    tx,
    `SELECT l."locationId", count(*)::int AS "levels",
            string_agg(l."sku", chr(31)) AS "skus", string_agg(greatest(l."available", 0)::text, ',') AS "units"
       FROM "InventoryLevel" l
      WHERE l."shop" = $1 AND l."sku" IS NOT NULL
      GROUP BY l."locationId"`,
    [shop],
  );
  const read: ShopStockText[] = [];
  // One statement at a time: the transaction's connection runs them in turn anyway.
  for (const row of rows) {
    // A SKU holding the separator splits into more parts than the location has levels.
    read.push(
      countParts(row.skus, SKU_SEPARATOR) === row.levels ? row : await readLocationStockText(tx, shop, row.locationId),
    );
  }
  return read;
}

/** One location's levels, read row by row: the rare location with a SKU holding SKU_SEPARATOR. */
async function readLocationStockText(db: Db, shop: string, locationId: string): Promise<ShopStockText> {
  const rows = await sqlRows<{ sku: string; available: number }>(
    db,
    `SELECT "sku", greatest("available", 0) AS "available"
       FROM "InventoryLevel"
      WHERE "shop" = $1 AND "locationId" = $2 AND "sku" IS NOT NULL`,
    [shop, locationId],
  );
  return {
    locationId,
    levels: rows.length,
    skus: rows.map((row) => row.sku),
    units: rows.map((row) => row.available).join(","),
  };
}

/**
 * The stock rows of `skus` (distinct; each row's skuIds are positions in it) from the shop's
 * levels, by location; a SKU not asked for is left out.
 */
export function stockRowsOfSkus(stock: readonly ShopStockText[], skus: readonly string[]): Map<string, StockRow> {
  const idOf = new Map<string, number>();
  skus.forEach((sku, id) => idOf.set(sku, id));
  const stockRows = new Map<string, StockRow>();
  if (skus.length === 0) return stockRows;
  // Every location's kept levels in two shared typed arrays, each row a view of its part: millions
  // of levels pushed onto plain arrays cost the garbage collector more than the parse itself.
  let levels = 0;
  for (const location of stock) levels += location.levels;
  const allSkuIds = new Int32Array(levels);
  const allUnits = new Float64Array(levels);
  let size = 0;
  for (const location of stock) {
    const units = parseCounts(location.units, location.levels);
    if (units === null) {
      throw new Error(`replay stock: location ${location.locationId}'s units do not hold ${location.levels} numbers`);
    }
    const start = size;
    let level = 0;
    const keep = (sku: string) => {
      const id = idOf.get(sku);
      if (id !== undefined) {
        allSkuIds[size] = id;
        allUnits[size++] = units[level]!;
      }
      level++;
    };
    if (typeof location.skus === "string") forEachPart(location.skus, SKU_SEPARATOR, keep);
    else location.skus.forEach(keep);
    if (size > start) {
      stockRows.set(location.locationId, {
        skuIds: allSkuIds.subarray(start, size),
        units: allUnits.subarray(start, size),
      });
    }
  }
  return stockRows;
}

function countParts(text: string, separator: string): number {
  let parts = 1;
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) parts++;
  return parts;
}

function forEachPart(text: string, separator: string, visit: (part: string) => void): void {
  let start = 0;
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, start)) {
    visit(text.slice(start, at));
    start = at + 1;
  }
  visit(text.slice(start));
}

const COMMA = 44;
const ZERO = 48;

/**
 * `count` whole numbers ≥ 0 separated by commas, read digit by digit (no string per number);
 * null when the text holds anything else or another count.
 */
function parseCounts(text: string, count: number): Float64Array | null {
  const values = new Float64Array(count);
  if (count === 0) return text === "" ? values : null;
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
