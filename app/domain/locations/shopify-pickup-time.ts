import { isShopifyPickupTime, type ShopifyPickupTime } from "../pickup-promise/preparation";
import { DEFAULT_PREPARATION_MINUTES } from "../store-tasks/timers";

/**
 * Shopify's own local pickup promise for a location ("Usually ready in …",
 * `localPickupSettingsV2.pickupTime`), as the mirror holds it: a value Shopify adds later, or
 * none, is read as unknown.
 */
export function knownShopifyPickupTime(mirrored: string | null): ShopifyPickupTime | null {
  return mirrored !== null && isShopifyPickupTime(mirrored) ? mirrored : null;
}

/** As Shopify's admin words each choice. */
const SHOPIFY_PICKUP_TIME_WORDS: Readonly<Record<ShopifyPickupTime, string>> = {
  ONE_HOUR: "Usually ready in 1 hour",
  TWO_HOURS: "Usually ready in 2 hours",
  FOUR_HOURS: "Usually ready in 4 hours",
  TWENTY_FOUR_HOURS: "Usually ready in 24 hours",
  TWO_TO_FOUR_DAYS: "Usually ready in 2-4 days",
  FIVE_OR_MORE_DAYS: "Usually ready in 5+ days",
  // Deprecated by Shopify and of no known length: the promise counts the default hour.
  CUSTOM: `a custom pickup time, counted as ${DEFAULT_PREPARATION_MINUTES} minutes`,
};

/**
 * The Locations page's help for a store's preparation time, naming what an empty field follows:
 * "… Leave empty to follow Shopify: Usually ready in 1 hour."
 */
export function preparationTimeHelp(mirrored: string | null): string {
  const known = knownShopifyPickupTime(mirrored);
  const empty =
    known === null
      ? `Leave empty for ${DEFAULT_PREPARATION_MINUTES} minutes: Shopify has no pickup time for this location.`
      : `Leave empty to follow Shopify: ${SHOPIFY_PICKUP_TIME_WORDS[known]}.`;
  return `Minutes of opening time to get a pickup order ready. ${empty}`;
}
