import { sqlPool } from "~/db.server";
import { inventorySyncedAt } from "~/models/inventory-sync-status.server";

/**
 * Whether the shop's inventory mirror has been filled by a full sync, for routing to wait on:
 * until the install's first sync has finished, the mirror is empty or half-written and every
 * order decided over it would be unroutable or sent to the wrong store. Once a shop's sync has
 * finished the answer stays yes (later syncs reconcile a full mirror), so it is remembered per
 * process and the routing hot path pays nothing after the first order.
 */

const readyShops = new Set<string>();

/** Yes from this process's memory, without a query; no means "not known yet", not "not ready". */
export function isInventoryMirrorKnownReady(shop: string): boolean {
  return readyShops.has(shop);
}

export async function isInventoryMirrorReady(shop: string): Promise<boolean> {
  if (readyShops.has(shop)) return true;
  const syncedAt = await inventorySyncedAt(sqlPool, shop);
  if (syncedAt === null) return false;
  readyShops.add(shop);
  return true;
}
