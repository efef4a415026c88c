import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { EmulatorEvent } from "../../../dev/emulator/shopify/events";
import { startTestEmulator } from "../../../tests/support/emulator";
import { eventually } from "../../../tests/support/jobs";
import {
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  placeStockedOrder,
  stockOneSku,
  waitUntilRouted,
} from "../../../tests/support/routing-app";
import { startWorkerProcess, stopWorkerProcess } from "../../../tests/support/worker-process";

/**
 * A worker process killed (SIGKILL) in the middle of its routing jobs: Shopify has applied the
 * moves it asked for, but the worker dies before hearing back. Its jobs expire, another worker
 * retries them, and each order is still routed once with each fulfilment order moved once.
 */

// Short enough to wait for here; the worker process and this one create the queues alike.
process.env.ROUTING_JOB_EXPIRE_SECONDS = "3";
process.env.JOB_MAINTENANCE_INTERVAL_SECONDS = "1";

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let stock: RoutingStock;
let stopJobQueue: () => Promise<void>;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  boss = await installShop(emulator);
  stock = stockOneSku(emulator);
  await mirrorInventory(emulator);
}, 30_000);

afterAll(async () => {
  if (worker) await stopWorkerProcess(worker, "SIGTERM");
  emulator.shopify.releaseHeldAnswers();
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

describe("a worker process killed in the middle of its routing jobs", () => {
  it("leaves every order routed once by another worker, with no fulfilment order moved twice", async () => {
    const moves: EmulatorEvent[] = [];
    emulator.shopify.onEvent((event) => {
      if (event.topic === "fulfillment_orders/moved") moves.push(event);
    });
    // Shopify applies each move, but the killed worker never hears back.
    emulator.shopify.holdAnswers((query) => query.includes("fulfillmentOrderMove("));
    worker = await startWorkerProcess();

    const placed = (["SHIPPING", "LOCAL_DELIVERY", "SHIPPING", "LOCAL_DELIVERY"] as const).map((kind) =>
      placeStockedOrder(emulator, stock, kind),
    );
    const orderIds = placed.map((order) => numeric(order.id));
    await eventually(async () => emulator.shopify.heldAnswerCount() === placed.length, 30_000);
    expect(await stopWorkerProcess(worker, "SIGKILL")).toBe("SIGKILL");
    worker = undefined;
    emulator.shopify.releaseHeldAnswers();

    // Mid-job: Shopify moved every order to the store; the app recorded none of it.
    expect(moves).toHaveLength(placed.length);
    const pending = await prisma.routingDecision.findMany({
      where: { shop: emulator.shop, orderId: { in: orderIds } },
    });
    expect(pending.map((decision) => decision.moveStatus)).toEqual(orderIds.map(() => "PENDING"));
    const { rows } = await boss.getDb().executeSql(
      // The triggers' jobs route their orders themselves (decision 043).
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'routing.resolve-trigger' AND state = 'active'`,
      [],
    );
    expect((rows[0] as { n: number }).n).toBe(placed.length);

    // Another worker process: its job queue's maintenance expires the dead worker's jobs.
    worker = await startWorkerProcess();
    await waitUntilRouted(emulator, boss, orderIds, 30_000);

    const decisions = await prisma.routingDecision.findMany({
      where: { shop: emulator.shop, orderId: { in: orderIds } },
    });
    expect(decisions).toHaveLength(placed.length);
    for (const decision of decisions) expect(decision).toMatchObject({ status: "ROUTED", moveStatus: "DONE" });
    // The retries read each fulfilment order back, found it at the store, and did not move it again.
    const recorded = await prisma.fulfillmentMove.findMany({
      where: { shop: emulator.shop, orderId: { in: orderIds } },
    });
    expect(recorded.map((move) => [numeric(move.toLocationId), move.status])).toEqual(
      orderIds.map(() => [stock.shipStore.id, "ALREADY_THERE"]),
    );
    expect(moves).toHaveLength(placed.length);
    for (const order of placed) {
      const fulfillmentOrders = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
      expect(fulfillmentOrders.map((fo) => numeric(fo.locationId))).toEqual([stock.shipStore.id]);
    }
  }, 60_000);
});
