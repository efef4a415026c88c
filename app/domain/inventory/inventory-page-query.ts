import { decodeKeysetCursor, encodeKeysetCursor } from "../keyset-cursor";

/**
 * The Inventory page's query (search, filters, sort and keyset cursor) read from its URL, and
 * the cursor it hands out. Anything a person could not have produced by using the page is
 * refused with a reason, so the route can answer 400 instead of guessing.
 */

export const INVENTORY_SORTS = ["sku", "-sku", "available", "-available"] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];

/** Where a page ended: the sort's key of its last row (unique within a shop). */
export interface InventoryCellKey {
  available: number;
  sku: string;
  locationId: string;
  inventoryItemId: string;
}

export interface InventoryPageQuery {
  /** Matched against SKU and product title (contained) and barcode (prefix); null for none. */
  search: string | null;
  locationId: string | null;
  belowStoreMinimum: boolean;
  outOfStockEverywhere: boolean;
  sort: InventorySort;
  after: InventoryCellKey | null;
}

export type QueryReading = { ok: true; query: InventoryPageQuery } | { ok: false; error: string };

export const MAX_SEARCH_LENGTH = 100;
const MAX_KEY_PART_LENGTH = 255;
const SHOPIFY_NUMERIC_ID = /^[0-9]{1,20}$/;
const FLAG_VALUES = new Set(["1", "true", "on"]);
// Postgres text cannot hold NUL; other control characters never appear in a SKU or title either.
// eslint-disable-next-line no-control-regex -- the point is to match control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function isSort(value: string): value is InventorySort {
  return (INVENTORY_SORTS as readonly string[]).includes(value);
}

function readFlag(params: URLSearchParams, name: string): boolean | "invalid" {
  const values = params.getAll(name);
  if (values.length === 0) return false;
  if (values.length > 1) return "invalid";
  const value = values[0]!;
  if (value === "" || value === "0" || value === "false") return false;
  return FLAG_VALUES.has(value) ? true : "invalid";
}

function single(params: URLSearchParams, name: string): string | null | "repeated" {
  const values = params.getAll(name);
  if (values.length > 1) return "repeated";
  return values[0] ?? null;
}

function isKeyText(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_KEY_PART_LENGTH && !CONTROL_CHARACTERS.test(value);
}

/** The cursor for the page after the one ending at `key`, under `sort`. */
export function encodeInventoryCursor(sort: InventorySort, key: InventoryCellKey): string {
  const parts = [sort, key.available, key.sku, key.locationId, key.inventoryItemId];
  return encodeKeysetCursor(parts);
}

/** The key a cursor carries, or null when it is not one this page handed out for `sort`. */
export function decodeInventoryCursor(cursor: string, sort: InventorySort): InventoryCellKey | null {
  const parts = decodeKeysetCursor(cursor, 5);
  if (!parts) return null;
  const [cursorSort, available, sku, locationId, inventoryItemId] = parts;
  if (cursorSort !== sort) return null;
  if (typeof available !== "number" || !Number.isSafeInteger(available) || Math.abs(available) > 2_147_483_647) {
    return null;
  }
  if (!isKeyText(sku) || !isKeyText(locationId) || !isKeyText(inventoryItemId)) return null;
  return { available, sku, locationId, inventoryItemId };
}

/** Reads the page's query from its URL's search parameters. */
export function readInventoryPageQuery(params: URLSearchParams): QueryReading {
  const q = single(params, "q");
  const location = single(params, "location");
  const sortParam = single(params, "sort");
  const cursor = single(params, "cursor");
  if ([q, location, sortParam, cursor].includes("repeated")) return { ok: false, error: "A parameter is repeated" };

  const search = (q ?? "").trim();
  if (search.length > MAX_SEARCH_LENGTH) {
    return { ok: false, error: `Search for at most ${MAX_SEARCH_LENGTH} characters` };
  }
  if (CONTROL_CHARACTERS.test(search)) return { ok: false, error: "The search contains control characters" };

  if (location !== null && location !== "" && !SHOPIFY_NUMERIC_ID.test(location)) {
    return { ok: false, error: "Unknown location" };
  }
  const sort = sortParam === null || sortParam === "" ? "sku" : sortParam;
  if (!isSort(sort)) return { ok: false, error: `Sort by one of ${INVENTORY_SORTS.join(", ")}` };

  const belowStoreMinimum = readFlag(params, "below");
  const outOfStockEverywhere = readFlag(params, "empty");
  if (belowStoreMinimum === "invalid" || outOfStockEverywhere === "invalid") {
    return { ok: false, error: "A filter is on (1) or off (0)" };
  }

  let after: InventoryCellKey | null = null;
  if (cursor !== null && cursor !== "") {
    after = decodeInventoryCursor(cursor, sort);
    if (after === null) return { ok: false, error: "The page cursor is not one this page handed out" };
  }
  return {
    ok: true,
    query: {
      search: search === "" ? null : search,
      locationId: location === null || location === "" ? null : location,
      belowStoreMinimum,
      outOfStockEverywhere,
      sort,
      after,
    },
  };
}
