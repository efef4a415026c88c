import type { OrderFacts } from "~/models/routed-orders.server";

/**
 * An order as orders/create records it: shipped, standard, to Chicago's Loop, one unit of
 * TEE-M, placed 2026-11-27 15:00 UTC. Tests override what they are about.
 */
export function shippedOrderFacts(orderId: string, overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderId,
    name: `#${orderId}`,
    placedAt: new Date("2026-11-27T15:00:00Z"),
    deliveryMethod: "SHIPPING",
    pickupLocationId: null,
    shippingLineTitle: "Standard",
    shippingLineCode: null,
    latitude: 41.88,
    longitude: -87.63,
    lines: [{ sku: "TEE-M", quantity: 1 }],
    customerId: null,
    confirmationNumber: null,
    cancelledAt: null,
    ...overrides,
  };
}
