import { describe, expect, it } from "vitest";
import { parseDraftOrder } from "./draft-order";

const PLACES = [
  { id: "wicker", lat: 41.9088, lng: -87.6796 },
  { id: "loop", lat: 41.8826, lng: -87.6278 },
];
const standard = () => "STANDARD" as const;
const NOW = new Date("2026-11-27T15:00:00Z");

describe("a hand-made order to try the rules on", () => {
  it("ships to near the chosen place with the items typed, one a line", () => {
    const parsed = parseDraftOrder(
      { deliveryMethod: "SHIPPING", nearLocationId: "loop", items: "TEE-BLK-M 2\nHOODIE-L" },
      PLACES,
      standard,
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      values: {
        id: "try-it",
        placedAt: NOW.toISOString(),
        deliveryMethod: "SHIPPING",
        serviceLevel: "STANDARD",
        destination: { lat: 41.8826, lng: -87.6278 },
        lines: [
          { sku: "TEE-BLK-M", quantity: 2 },
          { sku: "HOODIE-L", quantity: 1 },
        ],
      },
    });
  });

  it("is picked up at the chosen store, which is also its destination", () => {
    const parsed = parseDraftOrder(
      { deliveryMethod: "PICK_UP", pickupLocationId: "wicker", items: "TEE-BLK-M 1" },
      PLACES,
      standard,
      NOW,
    );
    expect(parsed.ok && parsed.values).toMatchObject({
      pickupLocationId: "wicker",
      destination: { lat: 41.9088, lng: -87.6796 },
    });
  });

  it("asks the service level of the shipping method", () => {
    const parsed = parseDraftOrder(
      { deliveryMethod: "SHIPPING", nearLocationId: "loop", shippingMethod: "Express", items: "A 1" },
      PLACES,
      (_method, shippingMethod) => (shippingMethod === "Express" ? "NEXT_DAY" : "STANDARD"),
      NOW,
    );
    expect(parsed.ok && parsed.values.serviceLevel).toBe("NEXT_DAY");
  });

  it("names every field that needs fixing", () => {
    expect(parseDraftOrder({ deliveryMethod: "PICK_UP", items: "A 0\n" }, PLACES, standard, NOW)).toEqual({
      ok: false,
      errors: {
        pickupLocationId: "Choose the store the shopper picks up from",
        items: 'Line 1: write a SKU and a quantity from 1, like "TEE-BLK-M 2"',
      },
    });
    expect(parseDraftOrder({ items: "A 1\nA 2" }, PLACES, standard, NOW)).toEqual({
      ok: false,
      errors: { deliveryMethod: "Choose shipping, pickup or same-day delivery", items: "Line 2: A is listed twice" },
    });
  });

  it("asks for at least one item and at most 20, and for a place the shop has", () => {
    const refusal = (form: Parameters<typeof parseDraftOrder>[0]) => {
      const parsed = parseDraftOrder(form, PLACES, standard, NOW);
      return parsed.ok ? null : parsed.errors;
    };
    expect(refusal({ deliveryMethod: "LOCAL_DELIVERY", nearLocationId: "mars", items: "\n  \n" })).toEqual({
      nearLocationId: "Choose where the shopper lives",
      items: "Add at least one item, one a line: SKU and quantity",
    });
    const items = Array.from({ length: 21 }, (_, index) => `SKU-${index} 1`).join("\n");
    expect(refusal({ deliveryMethod: "SHIPPING", nearLocationId: "loop", items })).toEqual({
      items: "Try at most 20 items",
    });
    expect(refusal({ deliveryMethod: "SHIPPING", nearLocationId: "loop", items: "A 10001" })).toEqual({
      items: 'Line 1: write a SKU and a quantity from 1, like "TEE-BLK-M 2"',
    });
  });

  it("delivers same-day to near the chosen place, with no pickup store", () => {
    const parsed = parseDraftOrder(
      { deliveryMethod: "LOCAL_DELIVERY", nearLocationId: "wicker", pickupLocationId: "loop", items: "A 10000" },
      PLACES,
      standard,
      NOW,
    );
    expect(parsed.ok && parsed.values).toEqual({
      id: "try-it",
      placedAt: NOW.toISOString(),
      deliveryMethod: "LOCAL_DELIVERY",
      serviceLevel: "STANDARD",
      destination: { lat: 41.9088, lng: -87.6796 },
      lines: [{ sku: "A", quantity: 10_000 }],
    });
  });
});
