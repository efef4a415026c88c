import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { action as settingsAction, loader as settingsLoader } from "./route";

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof settingsLoader;
let action: typeof settingsAction;

// The app's modules load once the emulator listens: the environment is read at first import.
beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  // A small mirror: a store near the Loop with 2 tees (below the minimum of 3), and the warehouse.
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: { "TEE-BLK-M": 2 } },
    {
      locationId: "2",
      name: "Bolingbrook warehouse",
      kind: "WAREHOUSE",
      lat: 41.6986,
      lng: -88.0684,
      stock: { "TEE-BLK-M": 40 },
    },
  ]);
});

// Each test starts from the shop as seeded above: its mirror, no saved rules and no orders.
beforeEach(async () => {
  await prisma.routingSettingsVersion.deleteMany({ where: { shop: emulator.shop } });
  await prisma.routedOrder.deleteMany({ where: { shop: emulator.shop } });
});

afterAll(async () => {
  await emulator.close();
});

function post(fields: Record<string, string>): Request {
  return new Request(`${TEST_APP.appUrl}/app/settings`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    body: new URLSearchParams(fields),
  });
}

const RULES = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "true",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "express => NEXT_DAY",
};

const savedVersions = () => prisma.routingSettingsVersion.count({ where: { shop: emulator.shop } });

describe("the routing rules page", () => {
  it("shows the recommended defaults before anything is saved, and where Try it starts", async () => {
    const request = new Request(`${TEST_APP.appUrl}/app/settings`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    });
    const page = await loader({ request, params: {}, context: {} });
    expect(page.version).toBeNull();
    expect(page.current).toMatchObject({
      storeMinUnits: 3,
      radiusMiles: 10,
      maxExtraCostOverWarehouse: 2.5,
      allowSplit: true,
    });
    // "Try it" starts near the first store and picks up at the first pickup store; the pickers search the rest.
    expect(page.tryItStart).toEqual({ near: { id: "1", name: "Loop" }, pickup: { id: "1", name: "Loop" } });
    expect(page.recentOrders).toEqual([]);
  });

  it("refuses invalid rules with field errors and saves nothing", async () => {
    const result = await action({
      request: post({ intent: "save", ...RULES, radiusMiles: "-4" }),
      params: {},
      context: {},
    });
    expect(result).toEqual({
      intent: "save",
      outcome: { ok: false, errors: { radiusMiles: "Enter miles from 0.5 to 500" } },
    });
    expect(await savedVersions()).toBe(0);
  });

  it("saves each change as a new version with who made it", async () => {
    await action({ request: post({ intent: "save", ...RULES, storeMinUnits: "2" }), params: {}, context: {} });
    const second = await action({ request: post({ intent: "save", ...RULES }), params: {}, context: {} });
    expect(second).toEqual({ intent: "save", outcome: { ok: true, version: 2, comparison: "NONE" } });
    const versions = await prisma.routingSettingsVersion.findMany({
      where: { shop: emulator.shop },
      orderBy: { version: "asc" },
    });
    expect(versions.map((version) => (version.settings as { storeMinUnits: number }).storeMinUnits)).toEqual([2, 3]);
    expect(versions.every((version) => version.changedBy === "Staff member 1")).toBe(true);
  });

  it("tries a made-up order under draft rules, explaining the decision, without saving or moving anything", async () => {
    const versionsBefore = await savedVersions();
    const order = {
      intent: "try",
      deliveryMethod: "SHIPPING",
      nearLocationId: "1",
      shippingMethod: "Standard",
      items: "TEE-BLK-M 1",
    };
    const underMinimum = await action({ request: post({ ...RULES, ...order }), params: {}, context: {} });
    const lowered = await action({
      request: post({ ...RULES, storeMinUnits: "2", ...order }),
      params: {},
      context: {},
    });

    if (underMinimum.intent !== "try" || !underMinimum.outcome.ok || lowered.intent !== "try" || !lowered.outcome.ok) {
      throw new Error("expected both tries to route");
    }
    expect(underMinimum.outcome.decision.assignments.map((assignment) => assignment.locationId)).toEqual(["2"]);
    expect(underMinimum.outcome.explanation.join(" ")).toContain("Loop: 2 units of TEE-BLK-M, below the minimum of 3");
    expect(lowered.outcome.decision.assignments.map((assignment) => assignment.locationId)).toEqual(["1"]);
    expect(await savedVersions()).toBe(versionsBefore);
  });

  it("tries one of the shop's recent orders under draft rules, and refuses another shop's order", async () => {
    // Live rules at version 2: a first save, then the seed's minimum of 3 units.
    await action({ request: post({ intent: "save", ...RULES, storeMinUnits: "2" }), params: {}, context: {} });
    await action({ request: post({ intent: "save", ...RULES }), params: {}, context: {} });
    const order = (orderId: string): OrderFacts =>
      shippedOrderFacts(orderId, {
        latitude: 41.8856,
        longitude: -87.6278,
        lines: [{ sku: "TEE-BLK-M", quantity: 1 }],
      });
    await upsertOrderFacts(prisma, emulator.shop, order("1001"), "WEBHOOK");
    await upsertOrderFacts(prisma, uniqueShop(), order("7001"), "WEBHOOK");
    const page = await loader({
      request: new Request(`${TEST_APP.appUrl}/app/settings`, {
        headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
      }),
      params: {},
      context: {},
    });
    expect(page.recentOrders.map((recent) => recent.name)).toEqual(["#1001"]);

    // The live rules (version 2) keep 3 tees back at the Loop, which has 2; the draft keeps 2.
    const tried = await action({
      request: post({ intent: "try", source: "RECENT", orderId: "1001", ...RULES, storeMinUnits: "2" }),
      params: {},
      context: {},
    });
    const foreign = await action({
      request: post({ intent: "try", source: "RECENT", orderId: "7001", ...RULES }),
      params: {},
      context: {},
    });
    const unchosen = await action({
      request: post({ intent: "try", source: "RECENT", ...RULES }),
      params: {},
      context: {},
    });

    if (tried.intent !== "try" || !tried.outcome.ok) throw new Error("expected the recent order to route");
    expect(tried.outcome.decision.assignments.map((assignment) => assignment.locationId)).toEqual(["1"]);
    expect(tried.outcome.comparison?.changed).toBe(true);
    expect(tried.outcome.comparison?.sentences.at(-1)).toBe(
      "Against today's stock, the live rules (version 2) would send it to Bolingbrook warehouse; the draft rules send it to Loop.",
    );
    expect(foreign).toEqual({
      intent: "try",
      outcome: {
        ok: false,
        settingsErrors: {},
        orderErrors: {
          orderId: "Omniroute has no record of that order in this shop: choose one of your recent orders",
        },
      },
    });
    expect(unchosen).toMatchObject({
      outcome: { ok: false, orderErrors: { orderId: "Choose one of your recent orders" } },
    });
    expect(await prisma.routingDecision.count()).toBe(0);
  });
});
