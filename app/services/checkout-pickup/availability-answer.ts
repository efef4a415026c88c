import type { LocationPromise } from "~/domain/pickup-promise";

/**
 * A pickup option's promise as the checkout extension reads it (JSON): "5 in stock · Ready today
 * by 4:00 PM", or "Only 1 of 2 items in stock here" and the nearest stores that have everything.
 */

export type AvailabilityStatus = "AVAILABLE" | "PARTIAL" | "UNAVAILABLE";

export interface AlternativeJson {
  locationId: string;
  name: string;
  /** From the option's store. */
  distanceMiles: number;
  headline: string;
}

export interface PromiseJson {
  /** AVAILABLE: the promise holds; PARTIAL: some of the cart's items are here; UNAVAILABLE: none, or no pickup. */
  status: AvailabilityStatus;
  /** ISO time; null unless AVAILABLE. */
  readyBy: string | null;
  /** "Ready today by 4:00 PM"; null unless AVAILABLE. */
  headline: string | null;
  /** Why not sooner, when the shopper would wonder ("Fully booked today"). */
  note: string | null;
  /** The fewest units of any of the cart's items here, when AVAILABLE ("5 in stock"). */
  unitsInStock: number | null;
  /** Why the store cannot take the cart ("Only 1 of 2 items in stock here"); null when AVAILABLE. */
  shortfall: string | null;
  /** The nearest stores that can, nearest first; empty when AVAILABLE. */
  alternatives: AlternativeJson[];
}

/** At checkout the promise also comes signed, for the extension to hand on with the order. */
export interface CheckoutPromiseJson extends PromiseJson {
  /**
   * The promise as shown, signed by the app (promise-token.server.ts), for the extension to write
   * to the cart's pickup_promise metafield on the chosen option; null unless AVAILABLE.
   */
  promiseToken: string | null;
}

export interface AvailabilityAnswer {
  location: { id: string; name: string } | null;
  promise: CheckoutPromiseJson | null;
  /** Why there is no promise, for logs and tests; the extension shows nothing then. */
  message: string | null;
}

export function promiseJson(answered: LocationPromise): PromiseJson {
  const { promise } = answered;
  const someItemsHere = answered.lines.some((line) => line.enough);
  return {
    status: promise ? "AVAILABLE" : someItemsHere && answered.lines.length > 1 ? "PARTIAL" : "UNAVAILABLE",
    readyBy: promise?.readyBy.toISOString() ?? null,
    headline: promise?.headline ?? null,
    note: promise?.note ?? null,
    unitsInStock: promise ? Math.min(...answered.lines.map((line) => line.available)) : null,
    shortfall: promise ? null : answered.unavailable,
    alternatives: answered.alternatives.map((alternative) => ({
      locationId: alternative.locationId,
      name: alternative.name,
      distanceMiles: alternative.miles,
      headline: alternative.promise.headline,
    })),
  };
}
