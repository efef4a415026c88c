import type { RoiInputs } from "./roi-calculator";

/**
 * "From your data": the calculator's volume and cost inputs read from the shop's own routing
 * decisions over a window (30 days stands for a month). Each input is filled only when the
 * history has something to say about it; the rest keep the figures the caller passes.
 */

export const HISTORY_DAYS = 30;

/** What the last 30 days of routing decisions add up to (see models/roi-history.server.ts). */
export interface RoutingHistorySummary {
  /** Every online order decided in the window, routable or not. */
  readonly orders: number;
  /** Of those, orders the shopper chose to collect in store. */
  readonly pickupOrders: number;
  /** Pickup orders routed to a store, and the sum of those stores' labour cost per order. */
  readonly pickupLabour: { readonly orders: number; readonly labourCents: number };
  /**
   * Orders shipped or delivered from a location, and the sum of their parcels' shipping cost
   * (each parcel's routed cost less the labour of the location it left from).
   */
  readonly shipping: { readonly orders: number; readonly shippingCents: number };
}

export type HistoryInput =
  "onlineOrdersPerMonth" | "bopisShareBasisPoints" | "shippingSavedPerOrderCents" | "labourPerOrderCents";

export interface InputsFromHistory {
  readonly inputs: RoiInputs;
  /** The inputs the history filled; the others are the caller's. */
  readonly filled: readonly HistoryInput[];
}

/** a / b to the nearest whole number, a half going up (a, b ≥ 0, b > 0). */
function nearest(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

export function inputsFromHistory(summary: RoutingHistorySummary, otherwise: RoiInputs): InputsFromHistory {
  if (summary.orders === 0) return { inputs: otherwise, filled: [] };
  const filled: HistoryInput[] = ["onlineOrdersPerMonth", "bopisShareBasisPoints"];
  let inputs: RoiInputs = {
    ...otherwise,
    onlineOrdersPerMonth: summary.orders,
    bopisShareBasisPoints: nearest(summary.pickupOrders * 10_000, summary.orders),
  };
  if (summary.shipping.orders > 0) {
    // What a BOPIS order does not spend: what the shop's shipped orders spent on shipping, on average.
    inputs = {
      ...inputs,
      shippingSavedPerOrderCents: nearest(Math.max(0, summary.shipping.shippingCents), summary.shipping.orders),
    };
    filled.push("shippingSavedPerOrderCents");
  }
  if (summary.pickupLabour.orders > 0) {
    inputs = { ...inputs, labourPerOrderCents: nearest(summary.pickupLabour.labourCents, summary.pickupLabour.orders) };
    filled.push("labourPerOrderCents");
  }
  return { inputs, filled };
}
