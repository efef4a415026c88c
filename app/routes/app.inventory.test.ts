import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { action as inventoryAction, loader as inventoryLoader } from "./app.inventory";
import type { loader as exportLoader } from "./app.inventory.export";

/**
 * The Inventory page: SKU by location from the mirror, for the shop whose admin asks and no
 * other, searched, filtered and paged; its CSV export; and "sync now".
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof inventoryLoader;
let action: typeof inventoryAction;
let csvLoader: typeof exportLoader;
const otherShop = uniqueShop();

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./app.inventory"));
  ({ loader: csvLoader } = await import("./app.inventory.export"));
  ({ prisma } = await import("~/db.server"));
  const { appJobQueue } = await import("~/jobs/app-job-queue.server");
  await appJobQueue();
  await seedMirror(prisma, emulator.shop, [
    { locationId: "10", name: "Warehouse", kind: "WAREHOUSE", lat: 41.8, lng: -87.9, stock: { TEE: 1200, CAP: 0 } },
    { locationId: "20", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: { TEE: 5, CAP: 0 } },
    { locationId: "30", name: "Wicker Park", kind: "STORE", lat: 41.91, lng: -87.68, stock: { TEE: 2, CAP: 0 } },
  ]);
  await prisma.variantInventoryItem.createMany({
    data: [
      { variantId: "1", inventoryItemId: "900", sku: "TEE", productTitle: "Merino Tee", variantTitle: "M" },
      { variantId: "2", inventoryItemId: "901", sku: "CAP", productTitle: 'Wool, "Cap"', variantTitle: "One size" },
    ].map((variant) => ({ shop: emulator.shop, ...variant, barcode: `400${variant.variantId}`, syncedAt: new Date() })),
  });
  await prisma.inventoryReservation.create({
    data: { shop: emulator.shop, orderId: "1", locationId: "20", sku: "TEE", quantity: 1 },
  });
  await seedMirror(prisma, otherShop, [
    { locationId: "99", name: "Other shop's store", kind: "STORE", lat: 40.7, lng: -74, stock: { TEE: 77, SECRET: 5 } },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

function request(path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${sessionTokenFor(emulator.shop)}`);
  return new Request(`${TEST_APP.appUrl}${path}`, { ...init, headers });
}

async function page(query = "", init: RequestInit = {}) {
  return loader({ request: request(`/app/inventory${query ? `?${query}` : ""}`, init), params: {}, context: {} });
}

/** The status of the Response the loader throws (a query it refuses). */
async function refusal(query: string): Promise<number> {
  try {
    await page(query);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error(`the loader answered ?${query}`);
}

async function csv(query = ""): Promise<Response> {
  return csvLoader({ request: request(`/app/inventory/export${query ? `?${query}` : ""}`), params: {}, context: {} });
}

const rowsOf = (cells: readonly { sku: string; locationName: string }[]) =>
  cells.map((c) => `${c.sku}@${c.locationName}`);

describe("the Inventory page", () => {
  it("shows each SKU at each of the shop's locations with available, reserved and sellable units, and no other shop's", async () => {
    const { cells, locationName, storeMinUnits } = await page();

    expect(rowsOf(cells)).toEqual([
      "CAP@Warehouse",
      "CAP@Loop",
      "CAP@Wicker Park",
      "TEE@Warehouse",
      "TEE@Loop",
      "TEE@Wicker Park",
    ]);
    expect(storeMinUnits).toBe(3);
    expect(cells.find((c) => c.sku === "TEE" && c.locationName === "Loop")).toMatchObject({
      productTitle: "Merino Tee",
      barcode: "4001",
      available: 5,
      reserved: 1,
      sellable: 4,
      belowStoreMinimum: false,
    });
    // 2 units at a store with a minimum of 3: routing takes none of them.
    expect(cells.find((c) => c.sku === "TEE" && c.locationName === "Wicker Park")).toMatchObject({
      available: 2,
      sellable: 0,
      belowStoreMinimum: true,
    });
    // The location filter is a search (/app/location-search): the page names only the one chosen.
    expect(locationName).toBeNull();
    expect(JSON.stringify(await page())).not.toContain("SECRET");
  });

  it("finds a SKU by SKU, title or barcode and shows its stock across every location", async () => {
    expect(rowsOf((await page("q=tee")).cells)).toEqual(["TEE@Warehouse", "TEE@Loop", "TEE@Wicker Park"]);
    expect(rowsOf((await page("q=merino")).cells)).toEqual(["TEE@Warehouse", "TEE@Loop", "TEE@Wicker Park"]);
    expect(rowsOf((await page("q=4002")).cells)).toEqual(["CAP@Warehouse", "CAP@Loop", "CAP@Wicker Park"]);
    expect((await page("q=SECRET")).cells).toEqual([]);
  });

  it("filters by location, below the store minimum and out of stock everywhere", async () => {
    const atLoop = await page("location=20");
    expect(rowsOf(atLoop.cells)).toEqual(["CAP@Loop", "TEE@Loop"]);
    expect(atLoop.locationName).toBe("Loop");
    expect(rowsOf((await page("below=1")).cells)).toEqual(["CAP@Loop", "CAP@Wicker Park", "TEE@Wicker Park"]);
    expect(rowsOf((await page("empty=1")).cells)).toEqual(["CAP@Warehouse", "CAP@Loop", "CAP@Wicker Park"]);
    expect(rowsOf((await page("sort=-available&location=10")).cells)).toEqual(["TEE@Warehouse", "CAP@Warehouse"]);
  });

  it("pages by cursor, 50 rows at a time, each row once", async () => {
    const shop = emulator.shop;
    const stock = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`ZZ-${String(i).padStart(2, "0")}`, i]));
    await seedMirror(prisma, shop, [{ locationId: "40", name: "Paging", kind: "STORE", lat: 41, lng: -87, stock }]);
    try {
      const first = await page("location=40");
      expect(first.cells).toHaveLength(50);
      expect(first.nextCursor).not.toBeNull();
      const second = await page(`location=40&cursor=${first.nextCursor}`);
      expect(second.cells.map((c) => c.sku)).toEqual(Object.keys(stock).slice(50));
      expect(second.nextCursor).toBeNull();
    } finally {
      await prisma.location.deleteMany({ where: { shop, locationId: "40" } });
      await prisma.inventoryLevel.deleteMany({ where: { shop, locationId: "40" } });
    }
  });

  it("refuses a cursor it never handed out, and parameters no use of the page produces, with 400", async () => {
    expect(await refusal("cursor=not-a-cursor")).toBe(400);
    expect(await refusal(`cursor=${"A".repeat(3000)}`)).toBe(400);
    expect(await refusal("sort=price")).toBe(400);
    expect(await refusal("q=%00")).toBe(400);
    expect(await refusal("below=%F0%9F%92%A5")).toBe(400);
  });

  it("answers 404 for a location of another shop or none", async () => {
    expect(await refusal("location=99")).toBe(404);
    expect(await refusal("location=12345")).toBe(404);
  });

  it("formats numbers in the admin's locale", async () => {
    expect((await page("", { headers: { "Accept-Language": "de-DE,de;q=0.9" } })).locale).toBe("de-DE");
    expect((await page("locale=fr")).locale).toBe("fr");
    expect((await page("", { headers: { "Accept-Language": "%%%" } })).locale).toBe("en-US");
  });
});

describe("sync now", () => {
  async function syncNow(body: Record<string, string>): Promise<Response> {
    return action({
      request: request("/app/inventory", { method: "POST", body: new URLSearchParams(body) }),
      params: {},
      context: {},
    });
  }

  const queuedSyncs = async (shop: string) => {
    const [row] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
       WHERE name = 'inventory.full-sync' AND state = 'created' AND data->>'shop' = ${shop}`;
    return row?.n ?? 0;
  };

  it("shows when the mirror last synced, queues the full sync once, and shows it queued", async () => {
    // Installing queued the shop's first full sync; this test starts from a shop with none queued.
    await page();
    await prisma.$executeRaw`DELETE FROM pgboss.job WHERE name = 'inventory.full-sync' AND data->>'shop' = ${emulator.shop}`;
    const before = await page();
    expect(before.sync.state).toBeNull();
    expect(before.sync.lastSyncedAt).not.toBeNull();

    const first = await syncNow({ intent: "sync-now" });
    const second = await syncNow({ intent: "sync-now" });

    expect(await first.json()).toEqual({ sync: "QUEUED" });
    expect(await second.json()).toEqual({ sync: "ALREADY_QUEUED" });
    expect(await queuedSyncs(emulator.shop)).toBe(1);
    expect(await queuedSyncs(otherShop)).toBe(0);
    expect((await page()).sync).toMatchObject({ state: "QUEUED", levelsSynced: null });
  });

  it("shows a running sync with the levels it has read so far", async () => {
    const startedAt = new Date(Date.now() - 60_000);
    await prisma.$executeRaw`
      UPDATE pgboss.job SET state = 'active', started_on = ${startedAt}
       WHERE name = 'inventory.full-sync' AND data->>'shop' = ${emulator.shop}`;
    await prisma.inventoryLevel.updateMany({
      where: { shop: emulator.shop, locationId: "10" },
      data: { syncedAt: new Date() },
    });

    expect((await page()).sync).toMatchObject({ state: "RUNNING", levelsSynced: 2 });
  });

  it("refuses any other intent with 400 and queues nothing", async () => {
    const shop = emulator.shop;
    const queued = await queuedSyncs(shop);
    const answer = await syncNow({ intent: "delete-everything" });
    expect(answer.status).toBe(400);
    expect(await queuedSyncs(shop)).toBe(queued);
  });
});

describe("the CSV export", () => {
  it("is the current filter's cells, every one, as CSV, and only the shop's", async () => {
    const answer = await csv("q=cap");

    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toContain("inventory.csv");
    expect(await answer.text()).toBe(
      "SKU,Product,Variant,Barcode,Location,Location ID,Kind,Available,Reserved by open orders,Sellable for routing\r\n" +
        'CAP,"Wool, ""Cap""",One size,4002,Warehouse,10,Warehouse,0,0,0\r\n' +
        'CAP,"Wool, ""Cap""",One size,4002,Loop,20,Store,0,0,0\r\n' +
        'CAP,"Wool, ""Cap""",One size,4002,Wicker Park,30,Store,0,0,0\r\n',
    );
    const everything = await (await csv()).text();
    expect(everything.trim().split("\r\n")).toHaveLength(7);
    expect(everything).toContain("TEE,Merino Tee,M,4001,Warehouse,10,Warehouse,1200,0,1200");
    expect(everything).not.toContain("Other shop");
  });

  it("refuses a hostile query with 400 and another shop's location with 404", async () => {
    expect((await csv("sort=%00")).status).toBe(400);
    expect((await csv("location=99")).status).toBe(404);
  });
});
