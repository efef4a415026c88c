import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { installedShop, uniqueShop } from "../../tests/support/shops";
import { recordAndApplyLevelUpdates } from "./inventory-level-webhooks.server";
import { clearRerouteReservationsOnceLevelsSettle, markRerouteReservationsMoved } from "./reroute-reservations.server";

/**
 * A reroute's reservation at the store it moved the lines to, marked moved after Shopify answered
 * the move. The move's inventory_levels/update can arrive first: the mirror then already shows the
 * units, and the reservation must not keep counting them until some later update of that level.
 */

const MADE_AT = new Date("2026-11-20T15:00:00.400Z");
const SCOPE = { orderId: "8001", skus: ["TEE-M"], since: new Date("2026-11-20T14:00:00Z") };

/** The store's level of the SKU as the mirror last heard it, and the reroute's unmarked reservation there. */
async function levelAndReservation(shop: string, levelUpdatedAt: Date): Promise<string> {
  await prisma.inventoryLevel.create({
    data: {
      shop,
      locationId: "2",
      inventoryItemId: "501",
      sku: "TEE-M",
      available: 4,
      sourceUpdatedAt: levelUpdatedAt,
    },
  });
  const { id } = await prisma.inventoryReservation.create({
    data: { shop, orderId: "8001", locationId: "2", sku: "TEE-M", quantity: 1, createdAt: MADE_AT },
  });
  return id;
}

async function reservationAfterLevelUpdatedAt(levelUpdatedAt: Date) {
  const shop = uniqueShop();
  const id = await levelAndReservation(shop, levelUpdatedAt);
  const marked = await prisma.$transaction((tx) => markRerouteReservationsMoved(tx, shop, SCOPE));
  return { marked, reservation: await prisma.inventoryReservation.findUniqueOrThrow({ where: { id } }) };
}

describe("marking a reroute's reservations moved", () => {
  it("clears them at once when the mirror already shows the move (its update came first)", async () => {
    // Shopify's updated_at has whole seconds: the move's update is stamped the reservation's second.
    const { marked, reservation } = await reservationAfterLevelUpdatedAt(new Date("2026-11-20T15:00:00Z"));

    expect(marked).toBe(1);
    expect(reservation).toMatchObject({ reflectedAfter: MADE_AT, clearedReason: "REFLECTED" });
    expect(reservation.clearedAt).toBeInstanceOf(Date);
  });

  it("keeps them counting until an update of the level at or after the move's second arrives", async () => {
    const { marked, reservation } = await reservationAfterLevelUpdatedAt(new Date("2026-11-20T14:59:59Z"));

    expect(marked).toBe(1);
    expect(reservation).toMatchObject({ reflectedAfter: MADE_AT, clearedAt: null, clearedReason: null });
  });
});

describe("a reroute's reservations when the move's own update waits on the levels the mark locked", () => {
  it("are cleared once that update has committed, though its statement read them before the mark", async () => {
    const shop = await installedShop();
    const at = "2026-11-20T15:00:01Z";
    const id = await levelAndReservation(shop, new Date("2026-11-20T14:59:59Z"));

    // The mark's transaction holds the level while the move's inventory_levels/update starts: the
    // update's one statement reads the reservation unmarked, then waits on the level's lock.
    let update: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await markRerouteReservationsMoved(tx, shop, SCOPE);
      update = recordAndApplyLevelUpdates(sqlPool, [
        {
          event: {
            shop,
            topic: "INVENTORY_LEVELS_UPDATE",
            eventId: crypto.randomUUID(),
            webhookId: crypto.randomUUID(),
            apiVersion: "2026-04",
            triggeredAt: new Date(at),
            customerId: null,
            orderIds: [],
            payload: { inventory_item_id: 501, location_id: 2, available: 3, updated_at: at },
          },
          update: { locationId: "2", inventoryItemId: "501", available: 3, sourceUpdatedAt: new Date(at) },
        },
      ]);
      // Long enough for the statement to take its snapshot and queue on the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await update;
    const afterBoth = await prisma.inventoryReservation.findUniqueOrThrow({ where: { id } });
    // Each missed the other's change: the mirror shows the move's units, the reservation still counts them.
    expect(afterBoth).toMatchObject({ reflectedAfter: MADE_AT, clearedAt: null });

    expect(await prisma.$transaction((tx) => clearRerouteReservationsOnceLevelsSettle(tx, shop, "8001"))).toBe(1);
    expect(await prisma.inventoryReservation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      clearedReason: "REFLECTED",
    });
  });
});
