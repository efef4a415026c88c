import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  readLocationsTableQuery,
  encodeLocationsCursor,
  type LocationsTableQuery,
} from "~/domain/locations/locations-table-query";
import { uniqueShop } from "../../tests/support/shops";
import {
  countLocationTableRows,
  findLocationTableRows,
  locationRowKey,
  updateMatchingLocationProfiles,
} from "./locations-table.server";

const shop = uniqueShop();
const otherShop = uniqueShop();

interface Seed {
  id: string;
  name: string;
  city: string;
  zip: string;
  kind?: "STORE" | "WAREHOUSE";
  capacity?: number;
  shopifyPickup?: boolean;
  override?: boolean;
  placed?: boolean;
  deleted?: boolean;
}

const SEEDS: Seed[] = [
  { id: "1", name: "Loop", city: "Chicago", zip: "60601", capacity: 40, shopifyPickup: true },
  { id: "2", name: "Wicker Park", city: "Chicago", zip: "60622", capacity: 25, shopifyPickup: true, override: false },
  { id: "3", name: "Evanston", city: "Evanston", zip: "60201", shopifyPickup: false, override: true },
  { id: "4", name: "Elk Grove DC", city: "Elk Grove Village", zip: "60007", kind: "WAREHOUSE", capacity: 900 },
  { id: "5", name: "Oak Park", city: "Oak Park", zip: "60302", placed: false, capacity: 25 },
  { id: "6", name: "Closed 100%_off", city: "Chicago", zip: "60610", deleted: true },
];

async function seed(target: string, seeds: readonly Seed[]) {
  for (const s of seeds) {
    await prisma.location.create({
      data: {
        shop: target,
        locationId: s.id,
        name: s.name,
        city: s.city,
        zip: s.zip,
        latitude: s.placed === false ? null : 41.9,
        longitude: s.placed === false ? null : -87.6,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: s.shopifyPickup ?? false,
        syncedAt: new Date(),
        deletedAt: s.deleted ? new Date() : null,
        profile: {
          create: {
            kind: s.kind ?? "STORE",
            timeZone: "America/Chicago",
            dailyCapacity: s.capacity ?? null,
            pickupEnabledOverride: s.override ?? null,
          },
        },
      },
    });
  }
}

beforeAll(async () => {
  await seed(shop, SEEDS);
  await seed(otherShop, [{ id: "9", name: "Loop (their shop)", city: "Chicago", zip: "60601", capacity: 1 }]);
});

function query(search: string): LocationsTableQuery {
  const reading = readLocationsTableQuery(new URLSearchParams(search));
  if (!reading.ok) throw new Error(reading.error);
  return reading.query;
}

const names = async (search: string, limit = 50) =>
  (await findLocationTableRows(prisma, shop, query(search), limit)).map((row) => row.name);

describe("the Locations table's read", () => {
  it("lists the shop's live locations by name, and no other shop's", async () => {
    expect(await names("")).toEqual(["Elk Grove DC", "Evanston", "Loop", "Oak Park", "Wicker Park"]);
    expect(await countLocationTableRows(prisma, shop, query(""))).toBe(5);
  });

  it("searches names and cities by what they contain, and ZIPs by their start", async () => {
    expect(await names("q=chicago")).toEqual(["Loop", "Wicker Park"]);
    expect(await names("q=PARK")).toEqual(["Oak Park", "Wicker Park"]);
    expect(await names("q=6060")).toEqual(["Loop"]);
    expect(await names("q=0601")).toEqual([]);
    // LIKE's own characters are taken literally.
    expect(await names("q=100%25_")).toEqual([]);
    expect(await names("q=%25")).toEqual([]);
  });

  it("filters by kind, pickup as shoppers get it, routing and capacity", async () => {
    expect(await names("kind=warehouse")).toEqual(["Elk Grove DC"]);
    expect(await names("kind=store&pickup=on")).toEqual(["Evanston", "Loop"]);
    expect(await names("pickup=off")).toEqual(["Elk Grove DC", "Oak Park", "Wicker Park"]);
    expect(await names("routes=no")).toEqual(["Oak Park"]);
    expect(await names("capacity=no")).toEqual(["Evanston"]);
    expect(await names("capacity=yes&routes=yes&kind=store")).toEqual(["Loop", "Wicker Park"]);
    expect(await countLocationTableRows(prisma, shop, query("capacity=yes"))).toBe(4);
  });

  it("reads each row's figures and pickup as stored", async () => {
    const [wicker] = await findLocationTableRows(prisma, shop, query("q=wicker"), 50);
    expect(wicker).toMatchObject({
      locationId: "2",
      kind: "STORE",
      dailyCapacity: 25,
      shopifyPickup: true,
      pickupEnabledOverride: false,
      routesOrders: true,
      openingHours: null,
      timeZone: "America/Chicago",
    });
    expect(wicker?.labourCostPerOrder.toNumber()).toBe(3);
  });

  it.each([
    ["name", ["Elk Grove DC", "Evanston", "Loop", "Oak Park", "Wicker Park"]],
    ["-name", ["Wicker Park", "Oak Park", "Loop", "Evanston", "Elk Grove DC"]],
    ["capacity", ["Oak Park", "Wicker Park", "Loop", "Elk Grove DC", "Evanston"]],
    ["-capacity", ["Evanston", "Elk Grove DC", "Loop", "Wicker Park", "Oak Park"]],
  ])("pages through every location once, sorted by %s, two at a time", async (sort, expected) => {
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 5; page += 1) {
      const rows = await findLocationTableRows(prisma, shop, query(`sort=${sort}&cursor=${cursor}`), 2);
      seen.push(...rows.map((row) => row.name));
      const last = rows.at(-1);
      if (rows.length < 2 || !last) break;
      cursor = encodeLocationsCursor(sort as "name", locationRowKey(last));
    }
    expect(seen).toEqual(expected);
  });

  it("pages a national chain's 2,000 locations fifty at a time without a gap or a repeat", async () => {
    const chain = uniqueShop();
    await prisma.location.createMany({
      data: Array.from({ length: 2_000 }, (_, index) => ({
        shop: chain,
        locationId: String(71_000_000_000 + index),
        // Many locations share a name: the id breaks the tie.
        name: `Store ${index % 300}`,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: new Date(),
      })),
    });
    await prisma.locationProfile.createMany({
      data: Array.from({ length: 2_000 }, (_, index) => ({
        shop: chain,
        locationId: String(71_000_000_000 + index),
        kind: "STORE" as const,
        timeZone: "America/Chicago",
        dailyCapacity: index % 3 === 0 ? null : index % 40,
      })),
    });
    const seen = new Set<string>();
    let cursor = "";
    for (let page = 0; page < 50; page += 1) {
      const rows = await findLocationTableRows(prisma, chain, query(`sort=-capacity&cursor=${cursor}`), 50);
      for (const row of rows) seen.add(row.locationId);
      const last = rows.at(-1);
      if (rows.length < 50 || !last) break;
      cursor = encodeLocationsCursor("-capacity", locationRowKey(last));
    }
    expect(seen.size).toBe(2_000);
  });
});

describe("a bulk edit of every location the filter matches", () => {
  it("changes the matching locations of the shop and no others, in this shop or another", async () => {
    const chain = uniqueShop();
    await seed(chain, SEEDS);
    const theirs = await prisma.locationProfile.findMany({ where: { shop: otherShop } });
    const at = new Date("2026-12-01T10:00:00.000Z");

    // Chicago's stores: Loop and Wicker Park (the deleted one in Chicago is left alone).
    expect(
      await updateMatchingLocationProfiles(
        prisma,
        chain,
        query("q=chicago&kind=store"),
        { labourCostPerOrder: 4.5 },
        at,
      ),
    ).toBe(2);
    expect(
      await updateMatchingLocationProfiles(prisma, chain, query("capacity=no"), { pickupEnabledOverride: false }, at),
    ).toBe(1);

    const profiles = await prisma.locationProfile.findMany({ where: { shop: chain }, orderBy: { locationId: "asc" } });
    expect(profiles.map((p) => [p.locationId, p.labourCostPerOrder.toNumber(), p.pickupEnabledOverride])).toEqual([
      ["1", 4.5, null],
      ["2", 4.5, false],
      ["3", 3, false],
      ["4", 3, null],
      ["5", 3, null],
      ["6", 3, null],
    ]);
    expect(await prisma.locationProfile.findMany({ where: { shop: otherShop } })).toEqual(theirs);
  });
});
