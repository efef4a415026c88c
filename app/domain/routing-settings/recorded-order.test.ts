import { describe, expect, it } from "vitest";
import { store, warehouse } from "../routing/test-fixtures";
import { engineOrderOfRecorded, type RecordedOrderFacts } from "./recorded-order";
import { DEFAULT_ROUTING_SETTINGS } from "./settings";

const LOOP = store("loop", { lat: 41.8826, lng: -87.6278 });
const LOCATIONS = [LOOP, warehouse("warehouse")];

function facts(overrides: Partial<RecordedOrderFacts> = {}): RecordedOrderFacts {
  return {
    orderId: "5001",
    placedAt: new Date("2026-11-27T15:00:00Z"),
    deliveryMethod: "SHIPPING",
    pickupLocationId: null,
    shippingLineTitle: "Standard",
    shippingLineCode: null,
    latitude: 41.9,
    longitude: -87.65,
    lines: [{ sku: "TEE-BLK-M", quantity: 2 }],
    ...overrides,
  };
}

describe("a recorded order as the routing engine takes it", () => {
  it("ships to the shipping address's coordinates at the service level its shipping line maps to", () => {
    const built = engineOrderOfRecorded(facts({ shippingLineTitle: "Express" }), DEFAULT_ROUTING_SETTINGS, LOCATIONS);
    expect(built).toEqual({
      deliveryMethod: "SHIPPING",
      serviceLevel: "NEXT_DAY",
      order: {
        id: "5001",
        placedAt: "2026-11-27T15:00:00.000Z",
        deliveryMethod: "SHIPPING",
        serviceLevel: "NEXT_DAY",
        destination: { lat: 41.9, lng: -87.65 },
        lines: [{ sku: "TEE-BLK-M", quantity: 2 }],
      },
    });
  });

  it("is picked up at the chosen store, whose place is the destination", () => {
    const built = engineOrderOfRecorded(
      facts({ deliveryMethod: "PICK_UP", pickupLocationId: "loop", latitude: null, longitude: null }),
      DEFAULT_ROUTING_SETTINGS,
      LOCATIONS,
    );
    expect(built.order).toMatchObject({ pickupLocationId: "loop", destination: { lat: LOOP.lat, lng: LOOP.lng } });
  });

  it("is routed as shipping while its delivery method is not known", () => {
    expect(engineOrderOfRecorded(facts({ deliveryMethod: null }), DEFAULT_ROUTING_SETTINGS, LOCATIONS)).toMatchObject({
      deliveryMethod: "SHIPPING",
      order: { deliveryMethod: "SHIPPING" },
    });
  });

  it("has no engine order without a destination or without lines, but keeps its delivery method and service level", () => {
    expect(
      engineOrderOfRecorded(facts({ latitude: null, longitude: null }), DEFAULT_ROUTING_SETTINGS, LOCATIONS),
    ).toEqual({ deliveryMethod: "SHIPPING", serviceLevel: "STANDARD", order: null });
    expect(engineOrderOfRecorded(facts({ lines: [] }), DEFAULT_ROUTING_SETTINGS, LOCATIONS).order).toBeNull();
    expect(
      engineOrderOfRecorded(
        facts({ deliveryMethod: "LOCAL_DELIVERY", latitude: null, longitude: null }),
        DEFAULT_ROUTING_SETTINGS,
        LOCATIONS,
      ),
    ).toEqual({ deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "SAME_DAY", order: null });
  });
});
