import { describe, expect, it } from "vitest";
import { documentedExample, shapeDifferences } from "./documented-examples";
import { ADDRESS, SHOP, STORE_A, STORE_B, WAREHOUSE, dispatchTopics, gidOf, harness, type TestHarness } from "./test-support";

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

const FO_STATE = `query ($id: ID!) { fulfillmentOrder(id: $id) { id status assignedLocation { location { id } }
  lineItems(first: 10) { nodes { sku totalQuantity remainingQuantity } } } }`;

async function fulfillmentOrderState(h: TestHarness, id: string) {
  const { json } = await h.graphql(FO_STATE, { id });
  expect(json.errors).toBeUndefined();
  return (json.data as { fulfillmentOrder: unknown }).fulfillmentOrder;
}

describe("fulfillmentOrderMove into a location that already holds one of the order's fulfilment orders", () => {
  // admin-graphql fulfillmentOrderMove (2026-04), second scenario: "If the new location is already
  // assigned to another active fulfillment order, on the same order, then a new fulfillment order is
  // created. The existing fulfillment order is closed and line items are recreated in a new
  // fulfillment order."
  it("moving some lines closes the fulfilment order there and recreates its lines with the moved ones in a new one", async () => {
    const h = await harness();
    const { order, fo } = teeAndHoodieAtWarehouse(h);
    const hoodie = fo.lineItems.find((l) => l.sku === "HOODIE-L");
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    const first = await move(h, { id: fo.id, to: gidOf("Location", STORE_A), lines: [{ id: hoodie?.id, quantity: 1 }] });
    const atStoreA = first.movedFulfillmentOrder?.id ?? "";

    const second = await move(h, { id: fo.id, to: gidOf("Location", STORE_A), lines: [{ id: tee?.id, quantity: 1 }] });

    expect(second.userErrors).toEqual([]);
    const recreated = second.movedFulfillmentOrder?.id ?? "";
    expect([fo.id, atStoreA]).not.toContain(recreated);
    expect(second.movedFulfillmentOrder).toMatchObject({
      status: "OPEN",
      assignedLocation: { location: { id: gidOf("Location", STORE_A) } },
      lineItems: { nodes: [{ sku: "HOODIE-L", totalQuantity: 1 }, { sku: "TEE-M", totalQuantity: 1 }] },
    });
    expect(second.originalFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "OPEN",
      assignedLocation: { location: { id: gidOf("Location", WAREHOUSE) } },
      lineItems: { nodes: [{ sku: "TEE-M", totalQuantity: 1 }] },
    });
    expect(await fulfillmentOrderState(h, atStoreA)).toMatchObject({ status: "CLOSED", lineItems: { nodes: [] } });
    expect(
      h.emulator
        .fulfillmentOrdersOf(SHOP, order.id)
        .filter((f) => f.status !== "CLOSED")
        .map((f) => [f.locationId, f.lineItems.map((l) => [l.sku, l.remainingQuantity])]),
    ).toEqual([
      [gidOf("Location", WAREHOUSE), [["TEE-M", 1]]],
      [gidOf("Location", STORE_A), [["HOODIE-L", 1], ["TEE-M", 1]]],
    ]);
    expect(h.emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ committed: 1 });
    expect(h.emulator.inventoryOf(SHOP, STORE_A, "HOODIE-L")).toMatchObject({ committed: 1 });
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ committed: 1 });

    const moves = h.events.filter((e) => e.topic === "fulfillment_orders/moved");
    expect(moves[1]?.payload).toEqual({
      original_fulfillment_order: { id: fo.id, status: "open", assigned_location_id: gidOf("Location", WAREHOUSE) },
      moved_fulfillment_order: { id: recreated, status: "open", assigned_location_id: gidOf("Location", STORE_A) },
      destination_location_id: gidOf("Location", STORE_A),
      fulfillment_order_line_items_requested: [{ id: tee?.id, quantity: 1 }],
      source_location: { id: gidOf("Location", WAREHOUSE) },
    });
    expect(shapeDifferences(moves[1]?.payload, documentedExample("fulfillment_orders/moved"))).toEqual([]);
  });

  it("moving the last lines of a fulfilment order closes it too, as the documented moved example shows", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const hoodie = fo.lineItems.find((l) => l.sku === "HOODIE-L");
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    await move(h, { id: fo.id, to: gidOf("Location", STORE_A), lines: [{ id: hoodie?.id, quantity: 1 }] });
    // A partial fulfilment makes the rest a second-scenario move.
    await h.graphql(
      `mutation ($id: ID!, $line: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id, fulfillmentOrderLineItems: [{ id: $line, quantity: 1 }] }] }) { userErrors { message } } }`,
      { id: fo.id, line: tee?.id },
    );
    const result = await move(h, { id: fo.id, to: gidOf("Location", STORE_A) });
    expect(result.userErrors).toEqual([]);
    expect(result.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "CLOSED" });
    expect(result.movedFulfillmentOrder?.lineItems.nodes).toEqual([
      { sku: "HOODIE-L", totalQuantity: 1 },
      { sku: "TEE-M", totalQuantity: 1 },
    ]);
    expect(h.events.filter((e) => e.topic === "fulfillment_orders/moved").at(-1)?.payload).toMatchObject({
      original_fulfillment_order: { id: fo.id, status: "closed" },
      moved_fulfillment_order: { id: result.movedFulfillmentOrder?.id, status: "open" },
    });
  });

  it("moving a whole untouched fulfilment order reassigns it there beside the other: the docs describe a merge only for a subset", async () => {
    const h = await harness();
    const { order, fo } = teeAndHoodieAtWarehouse(h);
    const hoodie = fo.lineItems.find((l) => l.sku === "HOODIE-L");
    await move(h, { id: fo.id, to: gidOf("Location", STORE_A), lines: [{ id: hoodie?.id, quantity: 1 }] });

    const whole = await move(h, { id: fo.id, to: gidOf("Location", STORE_A) });

    expect(whole.userErrors).toEqual([]);
    expect(whole.movedFulfillmentOrder?.id).toBe(fo.id);
    expect(
      h.emulator.fulfillmentOrdersOf(SHOP, order.id).map((f) => [f.status, f.locationId, f.lineItems.map((l) => l.sku)]),
    ).toEqual([
      ["OPEN", gidOf("Location", STORE_A), ["TEE-M"]],
      ["OPEN", gidOf("Location", STORE_A), ["HOODIE-L"]],
    ]);
  });
});

describe("pickup orders: ready for pickup and moved", () => {
  const PREPARE = `mutation ($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { code } } }`;

  function capAtStoreA(h: TestHarness) {
    const order = h.emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    const fo = order.fulfillmentOrders[0];
    if (!fo) throw new Error("no fulfilment order");
    return { order, fo };
  }

  it("line_items_prepared_for_pickup is the documented example: the fulfilment order stays open and preparable", async () => {
    const h = await harness();
    const { order, fo } = capAtStoreA(h);
    const { json } = await h.graphql(PREPARE, { id: fo.id });
    expect(json.data).toEqual({ fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [] } });

    const event = h.events.find((e) => e.topic === "fulfillment_orders/line_items_prepared_for_pickup");
    expect(event?.payload).toEqual({
      fulfillment_order: { id: fo.id, status: "open", preparable: true, delivery_method: { method_type: "pickup" } },
    });
    expect(shapeDifferences(event?.payload, documentedExample("fulfillment_orders/line_items_prepared_for_pickup"))).toEqual([]);
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)).toMatchObject([{ status: "OPEN", preparedForPickup: true }]);
    const again = await h.graphql(PREPARE, { id: fo.id });
    expect(again.json.data).toEqual({
      fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [{ code: "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER" }] },
    });
  });

  it("moving a prepared pickup order un-prepares it, takes its pickup location along, and warns that the docs do not settle this", async () => {
    const h = await harness();
    const { order, fo } = capAtStoreA(h);
    await h.graphql(PREPARE, { id: fo.id });

    const moved = await move(h, { id: fo.id, to: gidOf("Location", STORE_B) });

    expect(moved.userErrors).toEqual([]);
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)).toMatchObject([
      { locationId: gidOf("Location", STORE_B), status: "OPEN", preparedForPickup: false },
    ]);
    const { json } = await h.graphql(`query ($id: ID!) { fulfillmentOrder(id: $id) { destination { location { id } } } }`, { id: fo.id });
    expect(json.data).toEqual({ fulfillmentOrder: { destination: { location: { id: gidOf("Location", STORE_B) } } } });
    expect(h.emulator.warnings()).toEqual([
      expect.objectContaining({ shop: SHOP, message: expect.stringContaining("the docs do not say what a move does to a prepared pickup order") }),
    ]);
    // Ready again at the new store.
    expect((await h.graphql(PREPARE, { id: fo.id })).json.data).toEqual({ fulfillmentOrderLineItemsPreparedForPickup: { userErrors: [] } });
  });

  it("an unprepared pickup order moves without a warning", async () => {
    const h = await harness();
    const { fo } = capAtStoreA(h);
    expect((await move(h, { id: fo.id, to: gidOf("Location", STORE_B) })).userErrors).toEqual([]);
    expect(h.emulator.warnings()).toEqual([]);
  });
});

describe("fulfillmentCreate", () => {
  const CREATE = `mutation ($id: ID!, $lines: [FulfillmentOrderLineItemInput!], $tracking: FulfillmentTrackingInput, $notify: Boolean) {
    fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id, fulfillmentOrderLineItems: $lines }], trackingInfo: $tracking, notifyCustomer: $notify }) {
      fulfillment { name status totalQuantity trackingInfo { company number url } } userErrors { field message } } }`;

  it("records tracking company, number and URL and notifyCustomer, fulfils the order, and raises fulfillments/create and orders/fulfilled as documented", async () => {
    const h = await harness();
    const { order, fo } = teeAndHoodieAtWarehouse(h);
    const tracking = { company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" };

    const { json } = await h.graphql(CREATE, { id: fo.id, tracking, notify: true });

    expect(json.data).toEqual({
      fulfillmentCreate: { fulfillment: { name: "#1001-F1", status: "SUCCESS", totalQuantity: 3, trackingInfo: [tracking] }, userErrors: [] },
    });
    expect(h.emulator.fulfillmentsOf(SHOP, order.id)).toMatchObject([
      { trackingCompany: "UPS", trackingNumbers: [tracking.number], trackingUrls: [tracking.url], notifyCustomer: true },
    ]);
    const status = await h.graphql(`query ($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, { id: order.id });
    expect(status.json.data).toEqual({ order: { displayFulfillmentStatus: "FULFILLED" } });

    const topics = h.events.map((e) => e.topic).filter((t) => /^(fulfillments|orders)\//.test(t));
    expect(topics).toEqual(["orders/create", "fulfillments/create", "orders/fulfilled", "orders/updated"]);
    const created = h.events.find((e) => e.topic === "fulfillments/create");
    expect(created?.payload).toMatchObject({
      order_id: order.legacyResourceId,
      status: "success",
      name: "#1001.1",
      location_id: WAREHOUSE,
      tracking_company: "UPS",
      tracking_number: tracking.number,
      tracking_numbers: [tracking.number],
      tracking_url: tracking.url,
      tracking_urls: [tracking.url],
      line_items: [
        { sku: "TEE-M", quantity: 2, fulfillable_quantity: 0, fulfillment_status: "fulfilled" },
        { sku: "HOODIE-L", quantity: 1, fulfillable_quantity: 0, fulfillment_status: "fulfilled" },
      ],
    });
    expect(shapeDifferences(created?.payload, documentedExample("fulfillments/create"))).toEqual([]);
    const fulfilled = h.events.find((e) => e.topic === "orders/fulfilled");
    expect(fulfilled?.payload).toMatchObject({ fulfillment_status: "fulfilled", fulfillments: [{ name: "#1001.1" }] });
    expect(shapeDifferences(fulfilled?.payload, documentedExample("orders/fulfilled"))).toEqual([]);
    expect(shapeDifferences(h.events.at(-1)?.payload, documentedExample("orders/updated"))).toEqual([]);
  });

  it("a partial fulfilment leaves the order partially fulfilled, raises orders/partially_fulfilled, and does not notify by default", async () => {
    const h = await harness();
    const { order, fo } = teeAndHoodieAtWarehouse(h);
    const tee = fo.lineItems.find((l) => l.sku === "TEE-M");
    await h.graphql(CREATE, { id: fo.id, lines: [{ id: tee?.id, quantity: 1 }] });

    expect(h.emulator.fulfillmentsOf(SHOP, order.id)).toMatchObject([{ notifyCustomer: false, lineItems: [{ sku: "TEE-M", quantity: 1 }] }]);
    const partial = h.events.find((e) => e.topic === "orders/partially_fulfilled");
    expect(partial?.payload).toMatchObject({
      fulfillment_status: "partial",
      line_items: [
        { sku: "TEE-M", fulfillable_quantity: 1, fulfillment_status: "partial" },
        { sku: "HOODIE-L", fulfillable_quantity: 1, fulfillment_status: null },
      ],
    });
    expect(shapeDifferences(partial?.payload, documentedExample("orders/partially_fulfilled"))).toEqual([]);
    expect(h.events.some((e) => e.topic === "orders/fulfilled")).toBe(false);
  });

  it("reaches the app only for the topics shopify.app.toml subscribes to (gap 4): none of these", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    await h.graphql(CREATE, { id: fo.id });
    const raised = h.events.filter((e) => ["fulfillments/create", "orders/fulfilled", "orders/updated"].includes(e.topic));
    expect(await dispatchTopics(raised)).toEqual({ sent: [], notSent: ["fulfillments/create", "orders/fulfilled", "orders/updated"] });
    const subscribed = new Map([["fulfillments/create", ["/webhooks/fulfillments/create"]]]);
    expect((await dispatchTopics(raised, { apiVersion: "2026-04", urisByTopic: subscribed })).sent).toEqual(["fulfillments/create"]);
  });
});

describe("fulfillmentOrderHold and fulfillmentOrderReleaseHold", () => {
  const HOLD = `mutation ($id: ID!, $handle: String, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: INVENTORY_OUT_OF_STOCK, reasonNotes: "Not found in store", handle: $handle, fulfillmentOrderLineItems: $lines }) {
      fulfillmentHold { id reason handle } fulfillmentOrder { id status } remainingFulfillmentOrder { id status lineItems(first: 5) { nodes { sku } } }
      userErrors { field message code } } }`;
  type HoldAnswer = {
    fulfillmentOrderHold: {
      fulfillmentHold: { id: string; reason: string; handle: string | null } | null;
      fulfillmentOrder: { id: string; status: string } | null;
      remainingFulfillmentOrder: { id: string; status: string; lineItems: { nodes: { sku: string }[] } } | null;
      userErrors: { field: string[] | null; message: string; code: string | null }[];
    };
  };
  const hold = async (h: TestHarness, variables: Record<string, unknown>) =>
    ((await h.graphql(HOLD, variables)).json.data as HoldAnswer).fulfillmentOrderHold;

  it("holds for INVENTORY_OUT_OF_STOCK, a second hold needs its own handle, and an app may hold at most 10 times", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const first = await hold(h, { id: fo.id });
    expect(first.fulfillmentHold?.reason).toBe("INVENTORY_OUT_OF_STOCK");
    expect(first.fulfillmentOrder?.status).toBe("ON_HOLD");
    // The handle defaults to "", a handle like any other (FulfillmentOrderHoldInput.handle).
    expect((await hold(h, { id: fo.id })).userErrors.map((e) => e.code)).toEqual(["DUPLICATE_FULFILLMENT_HOLD_HANDLE"]);
    for (let n = 2; n <= 10; n++) expect((await hold(h, { id: fo.id, handle: `exception-${n}` })).userErrors).toEqual([]);
    expect((await hold(h, { id: fo.id, handle: "exception-11" })).userErrors).toEqual([
      {
        field: ["id"],
        message: "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
        code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
      },
    ]);
    // placed_on_hold: "will only trigger once when the first hold is applied".
    expect(h.events.filter((e) => e.topic === "fulfillment_orders/placed_on_hold")).toHaveLength(1);
    expect(shapeDifferences(h.events.find((e) => e.topic === "fulfillment_orders/placed_on_hold")?.payload, documentedExample("fulfillment_orders/placed_on_hold"))).toEqual([]);
  });

  it("holding some lines splits the rest into an open remaining fulfilment order; lines cannot be given once it is held", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const hoodie = fo.lineItems.find((l) => l.sku === "HOODIE-L");
    const held = await hold(h, { id: fo.id, handle: "hoodie", lines: [{ id: hoodie?.id, quantity: 1 }] });
    expect(held.userErrors).toEqual([]);
    expect(held.fulfillmentOrder).toEqual({ id: fo.id, status: "ON_HOLD" });
    expect(held.remainingFulfillmentOrder).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ sku: "TEE-M" }] } });
    const refused = await hold(h, { id: fo.id, handle: "again", lines: [{ id: hoodie?.id, quantity: 1 }] });
    expect(refused.userErrors.map((e) => e.code)).toEqual(["FULFILLMENT_ORDER_NOT_SPLITTABLE"]);
    const notItsLine = await hold(h, { id: held.remainingFulfillmentOrder?.id, handle: "x", lines: [{ id: hoodie?.id, quantity: 1 }] });
    expect(notItsLine.userErrors.map((e) => e.code)).toEqual(["INVALID_LINE_ITEM_QUANTITY"]);
  });

  it("releasing one of two holds keeps the order on hold; releasing the last reopens it with one hold_released", async () => {
    const h = await harness();
    const { fo } = teeAndHoodieAtWarehouse(h);
    const a = await hold(h, { id: fo.id, handle: "a" });
    await hold(h, { id: fo.id, handle: "b" });
    const RELEASE = `mutation ($id: ID!, $holds: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $holds) { fulfillmentOrder { status fulfillmentHolds { handle } } userErrors { code } } }`;
    const one = await h.graphql(RELEASE, { id: fo.id, holds: [a.fulfillmentHold?.id] });
    expect(one.json.data).toEqual({
      fulfillmentOrderReleaseHold: { fulfillmentOrder: { status: "ON_HOLD", fulfillmentHolds: [{ handle: "b" }] }, userErrors: [] },
    });
    expect(h.events.some((e) => e.topic === "fulfillment_orders/hold_released")).toBe(false);
    const rest = await h.graphql(RELEASE, { id: fo.id });
    expect(rest.json.data).toEqual({ fulfillmentOrderReleaseHold: { fulfillmentOrder: { status: "OPEN", fulfillmentHolds: [] }, userErrors: [] } });
    expect(h.events.filter((e) => e.topic === "fulfillment_orders/hold_released")).toHaveLength(1);
  });
});

describe("fulfilment order line items", () => {
  it("answer what a picker sees: SKU, titles, barcode, and a null image as for a product without one", async () => {
    const h = await harness();
    const order = h.emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    const { json } = await h.graphql(
      `query ($id: ID!) { fulfillmentOrder(id: $id) { lineItems(first: 5) { nodes { sku productTitle variantTitle image { url } variant { barcode } } } } }`,
      { id: order.fulfillmentOrders[0]?.id },
    );
    expect(json).toMatchObject({
      data: {
        fulfillmentOrder: {
          lineItems: { nodes: [{ sku: "CAP", productTitle: "Cap", variantTitle: "One size", image: null, variant: { barcode: "2000000000039" } }] },
        },
      },
    });
    expect(json.errors).toBeUndefined();
  });
});
