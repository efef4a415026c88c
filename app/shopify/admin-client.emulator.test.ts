import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { TEST_APP } from "../../tests/support/shopify-app";
import { AdminApiAuthError, AdminApiQueryError, AdminApiUnavailableError, AdminApiUserError } from "./admin-api-errors";
import type { AdminClient, AdminClientOptions, AdminGraphqlTransport } from "./admin-client.server";
import { CostMeter } from "./cost-meter";
import type * as AdminClientModule from "./admin-client.server";
import type * as AdminClientForShopModule from "./admin-client-for-shop.server";
import type * as AdminClientForRequestModule from "./admin-client-for-request.server";
import type * as LibraryTransportModule from "./library-transport.server";
import type * as FulfillmentOrdersModule from "./operations/fulfillment-orders-for-routing.server";
import type * as MoveModule from "./operations/fulfillment-order-move.server";
import type * as ShopOverviewModule from "./operations/shop-overview.server";
import type * as ShopifyServerModule from "~/shopify.server";

/**
 * The client through the app's real Shopify library against the local emulator, which speaks
 * Shopify's wire protocol: cost and throttle reports, THROTTLED, 502/503 and lost answers.
 */

let emulator: RunningEmulator;
let shop: string;
// Imported once the emulator listens: the Shopify library reads SHOPIFY_EMULATOR_URL at load.
let shopify: typeof ShopifyServerModule;
let clientModule: typeof AdminClientModule;
let adminClientForShop: typeof AdminClientForShopModule.adminClientForShop;
let adminClientForRequest: typeof AdminClientForRequestModule.adminClientForRequest;
let libraryTransport: typeof LibraryTransportModule.libraryTransport;
let fulfillmentOrders: typeof FulfillmentOrdersModule;
let move: typeof MoveModule;
let shopOverview: typeof ShopOverviewModule;

/** Small delays so retries do not slow the suite down. */
const FAST_RETRIES = { backoff: { baseDelayMs: 2, maxDelayMs: 20 }, timeoutMs: 2_000 } satisfies Partial<AdminClientOptions>;

const SHIPPING_ADDRESS = {
  address1: "233 S Wacker Dr",
  city: "Chicago",
  provinceCode: "IL",
  zip: "60606",
  countryCode: "US",
  latitude: 41.8789,
  longitude: -87.6359,
};

beforeAll(async () => {
  emulator = await startTestEmulator();
  shop = emulator.shop;
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = await import("~/shopify.server");
  clientModule = await import("./admin-client.server");
  ({ adminClientForShop } = await import("./admin-client-for-shop.server"));
  ({ adminClientForRequest } = await import("./admin-client-for-request.server"));
  ({ libraryTransport } = await import("./library-transport.server"));
  fulfillmentOrders = await import("./operations/fulfillment-orders-for-routing.server");
  move = await import("./operations/fulfillment-order-move.server");
  shopOverview = await import("./operations/shop-overview.server");
  // The shop's offline session, by token exchange as when the merchant first opens the app.
  await shopify.authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(shop)}` } }),
  );
});

afterEach(() => {
  emulator.shopify.faults = { adminErrorRate: 0, adminTimeoutRate: 0, throttleRate: 0 };
});

afterAll(async () => {
  await emulator.close();
});

/** A client whose every send is counted, through the library as in production. */
function countingClient(options: Partial<AdminClientOptions> = {}): { client: AdminClient; sends: () => number } {
  let sends = 0;
  const transport = libraryTransport(shop, shopify.unauthenticated.admin);
  const counted: AdminGraphqlTransport = (request) => {
    sends += 1;
    return transport(request);
  };
  const client = clientModule.createAdminClient({ ...FAST_RETRIES, ...options, shop, send: counted });
  return { client, sends: () => sends };
}

/** A shipped order of one SKU, and a store (not where Shopify put it) that stocks it. */
function placeShippedOrder() {
  const sku = emulator.scenario.products[0]?.variants[0]?.sku;
  if (!sku) throw new Error("the scenario has no products");
  const order = emulator.shopify.placeOrder(shop, {
    lines: [{ sku, quantity: 1 }],
    deliveryMethod: "SHIPPING",
    shippingAddress: SHIPPING_ADDRESS,
  });
  const assigned = order.fulfillmentOrders[0]?.locationId;
  const store = emulator.scenario.locations.find(
    (location) =>
      location.kind === "STORE" &&
      location.isActive &&
      `gid://shopify/Location/${location.id}` !== assigned &&
      (emulator.shopify.inventoryOf(shop, location.id, sku)?.available ?? 0) >= 1,
  );
  if (!store || !assigned) throw new Error(`no store stocks ${sku}`);
  return { order, sku, assigned, storeId: `gid://shopify/Location/${store.id}` };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("routing operations against the emulator", () => {
  it("reads an order's fulfilment orders and moves one to a store, for 42 + 10 requested points", async () => {
    const { order, sku, assigned, storeId } = placeShippedOrder();
    const meter = new CostMeter();
    const client = adminClientForShop(shop, FAST_RETRIES);

    const read = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id, { costMeter: meter });
    expect(read?.complete).toBe(true);
    const [fo] = read?.fulfillmentOrders ?? [];
    expect(fo).toMatchObject({
      status: "OPEN",
      locationId: assigned,
      deliveryMethod: "SHIPPING",
      lineItems: [{ sku, totalQuantity: 1, remainingQuantity: 1 }],
    });
    expect(fo?.supportedActions).toContain("MOVE");
    // With what its store task needs, as the store-task read gives it (decision 045).
    const readBack = await import("./operations/fulfillment-order-for-store-task.server");
    expect(fo?.asStoreTask).toEqual(
      await readBack.fetchFulfillmentOrderForStoreTask(client, (fo?.id ?? "").replace(/^.*\//, "")),
    );
    expect(fo?.lineItems[0]?.inventoryItemId).toMatch(/^gid:\/\/shopify\/InventoryItem\/\d+$/);
    if (!fo) throw new Error("no fulfilment order");

    const moved = await move.moveFulfillmentOrder(
      client,
      { fulfillmentOrderId: fo.id, newLocationId: storeId },
      { costMeter: meter },
    );
    expect(moved.moved).toMatchObject({ id: fo.id, locationId: storeId });
    // With what the destination's store task needs, as the store-task read would give it (decision 045).
    expect(moved.moved.asStoreTask).toMatchObject({
      fulfillmentOrderId: fo.id.replace(/^.*\//, ""),
      status: "OPEN",
      locationId: storeId.replace(/^.*\//, ""),
      deliveryMethod: "SHIPPING",
      orderCancelled: false,
      lineItems: [{ sku, totalQuantity: 1, remainingQuantity: 1 }],
    });
    expect(await readBack.fetchFulfillmentOrderForStoreTask(client, fo.id.replace(/^.*\//, ""))).toEqual(
      moved.moved.asStoreTask,
    );
    expect(emulator.shopify.fulfillmentOrdersOf(shop, order.id).map((state) => [state.id, state.locationId])).toEqual([
      [fo.id, storeId],
    ]);

    expect(read?.costs).toEqual([{ requested: 42, actual: 15 }]);
    expect(moved.cost).toEqual({ requested: 10, actual: 10 });
    expect(meter.total()).toMatchObject({ calls: 2, requested: 52, actual: 25 });
  });

  it("answers a move without the moved fulfilment order's store-task view when its line items do not all come back", async () => {
    const [first, second] = emulator.scenario.products.slice(1, 3).map((product) => product.variants[0]?.sku ?? "");
    const [warehouse, store] = [
      emulator.scenario.locations.find((location) => location.kind === "WAREHOUSE"),
      emulator.scenario.locations.find((location) => location.kind === "STORE" && location.isActive),
    ];
    if (!first || !second || !warehouse || !store) throw new Error("scenario lacks products or locations");
    for (const location of emulator.scenario.locations) {
      for (const sku of [first, second]) {
        const available = location === warehouse || location === store ? 5 : 0;
        emulator.shopify.setAvailable(shop, { locationId: location.id, sku, available });
      }
    }
    const order = emulator.shopify.placeOrder(shop, {
      lines: [
        { sku: first, quantity: 1 },
        { sku: second, quantity: 1 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: SHIPPING_ADDRESS,
    });
    const [fo] = order.fulfillmentOrders;
    if (!fo) throw new Error("no fulfilment order");

    const moved = await move.moveFulfillmentOrder(adminClientForShop(shop, FAST_RETRIES), {
      fulfillmentOrderId: fo.id,
      newLocationId: `gid://shopify/Location/${store.id}`,
      expectedMovedLineItems: 1,
    });

    expect(moved.moved).toEqual({ id: fo.id, locationId: `gid://shopify/Location/${store.id}`, asStoreTask: null });
  });

  it("asks again with room for 10 fulfilment orders when the order was split, keeping the line items' room", async () => {
    // Two SKUs no one location holds together: Shopify splits the order in two.
    const [first, second] = emulator.scenario.products.slice(1, 3).map((product) => product.variants[0]?.sku ?? "");
    const [warehouse, store] = [
      emulator.scenario.locations.find((location) => location.kind === "WAREHOUSE"),
      emulator.scenario.locations.find((location) => location.kind === "STORE" && location.isActive),
    ];
    if (!first || !second || !warehouse || !store) throw new Error("scenario lacks products or locations");
    for (const location of emulator.scenario.locations) {
      emulator.shopify.setAvailable(shop, { locationId: location.id, sku: first, available: location === warehouse ? 5 : 0 });
      emulator.shopify.setAvailable(shop, { locationId: location.id, sku: second, available: location === store ? 5 : 0 });
    }
    const order = emulator.shopify.placeOrder(shop, {
      lines: [
        { sku: first, quantity: 1 },
        { sku: second, quantity: 1 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: SHIPPING_ADDRESS,
    });

    const read = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(adminClientForShop(shop, FAST_RETRIES), order.id, {
      expectedLineItems: 2,
    });

    expect(read?.complete).toBe(true);
    expect(read?.fulfillmentOrders.map((fo) => [fo.locationId, fo.lineItems.map((line) => line.sku)])).toEqual([
      [`gid://shopify/Location/${warehouse.id}`, [first]],
      [`gid://shopify/Location/${store.id}`, [second]],
    ]);
    // 1 fulfilment order of 2 line items, then 10 of 2.
    expect(read?.costs.map((cost) => cost.requested)).toEqual([18, 135]);
  });

  it("asks for no more line items than the order has, and again with room for 50 when it had more", async () => {
    const [first, second] = emulator.scenario.products.slice(1, 3).map((product) => product.variants[0]?.sku ?? "");
    const warehouse = emulator.scenario.locations.find((location) => location.kind === "WAREHOUSE");
    if (!first || !second || !warehouse) throw new Error("scenario lacks products or a warehouse");
    for (const sku of [first, second]) {
      emulator.shopify.setAvailable(shop, { locationId: warehouse.id, sku, available: 50 });
    }
    const order = emulator.shopify.placeOrder(shop, {
      lines: [
        { sku: first, quantity: 1 },
        { sku: second, quantity: 1 },
      ],
      deliveryMethod: "SHIPPING",
      shippingAddress: SHIPPING_ADDRESS,
    });
    const client = adminClientForShop(shop, FAST_RETRIES);

    const exact = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id, { expectedLineItems: 2 });
    const short = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id, { expectedLineItems: 1 });

    expect(exact?.complete).toBe(true);
    expect(exact?.costs.map((cost) => cost.requested)).toEqual([18]);
    expect(short?.complete).toBe(true);
    expect(short?.fulfillmentOrders).toEqual(exact?.fulfillmentOrders);
    // 1 fulfilment order of 1 line item, then 1 of 50.
    expect(short?.costs.map((cost) => cost.requested)).toEqual([15, 162]);
  });

  it("answers null for an order the shop does not have", async () => {
    const read = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(
      adminClientForShop(shop, FAST_RETRIES),
      "gid://shopify/Order/999999999",
    );
    expect(read).toBeNull();
  });

  it("surfaces a refused move as AdminApiUserError with Shopify's field and message", async () => {
    const { order, assigned } = placeShippedOrder();
    const fo = emulator.shopify.fulfillmentOrdersOf(shop, order.id)[0];
    if (!fo) throw new Error("no fulfilment order");
    const error = await failureOf(
      move.moveFulfillmentOrder(adminClientForShop(shop, FAST_RETRIES), { fulfillmentOrderId: fo.id, newLocationId: assigned }),
    );
    expect(error).toBeInstanceOf(AdminApiUserError);
    expect((error as AdminApiUserError).userErrors).toEqual([
      { field: ["newLocationId"], message: "Fulfillment order is already assigned to this location." },
    ]);
  });
});

describe("the client against Shopify's failures, emulated", () => {
  it("gets every call through when a third of them answer 502 or 503", async () => {
    emulator.shopify.faults = { adminErrorRate: 0.33, adminTimeoutRate: 0, throttleRate: 0 };
    const meter = new CostMeter();
    const { client, sends } = countingClient({ costMeter: meter, maxAttempts: 8 });
    const orders = Array.from({ length: 6 }, () => placeShippedOrder());

    for (const { order, storeId } of orders) {
      const read = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id);
      const fo = read?.fulfillmentOrders[0];
      if (!fo) throw new Error("no fulfilment order");
      // 502 and 503 mean Shopify ran nothing, so even the move is sent again.
      await move.moveFulfillmentOrder(client, { fulfillmentOrderId: fo.id, newLocationId: storeId });
      expect(emulator.shopify.fulfillmentOrdersOf(shop, order.id)[0]?.locationId).toBe(storeId);
    }

    const totals = meter.total();
    expect(totals.calls).toBe(12);
    expect(totals.failedRetries).toBeGreaterThan(0);
    expect(sends()).toBe(12 + totals.failedRetries);
  });

  it("waits out THROTTLED answers and gets every call through", async () => {
    emulator.shopify.faults = { adminErrorRate: 0, adminTimeoutRate: 0, throttleRate: 0.33 };
    const meter = new CostMeter();
    const { client } = countingClient({ costMeter: meter });
    const { order } = placeShippedOrder();

    for (let call = 0; call < 10; call += 1) {
      const read = await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id);
      expect(read?.fulfillmentOrders).toHaveLength(1);
    }
    expect(meter.total()).toMatchObject({ calls: 10, failedRetries: 0 });
    expect(meter.total().throttledRetries).toBeGreaterThan(0);
  });

  it("retries a query whose answer never came (timeout)", async () => {
    emulator.shopify.timeoutDelayMs = 300;
    emulator.shopify.faults = { adminErrorRate: 0, adminTimeoutRate: 0.5, throttleRate: 0 };
    const meter = new CostMeter();
    const { client } = countingClient({ costMeter: meter, timeoutMs: 100, maxAttempts: 8 });
    const { order } = placeShippedOrder();

    for (let call = 0; call < 4; call += 1) {
      await fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, order.id);
    }
    expect(meter.total().calls).toBe(4);
    expect(meter.total().failedRetries).toBeGreaterThan(0);
  });

  it("gives up with AdminApiUnavailableError after the maximum attempts when every call fails", async () => {
    emulator.shopify.faults = { adminErrorRate: 1, adminTimeoutRate: 0, throttleRate: 0 };
    const { client, sends } = countingClient({ maxAttempts: 3 });
    const error = await failureOf(
      fulfillmentOrders.fetchFulfillmentOrdersForRouting(client, "gid://shopify/Order/1"),
    );
    expect(error).toBeInstanceOf(AdminApiUnavailableError);
    expect(error).toMatchObject({ shop, operationName: "FulfillmentOrdersForRouting", attempts: 3 });
    expect((error as AdminApiUnavailableError).lastCause).toMatch(/^HTTP 50[23]/);
    expect(sends()).toBe(3);
  });

  it("throws AdminApiQueryError for a document Shopify rejects, sending it once", async () => {
    const { client, sends } = countingClient();
    const error = await failureOf(client.requestUntyped("query Broken { shop { nameOfTheShop } }"));
    expect(error).toBeInstanceOf(AdminApiQueryError);
    expect((error as AdminApiQueryError).errors).toEqual([
      { message: "Field 'nameOfTheShop' doesn't exist on type 'Shop'", path: ["query Broken", "shop", "nameOfTheShop"], code: "undefinedField" },
    ]);
    expect(sends()).toBe(1);
  });

  it("throws AdminApiAuthError for a shop without an offline session, sending nothing", async () => {
    const client = adminClientForShop("never-installed.myshopify.com", FAST_RETRIES);
    const error = await failureOf(client.requestUntyped("query Name { shop { name } }"));
    expect(error).toBeInstanceOf(AdminApiAuthError);
  });
});

describe("a page's client, over its own authenticate.admin(request)", () => {
  async function pageContext() {
    return shopify.authenticate.admin(
      new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(shop)}` } }),
    );
  }

  it("reads the shop overview, typed by its document, and records what it cost", async () => {
    const meter = new CostMeter();
    const client = adminClientForRequest(await pageContext(), { ...FAST_RETRIES, costMeter: meter });

    const overview = await shopOverview.fetchShopOverview(client);

    expect(overview).toEqual({ name: "Windy City Outfitters", domain: shop, timezone: "America/Chicago", activeLocations: 13 });
    expect(meter.byOperation().ShopOverview).toMatchObject({ calls: 1, throttledRetries: 0, failedRetries: 0 });
    expect(meter.total().requested).toBeGreaterThan(0);
  });

  it("sends again once when Shopify answers 502 or 503, then gives up with AdminApiUnavailableError", async () => {
    emulator.shopify.faults = { adminErrorRate: 1, adminTimeoutRate: 0, throttleRate: 0 };
    const meter = new CostMeter();
    const client = adminClientForRequest(await pageContext(), { backoff: FAST_RETRIES.backoff, costMeter: meter });

    const error = await failureOf(shopOverview.fetchShopOverview(client));

    expect(error).toBeInstanceOf(AdminApiUnavailableError);
    expect(error).toMatchObject({ shop, operationName: "ShopOverview", attempts: 2 });
    expect((error as AdminApiUnavailableError).lastCause).toMatch(/^HTTP 50[23]/);
    expect(meter.total()).toMatchObject({ calls: 0, failedRetries: 1 });
  });
});
