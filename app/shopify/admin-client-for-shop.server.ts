import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClient, type AdminClientOptions } from "./admin-client.server";
import { libraryTransport } from "./library-transport.server";
import { processCostEstimates } from "./process-cost-estimates.server";

/**
 * The Admin API client a job uses for a shop: the shop's offline session through the Shopify
 * library, pacing on the bucket estimate this process keeps for the shop.
 */
export function adminClientForShop(
  shop: string,
  options: Omit<AdminClientOptions, "shop" | "send" | "estimates"> = {},
): AdminClient {
  return createAdminClient({
    ...options,
    shop,
    send: libraryTransport(shop, unauthenticated.admin),
    estimates: processCostEstimates,
  });
}
