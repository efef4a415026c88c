import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { installShop, startEmulatorForApp, stopAppAndEmulator } from "../../../tests/support/routing-app";
import type { adminClientForShop as AdminClientForShop } from "~/shopify/admin-client-for-shop.server";
import type * as LocationsSyncModule from "./locations-sync.server";

/**
 * The locations sync against the emulator's chicago shop through the app's real Shopify client:
 * Shopify's local pickup setting ("Usually ready in …") is mirrored per location.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let locationsSync: typeof LocationsSyncModule;
let adminClientForShop: typeof AdminClientForShop;

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  ({ prisma } = await import("~/db.server"));
  locationsSync = await import("./locations-sync.server");
  ({ adminClientForShop } = await import("~/shopify/admin-client-for-shop.server"));
  await installShop(emulator);
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

const sync = () => locationsSync.syncLocations(emulator.shop, adminClientForShop(emulator.shop), () => new Date());

async function mirroredPickupTimes(): Promise<Map<string, string | null>> {
  const rows = await prisma.location.findMany({
    where: { shop: emulator.shop },
    select: { locationId: true, pickupTime: true },
  });
  return new Map(rows.map((row) => [row.locationId, row.pickupTime]));
}

describe("the locations sync", () => {
  it("mirrors each pickup location's own pickup time, and none for a location without pickup", async () => {
    const [store, otherStore] = emulator.scenario.locations.filter((location) => location.pickupEnabled);
    const warehouse = emulator.scenario.locations.find((location) => !location.pickupEnabled);
    emulator.shopify.setLocationPickupTime(emulator.shop, store!.id, "FOUR_HOURS");

    await sync();

    const mirrored = await mirroredPickupTimes();
    expect([
      mirrored.get(String(store!.id)),
      mirrored.get(String(otherStore!.id)),
      mirrored.get(String(warehouse!.id)),
    ]).toEqual(["FOUR_HOURS", "ONE_HOUR", null]);
  });

  it("follows a change of the pickup time in Shopify on the next sync", async () => {
    const [store] = emulator.scenario.locations.filter((location) => location.pickupEnabled);
    emulator.shopify.setLocationPickupTime(emulator.shop, store!.id, "TWO_TO_FOUR_DAYS");

    await sync();

    expect((await mirroredPickupTimes()).get(String(store!.id))).toBe("TWO_TO_FOUR_DAYS");
  });
});
