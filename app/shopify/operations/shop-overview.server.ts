import type { AdminClient } from "../admin-client.server";
import type { CostMeter } from "../cost-meter";

export const SHOP_OVERVIEW_QUERY = `#graphql
  query ShopOverview {
    shop {
      name
      myshopifyDomain
      ianaTimezone
    }
    locationsCount(query: "active:true") {
      count
      precision
    }
  }
`;

export interface ShopOverview {
  name: string;
  domain: string;
  timezone: string;
  activeLocations: number | null;
}

export async function fetchShopOverview(
  client: AdminClient,
  options: { costMeter?: CostMeter } = {},
): Promise<ShopOverview> {
  const { data } = await client.request(SHOP_OVERVIEW_QUERY, {}, options);
  return {
    name: data.shop.name,
    domain: data.shop.myshopifyDomain,
    timezone: data.shop.ianaTimezone,
    activeLocations: data.locationsCount?.count ?? null,
  };
}
