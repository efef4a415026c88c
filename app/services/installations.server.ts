import prisma from "~/db.server";
import { recordInstallation } from "~/models/shop-installations.server";

/** After Shopify's auth (token exchange) for a shop: remember that it has the app. */
export async function recordShopAuthenticated(shop: string, scopes: string | undefined, at: Date): Promise<void> {
  await recordInstallation(prisma, shop, scopes ?? null, at);
}
