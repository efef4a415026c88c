import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { installedShop, uniqueShop } from "../../tests/support/shops";
import {
  recordAndApplyLevelUpdate,
  recordAndApplyLevelUpdates,
  type LevelUpdateDelivery,
} from "./inventory-level-webhooks.server";

const LOCATION = "70000000001";
const ITEM = "111";

function delivery(
  shop: string,
  {
    available,
    at,
    eventId = crypto.randomUUID(),
    locationId = LOCATION,
  }: {
    available: number | null;
    at: string;
    eventId?: string;
    locationId?: string;
  },
): LevelUpdateDelivery {
  return {
    event: {
      shop,
      topic: "INVENTORY_LEVELS_UPDATE",
      eventId,
      webhookId: crypto.randomUUID(),
      apiVersion: "2026-04",
      triggeredAt: new Date(at),
      customerId: null,
      orderIds: [],
      payload: { inventory_item_id: Number(ITEM), location_id: Number(locationId), available, updated_at: at },
    },
    update: { locationId, inventoryItemId: ITEM, available, sourceUpdatedAt: new Date(at) },
  };
}

const level = (shop: string, locationId = LOCATION) =>
  prisma.inventoryLevel.findUnique({
    where: { shop_locationId_inventoryItemId: { shop, locationId, inventoryItemId: ITEM } },
    select: { available: true, sourceUpdatedAt: true },
  });

describe("inventory_levels/update deliveries recorded and applied in one statement", () => {
  it("keeps each delivery's own outcome in a batch holding a duplicate and an older update of the same level", async () => {
    const shop = await installedShop();
    const newer = delivery(shop, { available: 4, at: "2026-11-27T15:05:00Z", eventId: "sold" });
    const older = delivery(shop, { available: 9, at: "2026-11-27T15:00:00Z", eventId: "received" });
    const duplicate = delivery(shop, { available: 4, at: "2026-11-27T15:05:00Z", eventId: "sold" });
    const untracked = delivery(shop, { available: null, at: "2026-11-27T15:06:00Z", locationId: "2" });

    const outcomes = await recordAndApplyLevelUpdates(sqlPool, [newer, older, duplicate, untracked]);

    expect(outcomes).toEqual([
      { recorded: true, applied: true },
      { recorded: true, applied: false },
      { recorded: false, applied: false },
      { recorded: true, applied: false },
    ]);
    expect(await level(shop)).toEqual({ available: 4, sourceUpdatedAt: new Date("2026-11-27T15:05:00Z") });
    expect(await level(shop, "2")).toBeNull();
    const events = await prisma.webhookEvent.findMany({ where: { shop }, select: { eventId: true } });
    expect(events.map((event) => event.eventId).sort()).toEqual(["received", "sold", untracked.event.eventId].sort());
  });

  it("gives a tie in one batch to the later-delivered update, as delivery one after the other would", async () => {
    const shop = await installedShop();
    const second = "2026-11-27T15:05:00Z";
    const outcomes = await recordAndApplyLevelUpdates(sqlPool, [
      delivery(shop, { available: 6, at: second }),
      delivery(shop, { available: 9, at: second }),
    ]);
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([false, true]);
    expect((await level(shop))?.available).toBe(9);
  });

  it("leaves a level newer than every update of a batch as it is, and records the events", async () => {
    const shop = await installedShop();
    await recordAndApplyLevelUpdates(sqlPool, [delivery(shop, { available: 1, at: "2026-11-27T16:00:00Z" })]);
    const outcomes = await recordAndApplyLevelUpdates(sqlPool, [
      delivery(shop, { available: 7, at: "2026-11-27T15:00:00Z" }),
      delivery(shop, { available: 8, at: "2026-11-27T15:30:00Z" }),
    ]);
    expect(outcomes).toEqual([
      { recorded: true, applied: false },
      { recorded: true, applied: false },
    ]);
    expect((await level(shop))?.available).toBe(1);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(3);
  });

  it("keeps shops apart in one batch, and records nothing for a shop that never installed the app", async () => {
    const [shop, neighbour] = await Promise.all([installedShop(), installedShop()]);
    const stranger = uniqueShop();
    const outcomes = await recordAndApplyLevelUpdates(sqlPool, [
      delivery(shop, { available: 3, at: "2026-11-27T15:00:00Z", eventId: "same-id" }),
      delivery(neighbour, { available: 5, at: "2026-11-27T15:00:00Z", eventId: "same-id" }),
      delivery(stranger, { available: 7, at: "2026-11-27T15:00:00Z" }),
    ]);
    expect(outcomes).toEqual([
      { recorded: true, applied: true },
      { recorded: true, applied: true },
      { recorded: false, applied: false },
    ]);
    expect((await level(shop))?.available).toBe(3);
    expect((await level(neighbour))?.available).toBe(5);
    expect(await prisma.inventoryLevel.count({ where: { shop: stranger } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { shop: stranger } })).toBe(0);
  });

  it("clears, for each level a batch applies, its location's shown reservations and the SKU's older holds", async () => {
    const shop = await installedShop();
    const OTHER = "2";
    await prisma.inventoryLevel.createMany({
      data: [LOCATION, OTHER].map((locationId) => ({
        shop,
        locationId,
        inventoryItemId: ITEM,
        sku: "BOOT-9",
        available: 3,
        sourceUpdatedAt: new Date("2026-11-27T14:00:00Z"),
      })),
    });
    const reservation = (locationId: string, reflectedAfter: string) => ({
      shop,
      orderId: `order-${locationId}-${reflectedAfter}`,
      locationId,
      sku: "BOOT-9",
      quantity: 1,
      reflectedAfter: new Date(reflectedAfter),
    });
    await prisma.inventoryReservation.createMany({
      data: [
        reservation(LOCATION, "2026-11-27T15:04:00Z"), // shown by the newer of LOCATION's two updates only
        reservation(OTHER, "2026-11-27T15:01:00Z"), // shown by OTHER's update
        reservation(OTHER, "2026-11-27T15:20:00Z"), // committed after every update: still counts
      ],
    });
    const hold = (locationId: string, heldSince: string) => ({
      shop,
      locationId,
      sku: "BOOT-9",
      taskId: crypto.randomUUID(),
      heldSince: new Date(heldSince),
    });
    await prisma.exceptionHold.createMany({
      data: [hold(LOCATION, "2026-11-27T15:03:00Z"), hold(OTHER, "2026-11-27T15:10:00Z")],
    });

    await recordAndApplyLevelUpdates(sqlPool, [
      delivery(shop, { available: 2, at: "2026-11-27T15:05:00Z" }),
      delivery(shop, { available: 4, at: "2026-11-27T15:02:00Z" }),
      delivery(shop, { available: 1, at: "2026-11-27T15:02:00Z", locationId: OTHER }),
    ]);

    const cleared = await prisma.inventoryReservation.findMany({
      where: { shop, clearedAt: { not: null } },
      select: { locationId: true, reflectedAfter: true, clearedReason: true },
      orderBy: { locationId: "asc" },
    });
    expect(cleared).toEqual([
      { locationId: OTHER, reflectedAfter: new Date("2026-11-27T15:01:00Z"), clearedReason: "REFLECTED" },
      { locationId: LOCATION, reflectedAfter: new Date("2026-11-27T15:04:00Z"), clearedReason: "REFLECTED" },
    ]);
    // LOCATION's hold predates its newest update; OTHER's came after OTHER's update and stays.
    expect(await prisma.exceptionHold.findMany({ where: { shop }, select: { locationId: true } })).toEqual([
      { locationId: OTHER },
    ]);
    expect((await level(shop))?.available).toBe(2);
    expect((await level(shop, OTHER))?.available).toBe(1);
  });

  it("answers deliveries made at once each with its own outcome, whatever batches they share", async () => {
    const shop = await installedShop();
    const deliveries = Array.from({ length: 30 }, (_, index) =>
      delivery(shop, {
        available: index,
        // Out of order: the newest (index 17) is neither first nor last.
        at: new Date(Date.UTC(2026, 10, 27, 15, 0, (index * 7) % 30)).toISOString(),
        eventId: `event-${index % 25}`,
      }),
    );
    const outcomes = await Promise.all(
      deliveries.map(({ event, update }) => recordAndApplyLevelUpdate(sqlPool, event, update)),
    );

    // Events 25–29 repeat events 0–4: whichever batch they share, each id is recorded once.
    expect(outcomes.filter((outcome) => outcome.recorded)).toHaveLength(25);
    expect(outcomes.filter((outcome) => outcome.applied).length).toBeGreaterThanOrEqual(1);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(25);
    // The newest of the recorded updates holds: second 29 is index 17's ((17 × 7) mod 30).
    expect(await level(shop)).toEqual({ available: 17, sourceUpdatedAt: new Date("2026-11-27T15:00:29Z") });
  });
});
