import { adminClientForRequest, type AuthenticatedAdmin } from "~/shopify/admin-client-for-request.server";
import { fetchShopOverview, type ShopOverview } from "~/shopify/operations/shop-overview.server";
import { check, type Check } from "~/services/dashboard/app-health.server";

/** The shop as Shopify describes it, for the dashboard: its overview, or why Shopify did not answer. */
export function getShopOverview(context: AuthenticatedAdmin): Promise<Check<ShopOverview>> {
  return check(() => fetchShopOverview(adminClientForRequest(context)));
}
