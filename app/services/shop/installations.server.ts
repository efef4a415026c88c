import prisma from "~/db.server";
import { recordInstallation } from "~/models/shop-installations.server";
import { enqueueInventoryFullSync } from "~/services/inventory/sync-triggers.server";

/**
 * After Shopify's auth (token exchange) for a shop: remember that it has the app. A new
 * installation (or a reinstall, whose mirror may be gone or stale) gets a full inventory
 * sync, enqueued in the same transaction.
 */
export async function recordShopAuthenticated(shop: string, scopes: string | undefined, at: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const outcome = await recordInstallation(tx, shop, scopes ?? null, at);
    if (outcome !== "already-installed") await enqueueInventoryFullSync(tx, shop);
  });
}
