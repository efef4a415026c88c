import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { OpeningHours } from "~/domain/locations/opening-hours";
import { shippedOrderDecision, shippedOrderFacts } from "../../tests/support/order-facts";
import { uniqueShop } from "../../tests/support/shops";
import { listLiveLocations, updateLocationProfile, type ProfileChange } from "./locations.server";
import { findOrderFacts, listRecentOrderFacts, upsertOrderFacts } from "./routed-orders.server";
import {
  createDecision,
  findDecision,
  findDecisionsOfOrders,
  listDecisions,
  listMovesOfOrder,
  recordMove,
  type NewDecision,
} from "./routing-decisions.server";
import { UnreadableRowError } from "./stored-json";

/**
 * Stored JSON goes in typed and comes back parsed; a row that does not parse is an error that
 * names the row, never a value read by guesswork.
 */

const DECIDED_AT = new Date("2026-11-27T15:04:00Z");

function newDecision(orderId: string, overrides: Partial<NewDecision> = {}): NewDecision {
  return shippedOrderDecision(orderId, {
    assignments: [{ locationId: "1001", lines: [{ sku: "TEE-M", quantity: 2 }], cost: 9.15, distanceMiles: 1.2 }],
    trace: {
      stages: [
        {
          stage: "SHIPPING",
          result: "STORE",
          radiusMiles: 10,
          locations: [
            {
              locationId: "1001",
              kind: "STORE",
              distanceMiles: 1.2,
              cost: 9.15,
              verdicts: [
                { rule: "ACTIVE", active: true, pass: true },
                { rule: "ALL_LINES_SERVABLE", servableLines: 1, totalLines: 1, pass: true },
                { rule: "RADIUS", distanceMiles: 1.2, radiusMiles: 10, pass: true },
              ],
              outcome: "CHOSEN",
              reason: "CHEAPEST_STORE_IN_RADIUS",
            },
          ],
        },
      ],
    },
    decidedAt: DECIDED_AT,
    moveStatus: "PENDING",
    ...overrides,
  });
}

/** A decision row written around the model, as a bug or a hand edit could leave it. */
async function storeRawDecision(
  shop: string,
  orderId: string,
  json: { assignments?: Prisma.InputJsonValue; flags?: string[]; trace?: Prisma.InputJsonValue },
): Promise<string> {
  const row = await prisma.routingDecision.create({
    data: {
      shop,
      orderId,
      status: "ROUTED",
      assignments: json.assignments ?? [],
      flags: json.flags ?? [],
      trace: json.trace ?? { stages: [] },
      deliveryMethod: "SHIPPING",
      serviceLevel: "STANDARD",
      decidedAt: DECIDED_AT,
    },
    select: { id: true },
  });
  return row.id;
}

describe("a routing decision", () => {
  it("reads back the assignments, flags and trace it was stored with", async () => {
    const shop = uniqueShop();
    const decision = newDecision("1001");
    const created = await createDecision(prisma, shop, decision);

    const found = await findDecision(prisma, shop, "1001");

    for (const read of [created, found]) {
      expect(read).toMatchObject({
        assignments: decision.assignments,
        flags: decision.flags,
        trace: decision.trace,
      });
    }
    expect(await listDecisions(prisma, shop, { take: 10 })).toEqual([found]);
  });

  it("reads back look-ahead's store-against-store verdict and the store it chose", async () => {
    const shop = uniqueShop();
    const weighed = (locationId: string, cost: number, charge: number, other: [number, number], pass: boolean) => ({
      locationId,
      kind: "STORE" as const,
      distanceMiles: 1,
      cost,
      verdicts: [
        {
          rule: "LOOK_AHEAD_STORES" as const,
          storeCost: cost,
          charge,
          otherStoreCost: other[0],
          otherCharge: other[1],
          pass,
        },
      ],
    });
    const trace = {
      stages: [
        {
          stage: "SAME_DAY" as const,
          result: "CHOSEN" as const,
          radiusMiles: 10,
          locations: [
            {
              ...weighed("1002", 9.15, 0, [9.05, 4], true),
              outcome: "CHOSEN" as const,
              reason: "LOWEST_COST_WITH_LOOK_AHEAD" as const,
            },
            {
              ...weighed("1001", 9.05, 4, [9.15, 0], false),
              outcome: "LOST" as const,
              reason: "KEPT_FOR_STORE_ORDERS" as const,
            },
          ],
        },
      ],
    };
    await createDecision(prisma, shop, newDecision("1001", { trace }));

    expect((await findDecision(prisma, shop, "1001"))?.trace).toEqual(trace);
  });

  it("keeps the problem of an order the engine was never asked to route", async () => {
    const shop = uniqueShop();
    const trace = { stages: [], problem: "The order has no destination or no lines with a SKU." };
    await createDecision(prisma, shop, newDecision("1002", { status: "UNROUTABLE", assignments: [], trace }));

    expect((await findDecision(prisma, shop, "1002"))?.trace).toEqual(trace);
  });

  it("is refused before it is stored when it would not read back", async () => {
    const shop = uniqueShop();
    const broken = newDecision("1003", {
      assignments: [{ locationId: "1001", lines: [], cost: Number.NaN, distanceMiles: 1 }],
    });

    await expect(createDecision(prisma, shop, broken)).rejects.toThrow(
      "Refusing to store assignments of RoutingDecision of order 1003",
    );
    expect(await findDecision(prisma, shop, "1003")).toBeNull();
  });

  it.each([
    ["assignments", { assignments: [{ locationId: 1001, lines: "TEE-M" }] }],
    ["assignments", { assignments: { locationId: "1001" } }],
    ["flags", { flags: ["SLA_AT_RISK", "ON_FIRE"] }],
    ["trace", { trace: { stages: [{ stage: "TELEPORT" }] } }],
  ])("that does not parse is an error naming the row and its unreadable %s", async (field, json) => {
    const shop = uniqueShop();
    const id = await storeRawDecision(shop, "1004", json);

    const read = findDecision(prisma, shop, "1004");

    await expect(read).rejects.toThrow(UnreadableRowError);
    await expect(read).rejects.toThrow(`RoutingDecision ${id} has unreadable ${field}: `);
    await expect(findDecisionsOfOrders(prisma, shop, ["1004"])).rejects.toThrow(`RoutingDecision ${id}`);
    await expect(listDecisions(prisma, shop, { take: 10 })).rejects.toThrow(`RoutingDecision ${id}`);
  });
});

describe("a fulfilment-order move", () => {
  const base = {
    orderId: "1001",
    fromLocationId: "2001",
    toLocationId: "1001",
    status: "MOVED" as const,
    attempted: true,
  };

  it("reads back the line items it took, or null when it took all that remained", async () => {
    const shop = uniqueShop();
    const lineItems = [{ id: "gid://shopify/FulfillmentOrderLineItem/11", quantity: 2 }];
    await recordMove(prisma, shop, { ...base, fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1", lineItems });
    await recordMove(prisma, shop, {
      ...base,
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/2",
      lineItems: null,
    });

    const moves = await listMovesOfOrder(prisma, shop, "1001");

    expect(moves.map((move) => move.lineItems)).toEqual([lineItems, null]);
  });

  it("whose line items do not parse is an error naming the move", async () => {
    const shop = uniqueShop();
    const { id } = await prisma.fulfillmentMove.create({
      data: {
        shop,
        orderId: "1001",
        fulfillmentOrderId: "gid://shopify/FulfillmentOrder/3",
        fromLocationId: "2001",
        toLocationId: "1001",
        lineItems: [{ id: 11 }],
        status: "MOVED",
      },
      select: { id: true },
    });

    await expect(listMovesOfOrder(prisma, shop, "1001")).rejects.toThrow(
      `FulfillmentMove ${id} has unreadable lineItems: `,
    );
  });
});

describe("an order's facts", () => {
  it("read back the lines they were stored with, and keep them when a later source has none", async () => {
    const shop = uniqueShop();
    const lines = [
      { sku: "TEE-M", quantity: 2 },
      { sku: "CAP", quantity: 1 },
    ];
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("1001", { lines }), "WEBHOOK");
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("1001", { lines: [] }), "ADMIN_API");

    expect((await findOrderFacts(prisma, shop, "1001"))?.lines).toEqual(lines);
    expect((await listRecentOrderFacts(prisma, shop, 5)).map((order) => order.lines)).toEqual([lines]);
  });

  it("whose lines do not parse are an error naming the order", async () => {
    const shop = uniqueShop();
    await prisma.routedOrder.create({
      data: {
        shop,
        orderId: "1002",
        name: "#1002",
        placedAt: DECIDED_AT,
        lines: [{ sku: "TEE-M", quantity: "two" }],
        source: "WEBHOOK",
      },
    });

    await expect(findOrderFacts(prisma, shop, "1002")).rejects.toThrow("RoutedOrder 1002 has unreadable lines: ");
    await expect(listRecentOrderFacts(prisma, shop, 5)).rejects.toThrow("RoutedOrder 1002 has unreadable lines");
    // A later source without lines keeps what is held, unreadable as it is: the next read still says so.
    await upsertOrderFacts(prisma, shop, shippedOrderFacts("1002", { lines: [] }), "ADMIN_API");
    await expect(findOrderFacts(prisma, shop, "1002")).rejects.toThrow("RoutedOrder 1002 has unreadable lines");
  });
});

describe("a location's opening hours", () => {
  const WEEKDAYS_10_TO_9: OpeningHours = {
    sunday: null,
    monday: { open: "10:00", close: "21:00" },
    tuesday: { open: "10:00", close: "21:00" },
    wednesday: { open: "10:00", close: "21:00" },
    thursday: { open: "10:00", close: "21:00" },
    friday: { open: "10:00", close: "21:00" },
    saturday: { open: "22:00", close: "02:00" },
  };

  async function seedLocation(shop: string, locationId: string): Promise<void> {
    await prisma.location.create({
      data: {
        shop,
        locationId,
        name: `Store ${locationId}`,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: DECIDED_AT,
        profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
      },
    });
  }

  function change(openingHours: OpeningHours | null): ProfileChange {
    return {
      kind: "STORE",
      labourCostPerOrder: 3,
      shippingBaseCost: 5,
      shippingCostPerMile: 0.05,
      dailyCapacity: null,
      pickupEnabledOverride: null,
      openingHours,
      timeZone: "America/Chicago",
    };
  }

  it("read back as saved, and null (always open) when there are none", async () => {
    const shop = uniqueShop();
    await seedLocation(shop, "1");
    await seedLocation(shop, "2");
    await updateLocationProfile(prisma, shop, "1", change(WEEKDAYS_10_TO_9));
    await updateLocationProfile(prisma, shop, "2", change(null));

    const [first, second] = await listLiveLocations(prisma, shop);

    expect(first?.profile?.openingHours).toEqual(WEEKDAYS_10_TO_9);
    expect(second?.profile?.openingHours).toBeNull();
  });

  it("that do not parse read as unreadable, so routing counts the location closed and the page can say so", async () => {
    const shop = uniqueShop();
    await seedLocation(shop, "1");
    await prisma.locationProfile.updateMany({
      where: { shop, locationId: "1" },
      data: { openingHours: { monday: "garbled" } },
    });

    const [location] = await listLiveLocations(prisma, shop);

    expect(location?.profile?.openingHours).toBe("UNREADABLE");
  });
});
