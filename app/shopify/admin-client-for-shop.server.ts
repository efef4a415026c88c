import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClient, type AdminClientOptions } from "./admin-client.server";
import { CostBucketEstimates } from "./cost-bucket-estimates";
import { libraryTransport } from "./library-transport.server";

/**
 * The Admin API client a job uses for a shop: the shop's offline session through the Shopify
 * library, and one bucket estimate per shop shared by every client in this process.
 */
const processWideEstimates = new CostBucketEstimates();

export function adminClientForShop(
  shop: string,
  options: Omit<AdminClientOptions, "shop" | "send" | "estimates"> = {},
): AdminClient {
  return createAdminClient({
    ...options,
    shop,
    send: libraryTransport(shop, unauthenticated.admin),
    estimates: processWideEstimates,
  });
}
