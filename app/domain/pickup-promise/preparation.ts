import { DEFAULT_PREPARATION_MINUTES } from "../store-tasks/timers";

/**
 * How long a location takes to prepare a pickup order, in minutes of opening time: the
 * merchant's own setting on the location's profile, else Shopify's local pickup setting
 * (`localPickupSettingsV2.pickupTime`), else DEFAULT_PREPARATION_MINUTES.
 */

/** Shopify's "Usually ready in …" choices (DeliveryLocalPickupTime, Admin API 2026-04). */
export type ShopifyPickupTime =
  "ONE_HOUR" | "TWO_HOURS" | "FOUR_HOURS" | "TWENTY_FOUR_HOURS" | "TWO_TO_FOUR_DAYS" | "FIVE_OR_MORE_DAYS" | "CUSTOM";

/**
 * Opening minutes that stand for one day of Shopify's promise. Preparation counts only while the
 * store is open, so "24 hours" is about one store day (most stores open 8–12 hours), which brings
 * an order to about the same time on the next day the store opens.
 */
export const OPENING_MINUTES_PER_STORE_DAY = 10 * 60;

/**
 * Day-long promises take the far end of Shopify's range ("2–4 days" is 4): a promise the store
 * may beat is honest, one it may miss is not. CUSTOM tells no duration, so it takes the default.
 */
const SHOPIFY_PICKUP_TIME_MINUTES: Readonly<Record<ShopifyPickupTime, number | null>> = {
  ONE_HOUR: 60,
  TWO_HOURS: 2 * 60,
  FOUR_HOURS: 4 * 60,
  TWENTY_FOUR_HOURS: OPENING_MINUTES_PER_STORE_DAY,
  TWO_TO_FOUR_DAYS: 4 * OPENING_MINUTES_PER_STORE_DAY,
  FIVE_OR_MORE_DAYS: 5 * OPENING_MINUTES_PER_STORE_DAY,
  CUSTOM: null,
};

export interface PreparationSettings {
  /** The merchant's own preparation time on the location's profile; null: not set. */
  readonly merchantMinutes: number | null;
  /** Shopify's local pickup setting as the Admin API names it; null when pickup is off or unknown. */
  readonly shopifyPickupTime: string | null;
}

export function isShopifyPickupTime(value: string): value is ShopifyPickupTime {
  return Object.hasOwn(SHOPIFY_PICKUP_TIME_MINUTES, value);
}

export function preparationMinutesOf(settings: PreparationSettings): number {
  if (settings.merchantMinutes !== null && Number.isFinite(settings.merchantMinutes) && settings.merchantMinutes >= 0) {
    return settings.merchantMinutes;
  }
  const shopify = settings.shopifyPickupTime;
  // A value Shopify adds later is not a reason to refuse a promise: it takes the default.
  const fromShopify = shopify !== null && isShopifyPickupTime(shopify) ? SHOPIFY_PICKUP_TIME_MINUTES[shopify] : null;
  return fromShopify ?? DEFAULT_PREPARATION_MINUTES;
}
