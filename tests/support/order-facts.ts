import type { OrderFacts } from "~/models/routed-orders.server";
import type { NewDecision } from "~/models/routing-decisions.server";

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

/**
 * That order's decision: routed whole to store 1001, a mile and a fifth away, its SLA at risk,
 * decided 2026-11-27 15:04:30 UTC and moved. Tests override what they are about.
 */
export function shippedOrderDecision(orderId: string, overrides: Partial<NewDecision> = {}): NewDecision {
  return {
    orderId,
    status: "ROUTED",
    assignments: [{ locationId: "1001", lines: [{ sku: "TEE-M", quantity: 1 }], cost: 9.15, distanceMiles: 1.2 }],
    flags: ["SLA_AT_RISK"],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod: "SHIPPING",
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: new Date("2026-11-27T15:04:30Z"),
    moveStatus: "DONE",
    ...overrides,
  };
}
