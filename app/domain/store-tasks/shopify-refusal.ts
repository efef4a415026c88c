import type { ShopifyEffect } from "./types";

/**
 * What the associate and the merchant are told when the app gave up telling Shopify about a
 * step (its retries ran out): the step stands in the app, Shopify does not know it yet.
 */

const WHAT_SHOPIFY_WAS_TOLD: Readonly<Record<ShopifyEffect, string>> = {
  REPORT_PROGRESS: "that picking started",
  PREPARED_FOR_PICKUP: "that the order is ready for pickup",
  FULFILL: "that the order left the store",
};

/** For the order page's timeline. */
export function shopifyRefusalLabel(effect: ShopifyEffect): string {
  return `Shopify did not accept ${WHAT_SHOPIFY_WAS_TOLD[effect]}`;
}

/** For the associate on POS, who cannot fix it from there. */
export function shopifyRefusalMessage(effect: ShopifyEffect): string {
  return `${shopifyRefusalLabel(effect)} — ask your manager`;
}
