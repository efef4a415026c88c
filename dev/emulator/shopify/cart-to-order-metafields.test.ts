import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_TOML_PATH } from "../webhooks/subscriptions";
import { parseOrderMetafieldDefinitions } from "./cart-to-order-metafields";
import { SHOP, STORE_B, gidOf, harness } from "./test-support";

/**
 * Shopify copies a cart metafield to the order it becomes when an order metafield definition with
 * the same namespace and key has cartToOrderCopyable enabled (shopify.dev changelog "Automatically
 * copy cart metafields to orders at checkout completion", API 2026-04); the app declares its
 * definitions in shopify.app.toml (`capabilities.cart_to_order_copyable`, shopify.dev
 * docs/apps/build/metafields/definitions, TOML reference).
 */

const ORDER_METAFIELD = `#graphql
  query OrderPickupPromise($id: ID!, $key: String!) {
    order(id: $id) {
      metafield(namespace: "$app", key: $key) {
        namespace
        key
        type
        value
      }
    }
  }
`;

describe("cart metafields carried to the order", () => {
  it("reads the app's declared order definitions, the pickup promise copyable", () => {
    expect(parseOrderMetafieldDefinitions(readFileSync(APP_TOML_PATH, "utf8"))).toContainEqual({
      namespace: "$app",
      key: "pickup_promise",
      type: "json",
      cartToOrderCopyable: true,
    });
    const notCopyable = `
      [order.metafields.app.gift_note]
      type = "single_line_text_field"
    `;
    expect(parseOrderMetafieldDefinitions(notCopyable)).toEqual([
      { namespace: "$app", key: "gift_note", type: "single_line_text_field", cartToOrderCopyable: false },
    ]);
  });

  it("copies a cart metafield a copyable definition covers, readable on the order under $app", async () => {
    const { emulator, graphql } = await harness();
    const value = JSON.stringify({ token: "signed.token" });
    const order = emulator.placeOrder(SHOP, {
      lines: [{ sku: "CAP", quantity: 1 }],
      deliveryMethod: "PICK_UP",
      pickupLocationId: gidOf("Location", STORE_B),
      cartMetafields: [{ namespace: "$app", key: "pickup_promise", type: "json", value }],
    });

    const { json } = await graphql(ORDER_METAFIELD, { id: order.id, key: "pickup_promise" });

    expect(json.data).toEqual({
      order: { metafield: { namespace: "$app", key: "pickup_promise", type: "json", value } },
    });
  });

  it("leaves in the cart what no copyable definition covers: another key, another type", async () => {
    const { emulator, graphql } = await harness();
    const order = emulator.placeOrder(SHOP, {
      lines: [{ sku: "CAP", quantity: 1 }],
      deliveryMethod: "PICK_UP",
      pickupLocationId: gidOf("Location", STORE_B),
      cartMetafields: [
        { namespace: "$app", key: "gift_note", type: "json", value: "{}" },
        { namespace: "$app", key: "pickup_promise", type: "single_line_text_field", value: "hello" },
      ],
    });

    for (const key of ["gift_note", "pickup_promise"]) {
      const { json } = await graphql(ORDER_METAFIELD, { id: order.id, key });
      expect(json.data).toEqual({ order: { metafield: null } });
    }
  });
});
