import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { seedAnalyticsLocations, seedHistoryOrder, seedHistoryTask } from "../../tests/support/analytics-history";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { AnalyticsLoaderData, loader as analyticsLoader } from "./app.analytics";
import type { loader as exportLoader } from "./app.analytics.export";

/**
 * The Analytics page's loader and its CSV export: the shop's own figures for the range the URL
 * asks for (the last 30 days unless told), another shop's orders never counted, and a range a
 * hostile link carries refused with a sentence (400), never a 5xx.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof analyticsLoader;
let csvLoader: typeof exportLoader;
const otherShop = uniqueShop();
const HOUR_MS = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.analytics"));
  ({ loader: csvLoader } = await import("./app.analytics.export"));
  ({ prisma } = await import("~/db.server"));
  for (const shop of [emulator.shop, otherShop]) await seedAnalyticsLocations(prisma, shop);
  // The shop: a pickup at Evanston collected 30 minutes after it was ready, and an order shipped
  // from Loop; ten days ago, one shipped from the warehouse.
  await seedHistoryOrder(prisma, emulator.shop, {
    orderId: "8001",
    placedAt: hoursAgo(3),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "2", cost: 8, distanceMiles: 0 }],
  });
  await seedHistoryTask(prisma, emulator.shop, {
    orderId: "8001",
    locationId: "2",
    kind: "PICKUP",
    state: "PICKED_UP",
    assignedAt: hoursAgo(3),
    readyAt: hoursAgo(2),
    completedAt: hoursAgo(1.5),
    lines: [{ picked: 1 }],
  });
  await seedHistoryOrder(prisma, emulator.shop, {
    orderId: "8002",
    placedAt: hoursAgo(2),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "1", cost: 9, distanceMiles: 12 }],
  });
  await seedHistoryOrder(prisma, emulator.shop, {
    orderId: "8003",
    placedAt: hoursAgo(240),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "9", cost: 11, distanceMiles: 90 }],
  });
  // Another shop's orders, at locations of the same ids, in the same days.
  for (const orderId of ["8001", "8004", "8005"]) {
    await seedHistoryOrder(prisma, otherShop, {
      orderId,
      placedAt: hoursAgo(1),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    });
  }
});

afterAll(async () => {
  await emulator.close();
});

function request(path: string): Request {
  return new Request(`${TEST_APP.appUrl}${path}`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
}

async function open(query = ""): Promise<{ status: number; loaded: AnalyticsLoaderData }> {
  const answer = await loader({ request: request(`/app/analytics${query}`), params: {}, context: {} });
  return { status: answer.init?.status ?? 200, loaded: answer.data };
}

async function shown(query = "") {
  const { status, loaded } = await open(query);
  expect(status).toBe(200);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.page;
}

const card = (page: Awaited<ReturnType<typeof shown>>, id: string) => page.cards.find((c) => c.id === id)?.value;

describe("the Analytics page", () => {
  it("shows the shop's own last 30 days, in total and by location, and none of another shop's orders", async () => {
    const page = await shown();
    expect(page.range).toMatchObject({ preset: "30", days: 30, query: "days=30" });
    expect(page.orders).toBe(3);
    expect(card(page, "orders")).toBe("3");
    expect(card(page, "bopis")).toBe("33.3%");
    expect(card(page, "shipFromStore")).toBe("33.3%");
    expect(card(page, "miles")).toBe("102 mi");
    expect(card(page, "readyToCollected")).toBe("30 min");
    expect(page.locations.map((row) => [row.name, row.orders])).toEqual([
      ["Bolingbrook warehouse", "1"],
      ["Evanston", "1"],
      ["Loop", "1"],
    ]);
    expect(page.trend).toHaveLength(30);
    expect(page.trend.reduce((sum, day) => sum + day.orders, 0)).toBe(3);
  });

  it("narrows to the last 7 days, and to a custom range", async () => {
    expect((await shown("?days=7")).orders).toBe(2);
    const today = (await shown()).range.today;
    const custom = await shown(`?from=${today}&to=${today}`);
    expect(custom.range).toMatchObject({ preset: "custom", days: 1 });
    // The two orders of the last hours, unless the day began since.
    expect(custom.orders).toBeLessThanOrEqual(2);
  });

  it("says there is nothing to show for a range without orders", async () => {
    const page = await shown("?from=2020-01-01&to=2020-01-31");
    expect(page.orders).toBe(0);
    expect(page.locations).toEqual([]);
    expect(card(page, "bopis")).toBe("—");
  });

  it("formats figures for the merchant's locale", async () => {
    const page = await shown("?locale=de-DE");
    expect(card(page, "bopis")).toBe("33,3\u00a0%");
    // Only the pickup's warehouse-only cost is known (priced to its store): $8.00 as routed, in German.
    expect(card(page, "cost")).toBe("8,00\u00a0$");
  });

  it.each([
    ["a preset not offered", "?days=5", "Choose the last 7, 30 or 90 days"],
    ["markup for a preset", "?days=%3Cscript%3E", "Choose the last 7, 30 or 90 days"],
    [
      "a date that does not exist",
      "?from=2026-02-30&to=2026-03-01",
      "Enter the start date as YYYY-MM-DD, like 2026-11-01",
    ],
    [
      "a 10,000-digit date",
      `?from=${"9".repeat(10_000)}&to=2026-01-01`,
      "Enter the start date as YYYY-MM-DD, like 2026-11-01",
    ],
    ["a start after the end", "?from=2026-01-10&to=2026-01-01", "The start date must be on or before the end date"],
    ["a range of two years", "?from=2024-01-01&to=2026-01-01", "Choose a range of at most 366 days"],
  ])("refuses %s with 400 and a sentence, keeping the range picker", async (_what, query, error) => {
    const { status, loaded } = await open(query);
    expect(status).toBe(400);
    expect(loaded).toMatchObject({ ok: false, error });
  });

  it("answers a request without a session token as Shopify's auth does", async () => {
    const thrown = await loader({
      request: new Request(`${TEST_APP.appUrl}/app/analytics`),
      params: {},
      context: {},
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBeLessThan(500);
  });
});

describe("the Analytics CSV export", () => {
  it("exports the shop's total and each of its locations for the range", async () => {
    const response = await csvLoader({ request: request("/app/analytics/export?days=7"), params: {}, context: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Location,Location ID,Kind,Orders,BOPIS orders,BOPIS share %,/);
    // Two orders in the last 7 days: one collected at Evanston, one shipped 12 miles from Loop.
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 6))).toEqual([
      ["All locations", "", "", "2", "1", "50.00"],
      ["Evanston", "2", "Store", "1", "1", "100.00"],
      ["Loop", "1", "Store", "1", "0", "0.00"],
    ]);
  });

  it("refuses a hostile range with 400 and a sentence", async () => {
    const response = await csvLoader({ request: request("/app/analytics/export?days=-1"), params: {}, context: {} });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Choose the last 7, 30 or 90 days" });
  });
});
