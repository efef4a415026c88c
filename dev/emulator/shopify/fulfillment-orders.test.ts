import { describe, expect, it } from "vitest";
import { ADDRESS, SHOP, STORE_A, STORE_B, WAREHOUSE, gidOf, harness, type TestHarness } from "./test-support";

const MOVE = `mutation Move($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $lines) {
    movedFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 10) { nodes { sku totalQuantity } } }
    originalFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 10) { nodes { sku totalQuantity } } }
    remainingFulfillmentOrder { id }
    userErrors { field message code }
  }
}`;

function teeAndHoodieAtWarehouse(h: TestHarness) {
  const order = h.emulator.placeOrder(SHOP, {
    lines: [
      { sku: "TEE-M", quantity: 2 },
      { sku: "HOODIE-L", quantity: 1 },
    ],
    deliveryMethod: "SHIPPING",
    shippingAddress: ADDRESS,
  });
  const fo = order.fulfillmentOrders[0];
  if (!fo) throw new Error("no fulfilment order");
  return { order, fo };
}

type MovePayload = {
  fulfillmentOrderMove: {
    movedFulfillmentOrder: { id: string; status: string; assignedLocation: { location: { id: string } }; lineItems: { nodes: { sku: string; totalQuantity: number }[] } } | null;
    originalFulfillmentOrder: { id: string; status: string; assignedLocation: { location: { id: string } }; lineItems: { nodes: { sku: string; totalQuantity: number }[] } } | null;
    remainingFulfillmentOrder: { id: string } | null;
    userErrors: { field: string[]; message: string; code: string | null }[];
  };
};

async function move(h: TestHarness, variables: Record<string, unknown>): Promise<MovePayload["fulfillmentOrderMove"]> {
  const { json } = await h.graphql(MOVE, variables);
  expect(json.errors).toBeUndefined();
  return (json.data as MovePayload).fulfillmentOrderMove;
}

describe("fulfillmentOrderMove", () => {
  it("moves a whole fulfilment order: same order reassigned, committed stock follows", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const result = await move(h, { id: fo.id, to: gidOf("Location", STORE_A) });
    expect(result.userErrors).toEqual([]);
    expect(result.movedFulfillmentOrder?.id).toBe(fo.id);
    expect(result.originalFulfillmentOrder?.id).toBe(fo.id);
    expect(result.remainingFulfillmentOrder).toBeNull();
    expect(result.movedFulfillmentOrder?.assignedLocation.location.id).toBe(gidOf("Location", STORE_A));
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 10, committed: 0 });
    expect(h.emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 3, committed: 2 });
    const moved = h.events.find((e) => e.topic === "fulfillment_orders/moved");
    expect(moved?.payload).toEqual({
      original_fulfillment_order: { id: fo.id, status: "open", assigned_location_id: gidOf("Location", STORE_A) },
      moved_fulfillment_order: { id: fo.id, status: "open", assigned_location_id: gidOf("Location", STORE_A) },
      destination_location_id: gidOf("Location", STORE_A),
      fulfillment_order_line_items_requested: fo.lineItems.map((l) => ({ id: l.id, quantity: l.quantity })),
      source_location: { id: gidOf("Location", WAREHOUSE) },
    });
  });

  it("moves a subset of lines into a new fulfilment order and leaves the rest where it was", async () => {
    const h = await harness();
    const { order, fo } = teeAndHoodieAtWarehouse(h);
    const hoodie = fo.lineItems.find((l) => l.sku === "HOODIE-L");
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    const result = await move(h, {
      id: fo.id,
      to: gidOf("Location", STORE_A),
      lines: [
        { id: hoodie?.id, quantity: 1 },
        { id: tee?.id, quantity: 1 },
      ],
    });
    expect(result.userErrors).toEqual([]);
    expect(result.movedFulfillmentOrder?.id).not.toBe(fo.id);
    expect(result.movedFulfillmentOrder).toMatchObject({
      status: "OPEN",
      assignedLocation: { location: { id: gidOf("Location", STORE_A) } },
      lineItems: { nodes: [{ sku: "TEE-M", totalQuantity: 1 }, { sku: "HOODIE-L", totalQuantity: 1 }] },
    });
    expect(result.originalFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "OPEN",
      assignedLocation: { location: { id: gidOf("Location", WAREHOUSE) } },
      lineItems: { nodes: [{ sku: "TEE-M", totalQuantity: 1 }] },
    });
    expect(result.remainingFulfillmentOrder?.id).toBe(fo.id);
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)).toHaveLength(2);
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 9, committed: 1 });
    expect(h.emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 4, committed: 1 });
    expect(h.emulator.inventoryOf(SHOP, STORE_A, "HOODIE-L")).toMatchObject({ available: 4, committed: 1 });
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "HOODIE-L")).toMatchObject({ available: 10, committed: 0 });
  });

  it("refuses an unknown location, a location that does not stock the items, and a closed fulfilment order", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    expect((await move(h, { id: fo.id, to: gidOf("Location", 999) })).userErrors).toEqual([
      { field: ["newLocationId"], message: "Location does not exist.", code: null },
    ]);
    const notStocked = await move(h, { id: fo.id, to: gidOf("Location", STORE_B) });
    expect(notStocked.userErrors[0]?.field).toEqual(["newLocationId"]);
    expect(notStocked.movedFulfillmentOrder).toBeNull();

    const fulfilled = await h.graphql(
      `mutation ($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }], trackingInfo: { number: "1Z999", company: "UPS" } }) {
        fulfillment { status totalQuantity trackingInfo { number company } } userErrors { field message } } }`,
      { id: fo.id },
    );
    expect(fulfilled.json.data).toEqual({
      fulfillmentCreate: { fulfillment: { status: "SUCCESS", totalQuantity: 3, trackingInfo: [{ number: "1Z999", company: "UPS" }] }, userErrors: [] },
    });
    const closed = await move(h, { id: fo.id, to: gidOf("Location", STORE_A) });
    expect(closed.userErrors).toEqual([{ field: ["id"], message: "Cannot move a fulfillment order with status closed.", code: null }]);
    expect((await move(h, { id: gidOf("FulfillmentOrder", 1), to: gidOf("Location", STORE_A) })).userErrors[0]?.message).toBe(
      "Fulfillment order does not exist.",
    );
  });

  it("refuses a quantity above what remains on the line", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    const result = await move(h, { id: fo.id, to: gidOf("Location", STORE_A), lines: [{ id: tee?.id, quantity: 3 }] });
    expect(result.userErrors[0]?.field).toEqual(["fulfillmentOrderLineItems", "0", "quantity"]);
  });
});

describe("other fulfilment order operations", () => {
  it("lists locations for move: stocking locations movable, the current one and non-stocking ones not", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const { json } = await h.graphql(
      `query ($id: ID!) { fulfillmentOrder(id: $id) { locationsForMove(first: 10) { nodes { location { id } movable message availableLineItemsCount { count } } } } }`,
      { id: fo.id },
    );
    expect(json.errors).toBeUndefined();
    const nodes = (json.data as { fulfillmentOrder: { locationsForMove: { nodes: { location: { id: string }; movable: boolean; availableLineItemsCount: { count: number } }[] } } })
      .fulfillmentOrder.locationsForMove.nodes;
    expect(nodes.map((n) => [n.location.id, n.movable, n.availableLineItemsCount.count])).toEqual([
      [gidOf("Location", WAREHOUSE), false, 2],
      [gidOf("Location", STORE_A), true, 2],
      [gidOf("Location", STORE_B), false, 0],
    ]);
  });

  it("fulfilling closes the lines and takes the units off hand", async () => {
    const h = await harness();
    const { fo, order } = teeAndHoodieAtWarehouse(h);
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    await h.graphql(
      `mutation ($id: ID!, $line: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id, fulfillmentOrderLineItems: [{ id: $line, quantity: 2 }] }] }) { userErrors { message } } }`,
      { id: fo.id, line: tee?.id },
    );
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 8, committed: 0, on_hand: 8 });
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)[0]?.status).toBe("IN_PROGRESS");
    const { json } = await h.graphql(`query ($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, { id: order.id });
    expect(json.data).toEqual({ order: { displayFulfillmentStatus: "PARTIALLY_FULFILLED" } });
  });

  it("holds and releases a fulfilment order with events", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const held = await h.graphql(
      `mutation ($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: INVENTORY_OUT_OF_STOCK, reasonNotes: "recount", handle: "recount" }) {
        fulfillmentOrder { status fulfillmentHolds { reason handle } } remainingFulfillmentOrder { id } userErrors { code } } }`,
      { id: fo.id },
    );
    expect(held.json.data).toEqual({
      fulfillmentOrderHold: {
        fulfillmentOrder: { status: "ON_HOLD", fulfillmentHolds: [{ reason: "INVENTORY_OUT_OF_STOCK", handle: "recount" }] },
        remainingFulfillmentOrder: null,
        userErrors: [],
      },
    });
    const again = await h.graphql(
      `mutation ($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER, handle: "recount" }) { userErrors { code } } }`,
      { id: fo.id },
    );
    expect(again.json.data).toEqual({ fulfillmentOrderHold: { userErrors: [{ code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }] } });
    const released = await h.graphql(
      `mutation ($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { status } userErrors { code } } }`,
      { id: fo.id },
    );
    expect(released.json.data).toEqual({ fulfillmentOrderReleaseHold: { fulfillmentOrder: { status: "OPEN" }, userErrors: [] } });
    expect(h.events.map((e) => e.topic)).toContain("fulfillment_orders/placed_on_hold");
    expect(h.events.find((e) => e.topic === "fulfillment_orders/hold_released")?.payload).toEqual({
      fulfillment_order: { id: fo.id, status: "open" },
    });
  });

  it("marks a pickup order ready for pickup, and refuses a shipping one", async () => {
    const h = await harness();
    const pickup = h.emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    const { fo: shipping } = teeAndHoodieAtWarehouse(h);
    const mutation = `mutation ($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { code field } } }`;
    const ok = await h.graphql(mutation, { id: pickup.fulfillmentOrders[0]?.id });
    expect(ok.json.data).toEqual({ fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [] } });
    expect(h.events.find((e) => e.topic === "fulfillment_orders/line_items_prepared_for_pickup")?.payload).toMatchObject({
      fulfillment_order: { id: pickup.fulfillmentOrders[0]?.id, delivery_method: { method_type: "pickup" } },
    });
    const refused = await h.graphql(mutation, { id: shipping.id });
    expect(refused.json.data).toEqual({
      fulfillmentOrderLineItemsPreparedForPickup: {
        userErrors: [{ code: "FULFILLMENT_ORDER_INVALID", field: ["input", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"] }],
      },
    });
  });

  it("reroutes an open fulfilment order away from excluded locations", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const { json } = await h.graphql(
      `mutation ($ids: [ID!]!, $excluded: [ID!]) { fulfillmentOrdersReroute(fulfillmentOrderIds: $ids, excludedLocationIds: $excluded) {
        movedFulfillmentOrders { assignedLocation { location { id } } } userErrors { code } } }`,
      { ids: [fo.id], excluded: [gidOf("Location", WAREHOUSE)] },
    );
    expect(json.data).toEqual({
      fulfillmentOrdersReroute: { movedFulfillmentOrders: [{ assignedLocation: { location: { id: gidOf("Location", STORE_A) } } }], userErrors: [] },
    });
  });
});
