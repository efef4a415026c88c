import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTask } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import {
  type RoutingStock,
  stockOneSku,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
} from "../../../tests/support/routing-app";
import type * as Actions from "./associate-actions.server";
import type * as EffectJob from "./shopify-effect.job.server";
import type * as Reads from "./task-reads.server";
import type { PosCaller } from "./pos-outcome";

/**
 * A Shopify call the app gives up on (its retries ran out) against the embedded database and the
 * local emulator: the task stops saying "telling Shopify" and says Shopify did not accept the
 * step; the merchant's retry of the dead letter makes it pending again.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let stock: RoutingStock;
let actions: typeof Actions;
let effectJob: typeof EffectJob;
let reads: typeof Reads;

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  actions = await import("./associate-actions.server");
  effectJob = await import("./shopify-effect.job.server");
  reads = await import("./task-reads.server");
  ({ prisma, boss, stock } = await installAppOn(emulator, stockOneSku));
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

function caller(): PosCaller {
  return { shop: emulator.shop, locationId: stock.pickupStore.id, userId: "9001", staffMemberId: "501" };
}

/** A pickup task the associate started picking: Shopify is to be told, and the task says so. */
async function startedPickupTask(): Promise<StoreTask> {
  const { syncFulfillmentOrderTasks } = await import("./sync-fulfillment-order.server");
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 1 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncFulfillmentOrderTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) });
  const task = await prisma.storeTask.findFirstOrThrow({ where: { shop: emulator.shop, orderId: numeric(order.id) } });
  const started = await actions.transitionTask(caller(), task.id, { requestId: crypto.randomUUID(), to: "PICKING" });
  expect(started).toMatchObject({ ok: true, answer: { task: { pending: "PROGRESS" } } });
  return task;
}

/** The merchant puts the fulfilment order on hold in Shopify: every attempt to report progress is refused. */
async function holdInShopify(task: StoreTask): Promise<void> {
  const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
  const { holdFulfillmentOrderOutOfStock } = await import("~/shopify/operations/fulfillment-order-hold.server");
  await holdFulfillmentOrderOutOfStock(adminClientForShop(emulator.shop), task.fulfillmentOrderId, "Counting stock");
}

async function taskOnPos(taskId: string) {
  const detail = await reads.taskDetail(caller(), taskId);
  if (!detail.ok) throw new Error(`refused: ${JSON.stringify(detail.refusal)}`);
  return detail.answer.task;
}

async function queuedEffects(taskId: string): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'store-tasks.shopify-effect' AND data->>'taskId' = $1 AND state = 'created'`,
      [taskId],
    );
  return (rows[0] as { n: number }).n;
}

describe("a Shopify call the app gives up on", () => {
  it("stops the task saying 'telling Shopify' and tells the associate Shopify did not accept the step", async () => {
    const task = await startedPickupTask();
    await holdInShopify(task);
    const job = { shop: emulator.shop, taskId: task.id, effect: "REPORT_PROGRESS" as const };

    const lastAttempt = effectJob.storeTasksShopifyEffectJob.runStored(job, "job-1", { retryCount: 8, retryLimit: 8 });

    await expect(lastAttempt).rejects.toThrow(/on hold in Shopify/);
    const shown = await taskOnPos(task.id);
    expect(shown.pending).toBeNull();
    expect(shown.shopifyProblem).toBe("Shopify did not accept that picking started — ask your manager");
    expect(shown.state).toBe("PICKING");
    const events = await prisma.storeTaskEvent.findMany({ where: { taskId: task.id }, orderBy: { at: "asc" } });
    expect(events.at(-1)?.detail).toMatchObject({ kind: "SHOPIFY_GAVE_UP", effect: "REPORT_PROGRESS" });
  });

  it("keeps saying 'telling Shopify' while retries remain", async () => {
    const task = await startedPickupTask();
    await holdInShopify(task);
    const job = { shop: emulator.shop, taskId: task.id, effect: "REPORT_PROGRESS" as const };

    await expect(
      effectJob.storeTasksShopifyEffectJob.runStored(job, "job-2", { retryCount: 3, retryLimit: 8 }),
    ).rejects.toThrow(/on hold in Shopify/);

    const shown = await taskOnPos(task.id);
    expect([shown.pending, shown.shopifyProblem]).toEqual(["PROGRESS", null]);
  });

  it("is pending again, and queued again, when the merchant retries its dead letter", async () => {
    const task = await startedPickupTask();
    await holdInShopify(task);
    const job = { shop: emulator.shop, taskId: task.id, effect: "REPORT_PROGRESS" as const };
    await expect(
      effectJob.storeTasksShopifyEffectJob.runStored(job, "job-3", { retryCount: 8, retryLimit: 8 }),
    ).rejects.toThrow();
    const queuedBefore = await queuedEffects(task.id);

    await prisma.$transaction((tx) => effectJob.storeTasksShopifyEffectJob.retryDeadLetter(tx, job, "dead-letter-3"));

    const shown = await taskOnPos(task.id);
    expect([shown.pending, shown.shopifyProblem]).toEqual(["PROGRESS", null]);
    expect(await queuedEffects(task.id)).toBe(queuedBefore + 1);
  });
});
