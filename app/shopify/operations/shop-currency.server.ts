import type { AdminClient } from "../admin-client.server";

/** The currency the shop sells in, for pages that show money in it (the ROI calculator). */
export const SHOP_CURRENCY_QUERY = `#graphql
  query ShopCurrency {
    shop {
      currencyCode
    }
  }
`;

export async function fetchShopCurrency(client: AdminClient): Promise<string> {
  const { data } = await client.request(SHOP_CURRENCY_QUERY, {});
  return data.shop.currencyCode;
}
