import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { FetchFunction } from "../../../dev/emulator/vendors/http-types";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type * as FullSyncModule from "./full-sync.server";
import type * as RoutingViewModule from "~/services/routing/routing-view.server";
import type * as AppJobQueueModule from "~/jobs/app-job-queue.server";
import type { AdminClient } from "~/shopify/admin-client.server";

/**
 * The full sync against the local emulator's chicago shop, through the app's real Shopify
 * client (token exchange, Admin GraphQL, bulk operation, JSONL download), with the emulator's
 * inventory_levels/update webhooks delivered to the app's own route.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let fullSync: typeof FullSyncModule;
let routingView: typeof RoutingViewModule;
let stopJobQueue: () => Promise<void>;
let appJobQueue: typeof AppJobQueueModule.appJobQueue;

const deliverToApp: FetchFunction = async (input, init) => {
  if (new URL(input).pathname !== "/webhooks/inventory_levels/update") return new Response(null, { status: 404 });
  const { action } = await import("~/routes/webhooks.inventory_levels.update");
  return action({ request: new Request(input, init), params: {}, context: {} });
};

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  // The app's modules read the environment (and so the Shopify client's target) when they load.
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  fullSync = await import("./full-sync.server");
  routingView = await import("~/services/routing/routing-view.server");
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  ({ appJobQueue } = await import("~/jobs/app-job-queue.server"));
  // Installs the app: token exchange stores the offline session the sync's client uses.
  const { authenticate } = await import("~/shopify.server");
  const request = new Request(`${TEST_APP.appUrl}/app`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
  await authenticate.admin(request);
});

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

/** The sync's defaults, with quick polls. */
function testDependencies(
  overrides: Partial<FullSyncModule.FullSyncDependencies> = {},
): FullSyncModule.FullSyncDependencies {
  const defaults = fullSync.defaultFullSyncDependencies(emulator.shop);
  return {
    ...defaults,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    pollIntervalMs: 10,
    ...overrides,
  };
}

function skuOfItem(inventoryItemId: string): string {
  for (const product of emulator.scenario.products) {
    for (const variant of product.variants) if (String(variant.inventoryItemId) === inventoryItemId) return variant.sku;
  }
  throw new Error(`no variant has inventory item ${inventoryItemId}`);
}

async function mirroredLevel(locationId: number, sku: string) {
  return prisma.inventoryLevel.findFirst({ where: { shop: emulator.shop, locationId: String(locationId), sku } });
}

describe("installing the app", () => {
  it("queues one full inventory sync for the new shop, and none when it authenticates again", async () => {
    const { authenticate } = await import("~/shopify.server");
    const request = new Request(`${TEST_APP.appUrl}/app`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    });
    await authenticate.admin(request);
    const boss = await appJobQueue();
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT data FROM pgboss.job WHERE name = 'inventory.full-sync' AND state = 'created'`, []);
    expect(rows).toEqual([{ data: { shop: emulator.shop } }]);
  });
});

describe("a full inventory sync of the chicago shop", () => {
  it("mirrors every location with coordinates and a default profile", async () => {
    const result = await fullSync.runInventoryFullSync(emulator.shop, testDependencies());

    expect(result.locations).toEqual({ locations: 13, newProfiles: 13, deleted: [] });
    const mirrored = await prisma.location.findMany({ where: { shop: emulator.shop }, include: { profile: true } });
    const expected = emulator.scenario.locations.map((location) => ({
      locationId: String(location.id),
      name: location.name,
      latitude: location.address.latitude,
      longitude: location.address.longitude,
      isActive: location.isActive,
      fulfillsOnlineOrders: location.fulfillsOnlineOrders,
      pickupEnabled: location.pickupEnabled,
      kind: location.kind,
      timeZone: "America/Chicago",
    }));
    const actual = mirrored.map((location) => ({
      locationId: location.locationId,
      name: location.name,
      latitude: location.latitude,
      longitude: location.longitude,
      isActive: location.isActive,
      fulfillsOnlineOrders: location.fulfillsOnlineOrders,
      pickupEnabled: location.pickupEnabled,
      kind: location.profile?.kind,
      timeZone: location.profile?.timeZone,
    }));
    expect(actual.sort((a, b) => a.locationId.localeCompare(b.locationId))).toEqual(
      expected.sort((a, b) => a.locationId.localeCompare(b.locationId)),
    );
    expect(mirrored.every((location) => location.profile?.labourCostPerOrder.toFixed(2) === "3.00")).toBe(true);
    const installation = await prisma.shopInstallation.findUnique({ where: { shop: emulator.shop } });
    expect(installation?.timeZone).toBe("America/Chicago");
  });

  it("mirrors every stock line with the emulator's quantities", async () => {
    const result = await fullSync.runInventoryFullSync(emulator.shop, testDependencies());

    const levels = await prisma.inventoryLevel.findMany({ where: { shop: emulator.shop } });
    expect(result.levelsRead).toBe(emulator.scenario.inventory.length);
    expect(levels).toHaveLength(emulator.scenario.inventory.length);
    const mismatches = levels.flatMap((level) => {
      const sku = skuOfItem(level.inventoryItemId);
      const held = emulator.shopify.inventoryOf(emulator.shop, level.locationId, sku);
      const mirrored = { sku: level.sku, available: level.available, committed: level.committed, onHand: level.onHand };
      const shopify = { sku, available: held?.available, committed: held?.committed, onHand: held?.on_hand };
      return JSON.stringify(mirrored) === JSON.stringify(shopify)
        ? []
        : [{ level: level.locationId, mirrored, shopify }];
    });
    expect(mismatches).toEqual([]);
    const stocked = new Set(emulator.scenario.inventory.map((line) => `${line.locationId}/${line.sku}`));
    expect(new Set(levels.map((level) => `${level.locationId}/${level.sku}`))).toEqual(stocked);
  });

  it("keeps a webhook's newer value that landed while the bulk operation was running", async () => {
    await fullSync.runInventoryFullSync(emulator.shop, testDependencies());
    const line = emulator.scenario.inventory[0]!;
    const before = emulator.shopify.inventoryOf(emulator.shop, line.locationId, line.sku)!.available;
    const defaults = testDependencies();
    const admin: AdminClient = {
      ...defaults.admin,
      async request(operation, variables, options) {
        const result = await defaults.admin.request(operation, variables, options);
        // The emulator has written the JSONL as the mutation returns: a sale after that, and its webhook.
        if (operation.includes("bulkOperationRunQuery")) {
          emulator.shopify.setAvailable(emulator.shop, {
            locationId: line.locationId,
            sku: line.sku,
            available: before - 1,
          });
          await emulator.webhooks.idle();
          expect((await mirroredLevel(line.locationId, line.sku))?.available).toBe(before - 1);
        }
        return result;
      },
    };

    await fullSync.runInventoryFullSync(emulator.shop, { ...defaults, admin });

    expect((await mirroredLevel(line.locationId, line.sku))?.available).toBe(before - 1);
    expect(emulator.shopify.inventoryOf(emulator.shop, line.locationId, line.sku)?.available).toBe(before - 1);
  });

  it("removes a level Shopify no longer has, but not one stocked after the bulk operation started", async () => {
    const shop = emulator.shop;
    const stale = { shop, locationId: "70000000001", inventoryItemId: "999001", available: 4 };
    const fresh = { shop, locationId: "70000000001", inventoryItemId: "999002", available: 6 };
    await prisma.inventoryLevel.create({ data: { ...stale, sourceUpdatedAt: new Date("2026-01-01T00:00:00Z") } });
    await prisma.inventoryLevel.create({ data: { ...fresh, sourceUpdatedAt: new Date(Date.now() + 60_000) } });

    const result = await fullSync.runInventoryFullSync(shop, testDependencies());

    expect(result.levelsRemoved).toBe(1);
    const left = await prisma.inventoryLevel.findMany({
      where: { shop, inventoryItemId: { in: ["999001", "999002"] } },
    });
    expect(left.map((level) => level.inventoryItemId)).toEqual(["999002"]);
  });
});

describe("the routing engine's view of the mirror", () => {
  it("gives every location its profile, open state and available units of the order's SKUs", async () => {
    await fullSync.runInventoryFullSync(emulator.shop, testDependencies());
    const skus = [emulator.scenario.inventory[0]!.sku, emulator.scenario.inventory.at(-1)!.sku];
    // Wednesday 12:00 in Chicago: the stores and the warehouse are open.
    const locations = await routingView.routingLocationsFor(
      prisma,
      emulator.shop,
      skus,
      new Date("2026-11-25T18:00:00Z"),
    );

    expect(locations).toHaveLength(13);
    for (const location of locations) {
      const scenario = emulator.scenario.locations.find((candidate) => String(candidate.id) === location.id)!;
      expect(location).toMatchObject({
        kind: scenario.kind,
        lat: scenario.address.latitude,
        lng: scenario.address.longitude,
        active: true,
        isOpen: true,
        pickupEnabled: scenario.pickupEnabled,
        labourCostPerOrder: 3,
      });
      for (const sku of skus) {
        const available = emulator.shopify.inventoryOf(emulator.shop, location.id, sku)?.available;
        expect(location.stock[sku]).toBe(available === undefined ? undefined : Math.max(0, available));
      }
    }
  });

  it("shows one shop nothing of another's mirror", async () => {
    const skus = [emulator.scenario.inventory[0]!.sku];
    expect(await routingView.routingLocationsFor(prisma, "another-shop.myshopify.com", skus, new Date())).toEqual([]);
  });
});
