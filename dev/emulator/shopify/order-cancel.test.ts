import { describe, expect, it } from "vitest";
import { SHOP, STORE_A, gidOf, harness } from "./test-support";

/**
 * `orderCancel` (admin-graphql 2026-04, https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel):
 * "Cancels an order, with options for refunding, restocking inventory, and customer notification";
 * it "performs cancellation asynchronously in a background job and as such, returns a job"
 * (changelog "Order Cancellation now available on GraphQL Admin API"); "An order can only be
 * cancelled if … the order hasn't already been cancelled"; refusals come in
 * `orderCancelUserErrors` with an OrderCancelUserErrorCode (NOT_FOUND, INVALID …).
 */

const ORDER_CANCEL = `mutation Cancel($orderId: ID!, $restock: Boolean!, $refund: Boolean, $notify: Boolean, $note: String) {
  orderCancel(orderId: $orderId, reason: OTHER, restock: $restock, notifyCustomer: $notify, staffNote: $note,
              refundMethod: { originalPaymentMethodsRefund: $refund }) {
    job { id done }
    orderCancelUserErrors { field message code }
    userErrors { field message }
  }
}`;

const ORDER_STATE = `query State($id: ID!) {
  order(id: $id) { cancelledAt cancelReason displayFinancialStatus displayFulfillmentStatus
    fulfillmentOrders(first: 5) { nodes { status } } }
}`;

async function readyPickup() {
  const h = await harness();
  const order = h.emulator.placeOrder(SHOP, {
    lines: [{ sku: "CAP", quantity: 2 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: gidOf("Location", STORE_A),
    customer: { email: "ada@example.com" },
  });
  return { ...h, order };
}

describe("orderCancel", () => {
  it("cancels with the reason, closes the open fulfilment orders, restocks, refunds and raises orders/cancelled", async () => {
    const { emulator, graphql, events, order } = await readyPickup();
    const before = emulator.inventoryOf(SHOP, STORE_A, "CAP");

    const { json } = await graphql(ORDER_CANCEL, {
      orderId: order.id,
      restock: true,
      refund: true,
      notify: true,
      note: "Not collected within 7 days",
    });

    expect(json.data?.orderCancel).toEqual({
      job: { id: expect.stringMatching(/^gid:\/\/shopify\/Job\//), done: true },
      orderCancelUserErrors: [],
      userErrors: [],
    });
    const state = (await graphql(ORDER_STATE, { id: order.id })).json.data?.order;
    expect(state).toMatchObject({
      cancelledAt: expect.any(String),
      cancelReason: "OTHER",
      displayFinancialStatus: "REFUNDED",
      fulfillmentOrders: { nodes: [{ status: "CLOSED" }] },
    });
    expect(emulator.inventoryOf(SHOP, STORE_A, "CAP")).toMatchObject({
      available: before!.available + 2,
      committed: before!.committed - 2,
    });
    const cancelled = events.filter((event) => event.topic === "orders/cancelled");
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.payload).toMatchObject({ cancel_reason: "other", financial_status: "refunded" });
  });

  it("without restock, the committed units leave the store instead of returning to available", async () => {
    const { emulator, graphql, order } = await readyPickup();
    const before = emulator.inventoryOf(SHOP, STORE_A, "CAP")!;

    await graphql(ORDER_CANCEL, { orderId: order.id, restock: false, refund: false });

    expect(emulator.inventoryOf(SHOP, STORE_A, "CAP")).toMatchObject({
      available: before.available,
      committed: before.committed - 2,
      on_hand: before.on_hand - 2,
    });
    const state = (await graphql(ORDER_STATE, { id: order.id })).json.data?.order;
    expect(state).toMatchObject({ displayFinancialStatus: "PAID" });
  });

  it("refuses an order already cancelled with an INVALID userError, changing nothing and raising nothing", async () => {
    const { emulator, graphql, events, order } = await readyPickup();
    await graphql(ORDER_CANCEL, { orderId: order.id, restock: true, refund: true });
    const stock = emulator.inventoryOf(SHOP, STORE_A, "CAP");
    const raised = events.length;

    const { json } = await graphql(ORDER_CANCEL, { orderId: order.id, restock: true, refund: true });

    expect(json.data?.orderCancel).toEqual({
      job: null,
      orderCancelUserErrors: [{ field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" }],
      userErrors: [{ field: ["orderId"], message: "Order has already been cancelled" }],
    });
    expect(emulator.inventoryOf(SHOP, STORE_A, "CAP")).toEqual(stock);
    expect(events).toHaveLength(raised);
  });

  it("refuses an order the shop does not have with NOT_FOUND", async () => {
    const { graphql } = await readyPickup();

    const { json } = await graphql(ORDER_CANCEL, { orderId: gidOf("Order", 999999), restock: true });

    expect(json.data?.orderCancel).toMatchObject({
      job: null,
      orderCancelUserErrors: [{ field: ["orderId"], code: "NOT_FOUND" }],
    });
  });
});
