import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { action as inventoryLevelsUpdateRoute } from "~/routes/webhooks.inventory_levels.update";
import { action as locationsCreateRoute } from "~/routes/webhooks.locations.create";
import { action as locationsDeactivateRoute } from "~/routes/webhooks.locations.deactivate";
import { action as locationsDeleteRoute } from "~/routes/webhooks.locations.delete";
import { action as locationsUpdateRoute } from "~/routes/webhooks.locations.update";
import { webhookRequest } from "../../../../tests/support/shopify-app";
import { installedShop, uniqueShop } from "../../../../tests/support/shops";

/** Hand-signed deliveries, as Shopify sends them: late, twice and out of order. */

afterAll(async () => {
  await stopJobQueue();
});

const STORE = 70000000001;
const ITEM = 111;

interface LevelUpdate {
  available: number | null;
  updatedAt: string;
  locationId?: number;
  inventoryItemId?: number;
  eventId?: string;
}

function deliverLevelUpdate(shop: string, update: LevelUpdate): Promise<Response> {
  const locationId = update.locationId ?? STORE;
  const inventoryItemId = update.inventoryItemId ?? ITEM;
  const body = JSON.stringify({
    inventory_item_id: inventoryItemId,
    location_id: locationId,
    available: update.available,
    updated_at: update.updatedAt,
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${locationId}?inventory_item_id=${inventoryItemId}`,
  });
  const request = webhookRequest("/webhooks/inventory_levels/update", {
    topic: "inventory_levels/update",
    shop,
    body,
    ...(update.eventId ? { eventId: update.eventId } : {}),
  });
  return inventoryLevelsUpdateRoute({ request, params: {}, context: {} });
}

function available(shop: string, locationId = STORE, inventoryItemId = ITEM) {
  return prisma.inventoryLevel
    .findUnique({
      where: {
        shop_locationId_inventoryItemId: {
          shop,
          locationId: String(locationId),
          inventoryItemId: String(inventoryItemId),
        },
      },
    })
    .then((level) => level?.available ?? null);
}

describe("inventory_levels/update", () => {
  it("stores the available quantity of a level not held yet, without a SKU when the item is unknown", async () => {
    const shop = await installedShop();
    const response = await deliverLevelUpdate(shop, { available: 8, updatedAt: "2026-11-27T09:00:00-06:00" });

    expect(response.status).toBe(200);
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shop } });
    expect(level).toMatchObject({ locationId: String(STORE), inventoryItemId: String(ITEM), sku: null, available: 8 });
    expect(level.sourceUpdatedAt).toEqual(new Date("2026-11-27T15:00:00Z"));
  });

  it("gives a new level the SKU the mirror knows for the same item at another location", async () => {
    const shop = await installedShop();
    await prisma.inventoryLevel.create({
      data: {
        shop,
        locationId: "1",
        inventoryItemId: String(ITEM),
        sku: "TEE-M",
        available: 3,
        sourceUpdatedAt: new Date(),
      },
    });
    await deliverLevelUpdate(shop, { available: 8, updatedAt: "2026-11-27T09:00:00-06:00" });
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shop, locationId: String(STORE) } });
    expect(level.sku).toBe("TEE-M");
  });

  it("applies a newer update", async () => {
    const shop = await installedShop();
    await deliverLevelUpdate(shop, { available: 8, updatedAt: "2026-11-27T09:00:00-06:00" });
    await deliverLevelUpdate(shop, { available: 5, updatedAt: "2026-11-27T09:05:00-06:00" });
    expect(await available(shop)).toBe(5);
  });

  it("changes nothing when an older update arrives after a newer one", async () => {
    const shop = await installedShop();
    await deliverLevelUpdate(shop, { available: 5, updatedAt: "2026-11-27T09:05:00-06:00" });
    const late = await deliverLevelUpdate(shop, { available: 8, updatedAt: "2026-11-27T09:00:00-06:00" });
    expect(late.status).toBe(200);
    expect(await available(shop)).toBe(5);
  });

  it("has one effect for a redelivered event, even one stamped the same second as the value held", async () => {
    const shop = await installedShop();
    const second = "2026-11-27T09:05:00-06:00";
    await deliverLevelUpdate(shop, { available: 6, updatedAt: second, eventId: "event-a" });
    // Two changes in one second: the later-delivered one wins the tie.
    await deliverLevelUpdate(shop, { available: 9, updatedAt: second, eventId: "event-b" });
    const redelivered = await deliverLevelUpdate(shop, { available: 6, updatedAt: second, eventId: "event-a" });

    expect(redelivered.status).toBe(200);
    expect(await available(shop)).toBe(9);
    expect(await prisma.webhookEvent.count({ where: { shop, topic: "INVENTORY_LEVELS_UPDATE" } })).toBe(2);
  });

  it("ignores an update for an untracked item (available null)", async () => {
    const shop = await installedShop();
    await deliverLevelUpdate(shop, { available: null, updatedAt: "2026-11-27T09:00:00-06:00" });
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(0);
  });

  it("ignores the updates of a shop that never installed the app: 200, no event, no level", async () => {
    const shop = uniqueShop();
    const response = await deliverLevelUpdate(shop, { available: 4, updatedAt: "2026-11-27T09:00:00-06:00" });
    expect(response.status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(0);
  });

  it("clears the location's reservations the new level shows, and the SKU's holds older than the update, once", async () => {
    const shop = await installedShop();
    const OTHER_ITEM = 222;
    await prisma.inventoryLevel.createMany({
      data: [
        {
          shop,
          locationId: String(STORE),
          inventoryItemId: String(ITEM),
          sku: "BOOT-9",
          available: 3,
          sourceUpdatedAt: new Date("2026-11-27T14:00:00Z"),
        },
        {
          shop,
          locationId: String(STORE),
          inventoryItemId: String(OTHER_ITEM),
          sku: "HAT-1",
          available: 3,
          sourceUpdatedAt: new Date("2026-11-27T14:00:00Z"),
        },
      ],
    });
    const reserve = (sku: string, reflectedAfter: string | null) => ({
      shop,
      orderId: `order-${sku}-${reflectedAfter}`,
      locationId: String(STORE),
      sku,
      quantity: 1,
      reflectedAfter: reflectedAfter === null ? null : new Date(reflectedAfter),
    });
    await prisma.inventoryReservation.createMany({
      data: [
        reserve("BOOT-9", "2026-11-27T15:04:00Z"), // shown by the 15:05 update
        reserve("BOOT-9", "2026-11-27T15:06:00Z"), // committed after it: still counts
        reserve("BOOT-9", null), // not yet committed in Shopify: still counts
        reserve("HAT-1", "2026-11-27T13:00:00Z"), // shown by the hat's own level all along
      ],
    });
    await prisma.exceptionHold.createMany({
      data: [
        {
          shop,
          locationId: String(STORE),
          sku: "BOOT-9",
          taskId: crypto.randomUUID(),
          heldSince: new Date("2026-11-27T15:00:00Z"),
        },
        {
          shop,
          locationId: String(STORE),
          sku: "HAT-1",
          taskId: crypto.randomUUID(),
          heldSince: new Date("2026-11-27T15:00:00Z"),
        },
      ],
    });

    await deliverLevelUpdate(shop, { available: 2, updatedAt: "2026-11-27T15:05:00Z", eventId: "boot-sold" });
    const cleared = () =>
      prisma.inventoryReservation.findMany({
        where: { shop, clearedAt: { not: null } },
        select: { sku: true, reflectedAfter: true, clearedReason: true },
        orderBy: [{ sku: "asc" }],
      });
    expect(await cleared()).toEqual([
      { sku: "BOOT-9", reflectedAfter: new Date("2026-11-27T15:04:00Z"), clearedReason: "REFLECTED" },
      { sku: "HAT-1", reflectedAfter: new Date("2026-11-27T13:00:00Z"), clearedReason: "REFLECTED" },
    ]);
    expect(await prisma.exceptionHold.findMany({ where: { shop }, select: { sku: true } })).toEqual([{ sku: "HAT-1" }]);

    // A late, older update and a redelivery change nothing further.
    await deliverLevelUpdate(shop, { available: 9, updatedAt: "2026-11-27T15:07:00Z", eventId: "boot-sold" });
    expect(await available(shop)).toBe(2);
    expect(await cleared()).toHaveLength(2);
  });

  it("changes only the shop it was sent for", async () => {
    const [shop, neighbour] = await Promise.all([installedShop(), installedShop()]);
    await deliverLevelUpdate(neighbour, { available: 4, updatedAt: "2026-11-27T09:00:00-06:00" });
    await deliverLevelUpdate(shop, { available: 7, updatedAt: "2026-11-27T09:10:00-06:00" });
    expect(await available(neighbour)).toBe(4);
    expect(await available(shop)).toBe(7);
  });

  it("rejects a forged delivery with 401 and stores nothing", async () => {
    const shop = await installedShop();
    const request = webhookRequest("/webhooks/inventory_levels/update", {
      topic: "inventory_levels/update",
      shop,
      body: JSON.stringify({
        inventory_item_id: ITEM,
        location_id: STORE,
        available: 1,
        updated_at: "2026-11-27T09:00:00Z",
      }),
      hmac: "forged",
    });
    const response = await inventoryLevelsUpdateRoute({ request, params: {}, context: {} });
    expect(response.status).toBe(401);
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(0);
  });
});

type LocationRoute = typeof locationsCreateRoute;

function deliverLocation(
  route: LocationRoute,
  topic: string,
  shop: string,
  location: { id: number; name?: string; active?: boolean; updatedAt?: string },
): Promise<Response> {
  const body = JSON.stringify({
    id: location.id,
    name: location.name ?? "Lincoln Park",
    address1: "2121 N Clark St",
    address2: null,
    city: "Chicago",
    zip: "60614",
    province: "Illinois",
    country: "US",
    phone: null,
    created_at: "2026-11-01T09:00:00-05:00",
    updated_at: location.updatedAt ?? "2026-11-27T09:00:00-06:00",
    country_code: "US",
    country_name: "United States",
    province_code: "IL",
    legacy: false,
    active: location.active ?? true,
    admin_graphql_api_id: `gid://shopify/Location/${location.id}`,
  });
  return route({ request: webhookRequest(`/webhooks/${topic}`, { topic, shop, body }), params: {}, context: {} });
}

function deliverLocationDelete(shop: string, id: number): Promise<Response> {
  const request = webhookRequest("/webhooks/locations/delete", {
    topic: "locations/delete",
    shop,
    body: JSON.stringify({ id }),
  });
  return locationsDeleteRoute({ request, params: {}, context: {} });
}

async function queuedLocationSyncs(shop: string): Promise<number> {
  const { rows } = await (
    await appJobQueue()
  )
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'inventory.locations-sync' AND data->>'shop' = $1`,
      [shop],
    );
  return (rows[0] as { count: number }).count;
}

function mirroredLocation(shop: string, locationId = STORE) {
  return prisma.location.findUnique({ where: { shop_locationId: { shop, locationId: String(locationId) } } });
}

describe("locations webhooks", () => {
  it("locations/create mirrors the new location and queues one locations sync for its coordinates and profile", async () => {
    const shop = await installedShop();
    expect((await deliverLocation(locationsCreateRoute, "locations/create", shop, { id: STORE })).status).toBe(200);
    await deliverLocation(locationsUpdateRoute, "locations/update", shop, {
      id: STORE,
      updatedAt: "2026-11-27T09:01:00-06:00",
    });

    expect(await mirroredLocation(shop)).toMatchObject({
      name: "Lincoln Park",
      city: "Chicago",
      provinceCode: "IL",
      isActive: true,
      latitude: null,
      // Not used for online orders until the sync has read what the webhook does not carry.
      fulfillsOnlineOrders: false,
    });
    expect(await queuedLocationSyncs(shop)).toBe(1);
  });

  it("locations/update applies a newer change and ignores an older one", async () => {
    const shop = await installedShop();
    await deliverLocation(locationsCreateRoute, "locations/create", shop, {
      id: STORE,
      updatedAt: "2026-11-27T09:00:00-06:00",
    });
    await deliverLocation(locationsUpdateRoute, "locations/update", shop, {
      id: STORE,
      name: "Lincoln Park Flagship",
      updatedAt: "2026-11-27T10:00:00-06:00",
    });
    await deliverLocation(locationsUpdateRoute, "locations/update", shop, {
      id: STORE,
      name: "Lincoln Park (old name)",
      updatedAt: "2026-11-27T09:30:00-06:00",
    });
    expect((await mirroredLocation(shop))?.name).toBe("Lincoln Park Flagship");
  });

  it("locations/deactivate marks the location inactive", async () => {
    const shop = await installedShop();
    await deliverLocation(locationsCreateRoute, "locations/create", shop, { id: STORE });
    await deliverLocation(locationsDeactivateRoute, "locations/deactivate", shop, {
      id: STORE,
      active: false,
      updatedAt: "2026-11-27T11:00:00-06:00",
    });
    expect((await mirroredLocation(shop))?.isActive).toBe(false);
  });

  it("locations/delete removes the location and its stock for good: a late update does not bring it back", async () => {
    const shop = await installedShop();
    await deliverLocation(locationsCreateRoute, "locations/create", shop, { id: STORE });
    await deliverLevelUpdate(shop, { available: 8, updatedAt: "2026-11-27T09:00:00-06:00" });

    expect((await deliverLocationDelete(shop, STORE)).status).toBe(200);
    await deliverLocation(locationsUpdateRoute, "locations/update", shop, {
      id: STORE,
      updatedAt: "2026-11-27T12:00:00-06:00",
    });

    expect((await mirroredLocation(shop))?.deletedAt).not.toBeNull();
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(0);
  });

  it("changes only the shop it was sent for", async () => {
    const [shop, neighbour] = await Promise.all([installedShop(), installedShop()]);
    await deliverLocation(locationsCreateRoute, "locations/create", neighbour, {
      id: STORE,
      name: "Neighbour's store",
    });
    await deliverLocation(locationsCreateRoute, "locations/create", shop, { id: STORE, name: "Our store" });
    await deliverLocationDelete(shop, STORE);
    expect(await mirroredLocation(neighbour)).toMatchObject({ name: "Neighbour's store", deletedAt: null });
  });
});
