import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { action as locationsAction, loader as locationsLoader } from "./route";

/**
 * The Locations table: the shop's locations and no other's, searched, filtered and paged on the
 * server, and bulk edits of the selected that apply to all of them or to none.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof locationsLoader;
let action: typeof locationsAction;
const otherShop = uniqueShop();

// The app's modules load once the emulator listens: the environment is read at first import.
beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, otherShop, [
    { locationId: "7", name: "Their Loop", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

// Each test starts from three locations with the default profiles.
beforeEach(async () => {
  await prisma.location.deleteMany({ where: { shop: emulator.shop } });
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
    { locationId: "2", name: "Wicker Park", kind: "STORE", lat: 41.9088, lng: -87.6796, stock: {} },
    { locationId: "3", name: "Elk Grove DC", kind: "WAREHOUSE", lat: 42.0, lng: -87.97, stock: {} },
  ]);
  await prisma.location.update({
    where: { shop_locationId: { shop: emulator.shop, locationId: "2" } },
    data: { city: "Chicago", zip: "60622", fulfillsOnlineOrders: false },
  });
  await prisma.locationProfile.update({
    where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    data: { dailyCapacity: 40, pickupEnabledOverride: false },
  });
});

afterAll(async () => {
  await emulator.close();
});

const auth = () => ({ Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` });

async function table(query = "") {
  return loader({
    request: new Request(`${TEST_APP.appUrl}/app/locations${query ? `?${query}` : ""}`, { headers: auth() }),
    params: {},
    context: {},
  });
}

/** The status of the Response the loader throws (a query it refuses). */
async function refusal(query: string): Promise<number> {
  try {
    await table(query);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error(`the loader answered ?${query}`);
}

async function bulk(fields: [string, string][]): Promise<{ status: number; body: unknown }> {
  const request = new Request(`${TEST_APP.appUrl}/app/locations`, {
    method: "POST",
    headers: auth(),
    body: new URLSearchParams(fields),
  });
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: await response.json() };
}

const profiles = (shop: string) => prisma.locationProfile.findMany({ where: { shop }, orderBy: { locationId: "asc" } });

describe("the Locations table", () => {
  it("lists the shop's locations with what each costs and can do, and no other shop's", async () => {
    const page = await table();
    expect(page.rows.map((row) => [row.name, row.kind, row.pickup, row.pickupSource, row.dailyCapacity])).toEqual([
      ["Elk Grove DC", "WAREHOUSE", false, "shopify", null],
      ["Loop", "STORE", false, "override", 40],
      ["Wicker Park", "STORE", true, "shopify", null],
    ]);
    expect(
      page.rows.map((row) => [row.labourCostPerOrder, row.hoursSummary, row.timeZoneName, row.routesOrders]),
    ).toEqual([
      [3, "Always open", "America/Chicago", true],
      [3, "Always open", "America/Chicago", true],
      [3, "Always open", "America/Chicago", false],
    ]);
    expect([page.total, page.nextCursor, page.currency]).toEqual([3, null, expect.stringMatching(/^[A-Z]{3}$/)]);
    expect(JSON.stringify(page)).not.toContain("Their Loop");
  });

  it("searches and filters on the server", async () => {
    const names = async (query: string) => (await table(query)).rows.map((row) => row.name);
    expect(await names("q=606")).toEqual(["Wicker Park"]);
    expect(await names("kind=store")).toEqual(["Loop", "Wicker Park"]);
    expect(await names("pickup=off&kind=store")).toEqual(["Loop"]);
    expect(await names("routes=no")).toEqual(["Wicker Park"]);
    expect(await names("capacity=yes")).toEqual(["Loop"]);
    expect(await names("sort=-name&capacity=no")).toEqual(["Wicker Park", "Elk Grove DC"]);
  });

  it("pages a long list fifty at a time with a cursor", async () => {
    await prisma.location.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        shop: emulator.shop,
        locationId: String(1_000 + index),
        name: `Store ${String(index).padStart(2, "0")}`,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: new Date(),
      })),
    });
    await prisma.locationProfile.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        shop: emulator.shop,
        locationId: String(1_000 + index),
        kind: "STORE" as const,
        timeZone: "America/Chicago",
      })),
    });
    const first = await table("kind=store");
    expect([first.rows.length, first.total]).toEqual([50, 62]);
    expect(first.nextCursor).not.toBeNull();
    const second = await table(`kind=store&cursor=${first.nextCursor}`);
    // Loop and Store 00–48 were the first page.
    expect(second.rows.map((row) => row.name)).toEqual([
      ...Array.from({ length: 11 }, (_, index) => `Store ${49 + index}`),
      "Wicker Park",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["an unknown sort", "sort=secret"],
    ["a forged cursor", "cursor=eyJhIjoxfQ"],
    ["a cursor of another sort", "sort=-name&cursor=WyJuYW1lIiwxLCJMb29wIiwiMSJd"],
    ["a repeated filter", "kind=store&kind=warehouse"],
    ["a NUL in the search", "q=%00"],
    ["an unknown filter value", "routes=maybe"],
  ])("answers 400 for %s", async (_, query) => {
    expect(await refusal(query)).toBe(400);
  });
});

describe("bulk edits of the selected locations", () => {
  it("sets the pick and pack cost at every selected location, and no other", async () => {
    const result = await bulk([
      ["intent", "set-labour-cost"],
      ["locationIds", "1"],
      ["locationIds", "3"],
      ["labourCostPerOrder", "2.25"],
    ]);
    expect(result).toEqual({ status: 200, body: { ok: true, updated: 2, intent: "set-labour-cost" } });
    expect((await profiles(emulator.shop)).map((p) => p.labourCostPerOrder.toNumber())).toEqual([2.25, 3, 2.25]);
    expect((await table()).rows.map((row) => row.labourCostPerOrder)).toEqual([2.25, 2.25, 3]);
  });

  it("sets pickup on, off, or back to Shopify's setting", async () => {
    const pickup = (choice: string, ...ids: string[]) =>
      bulk([["intent", "set-pickup"], ["pickup", choice], ...ids.map((id): [string, string] => ["locationIds", id])]);
    expect((await pickup("on", "1", "3")).status).toBe(200);
    expect((await pickup("shopify", "2")).status).toBe(200);
    expect((await profiles(emulator.shop)).map((p) => p.pickupEnabledOverride)).toEqual([true, null, true]);
    expect((await pickup("shopify", "1", "3")).body).toEqual({ ok: true, updated: 2, intent: "set-pickup" });
    expect((await profiles(emulator.shop)).map((p) => p.pickupEnabledOverride)).toEqual([null, null, null]);
  });

  it("refuses a value the location form would refuse, with its message, and changes nothing", async () => {
    const before = await profiles(emulator.shop);
    const result = await bulk([
      ["intent", "set-labour-cost"],
      ["locationIds", "1"],
      ["labourCostPerOrder", "1000.50"],
    ]);
    expect(result).toEqual({
      status: 400,
      body: { ok: false, errors: { labourCostPerOrder: "Enter the pick and pack cost of at most $1000" } },
    });
    expect(await profiles(emulator.shop)).toEqual(before);
  });

  it("answers 404 and changes nothing in either shop when a selected id is another shop's", async () => {
    const before = [await profiles(emulator.shop), await profiles(otherShop)];
    const result = await bulk([
      ["intent", "set-labour-cost"],
      ["locationIds", "1"],
      ["locationIds", "7"],
      ["labourCostPerOrder", "0.50"],
    ]);
    expect(result).toEqual({ status: 404, body: { ok: false, notFound: true } });
    const pickup = await bulk([
      ["intent", "set-pickup"],
      ["locationIds", "7"],
      ["pickup", "off"],
    ]);
    expect(pickup.status).toBe(404);
    expect([await profiles(emulator.shop), await profiles(otherShop)]).toEqual(before);
  });

  it("sets pickup at every location the table's filter matches, on any page, and no other shop's", async () => {
    const before = await profiles(otherShop);
    const result = await bulk([
      ["intent", "set-pickup"],
      ["scope", "matching"],
      ["filter", "kind=store"],
      ["pickup", "on"],
    ]);
    expect(result).toEqual({ status: 200, body: { ok: true, updated: 2, intent: "set-pickup" } });
    expect((await profiles(emulator.shop)).map((p) => p.pickupEnabledOverride)).toEqual([true, true, null]);
    expect(await profiles(otherShop)).toEqual(before);
  });

  it.each([
    [
      "a filter the table refuses",
      [
        ["intent", "set-pickup"],
        ["pickup", "on"],
        ["scope", "matching"],
        ["filter", "sort=secret"],
      ],
    ],
    ["no intent", [["locationIds", "1"]]],
    [
      "an unknown intent",
      [
        ["intent", "delete"],
        ["locationIds", "1"],
      ],
    ],
    [
      "no selection",
      [
        ["intent", "set-pickup"],
        ["pickup", "on"],
      ],
    ],
    [
      "an id that is none",
      [
        ["intent", "set-pickup"],
        ["pickup", "on"],
        ["locationIds", "1 OR 1=1"],
      ],
    ],
  ] as [string, [string, string][]][])("answers 400 for %s and changes nothing", async (_, fields) => {
    const before = await profiles(emulator.shop);
    expect((await bulk(fields)).status).toBe(400);
    expect(await profiles(emulator.shop)).toEqual(before);
  });
});
