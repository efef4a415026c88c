import { describe, expect, it } from "vitest";
import type { OrderDeliveryMethod, RoutingDecisionStatus } from "@prisma/client";
import prisma from "~/db.server";
import { SEED_ROI_INPUTS } from "~/domain/roi/roi-calculator";
import { createDecision } from "~/models/routing-decisions.server";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { roiInputsFromYourData } from "./roi-from-data.server";

/**
 * "From your data" on a small hand-made history: a shop with two stores and a warehouse (each
 * parcel's cost is base + per mile + labour, the labour from the location's profile), its orders
 * of the last 30 days and some that must not count.
 */

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
let orderNumber = 0;

interface Parcel {
  locationId: string;
  cost: number;
}

async function decided(
  shop: string,
  deliveryMethod: OrderDeliveryMethod,
  parcels: Parcel[],
  decidedAt = new Date(NOW.getTime() - DAY_MS),
): Promise<void> {
  orderNumber += 1;
  const status: RoutingDecisionStatus = parcels.length === 0 ? "UNROUTABLE" : parcels.length > 1 ? "SPLIT" : "ROUTED";
  await createDecision(prisma, shop, {
    orderId: String(50_000 + orderNumber),
    status,
    assignments: parcels.map((parcel) => ({
      locationId: parcel.locationId,
      lines: [{ sku: "TEE-M", quantity: 1 }],
      cost: parcel.cost,
      distanceMiles: 3,
    })),
    flags: [],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod,
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt,
    moveStatus: status === "UNROUTABLE" ? "NONE" : "DONE",
  });
}

async function shopWithLocations(): Promise<string> {
  const shop = uniqueShop();
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "2", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
    { locationId: "3", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.7, lng: -88.07, stock: {} },
  ]);
  // Loop and the warehouse keep the default $3.00 of labour an order; Evanston pays $3.50.
  await prisma.locationProfile.update({
    where: { shop_locationId: { shop, locationId: "2" } },
    data: { labourCostPerOrder: 3.5 },
  });
  return shop;
}

describe("ROI inputs from the shop's last 30 days", () => {
  it("keeps the seed's figures and says nothing was filled when no order was routed", async () => {
    const shop = await shopWithLocations();
    const fromData = await roiInputsFromYourData(shop, NOW, SEED_ROI_INPUTS);
    expect(fromData.inputs).toEqual(SEED_ROI_INPUTS);
    expect(fromData.filled).toEqual([]);
    expect(fromData.summary.orders).toBe(0);
  });

  it("counts the window's orders and pickups, and averages shipped orders' shipping and pickup stores' labour", async () => {
    const shop = await shopWithLocations();
    // Pickups: at Loop ($5.00 base + $3.00 labour), at Evanston ($5.00 + $3.50), and one no store could take.
    await decided(shop, "PICK_UP", [{ locationId: "1", cost: 8 }]);
    await decided(shop, "PICK_UP", [{ locationId: "2", cost: 8.5 }]);
    await decided(shop, "PICK_UP", []);
    // Shipped from the warehouse: $8.15 − $3.00 labour = $5.15 of shipping.
    await decided(shop, "SHIPPING", [{ locationId: "3", cost: 8.15 }]);
    // Split: ($5.60 − $3.00) + ($10.25 − $3.00) = $9.85 of shipping for the order.
    await decided(shop, "SHIPPING", [
      { locationId: "1", cost: 5.6 },
      { locationId: "3", cost: 10.25 },
    ]);
    // Local delivery from Evanston: $9.00 − $3.50 = $5.50.
    await decided(shop, "LOCAL_DELIVERY", [{ locationId: "2", cost: 9 }]);
    // From a location the mirror no longer has: counted as an order, left out of the costs.
    await decided(shop, "SHIPPING", [{ locationId: "99", cost: 20 }]);
    // Outside the window (31 days ago; exactly now), and another shop's order: not counted.
    await decided(shop, "PICK_UP", [{ locationId: "1", cost: 8 }], new Date(NOW.getTime() - 31 * DAY_MS));
    await decided(shop, "PICK_UP", [{ locationId: "1", cost: 8 }], NOW);
    const otherShop = await shopWithLocations();
    await decided(otherShop, "PICK_UP", [{ locationId: "1", cost: 8 }]);

    const fromData = await roiInputsFromYourData(shop, NOW, SEED_ROI_INPUTS);

    expect(fromData.summary).toEqual({
      orders: 7,
      pickupOrders: 3,
      pickupLabour: { orders: 2, labourCents: 650 },
      shipping: { orders: 3, shippingCents: 515 + 985 + 550 },
    });
    expect(fromData.filled).toEqual([
      "onlineOrdersPerMonth",
      "bopisShareBasisPoints",
      "shippingSavedPerOrderCents",
      "labourPerOrderCents",
    ]);
    expect(fromData.inputs).toEqual({
      ...SEED_ROI_INPUTS,
      onlineOrdersPerMonth: 7,
      // 3 of 7 = 42.857…%.
      bopisShareBasisPoints: 4286,
      // $20.50 / 3 = $6.8333….
      shippingSavedPerOrderCents: 683,
      // $6.50 / 2.
      labourPerOrderCents: 325,
    });
    expect(fromData.since).toEqual(new Date("2026-10-31T12:00:00Z"));
  });
});
