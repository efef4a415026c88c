import { describe, expect, it } from "vitest";
import { ADDRESS, APP, SHOP, STORE_A, WAREHOUSE, harness } from "./test-support";
import { ShopifyEmulator } from "./index";

describe("snapshot and restore", () => {
  it("carries shops, orders, stock and tokens across a JSON round trip", async () => {
    const { emulator, token, clock } = await harness();
    const order = emulator.placeOrder(SHOP, { lines: [{ sku: "TEE-M", quantity: 2 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    const saved = JSON.parse(JSON.stringify(emulator.snapshot())) as ReturnType<ShopifyEmulator["snapshot"]>;

    const revived = new ShopifyEmulator({ ...APP, now: clock.now });
    revived.restore(saved);
    expect(revived.shops()).toEqual([SHOP]);
    expect(revived.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ available: 8, committed: 2 });
    expect(revived.fulfillmentOrdersOf(SHOP, order.id)).toEqual(emulator.fulfillmentOrdersOf(SHOP, order.id));
    const response = await revived.handle({
      method: "POST",
      path: "/admin/api/2026-04/graphql.json",
      shop: SHOP,
      headers: { "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query: "query ($id: ID!) { order(id: $id) { name } }", variables: { id: order.id } }),
    });
    expect(JSON.parse(response.body).data).toEqual({ order: { name: "#1001" } });
    // Ids keep counting where they stopped.
    const next = revived.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    const original = emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationId: STORE_A });
    expect(next).toEqual(original);
  });
});
