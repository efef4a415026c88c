import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { decideOrder } from "~/services/routing/route-order.server";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { loadSettingsPage, RECENT_ORDERS_OFFERED } from "./settings-page.server";
import { tryRecentOrder } from "./try-it.server";

/**
 * The settings page's "try it" panel on one of the shop's recorded orders: the order's stored
 * facts, built into the engine's order as the routing job builds them, routed under the draft
 * rules against the mirror. Nothing is written, queued or asked of Shopify.
 */

const LOOP = { locationId: "1", name: "Loop", lat: 41.8826, lng: -87.6278 };
const WAREHOUSE = { locationId: "2", name: "Bolingbrook warehouse", lat: 41.6986, lng: -88.0684 };
const NOW = new Date("2026-11-27T16:00:00Z");

/** The form as the page posts it: the seed's rules. */
const DRAFT = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "true",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "express => NEXT_DAY",
};

function shippedNearLoop(orderId: string, overrides: Partial<OrderFacts> = {}): OrderFacts {
  return shippedOrderFacts(orderId, {
    latitude: LOOP.lat + 0.01,
    longitude: LOOP.lng,
    lines: [{ sku: "TEE-BLK-M", quantity: 1 }],
    ...overrides,
  });
}

/** A shop whose Loop store has 5 tees and whose warehouse has 40. */
async function seedShop(): Promise<string> {
  const shop = uniqueShop();
  await seedMirror(prisma, shop, [
    { ...LOOP, kind: "STORE", stock: { "TEE-BLK-M": 5 } },
    { ...WAREHOUSE, kind: "WAREHOUSE", stock: { "TEE-BLK-M": 40 } },
  ]);
  return shop;
}

/** Everything routing could write: facts, decisions, reservations, moves, settings and jobs. */
async function footprint(shop: string) {
  const [jobs] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job`;
  return {
    orders: await prisma.routedOrder.findMany({ where: { shop }, orderBy: { orderId: "asc" } }),
    decisions: await prisma.routingDecision.findMany({ where: { shop }, orderBy: { orderId: "asc" } }),
    reservations: await prisma.inventoryReservation.count({ where: { shop } }),
    moves: await prisma.fulfillmentMove.count({ where: { shop } }),
    settings: await prisma.routingSettingsVersion.count({ where: { shop } }),
    jobs: jobs?.n,
  };
}

let shop: string;

beforeAll(async () => {
  shop = await seedShop();
  await upsertOrderFacts(prisma, shop, shippedNearLoop("1001"), "WEBHOOK");
  // The routing job decided #1001 under the live rules (the defaults): the Loop store has 5 ≥ 3 tees.
  await decideOrder(shop, shippedNearLoop("1001"), new Date("2026-11-27T15:01:00Z"));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("trying a recent order under draft rules", () => {
  it("routes the stored order under the draft, not the live rules, next to where it actually went", async () => {
    const live = await tryRecentOrder(shop, DRAFT, "1001", NOW);
    const stricter = await tryRecentOrder(shop, { ...DRAFT, storeMinUnits: "6" }, "1001", NOW);
    const narrower = await tryRecentOrder(shop, { ...DRAFT, radiusMiles: "0.5" }, "1001", NOW);

    if (!live.ok || !stricter.ok || !narrower.ok) throw new Error("expected the order to route");
    expect(live.decision.assignments.map((assignment) => assignment.locationId)).toEqual([LOOP.locationId]);
    expect(live.comparison?.changed).toBe(false);

    expect(stricter.decision.assignments.map((assignment) => assignment.locationId)).toEqual([WAREHOUSE.locationId]);
    expect(stricter.explanation[0]).toContain("#1001");
    expect(stricter.explanation.join(" ")).toContain("Loop: 5 units of TEE-BLK-M, below the minimum of 6");
    expect(stricter.comparison).toEqual({
      changed: true,
      sentences: [
        "When #1001 was routed (2026-11-27 15:01 UTC), the rules then in force (the recommended defaults) sent it to Loop.",
        "Against today's stock, the live rules (the recommended defaults) would send it to Loop; the draft rules send it to Bolingbrook warehouse.",
      ],
    });

    // 0.7 miles from the Loop: outside a half-mile radius, so the warehouse ships.
    expect(narrower.decision.assignments.map((assignment) => assignment.locationId)).toEqual([WAREHOUSE.locationId]);
    expect(narrower.decision.flags).not.toContain("OUT_OF_STOCK");
  });

  it("maps the order's shipping method to a service level under the draft rules", async () => {
    await upsertOrderFacts(prisma, shop, shippedNearLoop("1002", { shippingLineTitle: "Overnight Air" }), "WEBHOOK");
    const sameDay = await tryRecentOrder(shop, { ...DRAFT, shippingMethodRules: "overnight => SAME_DAY" }, "1002", NOW);
    const standard = await tryRecentOrder(shop, DRAFT, "1002", NOW);
    if (!sameDay.ok || !standard.ok) throw new Error("expected the order to route");
    expect(sameDay.decision.trace.stages.map((stage) => stage.stage)).toContain("SAME_DAY");
    expect(standard.decision.trace.stages.map((stage) => stage.stage)).not.toContain("SAME_DAY");
    expect(standard.comparison?.sentences[0]).toBe("#1002 has not been routed yet.");
  });

  it("writes nothing, queues no job and calls no Admin API", async () => {
    const before = await footprint(shop);
    const fetchSpy = vi.spyOn(globalThis, "fetch");

    // The shop has no Shopify session at all: any Admin API call would fail the try.
    const outcome = await tryRecentOrder(shop, { ...DRAFT, storeMinUnits: "6" }, "1001", NOW);

    expect(outcome.ok).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await footprint(shop)).toEqual(before);
  });

  it("refuses another shop's order, an unknown one and no choice with a field error", async () => {
    const otherShop = await seedShop();
    await upsertOrderFacts(prisma, otherShop, shippedNearLoop("9001"), "WEBHOOK");

    const foreign = await tryRecentOrder(shop, DRAFT, "9001", NOW);
    const unknown = await tryRecentOrder(shop, DRAFT, "424242", NOW);
    const missing = await tryRecentOrder(shop, DRAFT, undefined, NOW);
    const blank = await tryRecentOrder(shop, DRAFT, "  ", NOW);

    const notOurs = "Omniroute has no record of that order in this shop: choose one of your recent orders";
    expect(foreign).toEqual({ ok: false, settingsErrors: {}, orderErrors: { orderId: notOurs } });
    expect(unknown).toEqual({ ok: false, settingsErrors: {}, orderErrors: { orderId: notOurs } });
    expect(missing).toEqual({
      ok: false,
      settingsErrors: {},
      orderErrors: { orderId: "Choose one of your recent orders" },
    });
    expect(blank).toEqual(missing);
    // The other shop's order is untouched and still tries in its own shop.
    expect((await tryRecentOrder(otherShop, DRAFT, "9001", NOW)).ok).toBe(true);
  });

  it("refuses an order it cannot route, and invalid draft rules, with field errors", async () => {
    await upsertOrderFacts(
      prisma,
      shop,
      shippedNearLoop("1003", { latitude: null, longitude: null, placedAt: new Date("2026-11-27T14:00:00Z") }),
      "WEBHOOK",
    );
    await upsertOrderFacts(
      prisma,
      shop,
      shippedNearLoop("1004", { cancelledAt: new Date("2026-11-27T15:30:00Z") }),
      "WEBHOOK",
    );

    const noDestination = await tryRecentOrder(shop, DRAFT, "1003", NOW);
    const cancelled = await tryRecentOrder(shop, DRAFT, "1004", NOW);
    const badRules = await tryRecentOrder(shop, { ...DRAFT, radiusMiles: "-4" }, "1001", NOW);

    expect(noDestination).toMatchObject({
      ok: false,
      orderErrors: { orderId: expect.stringContaining("#1003 has no destination") },
    });
    expect(cancelled).toEqual({
      ok: false,
      settingsErrors: {},
      orderErrors: { orderId: "#1004 was cancelled: it is not routed" },
    });
    expect(badRules).toEqual({
      ok: false,
      settingsErrors: { radiusMiles: "Enter miles from 0.5 to 500" },
      orderErrors: {},
    });
  });
});

describe("the stock a try sees", () => {
  it("is the routing job's: less the units other orders' decisions hold, but not the tried order's own", async () => {
    const held = await seedShop();
    await upsertOrderFacts(prisma, held, shippedNearLoop("2001"), "WEBHOOK");
    await decideOrder(held, shippedNearLoop("2001"), new Date("2026-11-27T15:01:00Z"));
    const minimumOfFive = { ...DRAFT, storeMinUnits: "5" };

    // #2001 holds 1 of the Loop's 5 tees; trying #2001 itself still sees all 5.
    const alone = await tryRecentOrder(held, minimumOfFive, "2001", NOW);
    // Another order's decision holds a second tee: 4 left for #2001, below the minimum.
    await decideOrder(held, shippedNearLoop("2002"), new Date("2026-11-27T15:02:00Z"));
    const afterAnother = await tryRecentOrder(held, minimumOfFive, "2001", NOW);

    if (!alone.ok || !afterAnother.ok) throw new Error("expected the order to route");
    expect(alone.decision.assignments.map((assignment) => assignment.locationId)).toEqual([LOOP.locationId]);
    expect(afterAnother.decision.assignments.map((assignment) => assignment.locationId)).toEqual([
      WAREHOUSE.locationId,
    ]);
    expect(afterAnother.explanation.join(" ")).toContain("Loop: 4 units of TEE-BLK-M, below the minimum of 5");
  });
});

describe("the recent orders the panel offers", () => {
  it("lists the shop's latest uncancelled orders, newest first, with where each went", async () => {
    const listed = await seedShop();
    await upsertOrderFacts(prisma, listed, shippedNearLoop("2001"), "WEBHOOK");
    await decideOrder(listed, shippedNearLoop("2001"), new Date("2026-11-27T15:01:00Z"));
    await upsertOrderFacts(
      prisma,
      listed,
      shippedNearLoop("2002", { placedAt: new Date("2026-11-27T15:10:00Z"), deliveryMethod: null }),
      "WEBHOOK",
    );
    await upsertOrderFacts(
      prisma,
      listed,
      shippedNearLoop("2003", { placedAt: new Date("2026-11-27T15:20:00Z"), cancelledAt: new Date() }),
      "WEBHOOK",
    );
    for (let index = 0; index < RECENT_ORDERS_OFFERED; index++) {
      await upsertOrderFacts(
        prisma,
        listed,
        shippedNearLoop(`1${index}`, { placedAt: new Date(Date.UTC(2026, 9, 1, index)) }),
        "WEBHOOK",
      );
    }
    await upsertOrderFacts(prisma, uniqueShop(), shippedNearLoop("2004", { placedAt: NOW }), "WEBHOOK");

    const { recentOrders } = await loadSettingsPage(listed);

    expect(recentOrders).toHaveLength(RECENT_ORDERS_OFFERED);
    expect(recentOrders.slice(0, 3)).toEqual([
      {
        orderId: "2002",
        name: "#2002",
        placedAt: "2026-11-27T15:10:00.000Z",
        deliveryMethod: null,
        decision: null,
      },
      {
        orderId: "2001",
        name: "#2001",
        placedAt: "2026-11-27T15:00:00.000Z",
        deliveryMethod: "SHIPPING",
        decision: { status: "ROUTED", locationNames: ["Loop"] },
      },
      {
        orderId: "119",
        name: "#119",
        placedAt: "2026-10-01T19:00:00.000Z",
        deliveryMethod: "SHIPPING",
        decision: null,
      },
    ]);
  });
});
