import { describe, expect, it } from "vitest";
import { mutationFieldsOf } from "./faults";
import { SHOP, STORE_A, harness } from "./test-support";

/**
 * The fault control tests use to lose the answer of a mutation that took effect (the store
 * workflow's "ready", "fulfil", "report progress" must happen exactly once even then).
 */

const PREPARE = `mutation Ready($id: ID!) {
  fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { code } }
}`;

describe("holdAnswersTo", () => {
  it("withholds the answer of the named mutation after it took effect, only as many times as asked", async () => {
    const h = await harness();
    const order = h.emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    const id = order.fulfillmentOrders[0]?.id;
    h.emulator.holdAnswersTo(["fulfillmentOrderLineItemsPreparedForPickup"], { times: 1 });

    let firstAnswered = false;
    const first = h.graphql(PREPARE, { id }).then((answer) => {
      firstAnswered = true;
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(firstAnswered).toBe(false);
    expect(h.emulator.heldAnswerCount()).toBe(1);
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)[0]?.preparedForPickup).toBe(true);

    // A client that re-sends instead of re-reading is answered at once, and told it is done already.
    const resent = await h.graphql(PREPARE, { id });
    expect(resent.json.data).toEqual({
      fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [{ code: "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER" }] },
    });
    // Reads are never held.
    expect((await h.graphql(`{ shop { name } }`)).status).toBe(200);

    h.emulator.releaseHeldAnswers();
    expect((await first).json.data).toEqual({ fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [] } });
    expect(h.events.filter((e) => e.topic === "fulfillment_orders/line_items_prepared_for_pickup")).toHaveLength(1);
  });
});

describe("mutationFieldsOf", () => {
  it("names the root fields of a document's mutations, not fields that merely contain the name", () => {
    expect(mutationFieldsOf(PREPARE)).toEqual(["fulfillmentOrderLineItemsPreparedForPickup"]);
    expect(
      mutationFieldsOf(`mutation { a: fulfillmentOrderMove(id: "1", newLocationId: "2") { userErrors { message } } fulfillmentOrderOpen(id: "1") { userErrors { message } } }`),
    ).toEqual(["fulfillmentOrderMove", "fulfillmentOrderOpen"]);
    expect(mutationFieldsOf(`query { fulfillmentOrder(id: "1") { locationsForMove(first: 1) { nodes { movable } } } }`)).toEqual([]);
    expect(mutationFieldsOf(`mutation { fulfillmentCreateV2`)).toEqual([]);
  });
});
