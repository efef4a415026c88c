import prisma from "~/db.server";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { decideOrder } from "~/services/routing/route-order.server";
import { seedMirror } from "./mirror";
import { shippedOrderFacts } from "./order-facts";

/**
 * A small routing history made by the routing job itself, for the what-if comparisons: three
 * Chicago stores with thin shelves (so the store minimum decides where later orders go) and a
 * warehouse; orders an hour apart from `firstOrderAt`, shipped, same-day and picked up, each
 * recorded as orders/create records it and decided by decideOrder under the live rules.
 */
export const HISTORY_LOCATIONS = {
  loop: { locationId: "1", name: "Loop", lat: 41.8826, lng: -87.6278 },
  wicker: { locationId: "2", name: "Wicker Park", lat: 41.9088, lng: -87.6796 },
  evanston: { locationId: "3", name: "Evanston", lat: 42.0451, lng: -87.6877 },
  warehouse: { locationId: "9", name: "Bolingbrook warehouse", lat: 41.6986, lng: -88.0684 },
} as const;

const SKUS = ["TEE-BLK-M", "TEE-WHT-M", "MUG"];

/** Order n of the history: ids 6000 and up, named #2000 and up. */
export function historyOrderFacts(n: number, firstOrderAt: number): OrderFacts {
  const { loop, wicker, evanston } = HISTORY_LOCATIONS;
  const near = [loop, wicker, evanston][n % 3]!;
  const pickup = n % 7 === 3;
  return shippedOrderFacts(String(6000 + n), {
    name: `#${2000 + n}`,
    placedAt: new Date(firstOrderAt + n * 3_600_000),
    deliveryMethod: pickup ? "PICK_UP" : "SHIPPING",
    pickupLocationId: pickup ? near.locationId : null,
    shippingLineTitle: pickup ? null : n % 4 === 1 ? "Same day delivery" : "Standard",
    latitude: near.lat + 0.01 * ((n % 5) - 2),
    longitude: near.lng,
    lines: [{ sku: SKUS[n % 3]!, quantity: 1 + (n % 2) }],
  });
}

export async function seedRoutingHistory(
  shop: string,
  options: { orders: number; firstOrderAt: number },
): Promise<void> {
  const { loop, wicker, evanston, warehouse } = HISTORY_LOCATIONS;
  await seedMirror(prisma, shop, [
    { ...loop, kind: "STORE", stock: { "TEE-BLK-M": 8, "TEE-WHT-M": 6, MUG: 5 } },
    { ...wicker, kind: "STORE", stock: { "TEE-BLK-M": 5, "TEE-WHT-M": 7, MUG: 4 } },
    { ...evanston, kind: "STORE", stock: { "TEE-BLK-M": 6, MUG: 9 } },
    { ...warehouse, kind: "WAREHOUSE", stock: { "TEE-BLK-M": 200, "TEE-WHT-M": 200, MUG: 200 } },
  ]);
  for (let n = 0; n < options.orders; n++) {
    const facts = historyOrderFacts(n, options.firstOrderAt);
    await upsertOrderFacts(prisma, shop, facts, "WEBHOOK");
    await decideOrder(shop, facts, new Date(facts.placedAt.getTime() + 30_000));
  }
}
