import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { loader as searchLoader } from "./app.location-search";

/** The location pickers' search: the asking shop's live locations by name, in the picker's scope. */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof searchLoader;
const otherShop = uniqueShop();

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.location-search"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, emulator.shop, [
    { locationId: "10", name: "Austin Warehouse", kind: "WAREHOUSE", lat: 30.2, lng: -97.7, stock: {} },
    { locationId: "20", name: "North Austin", kind: "STORE", lat: 30.4, lng: -97.7, stock: {} },
    { locationId: "30", name: "Austin Downtown", kind: "STORE", lat: 30.27, lng: -97.74, stock: {} },
    { locationId: "40", name: "Boston Back Bay", kind: "STORE", lat: 42.35, lng: -71.08, stock: {} },
  ]);
  await prisma.location.update({
    where: { shop_locationId: { shop: emulator.shop, locationId: "40" } },
    data: { deletedAt: new Date() },
  });
  await seedMirror(prisma, otherShop, [
    { locationId: "99", name: "Austin (another shop)", kind: "STORE", lat: 30.3, lng: -97.7, stock: {} },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

async function search(query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const request = new Request(`${TEST_APP.appUrl}/app/location-search?${query}`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
  const response = await loader({ request, params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("/app/location-search", () => {
  it("lists the shop's live locations whose name matches, names starting with the query first, and no other shop's", async () => {
    const { status, body } = await search("q=austin");
    expect(status).toBe(200);
    expect(body).toEqual({
      locations: [
        { id: "30", name: "Austin Downtown" },
        { id: "10", name: "Austin Warehouse" },
        { id: "20", name: "North Austin" },
      ],
      more: false,
    });
    expect((await search("q=back bay")).body).toEqual({ locations: [], more: false });
  });

  it("keeps to the scope the picker asks for", async () => {
    const names = async (scope: string) =>
      ((await search(`scope=${scope}`)).body.locations as { name: string }[]).map((location) => location.name);
    expect(await names("STORES")).toEqual(["Austin Downtown", "North Austin"]);
    expect(await names("PICKUP")).toEqual(["Austin Downtown", "North Austin"]);
    expect(await names("PLACED")).toEqual(["Austin Downtown", "Austin Warehouse", "North Austin"]);
  });

  it("refuses an unknown scope or a query longer than a name with 400 and a reason", async () => {
    const badScope = await search("scope=EVERYWHERE");
    expect(badScope.status).toBe(400);
    expect(badScope.body.error).toMatch(/scope must be one of ALL, STORES, PICKUP, PLACED/);
    const long = await search(`q=${"a".repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/at most 100 characters/);
    expect((await search("q=%00%F0%9F%92%A5")).body).toEqual({ locations: [], more: false });
  });
});
