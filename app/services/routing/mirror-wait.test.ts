import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { startTestEmulator } from "../../../tests/support/emulator";
import {
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  placeStockedOrder,
  stockOneSku,
} from "../../../tests/support/routing-app";
import type * as RouteOrderModule from "./route-order.server";
import type * as OrdersModule from "./orders.server";

/**
 * Orders that arrive while the shop's first inventory sync (the install's) is still running are
 * neither decided over the empty mirror nor dropped: the routing job queues them again a few
 * seconds later, and once the sync has finished they are decided over the full mirror.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let routing: typeof RouteOrderModule;
let orders: typeof OrdersModule;
let stock: RoutingStock;

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  routing = await import("./route-order.server");
  orders = await import("./orders.server");
  boss = await installShop(emulator);
  stock = stockOneSku(emulator);
}, 30_000);

afterAll(async () => {
  const { stopJobQueue } = await import("~/jobs/jobs.server");
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

/** The order's routing jobs still waiting to run, with when they may start. */
async function queuedRoutingJobs(orderId: string) {
  const { rows } = await boss.getDb().executeSql(
    `SELECT data, start_after AS "startAfter" FROM pgboss.job
      WHERE name = 'routing.route-order' AND state IN ('created', 'retry') AND data->>'orderId' = $1`,
    [orderId],
  );
  return rows as { data: { shop: string; orderId: string; deferredSince?: string }; startAfter: Date }[];
}

describe("routing before the shop's first inventory sync has finished", () => {
  it("puts an order off, queued again, until the sync has finished, then decides it over the full mirror", async () => {
    const order = placeStockedOrder(emulator, stock, "SHIPPING");
    await emulator.webhooks.idle();
    const orderId = numeric(order.id);
    const before = Date.now();

    const first = await routing.routeOrderJob({ shop: emulator.shop, orderId });

    expect(first).toEqual({ kind: "DEFERRED", until: "INVENTORY_SYNCED" });
    expect(await prisma.routingDecision.count({ where: { shop: emulator.shop, orderId } })).toBe(0);
    const [queued] = await queuedRoutingJobs(orderId);
    expect(queued?.data.deferredSince).toBeDefined();
    expect(queued!.startAfter.getTime()).toBeGreaterThanOrEqual(
      before + (routing.MIRROR_WAIT_RECHECK_SECONDS - 1) * 1000,
    );

    await mirrorInventory(emulator);
    const second = await routing.routeOrderJob(queued!.data);

    expect(second.kind).toBe("ROUTED");
    const detail = await orders.getRoutedOrder(emulator.shop, orderId);
    expect(detail).toMatchObject({ status: "ROUTED", moveStatus: "DONE" });
    expect(detail!.chosenLocationIds).toEqual([stock.shipStore.id]);
  }, 60_000);

  it("goes on to decide an order that has waited past the limit, rather than leave it stuck", async () => {
    const { recordInventorySynced } = await import("~/models/inventory-sync-status.server");
    const { sqlPool } = await import("~/db.server");
    const { createAdminClient } = await import("~/shopify/admin-client.server");
    // A shop of its own whose first sync has not finished (the shop above is synced by now).
    const shop = `never-synced-${Date.now()}.myshopify.com`;
    await prisma.shopInstallation.create({ data: { shop } });
    // Deciding starts by reading the order from Shopify (it has no facts here): reaching it is the sign.
    const shopify = {
      client: () =>
        createAdminClient({
          shop,
          send: async () => {
            throw new Error("asked Shopify for the order");
          },
        }),
      now: () => new Date(),
    };
    const longAgo = new Date(Date.now() - routing.MIRROR_WAIT_LIMIT_MS - 1_000).toISOString();

    await expect(routing.routeOrderJob({ shop, orderId: "1", deferredSince: longAgo }, shopify)).rejects.toThrow(
      "asked Shopify for the order",
    );
    expect(await routing.routeOrderJob({ shop, orderId: "2" }, shopify)).toEqual({
      kind: "DEFERRED",
      until: "INVENTORY_SYNCED",
    });
    await recordInventorySynced(sqlPool, shop, new Date());
    await expect(routing.routeOrderJob({ shop, orderId: "3" }, shopify)).rejects.toThrow("asked Shopify for the order");
  });
});
