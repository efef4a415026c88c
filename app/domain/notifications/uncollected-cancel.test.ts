import { describe, expect, it } from "vitest";
import {
  recheckUncollected,
  uncollectedCancellationLine,
  uncollectedEffects,
  uncollectedStaffNote,
  type OrderInShopify,
} from "./uncollected-cancel";

const waiting: OrderInShopify = {
  cancelledAt: null,
  displayFulfillmentStatus: "UNFULFILLED",
  fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "PICK_UP" }],
};

describe("the re-read before cancelling an uncollected order", () => {
  it("cancels a pickup still waiting, also when prepared (in progress) or on hold", () => {
    expect(recheckUncollected(waiting)).toEqual({ kind: "CANCEL" });
    for (const status of ["IN_PROGRESS", "ON_HOLD"]) {
      const order = { ...waiting, fulfillmentOrders: [{ status, deliveryMethod: "PICK_UP" }] };
      expect(recheckUncollected(order)).toEqual({ kind: "CANCEL" });
    }
  });

  it("says an order Shopify already cancelled is cancelled, whatever its fulfilment orders", () => {
    expect(recheckUncollected({ ...waiting, cancelledAt: "2026-11-30T10:00:00Z" })).toEqual({
      kind: "ALREADY_CANCELLED",
    });
  });

  it("skips an order collected in Shopify, wholly or in part", () => {
    for (const displayFulfillmentStatus of ["FULFILLED", "PARTIALLY_FULFILLED"]) {
      expect(recheckUncollected({ ...waiting, displayFulfillmentStatus })).toEqual({
        kind: "SKIP",
        reason: "Collected (fulfilled in Shopify)",
      });
    }
  });

  it("skips an order with no pickup left to hand over, and one Shopify no longer has", () => {
    const shipped = { ...waiting, fulfillmentOrders: [{ status: "OPEN", deliveryMethod: "SHIPPING" }] };
    const closed = { ...waiting, fulfillmentOrders: [{ status: "CLOSED", deliveryMethod: "PICK_UP" }] };
    expect(recheckUncollected(shipped)).toMatchObject({ kind: "SKIP" });
    expect(recheckUncollected(closed)).toMatchObject({ kind: "SKIP" });
    expect(recheckUncollected(null)).toEqual({ kind: "SKIP", reason: "Shopify no longer has this order" });
  });
});

describe("how an uncollected cancel reads", () => {
  it("notes the days on the order in Shopify", () => {
    expect(uncollectedStaffNote(7)).toBe("Not collected within 7 days");
    expect(uncollectedStaffNote(1)).toBe("Not collected within 1 day");
  });

  it("tells the merchant what each cancel does besides cancelling", () => {
    expect(uncollectedEffects({ restock: true, refund: true, notifyCustomer: true })).toBe(
      "restocks the items, refunds the shopper to the original payment methods and has Shopify email the shopper",
    );
    expect(uncollectedEffects({ restock: false, refund: false, notifyCustomer: false })).toBe(
      "does not restock the items, refunds nothing and sends the shopper no cancellation email",
    );
  });

  it("gives the order page a line for each outcome", () => {
    const row = { reason: "Not collected within 7 days", restock: true, refund: false };
    expect(uncollectedCancellationLine({ ...row, status: "CANCELLED" })).toEqual({
      text: "Cancelled: not collected within 7 days (restocked, not refunded)",
      tone: "success",
    });
    expect(
      uncollectedCancellationLine({
        ...row,
        status: "FAILED",
        reason: "Shopify refused: Order has already been cancelled",
      }),
    ).toEqual({ text: "Auto-cancel failed: Shopify refused: Order has already been cancelled", tone: "critical" });
    expect(
      uncollectedCancellationLine({ ...row, status: "SKIPPED", reason: "Collected (fulfilled in Shopify)" }),
    ).toEqual({
      text: "Not auto-cancelled: Collected (fulfilled in Shopify)",
      tone: "info",
    });
    expect(uncollectedCancellationLine({ ...row, status: "REQUESTED", reason: null }).tone).toBe("info");
  });
});
