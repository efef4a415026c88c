import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { fetchShopOverview } from "~/shopify/operations/shop-overview.server";

/**
 * The shop's name heading its shoppers' pickup passes. The app keeps no copy, so Shopify is
 * asked; a public page must not cost the shop an Admin API call per visit, so each process
 * keeps the answer an hour (a failure a minute). When Shopify cannot answer, the pass goes
 * without the name rather than fail.
 */

const NAME_KEPT_MS = 60 * 60_000;
const FAILURE_KEPT_MS = 60_000;

const kept = new Map<string, { name: Promise<string | null>; until: number }>();

async function askShopify(shop: string): Promise<string | null> {
  try {
    return (await fetchShopOverview(adminClientForShop(shop, { maxAttempts: 1, timeoutMs: 3_000 }))).name;
  } catch (error) {
    console.warn(`pickup pass: the shop name of ${shop} could not be read; the pass goes without it`, error);
    return null;
  }
}

export function shopNameForPass(shop: string, now = Date.now()): Promise<string | null> {
  const held = kept.get(shop);
  if (held && held.until > now) return held.name;
  const name = askShopify(shop);
  kept.set(shop, { name, until: now + NAME_KEPT_MS });
  // A failure is kept a minute only: Shopify may answer again soon.
  void name.then((answer) => {
    if (answer === null) kept.set(shop, { name, until: now + FAILURE_KEPT_MS });
  });
  return name;
}
