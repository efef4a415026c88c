import { decodeKeysetCursor, encodeKeysetCursor } from "../keyset-cursor";

/**
 * The Locations table's query (search, filters, sort and keyset cursor) read from its URL, and
 * the cursor it hands out. Anything a person could not have produced by using the page is
 * refused with a reason, so the route answers 400 instead of guessing. Runs in the browser too
 * (no zod here).
 */

export const LOCATION_SORTS = ["name", "-name", "capacity", "-capacity"] as const;
export type LocationSort = (typeof LOCATION_SORTS)[number];

/** Where a page ended: the sort's key of its last row (unique within a shop). */
export interface LocationRowKey {
  /** The daily capacity as sorted: a location without a limit sorts as NO_LIMIT_SORT_VALUE. */
  capacity: number;
  name: string;
  locationId: string;
}

/** How "no daily limit" sorts by capacity: after every limit a merchant can set. */
export const NO_LIMIT_SORT_VALUE = 2_147_483_647;

export interface LocationsTableQuery {
  /** Contained in the name or city, or the start of the ZIP; null for none. */
  search: string | null;
  kind: "STORE" | "WAREHOUSE" | null;
  /** Pickup as shoppers get it (the override, else Shopify's setting). */
  pickup: boolean | null;
  routesOrders: boolean | null;
  /** Whether a daily order limit is set. */
  hasCapacity: boolean | null;
  sort: LocationSort;
  after: LocationRowKey | null;
}

export type LocationsQueryReading = { ok: true; query: LocationsTableQuery } | { ok: false; error: string };

export const MAX_LOCATION_SEARCH_LENGTH = 100;
const MAX_KEY_TEXT_LENGTH = 255;
const SHOPIFY_NUMERIC_ID = /^[0-9]{1,20}$/;
// Postgres text cannot hold NUL; other control characters never appear in a name or city either.
// eslint-disable-next-line no-control-regex -- the point is to match control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The parameters the page writes, each at most once. */
const PARAMETERS = ["q", "kind", "pickup", "routes", "capacity", "sort", "cursor"] as const;

function isSort(value: string): value is LocationSort {
  return (LOCATION_SORTS as readonly string[]).includes(value);
}

/** "yes" / "no" filters: absent or empty for either. */
function readYesNo(value: string | null): boolean | null | "invalid" {
  if (value === null || value === "") return null;
  if (value === "yes") return true;
  if (value === "no") return false;
  return "invalid";
}

/** The cursor for the page after the one ending at `key`, under `sort`. */
export function encodeLocationsCursor(sort: LocationSort, key: LocationRowKey): string {
  return encodeKeysetCursor([sort, key.capacity, key.name, key.locationId]);
}

/** The key a cursor carries, or null when it is not one this page handed out for `sort`. */
export function decodeLocationsCursor(cursor: string, sort: LocationSort): LocationRowKey | null {
  const parts = decodeKeysetCursor(cursor, 4);
  if (!parts) return null;
  const [cursorSort, capacity, name, locationId] = parts;
  if (cursorSort !== sort) return null;
  if (typeof capacity !== "number" || !Number.isSafeInteger(capacity) || capacity < 0) return null;
  if (capacity > NO_LIMIT_SORT_VALUE) return null;
  if (typeof name !== "string" || name.length > MAX_KEY_TEXT_LENGTH || CONTROL_CHARACTERS.test(name)) return null;
  if (typeof locationId !== "string" || !SHOPIFY_NUMERIC_ID.test(locationId)) return null;
  return { capacity, name, locationId };
}

/** Reads the table's query from its URL's search parameters. */
export function readLocationsTableQuery(params: URLSearchParams): LocationsQueryReading {
  for (const name of PARAMETERS) {
    if (params.getAll(name).length > 1) return { ok: false, error: "A parameter is repeated" };
  }
  const search = (params.get("q") ?? "").trim();
  if (search.length > MAX_LOCATION_SEARCH_LENGTH) {
    return { ok: false, error: `Search for at most ${MAX_LOCATION_SEARCH_LENGTH} characters` };
  }
  if (CONTROL_CHARACTERS.test(search)) return { ok: false, error: "The search contains control characters" };

  const kindParam = params.get("kind") ?? "";
  if (kindParam !== "" && kindParam !== "store" && kindParam !== "warehouse") {
    return { ok: false, error: "Filter the kind by store or warehouse" };
  }
  const pickupParam = params.get("pickup") ?? "";
  if (pickupParam !== "" && pickupParam !== "on" && pickupParam !== "off") {
    return { ok: false, error: "Filter pickup by on or off" };
  }
  const routesOrders = readYesNo(params.get("routes"));
  const hasCapacity = readYesNo(params.get("capacity"));
  if (routesOrders === "invalid" || hasCapacity === "invalid") {
    return { ok: false, error: "Filter by yes or no" };
  }

  const sortParam = params.get("sort") ?? "";
  const sort = sortParam === "" ? "name" : sortParam;
  if (!isSort(sort)) return { ok: false, error: `Sort by one of ${LOCATION_SORTS.join(", ")}` };

  const cursor = params.get("cursor") ?? "";
  let after: LocationRowKey | null = null;
  if (cursor !== "") {
    after = decodeLocationsCursor(cursor, sort);
    if (after === null) return { ok: false, error: "The page cursor is not one this page handed out" };
  }
  return {
    ok: true,
    query: {
      search: search === "" ? null : search,
      kind: kindParam === "" ? null : kindParam === "store" ? "STORE" : "WAREHOUSE",
      pickup: pickupParam === "" ? null : pickupParam === "on",
      routesOrders,
      hasCapacity,
      sort,
      after,
    },
  };
}

/**
 * The table's own part of a URL's query (search, filters, sort, cursor), as "?…" or "" for none
 * or for one the table would refuse: what a location's page links back to, so the merchant
 * returns to the rows they left.
 */
export function locationsTableSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of PARAMETERS) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  if (!readLocationsTableQuery(kept).ok) return "";
  const search = kept.toString();
  return search ? `?${search}` : "";
}

/** Whether any search or filter narrows the table (the empty state then says so). */
export function isNarrowed(query: LocationsTableQuery): boolean {
  return (
    query.search !== null ||
    query.kind !== null ||
    query.pickup !== null ||
    query.routesOrders !== null ||
    query.hasCapacity !== null
  );
}
