import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import { installAppOn, startEmulatorForApp, stopAppAndEmulator } from "../../../tests/support/routing-app";
import {
  must,
  nearestPickupStores,
  placePickupTask,
  queuedJobData,
  stockSkus,
} from "../../../tests/support/store-tasks";
import type * as Actions from "./associate-actions.server";
import type * as Effects from "./shopify-effect.server";
import type * as Reroute from "./reroute.server";
import type * as Escalation from "./reroute-escalation.server";
import type * as Timeline from "./order-timeline.server";
import type * as TaskModel from "~/models/store-tasks.server";
import type * as RoutingView from "~/services/routing/routing-view.server";
import type { PosCaller } from "./pos-outcome";
import type { ShopifyEffectJob } from "./shopify-effect.server";

/**
 * A line reported not found or damaged leaves the store, against the embedded database and the
 * local emulator: moved to another store (only that line), whose queue then has it, while the
 * first store picks the rest; or, when no location has it, the order goes on hold in Shopify and
 * the order page says so. The SKU is held out of routing at the store meanwhile.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let actions: typeof Actions;
let effects: typeof Effects;
let reroute: typeof Reroute;
let escalation: typeof Escalation;
let timeline: typeof Timeline;
let taskModel: typeof TaskModel;
let routingView: typeof RoutingView;
let syncTasks: (job: { shop: string; fulfillmentOrderId: string }) => Promise<unknown>;

/** Two pickup stores; SKUs A and B at both, C at the first only (nowhere else has it). */
let stores: { first: string; second: string; firstName: string; secondName: string };
let skus: { a: string; b: string; c: string };

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  actions = await import("./associate-actions.server");
  effects = await import("./shopify-effect.server");
  reroute = await import("./reroute.server");
  escalation = await import("./reroute-escalation.server");
  timeline = await import("./order-timeline.server");
  taskModel = await import("~/models/store-tasks.server");
  routingView = await import("~/services/routing/routing-view.server");
  ({ syncFulfillmentOrderTasks: syncTasks } = await import("./sync-fulfillment-order.server"));
  ({ prisma, boss } = await installAppOn(emulator, stockStores));
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

/** The two nearest pickup stores of the scenario, and three of its SKUs stocked as above. */
function stockStores(): void {
  const [first, second] = nearestPickupStores(emulator);
  stores = { first: String(first.id), second: String(second.id), firstName: first.name, secondName: second.name };
  const [a, b, c] = [...new Set(emulator.scenario.inventory.map((line) => line.sku))];
  skus = { a: a!, b: b!, c: c! };
  stockSkus(emulator, [skus.a, skus.b, skus.c], (id, sku) =>
    id === stores.first ? 10 : id === stores.second && sku !== skus.c ? 10 : 0,
  );
}

const numeric = (gid: string) => gid.replace(/^.*\//, "");
const requestId = () => crypto.randomUUID();

function atFirstStore(): PosCaller {
  return { shop: emulator.shop, locationId: stores.first, userId: "9001", staffMemberId: "501" };
}

/** A pickup order of one unit each of `lineSkus` at the first store, with its task made by the sync. */
const pickupTask = (lineSkus: string[]) => placePickupTask(emulator, stores.first, lineSkus);

function lineOf(task: { lines: { lineItemId: string; sku: string | null }[] }, sku: string) {
  return task.lines.find((line) => line.sku === sku)!;
}

const queued = (queue: string, taskId: string) => queuedJobData(boss, queue, "taskId", taskId);

function openFulfillmentOrders(order: PlacedOrder) {
  return emulator.shopify
    .fulfillmentOrdersOf(emulator.shop, order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
}

async function syncAll(order: PlacedOrder): Promise<void> {
  for (const fo of emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id)) {
    await syncTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo.id) });
  }
}

describe("a line reported not found at a store", () => {
  it("moves to another store, whose queue shows it, while the first store picks the other line", async () => {
    const { order, task } = await pickupTask([skus.a, skus.b]);
    const full = (await taskModel.findStoreTask(prisma, emulator.shop, stores.first, task.id))!;
    // Picking started, and Shopify heard of it: the move must reopen the fulfilment order first.
    await must(actions.scanForTask(atFirstStore(), task.id, { requestId: requestId(), code: skus.a }));
    const [progress] = (await queued("store-tasks.shopify-effect", task.id)) as ShopifyEffectJob[];
    expect(await effects.runShopifyEffect(progress!)).toBe("SENT");
    expect(openFulfillmentOrders(order)[0]).toMatchObject({ status: "IN_PROGRESS" });

    await must(
      actions.reportLineException(atFirstStore(), task.id, {
        requestId: requestId(),
        lineItemId: lineOf(full, skus.b).lineItemId,
        reason: "NOT_FOUND",
        note: "not on the shelf",
      }),
    );
    expect(await queued("store-tasks.reroute-exception", task.id)).toEqual([{ shop: emulator.shop, taskId: task.id }]);

    const outcome = await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id });
    expect(outcome).toEqual({ kind: "MOVED", toLocationIds: [stores.second] });

    const fos = openFulfillmentOrders(order);
    expect(
      fos
        .map((fo) => [
          numeric(fo.locationId),
          fo.lineItems.filter((line) => line.remainingQuantity > 0).map((line) => line.sku),
        ])
        .sort(),
    ).toEqual(
      [
        [stores.first, [skus.a]],
        [stores.second, [skus.b]],
      ].sort(),
    );
    await syncAll(order);

    const queue = await taskModel.listLocationQueue(prisma, emulator.shop, stores.second);
    const moved = queue.find((queuedTask) => queuedTask.orderId === numeric(order.id));
    expect(moved).toMatchObject({ state: "NEW", kind: "PICKUP", units: 1, lineCount: 1 });

    const first = (await taskModel.findStoreTask(prisma, emulator.shop, stores.first, task.id))!;
    expect(first.state).toBe("PICKING");
    expect(first.lines.filter((line) => line.takenOffAt === null).map((line) => line.sku)).toEqual([skus.a]);
    expect(await queued("store-tasks.shopify-effect", task.id)).toHaveLength(2);

    const stories = await timeline.storeTimelineOfOrder(emulator.shop, numeric(order.id), "UTC");
    const labels = stories.find((story) => story.taskId === task.id)!.steps.map((step) => step.label);
    expect(labels).toContainEqual(
      expect.stringMatching(new RegExp(`^Re-routed to ${stores.secondName}: .* not found at `)),
    );
  });

  it("is held out of routing at that store until Shopify reports the store's stock of it again", async () => {
    const held = await prisma.exceptionHold.findMany({ where: { shop: emulator.shop } });
    expect(held).toMatchObject([{ locationId: stores.first, sku: skus.b }]);
    const view = () =>
      prisma.$transaction((tx) => routingView.routingLocationsFor(tx, emulator.shop, [skus.a, skus.b], new Date()));
    const firstStore = (await view()).find((location) => location.id === stores.first)!;
    expect(firstStore.stock[skus.b]).toBe(0);
    expect(firstStore.stock[skus.a]).toBeGreaterThan(0);

    // Shopify's timestamps are whole seconds: a recount a second later clears the hold.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    emulator.shopify.setAvailable(emulator.shop, { locationId: stores.first, sku: skus.b, available: 4 });
    await emulator.webhooks.idle();

    expect(await prisma.exceptionHold.count({ where: { shop: emulator.shop } })).toBe(0);
    expect((await view()).find((location) => location.id === stores.first)!.stock[skus.b]).toBe(4);
  });

  it("run again changes nothing: the line has left and the task picks on", async () => {
    const task = await prisma.storeTask.findFirstOrThrow({
      where: { shop: emulator.shop, locationId: stores.first, state: "PICKING" },
    });
    const before = await prisma.storeTaskEvent.count({ where: { taskId: task.id } });

    expect(await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id })).toEqual({
      kind: "NOTHING_TO_DO",
    });
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task.id } })).toBe(before);
  });
});

describe("a line no other location has", () => {
  it("puts the fulfilment order on hold in Shopify, and the order page says so, once", async () => {
    const { order, task } = await pickupTask([skus.a, skus.c]);
    const full = (await taskModel.findStoreTask(prisma, emulator.shop, stores.first, task.id))!;
    await must(
      actions.reportLineException(atFirstStore(), task.id, {
        requestId: requestId(),
        lineItemId: lineOf(full, skus.c).lineItemId,
        reason: "DAMAGED",
      }),
    );

    expect(await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id })).toEqual({ kind: "HELD" });
    expect(await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id })).toEqual({ kind: "HELD" });

    const [fo] = openFulfillmentOrders(order);
    expect(fo).toMatchObject({ status: "ON_HOLD" });
    expect(numeric(fo!.locationId)).toBe(stores.first);
    await syncAll(order);
    const after = (await taskModel.findStoreTask(prisma, emulator.shop, stores.first, task.id))!;
    expect(after.state).toBe("EXCEPTION");

    const stories = await timeline.storeTimelineOfOrder(emulator.shop, numeric(order.id), "UTC");
    const labels = stories.flatMap((story) => story.steps.map((step) => step.label));
    expect(labels.filter((label) => label.startsWith("On hold in Shopify"))).toEqual([
      expect.stringMatching(/no location can take it: .* damaged at /),
    ]);
  });
});

describe("a task not started in time, with escalation on", () => {
  const MINUTE = 60_000;

  it("is re-routed whole to another store once, when its time comes by the injected clock", async () => {
    const { upsertStoreSettings } = await import("~/models/store-settings.server");
    const { DEFAULT_STORE_SETTINGS } = await import("~/domain/store-tasks/settings");
    await upsertStoreSettings(
      prisma,
      emulator.shop,
      { ...DEFAULT_STORE_SETTINGS, escalation: { enabled: true, minutesBeforeDue: 30 } },
      "test",
    );
    const { order, task } = await pickupTask([skus.a]);
    const dueAt = new Date(Date.now() + 2 * 60 * MINUTE);
    await prisma.storeTask.update({ where: { id: task.id }, data: { dueAt } });
    const at = (minutesBeforeDue: number) => new Date(dueAt.getTime() - minutesBeforeDue * MINUTE);

    // Other tests' tasks may be due too: only this one's jobs are looked at.
    await escalation.escalateDueTasks(at(40));
    expect(await queued("store-tasks.escalate-task", task.id)).toEqual([]);
    await escalation.escalateDueTasks(at(20));
    expect(await queued("store-tasks.escalate-task", task.id)).toEqual([{ shop: emulator.shop, taskId: task.id }]);

    const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
    const deps = { client: (shop: string) => adminClientForShop(shop), now: () => at(20) };
    const job = { shop: emulator.shop, taskId: task.id };
    expect(await escalation.escalateStoreTask(job, deps)).toEqual({ kind: "MOVED", toLocationIds: [stores.second] });
    expect(await escalation.escalateStoreTask(job, deps)).toEqual({ kind: "NOTHING_TO_DO" });
    const escalated = await prisma.storeTaskEvent.findMany({
      where: { taskId: task.id, detail: { path: ["kind"], equals: "ESCALATED" } },
    });
    expect(escalated).toHaveLength(1);

    expect(openFulfillmentOrders(order).map((fo) => numeric(fo.locationId))).toEqual([stores.second]);
    await syncAll(order);
    const tasks = await prisma.storeTask.findMany({
      where: { shop: emulator.shop, orderId: numeric(order.id) },
      orderBy: { createdAt: "asc" },
    });
    expect(tasks.map((t) => [t.locationId, t.state, t.endedReason])).toEqual([
      [stores.first, "CANCELLED", "MOVED_AWAY"],
      [stores.second, "NEW", null],
    ]);
    const stories = await timeline.storeTimelineOfOrder(emulator.shop, numeric(order.id), "UTC");
    const labels = stories.flatMap((story) => story.steps.map((step) => step.label));
    expect(labels.filter((label) => label.startsWith("Re-routed"))).toEqual([
      `Re-routed to ${stores.secondName}: not started 30 min before it was due at ${stores.firstName}`,
    ]);
  });
});
