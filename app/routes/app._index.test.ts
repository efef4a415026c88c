import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { seedAnalyticsLocations, seedHistoryOrder, storePreferredTrace } from "../../tests/support/analytics-history";
import { giveUpRouting } from "../../tests/support/dead-letters";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { action as dashboardAction, loader as dashboardLoader } from "./app._index";

/**
 * The Dashboard's loader and action: a new shop authenticated and shown empty, then today's
 * orders counted for the shop alone (another shop's orders, holds and dead letters never), hostile
 * query parameters ignored and hostile retries refused with a 4xx.
 */

let emulator: RunningEmulator;
// The app's modules are imported once the emulator is listening: the environment (and so
// the Shopify client's target) is read when they first load.
let loader: typeof dashboardLoader;
let action: typeof dashboardAction;
let prisma: PrismaClient;
let boss: PgBoss;
const otherShop = uniqueShop();

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./app._index"));
  ({ prisma } = await import("~/db.server"));
  const { appJobQueue } = await import("~/jobs/app-job-queue.server");
  boss = await appJobQueue();
  // Another shop, busy today, with locations of the same ids.
  await seedAnalyticsLocations(prisma, otherShop);
  for (const orderId of ["9001", "9002", "9003"]) {
    await seedHistoryOrder(prisma, otherShop, {
      orderId,
      placedAt: new Date(Date.now() - 1000),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    });
  }
  await prisma.exceptionHold.create({
    data: { shop: otherShop, locationId: "1", sku: "TEE-M", taskId: crypto.randomUUID(), heldSince: new Date() },
  });
});

afterAll(async () => {
  await emulator.close();
});

function dashboardRequest(token: string, path = "/app", init: RequestInit = {}): Request {
  return new Request(`${TEST_APP.appUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });
}

const load = (path = "/app") =>
  loader({ request: dashboardRequest(sessionTokenFor(emulator.shop), path), params: {}, context: {} });

const post = (body: BodyInit) =>
  action({
    request: dashboardRequest(sessionTokenFor(emulator.shop), "/app", { method: "POST", body }),
    params: {},
    context: {},
  });

const cardValue = (page: Awaited<ReturnType<typeof load>>, id: string) =>
  page.cards.find((card) => card.id === id)?.value;

describe("the dashboard", () => {
  it("authenticates a new shop by token exchange, then shows it empty, with its locations and the app's health", async () => {
    const shop = emulator.shop;
    expect(await prisma.session.count({ where: { shop } })).toBe(0);

    const page = await load();

    expect(page.overview).toEqual({
      ok: true,
      detail: { name: "Windy City Outfitters", domain: shop, timezone: "America/Chicago", activeLocations: 13 },
    });
    expect(page.shopName).toBe("Windy City Outfitters");
    expect(page.health.database.ok).toBe(true);
    // The install queued the shop's first inventory sync (no workers run in this test).
    expect(page.health.jobQueue).toEqual({
      ok: true,
      detail: { waiting: 1, active: 0, retrying: 0, failed: 0, deadLettered: 0 },
    });
    const session = await prisma.session.findFirstOrThrow({ where: { shop } });
    expect(session.refreshToken).toBeTruthy();
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.shopInstallation.count({ where: { shop } })).toBe(1);

    // Nothing routed yet: zeros, no shares, an empty trend; another shop's busy day is not here.
    expect(page.ordersToday).toBe(0);
    expect(page.trendOrders).toBe(0);
    expect(page.trend).toHaveLength(30);
    expect(cardValue(page, "orders")).toBe("0");
    expect(cardValue(page, "bopis")).toBe("—");
    expect(cardValue(page, "saved")).toBe("—");
    expect(cardValue(page, "exceptions")).toBe("0");
    expect(cardValue(page, "deadLetters")).toBe("0");
    expect(page.routes.map((row) => row.orders)).toEqual(["0", "0", "0", "0", "0"]);
    expect(page.storesAttention).toEqual([]);
    expect(page.deadLetters).toEqual([]);
  });

  it("counts the shop's own orders routed today, with their shares and the saving, in the shop's currency", async () => {
    const shop = emulator.shop;
    await seedAnalyticsLocations(prisma, shop);
    // Collected at Evanston ($8.50; $9.55 from the warehouse) and shipped from Loop ($7.65; the trace's $9.50).
    await seedHistoryOrder(prisma, shop, {
      orderId: "8001",
      placedAt: new Date(Date.now() - 1000),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
    });
    await seedHistoryOrder(prisma, shop, {
      orderId: "8002",
      placedAt: new Date(Date.now() - 1000),
      deliveryMethod: "SHIPPING",
      parcels: [{ locationId: "1", cost: 7.65, distanceMiles: 3 }],
      trace: storePreferredTrace("1", 7.65, 9.5),
      destination: { lat: 41.9, lng: -87.65 },
    });

    const page = await load();

    expect(page.ordersToday).toBe(2);
    expect(page.trendOrders).toBe(2);
    expect(page.trend.at(-1)).toMatchObject({ orders: 2, pickup: 1, shipFromStore: 1 });
    expect(cardValue(page, "orders")).toBe("2");
    expect(cardValue(page, "bopis")).toBe("50%");
    expect(cardValue(page, "shipFromStore")).toBe("50%");
    // $19.05 from a warehouse only, $16.15 as routed.
    expect(cardValue(page, "saved")).toBe("$2.90");
    expect(page.cards.find((card) => card.id === "saved")?.detail).toBe(
      "$16.15 as routed against $19.05 from a warehouse only, over 2 orders",
    );
    expect(Object.fromEntries(page.routes.map((row) => [row.route, row.orders]))).toEqual({
      pickup: "1",
      shipFromStore: "1",
      shipFromWarehouse: "0",
      localDelivery: "0",
      unroutable: "0",
    });
    expect(cardValue(page, "exceptions")).toBe("0");
  });

  it("formats its figures for the merchant's locale", async () => {
    const page = await load("/app?locale=fr-FR");
    expect(page.locale).toBe("fr-FR");
    expect(cardValue(page, "saved")).toBe(
      new Intl.NumberFormat("fr-FR", { style: "currency", currency: page.currency }).format(2.9),
    );
    expect(cardValue(page, "bopis")).toBe(new Intl.NumberFormat("fr-FR", { style: "percent" }).format(0.5));
  });

  it("ignores query parameters it does not read, however hostile", async () => {
    const before = await load();
    for (const query of ["?days=-1&from=%00", "?locale=%3Cscript%3E", `?x=${"a".repeat(5000)}`, "?locale=&locale=xx"]) {
      const page = await load(`/app${query}`);
      expect(page.ordersToday).toBe(before.ordersToday);
      expect(page.cards.map((card) => card.id)).toEqual(before.cards.map((card) => card.id));
    }
  });

  it("lists and counts the shop's own dead letters only, and retries them from the page", async () => {
    await giveUpRouting(boss, emulator.shop, "8003", "Shopify's Admin API did not answer after 8 attempts");
    const othersLetter = await giveUpRouting(boss, otherShop, "9004", "another shop's trouble");

    const page = await load();

    expect(cardValue(page, "deadLetters")).toBe("1");
    expect(page.deadLetters).toHaveLength(1);
    expect(page.deadLetters[0]).toMatchObject({
      description: expect.stringMatching(/8003/),
      error: "Shopify's Admin API did not answer after 8 attempts",
    });
    const othersRetry = await post(new URLSearchParams({ intent: "retry-dead-letter", id: othersLetter }));
    expect(othersRetry.status).toBe(404);
    const retry = await post(new URLSearchParams({ intent: "retry-dead-letter", id: page.deadLetters[0]!.id }));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ retried: "QUEUED" });
    expect((await load()).deadLetters).toEqual([]);
  });

  it("refuses a retry that is not one with a 4xx", async () => {
    expect((await post(new URLSearchParams({ id: "x" }))).status).toBe(400);
    expect((await post(new URLSearchParams({ intent: "retry-dead-letter", id: "not-a-uuid" }))).status).toBe(404);
    const json = await action({
      request: new Request(`${TEST_APP.appUrl}/app`, {
        method: "POST",
        body: JSON.stringify({ intent: "retry-dead-letter" }),
        headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}`, "Content-Type": "application/json" },
      }),
      params: {},
      context: {},
    }).catch((thrown: unknown) => thrown);
    expect((json as Response).status).toBe(400);
  });

  it("refuses a request whose session token was signed with another secret", async () => {
    const [header, payload] = sessionTokenFor(emulator.shop).split(".");
    const forged = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
    const outcome = await loader({ request: dashboardRequest(forged), params: {}, context: {} }).catch(
      (thrown: unknown) => thrown,
    );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(401);
  });
});
