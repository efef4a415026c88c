import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTask } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { EmulatorEvent } from "../../../dev/emulator/shopify/events";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import {
  type RoutingStock,
  stockOneSku,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
} from "../../../tests/support/routing-app";
import { must, queuedJobData } from "../../../tests/support/store-tasks";
import type * as Actions from "./associate-actions.server";
import type * as Effects from "./shopify-effect.server";
import type * as Lookup from "./handover-lookup.server";
import type { PosCaller } from "./pos-outcome";
import type { ShopifyEffectJob } from "./shopify-effect.server";

/**
 * An associate's actions on a store task against the embedded database and the local emulator:
 * each step recorded once (per request id, and when two devices press at once), and Shopify told
 * once even when its answer is lost.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let stock: RoutingStock;
let actions: typeof Actions;
let effects: typeof Effects;
let lookup: typeof Lookup;
let syncTasks: (job: { shop: string; fulfillmentOrderId: string }) => Promise<unknown>;
const shopifyEvents: EmulatorEvent[] = [];

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  actions = await import("./associate-actions.server");
  effects = await import("./shopify-effect.server");
  lookup = await import("./handover-lookup.server");
  ({ syncFulfillmentOrderTasks: syncTasks } = await import("./sync-fulfillment-order.server"));
  ({ prisma, boss, stock } = await installAppOn(emulator, stockOneSku));
  emulator.shopify.onEvent((event) => void shopifyEvents.push(event));
}, 30_000);

afterAll(async () => {
  emulator.shopify.releaseHeldAnswers();
  await stopAppAndEmulator(emulator);
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");
const requestId = () => crypto.randomUUID();

function caller(): PosCaller {
  return { shop: emulator.shop, locationId: stock.pickupStore.id, userId: "9001", staffMemberId: "501" };
}

/** A pickup order of `quantity` units at the pickup store, with its task made by the sync. */
async function pickupTask(quantity = 2): Promise<{ order: PlacedOrder; task: StoreTask }> {
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) });
  const task = await prisma.storeTask.findFirstOrThrow({ where: { shop: emulator.shop, orderId: numeric(order.id) } });
  return { order, task };
}

/** Picks every unit by scanning the SKU, then packs and stages it. */
async function pickPackStage(task: StoreTask, quantity = 2): Promise<void> {
  for (let unit = 0; unit < quantity; unit++) {
    await must(actions.scanForTask(caller(), task.id, { requestId: requestId(), code: stock.sku }));
  }
  await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "PACKED" }));
  await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "STAGED", bin: "a3" }));
}

/** The effect jobs queued for the task, oldest first. */
async function queuedEffects(taskId: string): Promise<ShopifyEffectJob[]> {
  return (await queuedJobData(boss, "store-tasks.shopify-effect", "taskId", taskId)) as ShopifyEffectJob[];
}

/** Runs an effect job here, with a client that gives up on an answer after half a second. */
async function runEffect(job: ShopifyEffectJob) {
  const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
  return effects.runShopifyEffect(job, { client: (shop) => adminClientForShop(shop, { timeoutMs: 500 }) });
}

/** Shopify's webhooks of `topic` about the task's fulfilment order. */
function eventsOf(topic: string, task: StoreTask): EmulatorEvent[] {
  const foGid = `gid://shopify/FulfillmentOrder/${task.fulfillmentOrderId}`;
  return shopifyEvents.filter((event) => event.topic === topic && JSON.stringify(event.payload).includes(foGid));
}

describe("an associate's actions on a store task", () => {
  it("marks the order ready for pickup in Shopify exactly once, even when Shopify's answer is lost", async () => {
    const { order, task } = await pickupTask();
    await pickPackStage(task);
    const ready = await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }));
    expect([ready.task.state, ready.task.pending, ready.task.bin]).toEqual(["READY", "READY", "A3"]);

    const jobs = await queuedEffects(task.id);
    expect(jobs.map((job) => job.effect)).toEqual(["REPORT_PROGRESS", "PREPARED_FOR_PICKUP"]);
    expect(await runEffect(jobs[0]!)).toBe("SENT");

    emulator.shopify.holdAnswersTo(["fulfillmentOrderLineItemsPreparedForPickup"], { times: 1 });
    await expect(runEffect(jobs[1]!)).rejects.toThrow(/may have been applied/);
    emulator.shopify.releaseHeldAnswers();
    // The retry re-reads and finds it done: Shopify's refusal of a second one is the answer.
    expect(await runEffect(jobs[1]!)).toBe("ALREADY_DONE");

    expect(eventsOf("fulfillment_orders/line_items_prepared_for_pickup", task)).toHaveLength(1);
    expect(emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id)[0]).toMatchObject({
      preparedForPickup: true,
      progressReported: true,
    });
    const after = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.pendingShopifyAction).toBeNull();
  });

  it("hands over with the pickup code (the QR's text) and fulfils the order once, without a shipping message", async () => {
    const { order, task } = await pickupTask(1);
    await pickPackStage(task, 1);
    await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }));

    const found = await must(
      lookup.lookupHandover(caller(), { code: `omniroute:pickup:${task.pickupCode.toLowerCase()}` }),
    );
    expect(found.task.id).toBe(task.id);
    const handover = {
      requestId: requestId(),
      to: "PICKED_UP" as const,
      handover: { method: "QR" as const, idChecked: false },
    };
    const first = await must(actions.transitionTask(caller(), task.id, handover));
    const again = await must(actions.transitionTask(caller(), task.id, handover));
    expect([first.task.state, again.task.state]).toEqual(["PICKED_UP", "PICKED_UP"]);

    const fulfil = (await queuedEffects(task.id)).filter((job) => job.effect === "FULFILL");
    expect(fulfil).toEqual([expect.objectContaining({ fulfillment: { notifyCustomer: false } })]);
    emulator.shopify.holdAnswersTo(["fulfillmentCreate"], { times: 1 });
    await expect(runEffect(fulfil[0]!)).rejects.toThrow(/may have been applied/);
    emulator.shopify.releaseHeldAnswers();
    expect(await runEffect(fulfil[0]!)).toBe("ALREADY_DONE");

    const fulfillments = emulator.shopify.fulfillmentsOf(emulator.shop, order.id);
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0]!.notifyCustomer).toBe(false);
    const events = await prisma.storeTaskEvent.findMany({ where: { taskId: task.id, toState: "PICKED_UP" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ staffMemberId: "501", userId: "9001", detail: { handover: { method: "QR" } } });
  });

  it("plans the shopper's messages in the transition: ready schedules reminders, collected cancels them for the feedback", async () => {
    const { task } = await pickupTask(1);
    // The shopper left an email and no phone at checkout, as orders/create keeps it.
    await prisma.orderContact.upsert({
      where: { shop_orderId: { shop: emulator.shop, orderId: task.orderId } },
      create: { shop: emulator.shop, orderId: task.orderId, email: "ada@example.com" },
      update: {},
    });
    await pickPackStage(task, 1);
    await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }));

    const messages = async () =>
      Object.fromEntries(
        (await prisma.notification.findMany({ where: { shop: emulator.shop, orderId: task.orderId } })).map((row) => [
          `${row.step} ${row.channel}`,
          `${row.status}${row.reason ? `: ${row.reason}` : ""}`,
        ]),
      );
    expect(await messages()).toMatchObject({
      "READY_SMS SMS": "SKIPPED: No phone number on the order",
      "SHOPIFY:READY_FOR_PICKUP EMAIL": "SKIPPED: Sent by Shopify",
      "PICKUP_REMINDER_PUSH EMAIL": "SCHEDULED",
      "REMINDER_DAY_2 EMAIL": "SCHEDULED",
      "REMINDER_DAY_5 EMAIL": "SCHEDULED",
    });
    // The same event again (a retried request, a late webhook) plans nothing more.
    const rows = await prisma.notification.count({ where: { shop: emulator.shop, orderId: task.orderId } });
    const { planNotificationsForTaskState } = await import("~/services/notifications/cadence.server");
    expect(await planNotificationsForTaskState(prisma, emulator.shop, task, "READY", new Date())).toBe(0);
    expect(await prisma.notification.count({ where: { shop: emulator.shop, orderId: task.orderId } })).toBe(rows);

    await must(
      actions.transitionTask(caller(), task.id, {
        requestId: requestId(),
        to: "PICKED_UP",
        handover: { method: "QR", idChecked: false },
      }),
    );
    expect(await messages()).toMatchObject({
      "PICKUP_REMINDER_PUSH EMAIL": "CANCELLED: No longer needed",
      "REMINDER_DAY_2 EMAIL": "CANCELLED: No longer needed",
      "REMINDER_DAY_5 EMAIL": "CANCELLED: No longer needed",
      "FEEDBACK_EMAIL EMAIL": "SCHEDULED",
    });
  });

  it("lets one of two devices pressing Ready at once through: one transition, one Shopify call queued", async () => {
    const { task } = await pickupTask(1);
    await pickPackStage(task, 1);

    const [a, b] = await Promise.all([
      actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }),
      actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }),
    ]);

    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refusal = [a, b].find((outcome) => !outcome.ok);
    expect(refusal).toMatchObject({ refusal: { status: 409, message: "This order is already ready for pickup" } });
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task.id, toState: "READY" } })).toBe(1);
    const prepared = (await queuedEffects(task.id)).filter((job) => job.effect === "PREPARED_FOR_PICKUP");
    expect(prepared).toHaveLength(1);
  });

  it("records a request sent twice once, and answers it the same", async () => {
    const { task } = await pickupTask(1);
    const start = { requestId: requestId(), to: "PICKING" as const };

    const first = await must(actions.transitionTask(caller(), task.id, start));
    const second = await must(actions.transitionTask(caller(), task.id, start));

    expect(second.task).toEqual(first.task);
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task.id, toState: "PICKING" } })).toBe(1);
    expect((await queuedEffects(task.id)).map((job) => job.effect)).toEqual(["REPORT_PROGRESS"]);
  });

  it("refuses a scanned item that is not on the order, and counts it once as a wrong scan", async () => {
    const { task } = await pickupTask(1);
    await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "PICKING" }));
    const wrong = { requestId: requestId(), code: "NOT-ON-THIS-ORDER" };

    const refused = await actions.scanForTask(caller(), task.id, wrong);
    const resent = await actions.scanForTask(caller(), task.id, wrong);

    const expected = { status: 409, code: "WRONG_ITEM", message: "This item is not on this order", field: "code" };
    expect(refused).toEqual({ ok: false, refusal: expected });
    expect(resent).toEqual({ ok: false, refusal: expected });
    const picked = await must(actions.scanForTask(caller(), task.id, { requestId: requestId(), code: stock.sku }));
    expect(picked.line).toMatchObject({ picked: 1, quantity: 1 });
    const over = await actions.scanForTask(caller(), task.id, { requestId: requestId(), code: stock.sku });
    expect(over).toMatchObject({ ok: false, refusal: { code: "OVER_PICKED", status: 409 } });
    const after = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.rightScans, after.wrongScans]).toEqual([1, 2]);
  });

  it("names a wrong item the shop's other store orders hold, and names it again when the scan is resent", async () => {
    const { task } = await pickupTask(1);
    // Another store order of the shop holds the scarf, so the app knows its barcode.
    const other = await prisma.storeTask.create({
      data: {
        shop: emulator.shop,
        fulfillmentOrderId: "880001",
        orderId: "880002",
        orderName: "#8801",
        locationId: stock.pickupStore.id,
        kind: "PICKUP",
        state: "PICKED_UP",
        pickupCode: "SCARF1",
        assignedAt: new Date(),
        lines: {
          create: {
            shop: emulator.shop,
            lineItemId: "880003",
            position: 0,
            sku: "SCARF-GREY",
            barcode: "0099887766",
            title: "Wool Scarf",
            variantTitle: "Grey",
            quantity: 1,
          },
        },
      },
    });
    const wrong = { requestId: requestId(), code: "0099887766" };

    const refused = await actions.scanForTask(caller(), task.id, wrong);
    const resent = await actions.scanForTask(caller(), task.id, wrong);

    const expected = {
      status: 409,
      code: "WRONG_ITEM",
      message: "That's Wool Scarf (Grey): it is not on this order",
      field: "code",
    };
    expect(refused).toEqual({ ok: false, refusal: expected });
    expect(resent).toEqual({ ok: false, refusal: expected });
    await prisma.storeTask.delete({ where: { id: other.id } });
  });

  it("starts picking with the first scan of a new task, and tells Shopify", async () => {
    const { task } = await pickupTask(1);

    const scanned = await must(actions.scanForTask(caller(), task.id, { requestId: requestId(), code: stock.sku }));

    expect([scanned.task.state, scanned.task.pending]).toEqual(["PICKING", "PROGRESS"]);
    expect(scanned.task.pickStartedAt).not.toBeNull();
    expect((await queuedEffects(task.id)).map((job) => job.effect)).toEqual(["REPORT_PROGRESS"]);
  });

  it("records a line reported damaged on the line and the task, and asks Shopify for nothing yet", async () => {
    const { task } = await pickupTask(1);
    const line = await prisma.storeTaskLine.findFirstOrThrow({ where: { taskId: task.id } });

    const reported = await must(
      actions.reportLineException(caller(), task.id, {
        requestId: requestId(),
        lineItemId: line.lineItemId,
        reason: "DAMAGED",
        note: "Box crushed",
      }),
    );

    expect(reported.task.state).toBe("EXCEPTION");
    expect(reported.task.lines[0]!.exception).toBe("DAMAGED");
    expect(await queuedEffects(task.id)).toEqual([]);
  });

  it("finds no task of another store, nor one at a location that is not the shop's store", async () => {
    const { task } = await pickupTask(1);
    const elsewhere = { ...caller(), locationId: stock.shipStore.id };
    const unknown = { ...caller(), locationId: "999999" };

    for (const who of [elsewhere, unknown]) {
      const outcome = await actions.transitionTask(who, task.id, { requestId: requestId(), to: "PICKING" });
      expect(outcome).toMatchObject({ ok: false, refusal: { status: 404, code: "NOT_FOUND" } });
    }
  });
});
