import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { markRerouteReservationsMoved } from "./reroute-reservations.server";

/**
 * A reroute's reservation at the store it moved the lines to, marked moved after Shopify answered
 * the move. The move's inventory_levels/update can arrive first: the mirror then already shows the
 * units, and the reservation must not keep counting them until some later update of that level.
 */

const MADE_AT = new Date("2026-11-20T15:00:00.400Z");
const SCOPE = { orderId: "8001", skus: ["TEE-M"], since: new Date("2026-11-20T14:00:00Z") };

async function reservationAfterLevelUpdatedAt(levelUpdatedAt: Date) {
  const shop = uniqueShop();
  await prisma.inventoryLevel.create({
    data: {
      shop,
      locationId: "2",
      inventoryItemId: "501",
      sku: "TEE-M",
      available: 3,
      sourceUpdatedAt: levelUpdatedAt,
    },
  });
  const { id } = await prisma.inventoryReservation.create({
    data: { shop, orderId: "8001", locationId: "2", sku: "TEE-M", quantity: 1, createdAt: MADE_AT },
  });
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
