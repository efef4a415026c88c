// The prepared network: everything about the locations that does not depend on the order, laid out
// for fast routing of many orders.
//
// Positions: warehouses first (in input order), then stores sorted by grid cell. There is one
// bitset over positions of the locations that are active and under capacity; one per SKU of the
// locations whose stock clears the SKU's order-independent threshold (one unit, and for a store
// storeMinUnits); and a posting list of exact stock per SKU. A line for more units than that
// threshold is checked against the posting list, and only where the bitsets have not already said no.
import { addBit, wordsFor } from "./bitset";
import { hasCapacityToday, parcelCostFromParts } from "./eligibility";
import { toRadians } from "./geo";
import { resolveRules } from "./rules";
import { cellDegreesFor, cellKeyOf, createStoreGrid, maxQueryRanges, type StoreGrid } from "./store-grid";
import type { StockTable } from "./stock-table";
import type { RoutingLocation, RoutingRules } from "./types";

export interface NetworkIndex extends StockIndex {
  readonly rules: RoutingRules;
  /** Decisions carry each stage's locations (see PrepareOptions.trace). */
  readonly traced: boolean;
  readonly count: number;
  readonly warehouseCount: number;
  /** The caller's location objects, by position. */
  readonly locations: readonly RoutingLocation[];
  readonly ids: readonly string[];
  readonly positionById: ReadonlyMap<string, number>;
  readonly latRadians: Float64Array;
  readonly lngRadians: Float64Array;
  readonly cosLat: Float64Array;
  readonly shippingBase: Float64Array;
  readonly shippingPerMile: Float64Array;
  readonly labourCost: Float64Array;
  /** The lowest base + labour of any location: no parcel costs less. */
  readonly cheapestPossibleCost: number;
  readonly isStore: Uint8Array;
  readonly isOpen: Uint8Array;
  readonly pickupEnabled: Uint8Array;
  readonly grid: StoreGrid;
  /** 32-bit words per bitset. */
  readonly words: number;
  /** The locations that are active and under today's capacity. */
  readonly availableBits: Uint32Array;
  /** Reused by every routing call; routing is synchronous, so calls never overlap. */
  readonly scratch: Scratch;
}

export interface Scratch {
  /** Words of the current order's full-location bitset, computed on demand... */
  readonly fullBits: Uint32Array;
  /** ...and the order that computed each word; a word from an earlier order is stale. */
  readonly fullBitsOrder: Uint32Array;
  ordersRouted: number;
  readonly ranges: Int32Array;
  readonly nearbyPositions: Int32Array;
  readonly nearbyDistances: Float64Array;
  /** Split search memo of costs per position, valid for the order whose stamp it carries. */
  readonly splitCost: Float64Array;
  readonly splitCostOrder: Uint32Array;
}

export interface PrepareOptions {
  /**
   * false: the decisions' trace keeps each stage and its result but lists no locations, and the
   * engine skips finding and explaining the locations only a trace would list. The status,
   * assignments, flags and unroutable SKUs are the same either way. For callers that never read
   * the trace: the what-if replay, which routes a month of orders under several rule sets.
   */
  readonly trace?: boolean;
}

/**
 * Prepares `locations` for routing under `rules`. With `stock`, the locations' stock comes from that
 * table (by location id) and their stock maps are not read: a replay's snapshot holds millions of
 * levels, and filling the index from columns saves enumerating them as maps.
 */
export function prepareNetwork(
  locations: readonly RoutingLocation[],
  rules?: Partial<RoutingRules>,
  stock?: StockTable,
  options: PrepareOptions = {},
): NetworkIndex {
  const resolvedRules = resolveRules(rules);
  const cellDegrees = cellDegreesFor(resolvedRules.radiusMiles);
  const ordered = orderByPosition(locations, cellDegrees);
  const count = ordered.length;
  const warehouseCount = ordered.filter((location) => location.kind !== "STORE").length;

  const latRadians = new Float64Array(count);
  const lngRadians = new Float64Array(count);
  const cosLat = new Float64Array(count);
  const shippingBase = new Float64Array(count);
  const shippingPerMile = new Float64Array(count);
  const labourCost = new Float64Array(count);
  const isStore = new Uint8Array(count);
  const isOpen = new Uint8Array(count);
  const pickupEnabled = new Uint8Array(count);
  const cellKeys = new Float64Array(count - warehouseCount);
  const positionById = new Map<string, number>();
  ordered.forEach((location, position) => {
    latRadians[position] = toRadians(location.lat);
    lngRadians[position] = toRadians(location.lng);
    cosLat[position] = Math.cos(latRadians[position]!);
    shippingBase[position] = location.shipping.base;
    shippingPerMile[position] = location.shipping.perMile;
    labourCost[position] = location.labourCostPerOrder;
    isStore[position] = location.kind === "STORE" ? 1 : 0;
    isOpen[position] = location.isOpen ? 1 : 0;
    pickupEnabled[position] = location.pickupEnabled ? 1 : 0;
    if (position >= warehouseCount) {
      cellKeys[position - warehouseCount] = cellKeyOf(cellDegrees, location.lat, location.lng);
    }
  });
  // Ids should be unique; if not, the first in the caller's order wins, as Array.find would.
  const positionOfLocation = new Map(ordered.map((location, position) => [location, position]));
  for (const location of locations) {
    if (!positionById.has(location.id)) positionById.set(location.id, positionOfLocation.get(location)!);
  }

  const words = wordsFor(count);
  const stockIndex =
    stock === undefined
      ? indexStock(ordered, warehouseCount, words, resolvedRules.storeMinUnits)
      : indexStockFromTable(ordered, warehouseCount, words, resolvedRules.storeMinUnits, stock);
  const availableBits = new Uint32Array(words);
  ordered.forEach((location, position) => {
    if (location.active && hasCapacityToday(location)) addBit(availableBits, position);
  });
  const grid = createStoreGrid(cellDegrees, warehouseCount, cellKeys);
  return {
    rules: resolvedRules,
    traced: options.trace !== false,
    count,
    warehouseCount,
    locations: ordered,
    ids: ordered.map((location) => location.id),
    positionById,
    latRadians,
    lngRadians,
    cosLat,
    shippingBase,
    shippingPerMile,
    labourCost,
    cheapestPossibleCost: ordered.reduce(
      (lowest, location) => Math.min(lowest, location.shipping.base + location.labourCostPerOrder),
      Number.POSITIVE_INFINITY,
    ),
    isStore,
    isOpen,
    pickupEnabled,
    grid,
    words,
    availableBits,
    ...stockIndex,
    scratch: {
      fullBits: new Uint32Array(words),
      fullBitsOrder: new Uint32Array(words),
      ordersRouted: 0,
      ranges: new Int32Array(maxQueryRanges(grid) * 2),
      nearbyPositions: new Int32Array(count),
      nearbyDistances: new Float64Array(count),
      splitCost: new Float64Array(count),
      splitCostOrder: new Uint32Array(count),
    },
  };
}

function orderByPosition(locations: readonly RoutingLocation[], cellDegrees: number): RoutingLocation[] {
  const warehouses = locations.filter((location) => location.kind !== "STORE");
  const stores = locations
    .map((location, inputIndex) => ({ location, inputIndex, key: cellKeyOf(cellDegrees, location.lat, location.lng) }))
    .filter((entry) => entry.location.kind === "STORE")
    .sort((a, b) => a.key - b.key || a.inputIndex - b.inputIndex)
    .map((entry) => entry.location);
  return [...warehouses, ...stores];
}

interface StockIndex {
  readonly skuIds: ReadonlyMap<string, number>;
  /** skuCount × words: the locations whose stock of a SKU clears its threshold. */
  readonly servable: Uint32Array;
  /** How many locations clear each SKU's threshold; rarer SKUs are intersected first. */
  readonly servableCount: Int32Array;
  /** Units that the servable bit guarantees at a store; warehouses guarantee 1. */
  readonly storeThreshold: number;
  readonly postingStart: Int32Array;
  readonly postingPosition: Int32Array;
  readonly postingUnits: Float64Array;
  /** Units of every SKU at every warehouse: skuCount × warehouseCount. */
  readonly warehouseUnits: Float64Array;
  /** For SKUs most stores carry: a row of units per store in denseUnits, or -1 for the rest. */
  readonly denseRowOfSku: Int32Array;
  readonly denseUnits: Int32Array;
}

/**
 * A SKU carried by at least this share of stores also gets a dense row of units, so looking it up
 * is one read instead of a binary search through a long posting list.
 */
const DENSE_SHARE = 1 / 16;
const DENSE_BUDGET_BYTES = 64 * 1024 * 1024;

function indexStock(
  ordered: readonly RoutingLocation[],
  warehouseCount: number,
  words: number,
  storeMinUnits: number,
): StockIndex {
  const skuIds = new Map<string, number>();
  const entriesPerSku: number[] = [];
  for (const location of ordered) {
    for (const sku of Object.keys(location.stock)) {
      let skuId = skuIds.get(sku);
      if (skuId === undefined) {
        skuId = skuIds.size;
        skuIds.set(sku, skuId);
        entriesPerSku.push(0);
      }
      entriesPerSku[skuId]!++;
    }
  }
  const skuCount = skuIds.size;
  const postingStart = new Int32Array(skuCount + 1);
  for (let skuId = 0; skuId < skuCount; skuId++) postingStart[skuId + 1] = postingStart[skuId]! + entriesPerSku[skuId]!;
  const postingPosition = new Int32Array(postingStart[skuCount]!);
  const postingUnits = new Float64Array(postingStart[skuCount]!);
  const fill = Int32Array.from(postingStart.subarray(0, skuCount));
  const servable = new Uint32Array(skuCount * words);
  const servableCount = new Int32Array(skuCount);
  const storeThreshold = Math.max(1, storeMinUnits);

  // Positions are visited in ascending order, so every posting list comes out sorted.
  ordered.forEach((location, position) => {
    const threshold = location.kind === "STORE" ? storeThreshold : 1;
    for (const [sku, units] of Object.entries(location.stock)) {
      const skuId = skuIds.get(sku)!;
      const slot = fill[skuId]!++;
      postingPosition[slot] = position;
      postingUnits[slot] = units;
      if (units >= threshold) {
        addBit(servable, position, skuId * words);
        servableCount[skuId]!++;
      }
    }
  });
  return finishStockIndex(ordered.length, warehouseCount, {
    skuIds,
    servable,
    servableCount,
    storeThreshold,
    postingStart,
    postingPosition,
    postingUnits,
  });
}

/** indexStock with the stock read from `table`'s rows (by location id) instead of the locations' maps. */
function indexStockFromTable(
  ordered: readonly RoutingLocation[],
  warehouseCount: number,
  words: number,
  storeMinUnits: number,
  table: StockTable,
): StockIndex {
  const rowOf = Int32Array.from(ordered, (location) => table.rowOfLocation.get(location.id) ?? -1);
  const { rowStart, skuOf, units } = table;
  // The index numbers only the SKUs some location lists, as indexStock does (others are unknown: -1).
  const entriesOfTableSku = new Int32Array(table.skus.length);
  for (const row of rowOf) {
    if (row < 0) continue;
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) entriesOfTableSku[skuOf[entry]!]!++;
  }
  const skuIds = new Map<string, number>();
  const idOfTableSku = new Int32Array(table.skus.length).fill(-1);
  const entriesPerSku: number[] = [];
  table.skus.forEach((sku, tableSku) => {
    if (entriesOfTableSku[tableSku] === 0 || skuIds.has(sku)) return;
    idOfTableSku[tableSku] = skuIds.size;
    skuIds.set(sku, skuIds.size);
    entriesPerSku.push(entriesOfTableSku[tableSku]!);
  });
  const skuCount = skuIds.size;
  const postingStart = new Int32Array(skuCount + 1);
  for (let skuId = 0; skuId < skuCount; skuId++) postingStart[skuId + 1] = postingStart[skuId]! + entriesPerSku[skuId]!;
  const postingPosition = new Int32Array(postingStart[skuCount]!);
  const postingUnits = new Float64Array(postingStart[skuCount]!);
  const fill = postingStart.slice(0, skuCount);
  const servable = new Uint32Array(skuCount * words);
  const servableCount = new Int32Array(skuCount);
  const storeThreshold = Math.max(1, storeMinUnits);
  // Positions are visited in ascending order, so every posting list comes out sorted.
  for (let position = 0; position < ordered.length; position++) {
    const row = rowOf[position]!;
    if (row < 0) continue;
    const threshold = position >= warehouseCount ? storeThreshold : 1;
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) {
      const skuId = idOfTableSku[skuOf[entry]!]!;
      const slot = fill[skuId]!++;
      const count = units[entry]!;
      postingPosition[slot] = position;
      postingUnits[slot] = count;
      if (count >= threshold) {
        addBit(servable, position, skuId * words);
        servableCount[skuId]!++;
      }
    }
  }
  return finishStockIndex(ordered.length, warehouseCount, {
    skuIds,
    servable,
    servableCount,
    storeThreshold,
    postingStart,
    postingPosition,
    postingUnits,
  });
}

/** The warehouse and dense store rows of a stock index, from its posting lists. */
function finishStockIndex(
  count: number,
  warehouseCount: number,
  postings: Omit<StockIndex, "warehouseUnits" | "denseRowOfSku" | "denseUnits">,
): StockIndex {
  const { postingStart, postingPosition, postingUnits } = postings;
  const skuCount = postingStart.length - 1;
  const warehouseUnits = new Float64Array(skuCount * warehouseCount);
  for (let skuId = 0; skuId < skuCount; skuId++) {
    for (let slot = postingStart[skuId]!; slot < postingStart[skuId + 1]!; slot++) {
      const position = postingPosition[slot]!;
      if (position >= warehouseCount) break;
      warehouseUnits[skuId * warehouseCount + position] = postingUnits[slot]!;
    }
  }
  const { denseRowOfSku, denseUnits } = denseStoreRows(
    count,
    warehouseCount,
    postingStart,
    postingPosition,
    postingUnits,
  );
  return { ...postings, warehouseUnits, denseRowOfSku, denseUnits };
}

function denseStoreRows(
  count: number,
  warehouseCount: number,
  postingStart: Int32Array,
  postingPosition: Int32Array,
  postingUnits: Float64Array,
): { denseRowOfSku: Int32Array; denseUnits: Int32Array } {
  const skuCount = postingStart.length - 1;
  const storeCount = count - warehouseCount;
  const lengthOf = (skuId: number): number => postingStart[skuId + 1]! - postingStart[skuId]!;
  // A 32-bit row holds the units exactly only when every count fits.
  const fitsInt32 = (skuId: number): boolean => {
    for (let slot = postingStart[skuId]!; slot < postingStart[skuId + 1]!; slot++) {
      if ((postingUnits[slot]! | 0) !== postingUnits[slot]) return false;
    }
    return true;
  };
  const maxRows = Math.floor(DENSE_BUDGET_BYTES / (4 * Math.max(1, storeCount)));
  const dense = Array.from({ length: skuCount }, (_, skuId) => skuId)
    .filter((skuId) => lengthOf(skuId) >= Math.max(1, storeCount * DENSE_SHARE) && fitsInt32(skuId))
    .sort((a, b) => lengthOf(b) - lengthOf(a) || a - b)
    .slice(0, maxRows);
  const denseRowOfSku = new Int32Array(skuCount).fill(-1);
  const denseUnits = new Int32Array(dense.length * storeCount);
  dense.forEach((skuId, row) => {
    denseRowOfSku[skuId] = row;
    for (let slot = postingStart[skuId]!; slot < postingStart[skuId + 1]!; slot++) {
      const position = postingPosition[slot]!;
      if (position >= warehouseCount) denseUnits[row * storeCount + position - warehouseCount] = postingUnits[slot]!;
    }
  });
  return { denseRowOfSku, denseUnits };
}

/** Units of a SKU at a position; -1, a SKU no location lists, has none. */
export function unitsAt(index: NetworkIndex, position: number, skuId: number): number {
  if (skuId < 0) return 0;
  const warehouseCount = index.warehouseCount;
  if (position < warehouseCount) return index.warehouseUnits[skuId * warehouseCount + position]!;
  const denseRow = index.denseRowOfSku[skuId]!;
  if (denseRow >= 0) return index.denseUnits[denseRow * (index.count - warehouseCount) + position - warehouseCount]!;
  let low = index.postingStart[skuId]!;
  let high = index.postingStart[skuId + 1]!;
  const positions = index.postingPosition;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = positions[middle]!;
    if (found === position) return index.postingUnits[middle]!;
    if (found < position) low = middle + 1;
    else high = middle;
  }
  return 0;
}

/** cost(L) of one parcel from the location at a position, `miles` away. */
export function parcelCostAt(index: NetworkIndex, position: number, miles: number): number {
  return parcelCostFromParts(
    index.shippingBase[position]!,
    index.shippingPerMile[position]!,
    index.labourCost[position]!,
    miles,
  );
}

/** Bytes held in the index's typed arrays (its bulk; the id maps come on top). */
export function indexFootprintBytes(index: NetworkIndex): number {
  let bytes = 0;
  const add = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  };
  Object.values(index).forEach(add);
  Object.values(index.grid).forEach(add);
  Object.values(index.scratch).forEach(add);
  return bytes;
}
