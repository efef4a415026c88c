import type { UncollectedPolicy } from "./settings";

/**
 * Cancelling an uncollected pickup order in Shopify: what the re-read of the order decides just
 * before `orderCancel` (the app's own view of the order may be behind Shopify's), the note Shopify
 * keeps on the order, and how the outcome reads to the merchant.
 */

/** The order as Shopify shows it at the re-read; null when Shopify has no such order. */
export interface OrderInShopify {
  readonly cancelledAt: string | null;
  /** Shopify's OrderDisplayFulfillmentStatus: FULFILLED, PARTIALLY_FULFILLED, UNFULFILLED … */
  readonly displayFulfillmentStatus: string;
  readonly fulfillmentOrders: readonly { readonly status: string; readonly deliveryMethod: string | null }[];
}

export type RecheckDecision =
  | { readonly kind: "CANCEL" }
  | { readonly kind: "ALREADY_CANCELLED" }
  | { readonly kind: "SKIP"; readonly reason: string };

/** Fulfilment order statuses with items still to hand over. */
const WAITING_STATUSES = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

export function recheckUncollected(order: OrderInShopify | null): RecheckDecision {
  if (!order) return { kind: "SKIP", reason: "Shopify no longer has this order" };
  if (order.cancelledAt) return { kind: "ALREADY_CANCELLED" };
  if (order.displayFulfillmentStatus === "FULFILLED" || order.displayFulfillmentStatus === "PARTIALLY_FULFILLED") {
    return { kind: "SKIP", reason: "Collected (fulfilled in Shopify)" };
  }
  const waiting = order.fulfillmentOrders.some(
    (fo) => fo.deliveryMethod === "PICK_UP" && WAITING_STATUSES.has(fo.status),
  );
  if (!waiting) return { kind: "SKIP", reason: "No pickup is waiting in Shopify any more" };
  return { kind: "CANCEL" };
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** Shopify's staff note on the cancelled order (at most 255 characters; this is far shorter). */
export function uncollectedStaffNote(days: number): string {
  return `Not collected within ${plural(days, "day")}`;
}

/**
 * What cancelling does besides cancelling, as the end of "Each cancel …": "restocks the items,
 * refunds the shopper to the original payment methods and has Shopify email the shopper".
 */
export function uncollectedEffects(policy: Pick<UncollectedPolicy, "restock" | "refund" | "notifyCustomer">): string {
  const effects = [
    policy.restock ? "restocks the items" : "does not restock the items",
    policy.refund ? "refunds the shopper to the original payment methods" : "refunds nothing",
    policy.notifyCustomer ? "has Shopify email the shopper" : "sends the shopper no cancellation email",
  ];
  return `${effects.slice(0, -1).join(", ")} and ${effects.at(-1)}`;
}

export type UncollectedCancellationStatus = "REQUESTED" | "CANCELLED" | "SKIPPED" | "FAILED";

/** How an order's auto-cancel reads on its page. */
export function uncollectedCancellationLine(row: {
  status: UncollectedCancellationStatus;
  reason: string | null;
  restock: boolean;
  refund: boolean;
}): { text: string; tone: "success" | "critical" | "info" } {
  switch (row.status) {
    case "CANCELLED": {
      const effects = [row.restock ? "restocked" : "not restocked", row.refund ? "refunded" : "not refunded"];
      const why = (row.reason ?? "not collected in time").replace(/^Not /, "not ");
      return { text: `Cancelled: ${why} (${effects.join(", ")})`, tone: "success" };
    }
    case "FAILED":
      return { text: `Auto-cancel failed: ${row.reason ?? "Shopify refused"}`, tone: "critical" };
    case "SKIPPED":
      return { text: `Not auto-cancelled: ${row.reason ?? "no longer waiting"}`, tone: "info" };
    case "REQUESTED":
      return { text: "Auto-cancel requested: waiting for Shopify's answer", tone: "info" };
  }
}
