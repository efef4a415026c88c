import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { FetchFunction } from "../../../dev/emulator/vendors/http-types";
import { startTestEmulator } from "../../../tests/support/emulator";
import {
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  stockOneSku,
  webhookAction,
} from "../../../tests/support/routing-app";
import { webhookRequest } from "../../../tests/support/shopify-app";
import { uniqueShop } from "../../../tests/support/shops";
import type * as RouteOrderModule from "~/services/routing/route-order.server";
import type * as SyncModule from "~/services/store-tasks/sync-fulfillment-order.server";
import type * as OrderPromiseModule from "./order-promise.server";
import type * as PromiseTokenModule from "./promise-token.server";

/**
 * A pickup order's promise, recomputed as of the order's created_at when routing first decides
 * it (or as the checkout extension showed it, when its signed token came with the order), recorded
 * once with the order, and the due time of the store task at the promised store.
 * Orders are placed in the emulator; their orders/create is held back and delivered by the test
 * with the created_at it is about.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let stopJobQueue: () => Promise<void>;
let routing: typeof RouteOrderModule;
let sync: typeof SyncModule;
let orderPromise: typeof OrderPromiseModule;
let promiseToken: typeof PromiseTokenModule;
let stock: RoutingStock;

const heldOrdersCreate = new Map<string, string>();
const holdOrdersCreate: FetchFunction = async (input, init) => {
  if (new URL(input).pathname !== "/webhooks/orders/create") return deliverToApp(input, init);
  const body = String(init.body);
  heldOrdersCreate.set(String((JSON.parse(body) as { id: number }).id), body);
  return new Response(null, { status: 200 });
};

const CHICAGO = "America/Chicago";
const TEN_TO_SIX = { open: "10:00", close: "18:00" };
const EVERY_DAY_TEN_TO_SIX = Object.fromEntries(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((day) => [day, TEN_TO_SIX]),
);
// Friday 27 November 2026, 14:00 in Chicago (CST, UTC−6): open till 18:00, an hour to prepare.
const PLACED_AT = "2026-11-27T14:00:00-06:00";
const PROMISED_READY_BY = new Date("2026-11-27T21:00:00Z");

beforeAll(async () => {
  emulator = await startTestEmulator(holdOrdersCreate);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  routing = await import("~/services/routing/route-order.server");
  sync = await import("~/services/store-tasks/sync-fulfillment-order.server");
  orderPromise = await import("./order-promise.server");
  promiseToken = await import("./promise-token.server");
  await installShop(emulator);
  stock = stockOneSku(emulator);
  await mirrorInventory(emulator);
  for (const store of [stock.pickupStore, stock.shipStore]) {
    await prisma.locationProfile.update({
      where: { shop_locationId: { shop: emulator.shop, locationId: store.id } },
      data: { timeZone: CHICAGO, openingHours: EVERY_DAY_TEN_TO_SIX, preparationMinutes: 60, dailyCapacity: null },
    });
  }
}, 30_000);

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

/**
 * A pickup order of one unit at the pickup store, placed in the emulator; its orders/create is
 * held. `shownAtCheckout`: the cart's pickup_promise metafield, as the checkout extension wrote it.
 */
async function placePickupOrder(shownAtCheckout?: string): Promise<string> {
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 1 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
    cartMetafields: shownAtCheckout
      ? [{ namespace: "$app", key: "pickup_promise", type: "json", value: shownAtCheckout }]
      : [],
  });
  await emulator.webhooks.idle();
  return numeric(order.id);
}

/** Delivers the order's held orders/create as Shopify would, saying it was created at `createdAt`. */
async function deliverOrdersCreate(orderId: string, createdAt: string, eventId?: string): Promise<void> {
  const held = heldOrdersCreate.get(orderId);
  if (!held) throw new Error(`no orders/create held for ${orderId}`);
  const body = JSON.stringify({ ...(JSON.parse(held) as object), created_at: createdAt });
  const action = (await webhookAction("/webhooks/orders/create"))!;
  const response = await action({
    request: webhookRequest("/webhooks/orders/create", { topic: "orders/create", shop: emulator.shop, body, eventId }),
    params: {},
    context: {},
  });
  expect(response.status).toBe(200);
}

function route(orderId: string, now: string) {
  return routing.routeOrderJob(
    { shop: emulator.shop, orderId },
    { ...routing.defaultRoutingDependencies, now: () => new Date(now) },
  );
}

/** Syncs the order's open fulfilment order at `locationId` at `at`; returns its task's due time. */
async function taskDueAt(orderId: string, locationId: string, at: string): Promise<Date | null> {
  const fo = emulator.shopify
    .fulfillmentOrdersOf(emulator.shop, orderId)
    .find((candidate) => candidate.status !== "CLOSED" && numeric(candidate.locationId) === locationId);
  if (!fo) throw new Error(`order ${orderId} has no open fulfilment order at ${locationId}`);
  await sync.syncFulfillmentOrderTasks(
    { shop: emulator.shop, fulfillmentOrderId: numeric(fo.id) },
    { ...sync.defaultStoreTaskSyncDependencies, now: () => new Date(at) },
  );
  const task = await prisma.storeTask.findFirstOrThrow({
    where: { shop: emulator.shop, orderId, locationId, endedAt: null },
  });
  return task.dueAt;
}

const promiseOf = (orderId: string) =>
  prisma.orderPickupPromise.findUnique({ where: { shop_orderId: { shop: emulator.shop, orderId } } });

describe("the promise a pickup order was given", () => {
  it("is recorded once, as of the order's created_at, under duplicate and late orders/create and a late routing run", async () => {
    const orderId = await placePickupOrder();
    // Another shop's order with the same id has its own promise, which nothing here touches.
    const neighbour = uniqueShop();
    const theirs = {
      shop: neighbour,
      orderId,
      locationId: "1",
      locationName: "Elsewhere",
      status: "PROMISED" as const,
      readyBy: new Date("2026-11-20T18:00:00Z"),
      headline: "Ready today by 12:00 PM",
      promisedAt: new Date("2026-11-20T17:00:00Z"),
    };
    await prisma.orderPickupPromise.create({ data: theirs });

    await deliverOrdersCreate(orderId, PLACED_AT, "event-a");
    await deliverOrdersCreate(orderId, PLACED_AT, "event-a");
    await deliverOrdersCreate(orderId, PLACED_AT, "event-b");
    // Routing runs at 21:00 that evening, after closing: the promise is still the one given at 14:00.
    await route(orderId, "2026-11-28T03:00:00Z");
    const recorded = await promiseOf(orderId);
    await route(orderId, "2026-11-28T03:10:00Z");
    await deliverOrdersCreate(orderId, PLACED_AT, "event-c");

    expect(recorded).toMatchObject({
      locationId: stock.pickupStore.id,
      status: "PROMISED",
      readyBy: PROMISED_READY_BY,
      headline: "Ready today by 3:00 PM",
      note: null,
      reason: null,
      promisedAt: new Date(PLACED_AT),
      source: "ORDER_PLACED",
    });
    expect(await promiseOf(orderId)).toEqual(recorded);
    expect(await prisma.orderPickupPromise.count({ where: { orderId } })).toBe(2);
    expect(
      await prisma.orderPickupPromise.findUniqueOrThrow({ where: { shop_orderId: { shop: neighbour, orderId } } }),
    ).toMatchObject(theirs);
  });

  it("makes the promised store's pickup task due by its ready-by, not by the store's rule from when the task arrived", async () => {
    const orderId = await placePickupOrder();
    await deliverOrdersCreate(orderId, PLACED_AT);
    await route(orderId, "2026-11-27T20:05:00Z");

    // Arriving at 14:30, the store's own rule would give 15:30; the shopper was told 15:00.
    const dueAt = await taskDueAt(orderId, stock.pickupStore.id, "2026-11-27T20:30:00Z");

    expect(dueAt).toEqual(PROMISED_READY_BY);
    const view = await orderPromise.orderPromiseView(emulator.shop, orderId, CHICAGO);
    expect(view).toMatchObject({
      summary: expect.stringMatching(/^Promised: Ready today by 3:00 PM at .+/),
      promisedAt: "2026-11-27 14:00 CST",
      taskDueAt: "2026-11-27 15:00 CST",
    });
  });

  it("records that the chosen store could not serve the cart, and the store it moved to works to its own rule", async () => {
    const orderId = await placePickupOrder();
    await deliverOrdersCreate(orderId, PLACED_AT);
    // An associate reported the SKU missing at the chosen store: routing counts none there.
    const hold = await prisma.exceptionHold.create({
      data: {
        shop: emulator.shop,
        locationId: stock.pickupStore.id,
        sku: stock.sku,
        taskId: "00000000-0000-4000-8000-000000000001",
        heldSince: new Date(PLACED_AT),
      },
    });
    try {
      const outcome = await route(orderId, "2026-11-27T20:05:00Z");

      expect(await promiseOf(orderId)).toMatchObject({
        locationId: stock.pickupStore.id,
        status: "UNAVAILABLE",
        readyBy: null,
        headline: null,
        reason: "Not in stock here",
      });
      expect(outcome).toMatchObject({ kind: "ROUTED", decision: { flags: ["PICKUP_STORE_CHANGED"] } });
      const view = await orderPromise.orderPromiseView(emulator.shop, orderId, CHICAGO);
      expect(view?.summary).toMatch(/^Nothing promised: .+ could not serve the order \(Not in stock here\)$/);
      // Moved to the other store at 14:05, where routing makes its task at once (decision 045): due
      // an hour later, however late the store's next sync comes.
      expect(await taskDueAt(orderId, stock.shipStore.id, "2026-11-27T20:30:00Z")).toEqual(
        new Date("2026-11-27T21:05:00Z"),
      );
    } finally {
      // The move's inventory update at the chosen store may have cleared it already.
      await prisma.exceptionHold.deleteMany({ where: { id: hold.id } });
    }
  });

  it("is not the due time of a task at another store than the promised one", () => {
    const promise = {
      orderId: "1",
      locationId: "10",
      locationName: "Lincoln Park",
      status: "PROMISED" as const,
      readyBy: PROMISED_READY_BY,
      headline: "Ready today by 3:00 PM",
      note: null,
      reason: null,
      promisedAt: new Date(PLACED_AT),
      source: "ORDER_PLACED" as const,
      recordedAt: new Date(PLACED_AT),
    };
    expect(orderPromise.promisedDueAt(promise, "10")).toEqual(PROMISED_READY_BY);
    expect(orderPromise.promisedDueAt(promise, "11")).toBeNull();
    expect(orderPromise.promisedDueAt({ ...promise, status: "UNAVAILABLE", readyBy: null }, "10")).toBeNull();
    expect(orderPromise.promisedDueAt(null, "10")).toBeNull();
  });
});

describe("the promise shown at checkout, carried by the order", () => {
  // What the extension showed at 13:57, three minutes before the order: a little later than the
  // recomputation at 14:00 would say (15:00), so whose words were kept is plain.
  const shown = (overrides: Partial<PromiseTokenModule.CheckoutPromise> = {}) =>
    JSON.stringify({
      token: promiseToken.signCheckoutPromise({
        shop: emulator.shop,
        locationId: stock.pickupStore.id,
        readyBy: new Date("2026-11-27T21:10:00Z"),
        headline: "Ready today by 3:10 PM",
        note: "Order by 5:00 PM for same-day pickup",
        issuedAt: new Date("2026-11-27T19:57:00Z"),
        ...overrides,
      }),
    });

  it("is recorded in the shopper's own words when its token holds and the store can still keep it", async () => {
    const orderId = await placePickupOrder(shown());
    await deliverOrdersCreate(orderId, PLACED_AT);
    await route(orderId, "2026-11-27T20:05:00Z");

    expect(await promiseOf(orderId)).toMatchObject({
      locationId: stock.pickupStore.id,
      status: "PROMISED",
      readyBy: new Date("2026-11-27T21:10:00Z"),
      headline: "Ready today by 3:10 PM",
      note: "Order by 5:00 PM for same-day pickup",
      promisedAt: new Date(PLACED_AT),
      source: "CHECKOUT",
    });
    expect(await taskDueAt(orderId, stock.pickupStore.id, "2026-11-27T20:30:00Z")).toEqual(
      new Date("2026-11-27T21:10:00Z"),
    );
    expect(await orderPromise.orderPromiseView(emulator.shop, orderId, CHICAGO)).toMatchObject({
      summary: expect.stringMatching(/^Promised: Ready today by 3:10 PM at .+/),
      origin: "As shown at checkout",
    });
  });

  it("is worked out again when its token was given more than two hours before the order, or forged", async () => {
    const stale = await placePickupOrder(shown({ issuedAt: new Date("2026-11-27T17:59:00Z") }));
    const forged = await placePickupOrder(
      JSON.stringify({
        token: promiseToken.signCheckoutPromise(
          {
            shop: emulator.shop,
            locationId: stock.pickupStore.id,
            readyBy: new Date("2026-11-27T20:10:00Z"),
            headline: "Ready today by 2:10 PM",
            note: null,
            issuedAt: new Date("2026-11-27T19:57:00Z"),
          },
          "not-the-app-secret",
        ),
      }),
    );
    for (const orderId of [stale, forged]) {
      await deliverOrdersCreate(orderId, PLACED_AT);
      await route(orderId, "2026-11-27T20:05:00Z");

      expect(await promiseOf(orderId)).toMatchObject({
        status: "PROMISED",
        readyBy: PROMISED_READY_BY,
        headline: "Ready today by 3:00 PM",
        source: "ORDER_PLACED",
      });
    }
    const view = await orderPromise.orderPromiseView(emulator.shop, stale, CHICAGO);
    expect(view?.origin).toBe("Worked out when the order arrived");
  });

  it("gives way when the store can no longer serve the cart: UNAVAILABLE is recorded and routing moves the order", async () => {
    const orderId = await placePickupOrder(shown());
    await deliverOrdersCreate(orderId, PLACED_AT);
    const hold = await prisma.exceptionHold.create({
      data: {
        shop: emulator.shop,
        locationId: stock.pickupStore.id,
        sku: stock.sku,
        taskId: "00000000-0000-4000-8000-000000000002",
        heldSince: new Date(PLACED_AT),
      },
    });
    try {
      const outcome = await route(orderId, "2026-11-27T20:05:00Z");

      expect(await promiseOf(orderId)).toMatchObject({
        status: "UNAVAILABLE",
        readyBy: null,
        headline: null,
        reason: "Not in stock here",
        source: "ORDER_PLACED",
      });
      expect(outcome).toMatchObject({ kind: "ROUTED", decision: { flags: ["PICKUP_STORE_CHANGED"] } });
    } finally {
      await prisma.exceptionHold.deleteMany({ where: { id: hold.id } });
    }
  });
});
