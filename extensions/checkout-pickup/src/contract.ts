/**
 * What POST /api/checkout/pickup-availability takes and answers, as this extension reads it.
 * The app's own definitions are app/services/checkout-pickup/availability-input.ts (the body) and
 * availability-answer.ts (the answer); this bundle cannot import them (they pull in the app's
 * domain), so the fields it uses are restated here and checked on arrival (src/availability.ts).
 */

export interface AvailabilityLine {
  /** "gid://shopify/ProductVariant/123" */
  variantId: string;
  quantity: number;
}

export interface PickupOptionAddress {
  address1: string;
  address2?: string;
  city: string;
  zip?: string;
  provinceCode?: string;
  countryCode: string;
}

export interface AvailabilityRequest {
  lines: AvailabilityLine[];
  /** The option as checkout describes it: no location id, so the app matches it by address. */
  option: { name: string; address: PickupOptionAddress };
}

export type AvailabilityStatus = "AVAILABLE" | "PARTIAL" | "UNAVAILABLE";

export interface Alternative {
  name: string;
  /** From the option's store. */
  distanceMiles: number;
}

export interface PickupPromise {
  status: AvailabilityStatus;
  /** "Ready today by 4:00 PM"; null unless AVAILABLE. */
  headline: string | null;
  /** Why not sooner ("Fully booked today"), when the shopper would wonder. */
  note: string | null;
  /** The fewest units of any of the cart's items here, when AVAILABLE. */
  unitsInStock: number | null;
  /** "Only 1 of 2 items in stock here"; null when AVAILABLE. */
  shortfall: string | null;
  /** The nearest stores that have everything, nearest first. */
  alternatives: Alternative[];
  /** The promise as shown, signed by the app, to hand on with the order when chosen; null unless AVAILABLE. */
  promiseToken: string | null;
}
