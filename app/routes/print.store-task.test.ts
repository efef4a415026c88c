import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTaskKind } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { signSessionToken } from "../../dev/emulator/session-token";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type * as PrintLinks from "~/services/store-tasks/print-links.server";
import type { loader as printLinkLoader } from "./api.pos.tasks.$taskId.print-link";
import type { loader as printLoader } from "./print.store-task";

/**
 * Paper from POS: the associate's session asks for a signed print link, and POS's Printing API
 * loads it. Only a link signed for the task prints it; another shop's task never.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let printLinkRoute: typeof printLinkLoader;
let printRoute: typeof printLoader;
let links: typeof PrintLinks;
const neighbour = uniqueShop();
let tasksMade = 0;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  ({ loader: printLinkRoute } = await import("./api.pos.tasks.$taskId.print-link"));
  ({ loader: printRoute } = await import("./print.store-task"));
  links = await import("~/services/store-tasks/print-links.server");
  // The shop's offline session, as installing the app leaves it: the slip asks Shopify the shop's name.
  const { authenticate } = await import("~/shopify.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` } }),
  );
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
  await seedMirror(prisma, neighbour, [
    { locationId: "1", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
  await prisma.itemBinLocation.create({
    data: {
      shop: emulator.shop,
      locationId: "1",
      sku: "TEE-M",
      code: "Aisle 4, Bin 12",
      source: "MERCHANT",
      confirmedAt: new Date(),
    },
  });
}, 30_000);

afterAll(async () => {
  await emulator.close();
});

async function seedTask(kind: StoreTaskKind, shop = emulator.shop): Promise<{ id: string; pickupCode: string }> {
  tasksMade += 1;
  return prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(7000 + tasksMade),
      orderId: String(8000 + tasksMade),
      orderName: `#${1000 + tasksMade}`,
      locationId: "1",
      kind,
      pickupCode: `K7M4Q${tasksMade}`,
      customerName: "Ada Lovelace",
      assignedAt: new Date(),
      lines: {
        create: [
          { shop, lineItemId: "11", position: 0, sku: "TEE-M", title: "Tee", variantTitle: "M", quantity: 2 },
          { shop, lineItemId: "12", position: 1, sku: "MUG", title: "Mug <script>alert(1)</script>", quantity: 1 },
        ],
      },
    },
    select: { id: true, pickupCode: true },
  });
}

async function askForLink(taskId: string, document: string, options: { locationId?: string; token?: string } = {}) {
  const url = new URL(`${TEST_APP.appUrl}/api/pos/tasks/${taskId}/print-link`);
  url.searchParams.set("locationId", options.locationId ?? "1");
  url.searchParams.set("document", document);
  const token =
    options.token ??
    signSessionToken(
      { shop: emulator.shop, apiKey: TEST_APP.apiKey, userId: "9001", now: new Date() },
      TEST_APP.apiSecret,
    );
  return printLinkRoute({
    request: new Request(url, {
      headers: { Authorization: `Bearer ${token}`, Origin: "https://extensions.shopifycdn.com" },
    }),
    params: { taskId },
    context: {},
  });
}

async function linkFor(taskId: string, document: "PICK_LIST" | "PACKING_SLIP"): Promise<string> {
  const response = await askForLink(taskId, document);
  expect(response.status).toBe(200);
  const { src } = (await response.json()) as { src: string };
  return src;
}

function load(src: string): Promise<Response> {
  return printRoute({ request: new Request(new URL(src, TEST_APP.appUrl)), params: {}, context: {} });
}

describe("printing a store task", () => {
  it("gives a signed link under the app to the store's POS session, good for five minutes", async () => {
    const task = await seedTask("PICKUP");

    const response = await askForLink(task.id, "PICK_LIST");

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { src, expiresAt } = (await response.json()) as { src: string; expiresAt: string };
    expect(src).toMatch(/^\/print\/store-task\?token=[\w.%-]+$/);
    expect(src).not.toContain(task.id);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("prints the pick list: every item with its bin at this store, names printed as text", async () => {
    const task = await seedTask("PICKUP");

    const response = await load(await linkFor(task.id, "PICK_LIST"));

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("Pick list #");
    expect(html).toMatch(/<td>Aisle 4, Bin 12<\/td><td>Tee — M<\/td><td>TEE-M<\/td><td class="qty">2<\/td>/);
    expect(html).toMatch(/<td>—<\/td><td>Mug &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/td>/);
    expect(html).not.toContain("<script>");
  });

  it("prints a pickup's packing slip branded with the shop's name and the pickup code as text", async () => {
    const task = await seedTask("PICKUP");

    const html = await (await load(await linkFor(task.id, "PACKING_SLIP"))).text();

    expect(html).toContain(`<h1>${emulator.scenario.shop.name}</h1>`);
    expect(html).toContain(`Pickup code: <strong>${task.pickupCode.slice(0, 3)}-${task.pickupCode.slice(3)}</strong>`);
    expect(html).toContain("Ready for pickup at Loop");
    expect(html).not.toContain("Return reference");
  });

  it("prints a ship-from-store packing slip plain, with a return reference and no pickup code", async () => {
    const task = await seedTask("SHIP");

    const html = await (await load(await linkFor(task.id, "PACKING_SLIP"))).text();

    expect(html).toMatch(/Return reference: <strong>R-\d+-[0-9A-F]{6}<\/strong>/);
    expect(html).not.toContain(emulator.scenario.shop.name);
    expect(html).not.toContain("Pickup code");
  });

  it("prints nothing without a link, with a link altered, or with one past its five minutes", async () => {
    const task = await seedTask("PICKUP");
    const src = await linkFor(task.id, "PICK_LIST");
    const claims = { shop: emulator.shop, locationId: "1", taskId: task.id, document: "PICK_LIST" as const };
    const old = links.signPrintToken(claims, new Date(Date.now() - 6 * 60_000), TEST_APP.apiSecret).token;
    const forged = links.signPrintToken(claims, new Date(), "not-the-app-secret").token;
    const [payload, signature] = decodeURIComponent(src.split("token=")[1]!).split(".");
    const otherDocument = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), document: "PACKING_SLIP" }),
    ).toString("base64url");

    for (const token of [null, "", task.id, `${otherDocument}.${signature}`, forged]) {
      const response = await load(token === null ? "/print/store-task" : `/print/store-task?token=${token}`);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain("This print link is not valid");
    }
    const expired = await load(`/print/store-task?token=${old}`);
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain("This print link has expired");
  });

  it("never prints another shop's or another store's task", async () => {
    const theirs = await seedTask("PICKUP", neighbour);
    const ours = await seedTask("PICKUP");

    expect((await askForLink(theirs.id, "PICK_LIST")).status).toBe(404);
    expect((await askForLink(ours.id, "PICK_LIST", { locationId: "3" })).status).toBe(404);
    // Even a link the app signed, naming this shop and that task, finds nothing here.
    const crossed = links.signPrintToken(
      { shop: emulator.shop, locationId: "1", taskId: theirs.id, document: "PICK_LIST" },
      new Date(),
      TEST_APP.apiSecret,
    ).token;
    const response = await load(`/print/store-task?token=${crossed}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Tee");
  });

  it("refuses a link to a caller without a POS session, and a document it does not know", async () => {
    const task = await seedTask("PICKUP");

    expect((await askForLink(task.id, "PICK_LIST", { token: "forged" })).status).toBe(401);
    const unknown = await askForLink(task.id, "INVOICE");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "INVALID", field: "document" });
  });
});
