import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type PgBoss from "pg-boss";
import { VENDOR_CREDENTIALS, type RunningEmulator } from "../../../dev/emulator/server";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import type { EmulatorResponse } from "../../../dev/emulator/vendors/http-types";
import { startLoopbackServer } from "../../../dev/emulator/vendors/loopback-test-server";
import { eventually } from "../../../tests/support/jobs";
import {
  stockOneSku,
  waitUntilRouted,
  type RoutingStock,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
} from "../../../tests/support/routing-app";
import { uniqueShop } from "../../../tests/support/shops";
import { DEFAULT_STORE_SETTINGS } from "~/domain/store-tasks/settings";
import type * as MailerModule from "~/integrations/sendgrid/sendgrid-mailer.server";
import type * as StoreSettingsModel from "~/models/store-settings.server";
import type * as SendModule from "./alert-email-send.server";
import type * as TimelineModule from "./order-timeline.server";
import type * as SyncModule from "./sync-fulfillment-order.server";

/**
 * The store's new-order email end to end: orders placed in the emulator, routed and synced by
 * the app's workers, the email sent through the real SendGrid SDK to the emulator's SendGrid
 * sandbox, at most once whatever is delivered twice or answered never.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let stock: RoutingStock;
let send: typeof SendModule;
let sync: typeof SyncModule;
let timeline: typeof TimelineModule;
let mailer: typeof MailerModule;
let settingsModel: typeof StoreSettingsModel;

const FROM = "alerts@omniroute.example";
const PICKUP_STORE_EMAIL = "pickup-store@windy-city.example";
const SHIP_STORE_EMAIL = "ship-store@windy-city.example";

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  process.env.SENDGRID_API_KEY = VENDOR_CREDENTIALS.sendgrid.apiKey;
  process.env.SENDGRID_API_URL = emulator.url;
  process.env.ALERTS_FROM_EMAIL = FROM;
  send = await import("./alert-email-send.server");
  sync = await import("./sync-fulfillment-order.server");
  timeline = await import("./order-timeline.server");
  mailer = await import("~/integrations/sendgrid/sendgrid-mailer.server");
  settingsModel = await import("~/models/store-settings.server");
  ({ prisma, boss, stock } = await installAppOn(emulator, stockOneSku, { workers: true }));
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

async function storeEmails(on: boolean): Promise<void> {
  await settingsModel.upsertStoreSettings(
    prisma,
    emulator.shop,
    { ...DEFAULT_STORE_SETTINGS, emailStoresOnNewTask: on },
    null,
  );
}

async function setStoreEmail(locationId: string, storeEmail: string | null): Promise<void> {
  await prisma.locationProfile.update({
    where: { shop_locationId: { shop: emulator.shop, locationId } },
    data: { storeEmail },
  });
}

beforeEach(async () => {
  emulator.sendgrid.clear();
  await storeEmails(true);
  await setStoreEmail(stock.pickupStore.id, PICKUP_STORE_EMAIL);
  await setStoreEmail(stock.shipStore.id, SHIP_STORE_EMAIL);
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

async function pendingJobs(): Promise<number> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT count(*)::int AS n FROM pgboss.job
        WHERE (name LIKE 'routing.%' OR name LIKE 'store-tasks.%') AND state IN ('created', 'retry', 'active')`,
    [],
  );
  return (rows[0] as { n: number }).n;
}

/** Waits until webhooks are delivered and every routing, sync and email job has run. */
async function settled(): Promise<void> {
  await emulator.webhooks.idle();
  await eventually(async () => (await pendingJobs()) === 0);
  await emulator.webhooks.idle();
  await eventually(async () => (await pendingJobs()) === 0);
}

function placePickup(): PlacedOrder {
  return emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 2 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
}

async function placedAndSettled(order: PlacedOrder): Promise<void> {
  await waitUntilRouted(emulator, boss, [numeric(order.id)]);
  await settled();
}

function mailsAbout(order: PlacedOrder) {
  return emulator.sendgrid.outbox().filter((mail) => mail.subject?.includes(`order ${order.name} for`));
}

function tasksOf(order: PlacedOrder) {
  return prisma.storeTask.findMany({
    where: { shop: emulator.shop, orderId: numeric(order.id) },
    include: { alertEmail: true },
    orderBy: { createdAt: "asc" },
  });
}

function storeName(locationId: string): string {
  return emulator.scenario.locations.find((location) => String(location.id) === locationId)!.name;
}

let seeded = 0;

/** A task of this shop at the pickup store with its email queued as the sync queues it, but no job. */
async function seedTaskWithEmail(
  email: { recipient?: string; attempts?: number } = {},
  task: { endedAt?: Date } = {},
): Promise<string> {
  seeded += 1;
  const created = await prisma.storeTask.create({
    data: {
      shop: emulator.shop,
      fulfillmentOrderId: String(880_000 + seeded),
      orderId: String(990_000 + seeded),
      orderName: `#S${seeded}`,
      locationId: stock.pickupStore.id,
      kind: "PICKUP",
      state: task.endedAt ? "CANCELLED" : "NEW",
      pickupCode: `SEED${String(seeded).padStart(2, "0")}`,
      assignedAt: new Date(),
      endedAt: task.endedAt ?? null,
      lines: {
        create: [
          { shop: emulator.shop, lineItemId: "1", position: 0, sku: stock.sku, title: "Linen Shirt", quantity: 1 },
        ],
      },
      alertEmail: {
        create: {
          shop: emulator.shop,
          recipient: email.recipient ?? PICKUP_STORE_EMAIL,
          attempts: email.attempts ?? 0,
        },
      },
    },
  });
  return created.id;
}

const alertOf = (taskId: string) => prisma.storeTaskAlertEmail.findUniqueOrThrow({ where: { taskId } });

describe("an order arriving at a store with store emails on", () => {
  it("emails the store once, with the order's kind, items and customer's first name, and the timeline says so", async () => {
    const order = placePickup();
    await placedAndSettled(order);

    const [task] = await tasksOf(order);
    const mails = mailsAbout(order);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      to: PICKUP_STORE_EMAIL,
      from: FROM,
      subject: `New pickup order ${order.name} for ${storeName(stock.pickupStore.id)}`,
    });
    expect(mail!.body).toContain("For Ada\n");
    expect(mail!.body).toMatch(/^- 2 × .+ \((bin .+|no bin recorded)\)$/m);
    expect(mail!.body).toContain("Open Omniroute on POS → Online orders");
    expect(JSON.stringify(mail!.raw)).not.toMatch(/ada@example\.com|Lovelace/);
    expect(task!.alertEmail).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: mail!.id, error: null });

    const [view] = await timeline.storeTimelineOfOrder(emulator.shop, task!.orderId, "America/Chicago");
    expect(view!.steps.map((step) => step.label)).toContain(`Store emailed (${PICKUP_STORE_EMAIL})`);
  });

  it("is not emailed again by a second run of the job or a second sync of the task", async () => {
    const order = placePickup();
    await placedAndSettled(order);
    const [task] = await tasksOf(order);

    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId: task!.id })).toBe("ALREADY_HANDLED");
    const outcome = await sync.syncFulfillmentOrderTasks({
      shop: emulator.shop,
      fulfillmentOrderId: task!.fulfillmentOrderId,
    });
    await settled();

    expect(outcome.refreshed).toEqual([task!.id]);
    expect(mailsAbout(order)).toHaveLength(1);
  });

  it("emails once though every webhook is delivered twice, late and shuffled", async () => {
    emulator.webhooks.setFaults({ duplicateRate: 1, failFirstRate: 1, reorderWindowMs: 100 });
    try {
      const order = placePickup();
      await emulator.webhooks.idle();
      await placedAndSettled(order);

      expect(await tasksOf(order)).toHaveLength(1);
      expect(mailsAbout(order)).toHaveLength(1);
    } finally {
      emulator.webhooks.setFaults({ duplicateRate: 0, failFirstRate: 0, reorderWindowMs: 0 });
    }
  });

  it("emails the store an order is moved to, as well as the one it came from", async () => {
    const order = placePickup();
    await placedAndSettled(order);
    const fo = emulator.shopify
      .fulfillmentOrdersOf(emulator.shop, order.id)
      .find((candidate) => candidate.status !== "CLOSED" && candidate.status !== "CANCELLED")!;

    const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
    const { moveFulfillmentOrder } = await import("~/shopify/operations/fulfillment-order-move.server");
    await moveFulfillmentOrder(adminClientForShop(emulator.shop), {
      fulfillmentOrderId: fo.id,
      newLocationId: `gid://shopify/Location/${stock.shipStore.id}`,
    });
    await settled();

    expect(mailsAbout(order).map((mail) => [mail.to, mail.subject])).toEqual([
      [PICKUP_STORE_EMAIL, `New pickup order ${order.name} for ${storeName(stock.pickupStore.id)}`],
      [SHIP_STORE_EMAIL, `New pickup order ${order.name} for ${storeName(stock.shipStore.id)}`],
    ]);
  });
});

describe("no email", () => {
  it("when the merchant has store emails off", async () => {
    await storeEmails(false);
    const order = placePickup();
    await placedAndSettled(order);

    expect(await tasksOf(order)).toMatchObject([{ alertEmail: null }]);
    expect(mailsAbout(order)).toEqual([]);
  });

  it("when the store has no email address", async () => {
    await setStoreEmail(stock.pickupStore.id, null);
    const order = placePickup();
    await placedAndSettled(order);

    expect(await tasksOf(order)).toMatchObject([{ alertEmail: null }]);
    expect(mailsAbout(order)).toEqual([]);
  });

  it("for another shop's task, whose email stays as it was", async () => {
    const taskId = await seedTaskWithEmail();

    expect(await send.sendStoreTaskAlertEmail({ shop: uniqueShop(), taskId })).toBe("NONE");
    expect(await alertOf(taskId)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(emulator.sendgrid.list()).toEqual([]);

    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("SENT");
    expect(emulator.sendgrid.list()).toHaveLength(1);
  });

  it("when the order left the store before the email went: the store is not emailed about it", async () => {
    const taskId = await seedTaskWithEmail({}, { endedAt: new Date() });

    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("DISCARDED");
    expect(await prisma.storeTaskAlertEmail.count({ where: { taskId } })).toBe(0);
    expect(emulator.sendgrid.list()).toEqual([]);
  });
});

describe("a send that does not go as planned", () => {
  it("refused by SendGrid is FAILED with SendGrid's words, shown on the timeline, and not sent again", async () => {
    const taskId = await seedTaskWithEmail({ recipient: "pickup-store@nowhere" });

    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("FAILED");
    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("ALREADY_HANDLED");

    expect(await alertOf(taskId)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: "Does not contain a valid address. (personalizations.0.to.0.email)",
    });
    const task = await prisma.storeTask.findUniqueOrThrow({ where: { id: taskId } });
    const [view] = await timeline.storeTimelineOfOrder(emulator.shop, task.orderId, "America/Chicago");
    expect(view!.steps).toContainEqual(
      expect.objectContaining({
        label: "Store email failed: Does not contain a valid address. (personalizations.0.to.0.email)",
        problem: true,
      }),
    );
  });

  it("whose answer never comes is UNKNOWN, and never sent again though SendGrid took it", async () => {
    const taskId = await seedTaskWithEmail();
    // SendGrid takes the mail; its answer is lost on the way back.
    const withheld = await startLoopbackServer((request) =>
      emulator.sendgrid.handle(request).then(() => new Promise<EmulatorResponse>(() => undefined)),
    );
    try {
      const account = {
        available: true as const,
        mailer: mailer.createSendGridMailer({
          apiKey: VENDOR_CREDENTIALS.sendgrid.apiKey,
          baseUrl: withheld.url,
          timeoutMs: 300,
        }),
        from: { email: FROM },
      };

      expect(
        await send.sendStoreTaskAlertEmail(
          { shop: emulator.shop, taskId },
          { account: () => account, now: () => new Date() },
        ),
      ).toBe("UNKNOWN");
    } finally {
      await withheld.close();
    }
    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("ALREADY_HANDLED");

    expect(await alertOf(taskId)).toMatchObject({ status: "UNKNOWN", error: "SendGrid did not answer within 0.3 s" });
    expect(emulator.sendgrid.list()).toHaveLength(1);
  });

  it("whose sender stopped after taking it is UNKNOWN on the retry, not sent", async () => {
    const taskId = await seedTaskWithEmail({ attempts: 1 });

    expect(await send.sendStoreTaskAlertEmail({ shop: emulator.shop, taskId })).toBe("UNKNOWN");

    expect(await alertOf(taskId)).toMatchObject({ status: "UNKNOWN", error: send.LOST_SEND_ERROR });
    expect(emulator.sendgrid.list()).toEqual([]);
  });
});
