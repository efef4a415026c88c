import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { seedMirror } from "../../tests/support/mirror";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { action as locationsAction, loader as locationsLoader } from "./app.locations";

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof locationsLoader;
let action: typeof locationsAction;

// The app's modules load once the emulator listens: the environment is read at first import.
beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./app.locations"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
  ]);
  await seedMirror(prisma, "someone-else.myshopify.com", [
    { locationId: "7", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

const auth = () => ({ Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` });
const PROFILE = {
  kind: "STORE",
  labourCostPerOrder: "2.75",
  shippingBaseCost: "6.00",
  shippingCostPerMile: "0.04",
  dailyCapacity: "30",
  pickup: "off",
};

async function save(fields: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const request = new Request(`${TEST_APP.appUrl}/app/locations`, {
    method: "POST",
    headers: auth(),
    body: new URLSearchParams(fields),
  });
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: await response.json() };
}

describe("the locations page", () => {
  it("lists the shop's locations with their profiles, and no other shop's", async () => {
    const { locations } = await loader({
      request: new Request(`${TEST_APP.appUrl}/app/locations`, { headers: auth() }),
      params: {},
      context: {},
    });
    expect(
      locations.map((location) => [location.name, location.form.labourCostPerOrder, location.form.pickup]),
    ).toEqual([["Loop", "3.00", "shopify"]]);
  });

  it("saves a profile the merchant edits", async () => {
    expect(await save({ locationId: "1", ...PROFILE })).toEqual({ status: 200, body: { ok: true } });
    const profile = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    expect([profile.labourCostPerOrder.toNumber(), profile.dailyCapacity, profile.pickupEnabledOverride]).toEqual([
      2.75,
      30,
      false,
    ]);
  });

  it("refuses invalid figures with field errors and changes nothing", async () => {
    const before = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    const result = await save({ locationId: "1", ...PROFILE, shippingCostPerMile: "cheap" });
    expect(result).toEqual({
      status: 200,
      body: { ok: false, errors: { shippingCostPerMile: "Enter the cost a mile in dollars, like 3.00" } },
    });
    const after = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    });
    expect(after).toEqual(before);
  });

  it("answers 404 for another shop's location and leaves it alone", async () => {
    expect((await save({ locationId: "7", ...PROFILE })).status).toBe(404);
    const theirs = await prisma.locationProfile.findUniqueOrThrow({
      where: { shop_locationId: { shop: "someone-else.myshopify.com", locationId: "7" } },
    });
    expect(theirs.labourCostPerOrder.toNumber()).toBe(3);
  });
});
