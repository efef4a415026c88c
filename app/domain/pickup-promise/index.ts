// The pickup promise's public surface (see pickup-promise.ts).
export { pickupPromises } from "./pickup-promise";
export {
  isShopifyPickupTime,
  preparationMinutesOf,
  OPENING_MINUTES_PER_STORE_DAY,
  type ShopifyPickupTime,
} from "./preparation";
export { MAX_ALTERNATIVES } from "./alternatives";
export { milesText } from "./promise-text";
export type * from "./types";
