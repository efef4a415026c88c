import { describe, expect, it } from "vitest";
import { ADDRESS, SHOP, STORE_A, STORE_B, WAREHOUSE, gidOf, harness } from "./test-support";

describe("placing orders and default routing", () => {
  it("puts a shipping order at the top-ranked location that can fulfil every line, committing its stock", async () => {
    const { emulator } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [
        { sku: "TEE-M", quantity: 2 },
        { sku: "HOODIE-L", quantity: 1 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: ADDRESS,
    });
    expect(order.name).toBe("#1001");
    expect(order.fulfillmentOrders).toHaveLength(1);
    expect(order.fulfillmentOrders[0]).toMatchObject({ locationId: gidOf("Location", WAREHOUSE), status: "OPEN", deliveryMethod: "SHIPPING" });
    expect(emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 8, committed: 2, on_hand: 10 });
    expect(emulator.inventoryOf(SHOP, STORE_A, "TEE-M")).toMatchObject({ available: 5, committed: 0 });
  });

  it("skips a higher-ranked location that cannot fulfil everything when a lower one can", async () => {
    const { emulator } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [
        { sku: "TEE-M", quantity: 1 },
        { sku: "CAP", quantity: 1 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: ADDRESS,
    });
    expect(order.fulfillmentOrders.map((fo) => fo.locationId)).toEqual([gidOf("Location", STORE_A)]);
  });

  it("splits across locations in rank order when no single location can fulfil the order", async () => {
    const { emulator } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [
        { sku: "TEE-M", quantity: 8 },
        { sku: "CAP", quantity: 3 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: ADDRESS,
    });
    expect(order.fulfillmentOrders.map((fo) => [fo.locationId, fo.lineItems.map((l) => l.sku)])).toEqual([
      [gidOf("Location", WAREHOUSE), ["TEE-M"]],
      [gidOf("Location", STORE_A), ["CAP"]],
    ]);
  });

  it("puts a pickup order at the chosen store, with the pickup location on the fulfilment order", async () => {
    const { emulator, graphql } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [{ sku: "CAP", quantity: 1 }],
      deliveryMethod: "PICK_UP",
      pickupLocationId: gidOf("Location", STORE_B),
      customer: { email: "ada@example.com", phone: "+13125550100", firstName: "Ada", lastName: "Lovelace" },
    });
    expect(order.fulfillmentOrders[0]?.locationId).toBe(gidOf("Location", STORE_B));
    expect(emulator.inventoryOf(SHOP, STORE_B, "CAP")).toMatchObject({ available: 1, committed: 1 });
    const { json } = await graphql(
      `query ($id: ID!) { order(id: $id) { email customer { firstName } shippingLine { title code }
        fulfillmentOrders(first: 5) { nodes { deliveryMethod { methodType } assignedLocation { location { id } }
          destination { location { id } } } } } }`,
      { id: order.id },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({
      order: {
        email: "ada@example.com",
        customer: { firstName: "Ada" },
        shippingLine: { title: "Store B", code: "Pickup" },
        fulfillmentOrders: {
          nodes: [
            {
              deliveryMethod: { methodType: "PICK_UP" },
              assignedLocation: { location: { id: gidOf("Location", STORE_B) } },
              destination: { location: { id: gidOf("Location", STORE_B) } },
            },
          ],
        },
      },
    });
  });

  it("serves the order over GraphQL: lines, address with coordinates, shipping line, fulfilment orders", async () => {
    const { emulator, graphql } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [{ sku: "TEE-M", quantity: 2 }],
      deliveryMethod: "SHIPPING",
      shippingAddress: ADDRESS,
      shippingLineTitle: "Express",
    });
    const { json } = await graphql(
      `query Order($id: ID!) { order(id: $id) { id name displayFulfillmentStatus cancelledAt
        shippingAddress { zip latitude longitude } shippingLines(first: 5) { nodes { title code source } }
        lineItems(first: 10) { nodes { sku quantity variant { id } } }
        fulfillmentOrders(first: 5) { nodes { status requestStatus supportedActions { action }
          lineItems(first: 10) { nodes { sku totalQuantity remainingQuantity inventoryItemId } } } } } }`,
      { id: order.id },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data?.order).toEqual({
      id: order.id,
      name: "#1001",
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
      shippingAddress: { zip: "60606", latitude: 41.8789, longitude: -87.6359 },
      shippingLines: { nodes: [{ title: "Express", code: "Express", source: "shopify" }] },
      lineItems: { nodes: [{ sku: "TEE-M", quantity: 2, variant: { id: gidOf("ProductVariant", 11) } }] },
      fulfillmentOrders: {
        nodes: [
          {
            status: "OPEN",
            requestStatus: "UNSUBMITTED",
            supportedActions: [
              { action: "CREATE_FULFILLMENT" },
              { action: "REPORT_PROGRESS" },
              { action: "MOVE" },
              { action: "HOLD" },
              { action: "SPLIT" },
            ],
            lineItems: { nodes: [{ sku: "TEE-M", totalQuantity: 2, remainingQuantity: 2, inventoryItemId: gidOf("InventoryItem", 111) }] },
          },
        ],
      },
    });
  });

  it("raises orders/create, then order_routing_complete per fulfilment order, and inventory updates", async () => {
    const { emulator, events } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [
        { sku: "TEE-M", quantity: 8 },
        { sku: "CAP", quantity: 3 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: ADDRESS,
    });
    expect(events.map((e) => e.topic)).toEqual([
      "inventory_levels/update",
      "inventory_levels/update",
      "orders/create",
      "fulfillment_orders/order_routing_complete",
      "fulfillment_orders/order_routing_complete",
    ]);
    const created = events.find((e) => e.topic === "orders/create");
    expect(created?.shop).toBe(SHOP);
    expect(created?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created?.payload).toMatchObject({
      id: order.legacyResourceId,
      admin_graphql_api_id: order.id,
      name: "#1001",
      line_items: [
        { sku: "TEE-M", quantity: 8, variant_id: 11, admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//) },
        { sku: "CAP", quantity: 3 },
      ],
      shipping_address: { zip: "60606", latitude: 41.8789, country_code: "US", province_code: "IL" },
    });
    expect(events[3]?.payload).toEqual({ fulfillment_order: { id: order.fulfillmentOrders[0]?.id, status: "open" } });
    expect(events[0]?.payload).toMatchObject({ inventory_item_id: 111, location_id: WAREHOUSE, available: 2 });
  });

  it("cancelling releases committed stock, closes the fulfilment orders and raises orders/cancelled", async () => {
    const { emulator, events } = await harness();
    const order = emulator.placeOrder(SHOP, { lines: [{ sku: "TEE-M", quantity: 3 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    emulator.cancelOrder(SHOP, order.id);
    expect(emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 10, committed: 0 });
    expect(emulator.fulfillmentOrdersOf(SHOP, order.id)[0]?.status).toBe("CLOSED");
    const cancelled = events.find((e) => e.topic === "orders/cancelled");
    expect(cancelled?.payload).toMatchObject({ id: order.legacyResourceId, cancel_reason: "customer", cancelled_at: expect.any(String) });
  });

  it("gives the same ids for the same scenario and the same actions", async () => {
    const place = async () => {
      const { emulator } = await harness();
      return emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    };
    expect(await place()).toEqual(await place());
  });

  it("finds orders by name and inventory items by SKU through search queries", async () => {
    const { emulator, graphql } = await harness();
    emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    const { json } = await graphql(
      `{ orders(first: 5, query: "name:#1002") { nodes { name } }
         inventoryItems(first: 1, query: "sku:CAP") { nodes { id sku inventoryLevels(first: 5) { nodes { location { id }
           quantities(names: ["available", "committed", "on_hand"]) { name quantity } } } } } }`,
    );
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({
      orders: { nodes: [{ name: "#1002" }] },
      inventoryItems: {
        nodes: [
          {
            id: gidOf("InventoryItem", 311),
            sku: "CAP",
            inventoryLevels: {
              nodes: [
                {
                  location: { id: gidOf("Location", STORE_A) },
                  quantities: [
                    { name: "available", quantity: 3 },
                    { name: "committed", quantity: 2 },
                    { name: "on_hand", quantity: 5 },
                  ],
                },
                {
                  location: { id: gidOf("Location", STORE_B) },
                  quantities: [
                    { name: "available", quantity: 2 },
                    { name: "committed", quantity: 0 },
                    { name: "on_hand", quantity: 2 },
                  ],
                },
              ],
            },
          },
        ],
      },
    });
  });
});
