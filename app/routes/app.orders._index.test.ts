import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { giveUpRouting, ROUTE_ORDER_QUEUE } from "../../tests/support/dead-letters";
import { shippedOrderFacts } from "../../tests/support/order-facts";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import type { action as ordersAction, loader as ordersLoader } from "./app.orders._index";

/**
 * Work that gave up after its retries, on the Orders page: listed for the shop it belongs to,
 * with why, and retried as a new job of the same kind.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let loader: typeof ordersLoader;
let action: typeof ordersAction;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./app.orders._index"));
  ({ prisma } = await import("~/db.server"));
  const { appJobQueue } = await import("~/jobs/app-job-queue.server");
  boss = await appJobQueue();
});

afterAll(async () => {
  await emulator.close();
});

const ROUTE_ORDER = ROUTE_ORDER_QUEUE;

async function giveUp(shop: string, orderId: string, message: string): Promise<void> {
  await giveUpRouting(boss, shop, orderId, message);
}

function pageRequest(init: RequestInit = {}): Request {
  return new Request(`${TEST_APP.appUrl}/app/orders`, {
    ...init,
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
}

async function deadLetters() {
  const page = await loader({ request: pageRequest(), params: {}, context: {} });
  return page.deadLetters;
}

async function retry(id: string): Promise<Response> {
  return action({
    request: pageRequest({ method: "POST", body: new URLSearchParams({ intent: "retry-dead-letter", id }) }),
    params: {},
    context: {},
  });
}

async function queuedRoutingJobs(shop: string, orderId: string): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
     WHERE name = ${ROUTE_ORDER} AND state = 'created' AND data->>'shop' = ${shop} AND data->>'orderId' = ${orderId}`;
  return row?.n ?? 0;
}

describe("routing work that gave up after its retries", () => {
  it("is listed with the order's name and the last error, and only for its own shop", async () => {
    await upsertOrderFacts(prisma, emulator.shop, shippedOrderFacts("7001"), "WEBHOOK");
    await giveUp(emulator.shop, "7001", "Shopify's Admin API did not answer after 8 attempts");
    await giveUp(uniqueShop(), "7002", "another shop's trouble");

    const listed = await deadLetters();

    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      description: "Routing order #7001",
      error: "Shopify's Admin API did not answer after 8 attempts",
    });
  });

  it("is queued again as a routing job of the same order, once, by a retry", async () => {
    const [letter] = await deadLetters();
    expect(await queuedRoutingJobs(emulator.shop, "7001")).toBe(0);

    const first = await retry(letter!.id);
    const second = await retry(letter!.id);

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ retried: "QUEUED" });
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ retried: "NOT_FOUND" });
    expect(await queuedRoutingJobs(emulator.shop, "7001")).toBe(1);
    expect(await deadLetters()).toEqual([]);
  });

  it("cannot be retried from another shop, nor with an id that is not one", async () => {
    const otherShop = uniqueShop();
    await giveUp(otherShop, "7003", "down");
    const [row] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM pgboss.job WHERE name = ${`${ROUTE_ORDER}.dead-letter`} AND data->>'shop' = ${otherShop}`;

    expect((await retry(row!.id)).status).toBe(404);
    expect((await retry("not-a-uuid")).status).toBe(404);
    expect(await queuedRoutingJobs(otherShop, "7003")).toBe(0);
    const [still] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE id = ${row!.id}::uuid`;
    expect(still?.n).toBe(1);
  });

  it("refuses a post without the retry intent with 400", async () => {
    const response = await action({
      request: pageRequest({ method: "POST", body: new URLSearchParams({ id: "x" }) }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(400);
  });
});

describe("when work gave up", () => {
  it("is shown to the minute in the shop's time zone", async () => {
    await giveUp(emulator.shop, "7004", "down");
    const [before] = await deadLetters();
    expect(before?.failedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

    const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");
    await recordShopTimeZone(emulator.shop, "America/Chicago");

    const [after] = await deadLetters();
    expect(after?.failedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d C[SD]T$/);
  });
});
