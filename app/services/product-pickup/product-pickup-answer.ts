import type { PromiseJson } from "~/services/checkout-pickup/availability-answer";

/**
 * What the product page's block reads (JSON): the stores nearest the shopper's ZIP, each with the
 * promise checkout gives a one-line cart there. extensions/pickup-availability's tests type their
 * answers with it, so the block and the app cannot drift apart.
 */

export type ProductPickupStore = {
  id: string;
  name: string;
  /** One line, as the shopper reads it. */
  address: string;
  /** From the shopper's ZIP; null without one, or when the store has no coordinates. */
  distanceMiles: number | null;
} & Omit<PromiseJson, "alternatives">;

export interface ProductPickupAnswer {
  /** The ZIP as understood; null when none was given. */
  zip: string | null;
  /** DISTANCE: nearest the ZIP first; NAME: no ZIP, or one not known. */
  sortedBy: "DISTANCE" | "NAME";
  /** For the shopper, when the list is not what they asked for ("We couldn't find ZIP code …"). */
  message: string | null;
  stores: ProductPickupStore[];
}
