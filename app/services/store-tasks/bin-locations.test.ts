import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { binLocationsFor } from "~/models/item-bin-locations.server";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { importBinLocations, recordFoundBinLocation } from "./bin-locations.server";
import type { PosCaller } from "./pos-outcome";

/** Where items are kept in each store: the merchant's import and the picker's "found it at …". */

const shop = uniqueShop();
const neighbour = uniqueShop();
const MONDAY = new Date("2026-11-30T15:00:00Z");
const TUESDAY = new Date("2026-12-01T15:00:00Z");

beforeAll(async () => {
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "2", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.7, lng: -88.07, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
  await seedMirror(prisma, neighbour, [
    { locationId: "1", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

let tasksMade = 0;

async function seedTask(taskShop: string, locationId: string): Promise<string> {
  tasksMade += 1;
  const task = await prisma.storeTask.create({
    data: {
      shop: taskShop,
      fulfillmentOrderId: String(5000 + tasksMade),
      orderId: "9001",
      orderName: "#1001",
      locationId,
      kind: "PICKUP",
      pickupCode: `CODE${tasksMade}`,
      assignedAt: MONDAY,
      lines: {
        create: [
          { shop: taskShop, lineItemId: "11", position: 0, sku: "TEE-M", title: "Tee", quantity: 1 },
          { shop: taskShop, lineItemId: "12", position: 1, sku: null, title: "Gift card", quantity: 1 },
        ],
      },
    },
  });
  return task.id;
}

const caller = (locationId = "1", callerShop = shop): PosCaller => ({
  shop: callerShop,
  locationId,
  userId: "9001",
  staffMemberId: "501",
});

describe("the merchant's bin import", () => {
  it("records every row as the merchant's word, confirmed at the import", async () => {
    const outcome = await importBinLocations(
      shop,
      'location,sku,bin\nLoop,TEE-M,"Aisle 4, Bin 12"\n3,TEE-M,B2\nLoop,CAP,A1\n',
      MONDAY,
    );

    expect(outcome).toEqual({ ok: true, imported: 3, stores: 2 });
    const loop = await binLocationsFor(prisma, shop, "1", ["TEE-M", "CAP"]);
    expect(loop.get("TEE-M")).toEqual({ code: "Aisle 4, Bin 12", source: "MERCHANT", confirmedAt: MONDAY });
    expect(loop.get("CAP")?.code).toBe("A1");
    expect((await binLocationsFor(prisma, shop, "3", ["TEE-M"])).get("TEE-M")?.code).toBe("B2");
  });

  it("replaces what was known when imported again", async () => {
    await importBinLocations(shop, "location,sku,bin\nEvanston,HAT,C1\n", MONDAY);

    await importBinLocations(shop, "location,sku,bin\nEvanston,HAT,C7\n", TUESDAY);

    expect((await binLocationsFor(prisma, shop, "3", ["HAT"])).get("HAT")).toEqual({
      code: "C7",
      source: "MERCHANT",
      confirmedAt: TUESDAY,
    });
  });

  it("imports nothing when a row is wrong, and says which; a warehouse or another shop's store is no store here", async () => {
    const outcome = await importBinLocations(
      shop,
      "location,sku,bin\nLoop,SCARF,D1\nBolingbrook warehouse,SCARF,D1\nElsewhere,SCARF,D1\n",
      MONDAY,
    );

    expect(outcome).toEqual({
      ok: false,
      moreErrors: 0,
      errors: [
        { line: 3, message: '"Bolingbrook warehouse" is not one of your stores' },
        { line: 4, message: '"Elsewhere" is not one of your stores' },
      ],
    });
    expect(await binLocationsFor(prisma, shop, "1", ["SCARF"])).toEqual(new Map());
  });
});

describe("a picker's found it at …", () => {
  it("becomes the item's bin at the store, as the picker's word, and the task shows it", async () => {
    const taskId = await seedTask(shop, "1");

    const outcome = await recordFoundBinLocation(caller(), taskId, { lineItemId: "11", code: "Aisle 9" }, TUESDAY);

    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.answer.task.lines[0]?.binLocation).toEqual({
        code: "Aisle 9",
        confirmedAt: TUESDAY.toISOString(),
      });
    }
    expect((await binLocationsFor(prisma, shop, "1", ["TEE-M"])).get("TEE-M")).toEqual({
      code: "Aisle 9",
      source: "PICKER",
      confirmedAt: TUESDAY,
    });
    expect((await binLocationsFor(prisma, shop, "3", ["TEE-M"])).get("TEE-M")?.code).not.toBe("Aisle 9");
  });

  it("refuses a line without a SKU and a line not on the order", async () => {
    const taskId = await seedTask(shop, "1");

    expect(await recordFoundBinLocation(caller(), taskId, { lineItemId: "12", code: "A1" })).toMatchObject({
      ok: false,
      refusal: { status: 400, code: "INVALID", field: "lineItemId" },
    });
    expect(await recordFoundBinLocation(caller(), taskId, { lineItemId: "99", code: "A1" })).toMatchObject({
      ok: false,
      refusal: { status: 404, code: "NOT_FOUND", field: "lineItemId" },
    });
  });

  it("does not reach another store's or another shop's task", async () => {
    const taskId = await seedTask(shop, "1");
    const theirs = await seedTask(neighbour, "1");

    expect(await recordFoundBinLocation(caller("3"), taskId, { lineItemId: "11", code: "Z9" })).toMatchObject({
      ok: false,
      refusal: { status: 404 },
    });
    expect(await recordFoundBinLocation(caller(), theirs, { lineItemId: "11", code: "Z9" })).toMatchObject({
      ok: false,
      refusal: { status: 404 },
    });
    expect(await binLocationsFor(prisma, neighbour, "1", ["TEE-M"])).toEqual(new Map());
  });
});
