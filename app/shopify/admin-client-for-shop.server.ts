import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClient, type AdminClientOptions } from "./admin-client.server";
import { libraryTransport } from "./library-transport.server";
import { offlineContextsHeldFor } from "./offline-admin-contexts";
import { processCostEstimates } from "./process-cost-estimates.server";

/** How long a process reuses a shop's loaded offline session (see offline-admin-contexts). */
const OFFLINE_CONTEXT_HOLD_MS = 5_000;
const offlineAdminContext = offlineContextsHeldFor((shop) => unauthenticated.admin(shop), OFFLINE_CONTEXT_HOLD_MS);

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
    send: libraryTransport(shop, offlineAdminContext),
    estimates: processCostEstimates,
  });
}
