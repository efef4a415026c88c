import { beforeAll, describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { stockMapsOf } from "~/domain/routing/stock-table";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { decideOrder } from "~/services/routing/route-order.server";
import { seedMirror } from "../../../tests/support/mirror";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { uniqueShop } from "../../../tests/support/shops";
import { compareRoutings, loadReplay } from "./replay.server";

/**
 * The what-if replay over a history made by the routing job itself: orders routed one after
 * another through decideOrder (each reserving its units, so later ones see less), then replayed.
 */

const LOOP = { locationId: "1", name: "Loop", lat: 41.8826, lng: -87.6278 };
const WICKER = { locationId: "2", name: "Wicker Park", lat: 41.9088, lng: -87.6796 };
const EVANSTON = { locationId: "3", name: "Evanston", lat: 42.0451, lng: -87.6877 };
const WAREHOUSE = { locationId: "9", name: "Bolingbrook warehouse", lat: 41.6986, lng: -88.0684 };
const SKUS = ["TEE-BLK-M", "TEE-WHT-M", "MUG"];
const DAY = Date.UTC(2026, 10, 20, 14);
const RANGE = { from: new Date(DAY - 3_600_000), to: new Date(DAY + 86_400_000) };
const NOW = new Date("2026-11-27T16:00:00Z");

/** Order n of the history: shipments, same-day shipments and pickups around Chicago, 1–2 lines. */
function factsOf(n: number): OrderFacts {
  const destinations = [LOOP, WICKER, EVANSTON];
  const near = destinations[n % 3]!;
  const pickup = n % 7 === 3;
  return shippedOrderFacts(String(5000 + n), {
    placedAt: new Date(DAY + n * 60_000),
    deliveryMethod: pickup ? "PICK_UP" : "SHIPPING",
    pickupLocationId: pickup ? near.locationId : null,
    shippingLineTitle: pickup ? null : n % 4 === 1 ? "Same day delivery" : "Standard",
    latitude: near.lat + 0.01 * ((n % 5) - 2),
    longitude: near.lng,
    lines:
      n % 6 === 0
        ? [
            { sku: SKUS[n % 3]!, quantity: 1 },
            { sku: SKUS[(n + 1) % 3]!, quantity: 2 },
          ]
        : [{ sku: SKUS[n % 3]!, quantity: 1 + (n % 2) }],
  });
}

const ORDERS = 40;
let shop: string;

beforeAll(async () => {
  shop = uniqueShop();
  // Thin store shelves, so the store minimum and depletion decide where later orders go.
  await seedMirror(prisma, shop, [
    { ...LOOP, kind: "STORE", stock: { "TEE-BLK-M": 8, "TEE-WHT-M": 6, MUG: 5 } },
    { ...WICKER, kind: "STORE", stock: { "TEE-BLK-M": 5, "TEE-WHT-M": 7, MUG: 4 } },
    { ...EVANSTON, kind: "STORE", stock: { "TEE-BLK-M": 6, MUG: 9 } },
    { ...WAREHOUSE, kind: "WAREHOUSE", stock: { "TEE-BLK-M": 200, "TEE-WHT-M": 200, MUG: 200 } },
  ]);
  for (let n = 0; n < ORDERS; n++) {
    const facts = factsOf(n);
    await upsertOrderFacts(prisma, shop, facts, "WEBHOOK");
    await decideOrder(shop, facts, new Date(facts.placedAt.getTime() + 30_000));
  }
}, 120_000);

describe("replaying a shop's recorded routing", () => {
  it("sends every order where its recorded decision did, replayed with the live rules and the stock that was live", async () => {
    const comparison = await compareRoutings(shop, RANGE, null, NOW);
    expect(comparison.orders).toBe(ORDERS);
    const live = comparison.results[0]!;
    // The history is not trivial: stores served some orders, the warehouse others.
    const served = new Set(live.loads.map((load) => load.locationId));
    expect(served.has("9")).toBe(true);
    expect([...served].some((id) => id !== "9")).toBe(true);
    expect(comparison.liveMatchesRecorded).toBe(ORDERS);
    expect(live.totals.thresholdViolations).toBe(0);
  });

  it("starts from the stock before the replayed decisions: the view now plus the units they took", async () => {
    const { snapshot } = await loadReplay(sqlPool, shop, RANGE, NOW);
    const maps = stockMapsOf(snapshot.stock);
    const stockOf = (id: string) => maps.get(id);
    // Every decision still reserves its units, so the view subtracts them all and the snapshot is the mirror.
    expect(stockOf("1")).toEqual({ "TEE-BLK-M": 8, "TEE-WHT-M": 6, MUG: 5 });
    expect(stockOf("3")).toEqual({ "TEE-BLK-M": 6, MUG: 9 });
    expect(stockOf("9")).toEqual({ "TEE-BLK-M": 200, "TEE-WHT-M": 200, MUG: 200 });
  });

  it("gives byte-identical totals for the same range, and conserves stock for every router", async () => {
    const draft = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5 };
    const first = await compareRoutings(shop, RANGE, draft, NOW);
    const second = await compareRoutings(shop, RANGE, draft, NOW);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.results.map((result) => result.router)).toEqual([
      "Live rules",
      "Draft rules",
      "Shopify native routing",
      "Nearest location first",
    ]);
    for (const result of first.results) {
      expect(result.totals.orders).toBe(ORDERS);
      expect(result.unitsTaken).toBe(result.unitsAssigned);
    }
  });

  it("shows a higher store minimum sending fewer parcels from stores, and lists the orders it moves", async () => {
    const draft = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5 };
    const comparison = await compareRoutings(shop, RANGE, draft, NOW);
    const [live, drafted] = comparison.results;
    expect(drafted!.totals.storeParcels).toBeLessThan(live!.totals.storeParcels);
    expect(drafted!.totals.thresholdViolations).toBe(0);
    expect(comparison.draftDifferences.length).toBeGreaterThan(0);
    for (const difference of comparison.draftDifferences) {
      expect(difference.before.orderId).toBe(difference.orderId);
      expect(difference.after.orderId).toBe(difference.orderId);
    }
  });

  it("replays only the shop's own orders in the range", async () => {
    const other = await compareRoutings(uniqueShop(), RANGE, null, NOW);
    expect(other.orders).toBe(0);
    const before = await compareRoutings(shop, { from: new Date(DAY - 86_400_000), to: new Date(DAY) }, null, NOW);
    expect(before.orders).toBe(0);
  });
});
