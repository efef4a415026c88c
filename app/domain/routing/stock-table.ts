// Stock of many locations as columns rather than one map per location: what a replay or a bench
// loads for millions of (location, SKU) levels. Building a million-entry map per snapshot and then
// enumerating it again for every prepared router cost seconds; the routers' own tables (the
// prepared network, native routing's postings) fill straight from these arrays instead.
import type { RoutingLocation } from "./types";

export interface StockTable {
  /** SKUs by id. */
  readonly skus: readonly string[];
  readonly skuIds: ReadonlyMap<string, number>;
  /** Location ids by row. */
  readonly locationIds: readonly string[];
  readonly rowOfLocation: ReadonlyMap<string, number>;
  /** Row r's entries are [rowStart[r], rowStart[r + 1]); a SKU appears at most once per row. */
  readonly rowStart: Int32Array;
  readonly skuOf: Int32Array;
  readonly units: Float64Array;
  /** The same entries by SKU, rows ascending, for lookups: sku s's are [bySkuStart[s], bySkuStart[s + 1]). */
  readonly bySkuStart: Int32Array;
  readonly bySkuRow: Int32Array;
  readonly bySkuUnits: Float64Array;
}

/** One location's levels as loaded: SKU ids (repeats add up) and units, position by position. */
export interface StockRow {
  readonly skuIds: ArrayLike<number>;
  readonly units: ArrayLike<number>;
}

/**
 * A change to the loaded levels, applied in the order given: "take" removes units (never below
 * zero), "zero" empties the level, "add" adds units. Each lists the SKU at the location if it was
 * not (at 0 before the change), as writing a stock map's entry would.
 */
export interface StockEdit {
  readonly locationId: string;
  readonly sku: string;
  readonly op: "take" | "zero" | "add";
  readonly units: number;
}

/**
 * The table of `locationIds` (rows in that order) over `skus` (ids by position), from the loaded
 * rows (a location without one lists nothing; a row of another location is ignored), then `edits`.
 */
export function buildStockTable(
  locationIds: readonly string[],
  skus: readonly string[],
  rows: ReadonlyMap<string, StockRow>,
  edits: readonly StockEdit[] = [],
): StockTable {
  const skuList = [...skus];
  const skuIds = new Map<string, number>();
  skuList.forEach((sku, id) => {
    if (!skuIds.has(sku)) skuIds.set(sku, id);
  });
  const editsByRow = new Map<number, StockEdit[]>();
  const rowOfLocation = new Map<string, number>();
  locationIds.forEach((id, row) => {
    if (!rowOfLocation.has(id)) rowOfLocation.set(id, row);
  });
  for (const edit of edits) {
    const row = rowOfLocation.get(edit.locationId);
    if (row === undefined) continue;
    // A SKU outside `skus` gets an id of its own.
    if (!skuIds.has(edit.sku)) {
      skuIds.set(edit.sku, skuList.length);
      skuList.push(edit.sku);
    }
    let list = editsByRow.get(row);
    if (list === undefined) editsByRow.set(row, (list = []));
    list.push(edit);
  }

  // Per row: the slot of each SKU in it, valid while slotStamp says this row wrote it.
  const slotOfSku = new Int32Array(skuList.length);
  const slotStamp = new Int32Array(skuList.length).fill(-1);
  let capacity = 0;
  for (const id of locationIds) capacity += rows.get(id)?.skuIds.length ?? 0;
  for (const list of editsByRow.values()) capacity += list.length;
  const rowStart = new Int32Array(locationIds.length + 1);
  let skuOf = new Int32Array(capacity);
  let units = new Float64Array(capacity);
  let size = 0;
  locationIds.forEach((locationId, row) => {
    rowStart[row] = size;
    const loaded = rowOfLocation.get(locationId) === row ? rows.get(locationId) : undefined;
    if (loaded !== undefined) {
      const ids = loaded.skuIds;
      for (let entry = 0; entry < ids.length; entry++) {
        const skuId = ids[entry]!;
        if (slotStamp[skuId] === row) {
          units[slotOfSku[skuId]!]! += loaded.units[entry]!;
          continue;
        }
        slotStamp[skuId] = row;
        slotOfSku[skuId] = size;
        skuOf[size] = skuId;
        units[size++] = loaded.units[entry]!;
      }
    }
    for (const edit of editsByRow.get(row) ?? []) {
      const skuId = skuIds.get(edit.sku)!;
      if (slotStamp[skuId] !== row) {
        slotStamp[skuId] = row;
        slotOfSku[skuId] = size;
        skuOf[size] = skuId;
        units[size++] = 0;
      }
      const slot = slotOfSku[skuId]!;
      units[slot] =
        edit.op === "take"
          ? Math.max(0, units[slot]! - edit.units)
          : edit.op === "zero"
            ? 0
            : units[slot]! + edit.units;
    }
  });
  rowStart[locationIds.length] = size;
  if (size < capacity) {
    skuOf = skuOf.slice(0, size);
    units = units.slice(0, size);
  }
  return withSkuColumns({
    skus: skuList,
    skuIds,
    locationIds: [...locationIds],
    rowOfLocation,
    rowStart,
    skuOf,
    units,
  });
}

function withSkuColumns(table: Omit<StockTable, "bySkuStart" | "bySkuRow" | "bySkuUnits">): StockTable {
  const { rowStart, skuOf, units } = table;
  const bySkuStart = new Int32Array(table.skus.length + 1);
  for (let entry = 0; entry < skuOf.length; entry++) bySkuStart[skuOf[entry]! + 1]!++;
  for (let sku = 0; sku < table.skus.length; sku++) bySkuStart[sku + 1]! += bySkuStart[sku]!;
  const fill = bySkuStart.slice(0, table.skus.length);
  const bySkuRow = new Int32Array(skuOf.length);
  const bySkuUnits = new Float64Array(skuOf.length);
  const rows = rowStart.length - 1;
  // Rows visited in ascending order, so each SKU's entries come out by row.
  for (let row = 0; row < rows; row++) {
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) {
      const slot = fill[skuOf[entry]!]!++;
      bySkuRow[slot] = row;
      bySkuUnits[slot] = units[entry]!;
    }
  }
  return { ...table, bySkuStart, bySkuRow, bySkuUnits };
}

/** The table of locations' stock maps, rows in the locations' order. */
export function stockTableOf(locations: readonly RoutingLocation[]): StockTable {
  const skus: string[] = [];
  const ids = new Map<string, number>();
  const rows = new Map<string, StockRow>();
  for (const location of locations) {
    if (rows.has(location.id)) continue;
    const skuIds: number[] = [];
    const units: number[] = [];
    for (const [sku, count] of Object.entries(location.stock)) {
      let id = ids.get(sku);
      if (id === undefined) {
        id = skus.length;
        ids.set(sku, id);
        skus.push(sku);
      }
      skuIds.push(id);
      units.push(count);
    }
    rows.set(location.id, { skuIds, units });
  }
  return buildStockTable(
    locations.map((location) => location.id),
    skus,
    rows,
  );
}

/**
 * The slot of (`locationId`, `sku`) in the table's by-SKU columns (bySkuRow, bySkuUnits), or -1
 * when the location does not list the SKU: a caller keeping units of its own in a copy of
 * bySkuUnits reads and writes them there.
 */
export function tableSlot(table: StockTable, locationId: string, sku: string): number {
  const row = table.rowOfLocation.get(locationId);
  const skuId = table.skuIds.get(sku);
  if (row === undefined || skuId === undefined) return -1;
  let low = table.bySkuStart[skuId]!;
  let high = table.bySkuStart[skuId + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = table.bySkuRow[middle]!;
    if (found === row) return middle;
    if (found < row) low = middle + 1;
    else high = middle;
  }
  return -1;
}

/** Units of `sku` at `locationId` as the table holds them; undefined when the location does not list it. */
export function tableUnits(table: StockTable, locationId: string, sku: string): number | undefined {
  const slot = tableSlot(table, locationId, sku);
  return slot < 0 ? undefined : table.bySkuUnits[slot]!;
}

/** Each row's levels as a stock map (tests, and callers that need maps after all). */
export function stockMapsOf(table: StockTable): Map<string, Record<string, number>> {
  const maps = new Map<string, Record<string, number>>();
  table.locationIds.forEach((locationId, row) => {
    if (table.rowOfLocation.get(locationId) !== row) return;
    const stock: Record<string, number> = {};
    for (let entry = table.rowStart[row]!; entry < table.rowStart[row + 1]!; entry++) {
      stock[table.skus[table.skuOf[entry]!]!] = table.units[entry]!;
    }
    maps.set(locationId, stock);
  });
  return maps;
}
