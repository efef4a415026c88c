import { describe, expect, it } from "vitest";
import { emulatorPickupOrder, payRequestSchema } from "./order-request";

const paid = {
  lines: [{ sku: "TEE-M", quantity: 2 }],
  pickupLocationId: "1002",
  email: "ada@example.com",
};
const promise = { namespace: "$app", key: "pickup_promise", type: "json", value: '{"token":"signed.token"}' };

describe("the stand-in checkout's Pay, as an emulator order", () => {
  it("carries the cart's metafields the extension wrote, for Shopify to copy to the order", () => {
    const request = payRequestSchema.parse({ ...paid, cartMetafields: [promise] });

    expect(emulatorPickupOrder(request)).toMatchObject({
      deliveryMethod: "PICK_UP",
      pickupLocationId: "1002",
      cartMetafields: [promise],
    });
  });

  it("has no cart metafields when the extension wrote none", () => {
    expect(emulatorPickupOrder(payRequestSchema.parse(paid)).cartMetafields).toEqual([]);
  });

  it("refuses more metafields than a cart holds, or one too large", () => {
    const many = Array.from({ length: 26 }, (_, index) => ({ ...promise, key: `key_${index}` }));
    expect(payRequestSchema.safeParse({ ...paid, cartMetafields: many }).success).toBe(false);
    const large = { ...promise, value: "x".repeat(10_001) };
    expect(payRequestSchema.safeParse({ ...paid, cartMetafields: [large] }).success).toBe(false);
  });
});
