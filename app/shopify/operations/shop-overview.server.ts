import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

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

export async function fetchShopOverview(admin: AdminApiContext): Promise<ShopOverview> {
  const response = await admin.graphql(SHOP_OVERVIEW_QUERY);
  const { data } = await response.json();
  if (!data) throw new Error("ShopOverview returned no data");
  return {
    name: data.shop.name,
    domain: data.shop.myshopifyDomain,
    timezone: data.shop.ianaTimezone,
    activeLocations: data.locationsCount?.count ?? null,
  };
}
