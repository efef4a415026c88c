/**
 * Shopify names a resource two ways: webhooks and the app's tables carry its numeric id
 * ("70000000001"), the Admin GraphQL API its gid ("gid://shopify/Location/70000000001").
 * These convert between the two.
 */

/** The kinds of Shopify resource whose ids the app converts. */
export type ShopifyResource =
  | "Customer"
  | "FulfillmentOrder"
  | "FulfillmentOrderLineItem"
  | "InventoryItem"
  | "InventoryLevel"
  | "Location"
  | "Order"
  | "ProductVariant";

// Bulk-operation output adds a query string to some gids (InventoryLevel/7?inventory_item_id=3).
const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;
const NUMERIC_ID = /^\d+$/;

/** The numeric id in a gid of this type ("gid://shopify/Location/12" → "12"); null for anything else. */
export function numericIdOf(gid: unknown, type: ShopifyResource): string | null {
  if (typeof gid !== "string") return null;
  const match = GID.exec(gid);
  return match && match[1] === type ? (match[2] ?? null) : null;
}

/**
 * The numeric id of a resource Shopify named by its gid, or by its numeric id already. Throws
 * for anything else: an id of another type is a bug to surface, not a value to carry on with.
 */
export function requireNumericId(gidOrId: string, type: ShopifyResource): string {
  if (NUMERIC_ID.test(gidOrId)) return gidOrId;
  const id = numericIdOf(gidOrId, type);
  if (id === null) throw new Error(`Not a Shopify ${type} id: ${gidOrId}`);
  return id;
}

/** The gid of a resource known by its numeric id ("7" → "gid://shopify/Order/7"); a gid is kept as it is. */
export function shopifyGid(type: ShopifyResource, idOrGid: string): string {
  return idOrGid.startsWith("gid://") ? idOrGid : `gid://shopify/${type}/${idOrGid}`;
}
