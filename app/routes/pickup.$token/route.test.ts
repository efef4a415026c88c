import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { renderSVG } from "uqr";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { seedPickupTask } from "../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type * as LinkModule from "~/services/pickup-pass/pickup-pass-link.server";
import type * as PrintLinks from "~/services/store-tasks/print-links.server";
import type * as Handover from "~/services/store-tasks/handover-lookup.server";
import type * as Route from "./route";

/**
 * The shopper's pickup pass page behind its signed link, and its "I'm here": what it shows of
 * the order, the 404 for any link the app did not sign or whose pickup ended long ago, and a 4xx
 * (never a 5xx) for anything else a client sends. One shop's link never shows another's order.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let route: typeof Route;
let links: typeof LinkModule;
let printLinks: typeof PrintLinks;
let handover: typeof Handover;
const neighbour = uniqueShop();
let orders = 0;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  route = await import("./route");
  links = await import("~/services/pickup-pass/pickup-pass-link.server");
  printLinks = await import("~/services/store-tasks/print-links.server");
  handover = await import("~/services/store-tasks/handover-lookup.server");
  // The shop's offline session, as installing the app leaves it: the pass asks Shopify the shop's name.
  const { authenticate } = await import("~/shopify.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` } }),
  );
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
  await prisma.location.update({
    where: { shop_locationId: { shop: emulator.shop, locationId: "1" } },
    data: { address1: "11 N State St", city: "Chicago", provinceCode: "IL", zip: "60602" },
  });
  await seedMirror(prisma, neighbour, [
    { locationId: "1", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
}, 30_000);

afterAll(async () => {
  await emulator.close();
});

function newOrder(shop = emulator.shop): { orderId: string; token: string } {
  orders += 1;
  const orderId = String(7700 + orders);
  return { orderId, token: links.signPickupPassToken({ shop, orderId }) };
}

const url = (token: string) => `${TEST_APP.appUrl}/pickup/${encodeURIComponent(token)}`;

async function open(token: string) {
  const answer = await route.loader({ request: new Request(url(token)), params: { token }, context: {} });
  return { status: answer.init?.status ?? 200, reading: answer.data };
}

async function post(token: string, body: BodyInit | null, init: { method?: string; contentType?: string } = {}) {
  const request = new Request(url(token), {
    method: init.method ?? "POST",
    headers: { "Content-Type": init.contentType ?? "application/x-www-form-urlencoded" },
    body,
  });
  const answer = await route.action({ request, params: { token }, context: {} });
  return { status: answer.init?.status ?? 200, answer: answer.data };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("the pickup pass page", () => {
  it("shows the shop, the first name, the store with its hours and ready-by, the status and the pickup code", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", pickupCode: "K7M4QX", orderName: "#1042" });

    const { status, reading } = await open(token);

    expect(status).toBe(200);
    if (!reading.found) throw new Error("no pass");
    expect(reading.pass).toMatchObject({ shopName: emulator.scenario.shop.name, firstName: "Ada", orderName: "#1042" });
    expect(reading.pass.stores).toEqual([
      expect.objectContaining({
        locationId: "1",
        storeName: "Loop",
        address: "11 N State St, Chicago, IL 60602",
        hoursToday: "Open 24 hours",
        readyBy: expect.stringMatching(/^\d{1,2}:\d{2} [AP]M (today|tomorrow)$/),
        status: "PREPARING",
        statusLabel: "Preparing your order",
        pickupCode: "K7M-4QX",
        waiting: null,
      }),
    ]);
    // Nothing of the customer beyond the first name.
    expect(JSON.stringify(reading)).not.toContain("Lovelace");
  });

  it("shows as a QR code exactly what the store's handover screen accepts when scanned", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", state: "READY", pickupCode: "Q2W3E4" });
    const scanned = "omniroute:pickup:Q2W3E4";

    const { reading } = await open(token);

    expect(reading.found && reading.pass.stores[0]?.qrSvg).toBe(renderSVG(scanned, { ecc: "M", border: 2 }));
    const found = await handover.lookupHandover(
      { shop: emulator.shop, locationId: "1", userId: null, staffMemberId: null },
      { code: scanned },
    );
    expect(found.ok && found.answer.task.orderName).toBe("#1001");
  });

  it("shows a moved order at its new store, and where it was as moved there", async () => {
    const { orderId, token } = newOrder();
    const moved = await seedPickupTask(prisma, emulator.shop, {
      orderId,
      locationId: "1",
      state: "CANCELLED",
      endedReason: "MOVED_AWAY",
      endedAt: new Date(),
    });
    await seedPickupTask(prisma, emulator.shop, {
      orderId,
      locationId: "3",
      fulfillmentOrderId: moved.fulfillmentOrderId,
      assignedAt: new Date(),
    });

    const { reading } = await open(token);

    expect(reading.found && reading.pass.stores.map((store) => [store.storeName, store.statusLabel])).toEqual([
      ["Evanston", "Preparing your order"],
      ["Loop", "Moved to Evanston"],
    ]);
    expect(reading.found && reading.pass.stores[1]).toMatchObject({ pickupCode: null, qrSvg: null });
  });

  it("shows a collected order as collected for 30 days, then is a 404", async () => {
    const day = 24 * 60 * 60_000;
    const recent = newOrder();
    await seedPickupTask(prisma, emulator.shop, {
      orderId: recent.orderId,
      locationId: "1",
      state: "PICKED_UP",
      completedAt: new Date(Date.now() - 29 * day),
    });
    const old = newOrder();
    await seedPickupTask(prisma, emulator.shop, {
      orderId: old.orderId,
      locationId: "1",
      state: "PICKED_UP",
      completedAt: new Date(Date.now() - 31 * day),
    });

    const shown = await open(recent.token);
    expect(shown.status).toBe(200);
    expect(shown.reading.found && shown.reading.pass.stores[0]).toMatchObject({
      statusLabel: "Collected",
      pickupCode: null,
    });
    expect(await open(old.token)).toEqual({ status: 404, reading: { found: false } });
  });

  it("is a 404 for a forged, altered, malformed or print link, and for an order with no pickup", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1" });
    const [, signature] = token.split(".");
    const otherOrder = Buffer.from(`${emulator.shop.replace(".myshopify.com", "")}:${Number(orderId) + 1}`).toString(
      "base64url",
    );
    const printToken = printLinks.signPrintToken(
      { shop: emulator.shop, locationId: "1", taskId: "6f1d7c52-0d7b-4d8e-9d53-2f8b4a1c9e01", document: "PICK_LIST" },
      new Date(),
    ).token;
    const forged = links.signPickupPassToken({ shop: emulator.shop, orderId }, "not-the-app-secret");
    const hostile = [
      "",
      "x",
      "a.b.c",
      `${otherOrder}.${signature}`,
      forged,
      printToken,
      "💥".repeat(3000),
      "../../etc",
    ];

    for (const bad of [...hostile, newOrder().token]) {
      expect(await open(bad)).toEqual({ status: 404, reading: { found: false } });
    }
  });

  it("never shows one shop's order through another shop's link, though their order ids match", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", pickupCode: "HERE23" });
    const theirs = links.signPickupPassToken({ shop: neighbour, orderId });
    await seedPickupTask(prisma, neighbour, { orderId, locationId: "1", pickupCode: "THEM45" });

    const ours = await open(token);
    const neighbours = await open(theirs);

    expect(ours.reading.found && ours.reading.pass.stores.map((store) => store.storeName)).toEqual(["Loop"]);
    expect(neighbours.reading.found && neighbours.reading.pass.stores.map((store) => store.storeName)).toEqual([
      "Elsewhere",
    ]);
    expect(JSON.stringify(neighbours.reading)).not.toContain("HER-E23");
    expect(JSON.stringify(ours.reading)).not.toContain("Elsewhere");
  });

  it("keeps the link out of caches, referrers and search engines", () => {
    expect(route.headers()).toEqual({
      "Cache-Control": "no-store",
      "Referrer-Policy": "same-origin",
      "X-Robots-Tag": "noindex",
    });
  });
});

describe("I'm here on the pass", () => {
  it("tells the store the shopper is here, and the pass then says so", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", state: "READY" });

    const { status, answer } = await post(token, form({ locationId: "1", spot: "Spot 4" }));

    expect(status).toBe(200);
    expect(answer).toMatchObject({ ok: true, locationId: "1", message: expect.stringContaining("knows you are here") });
    const { reading } = await open(token);
    expect(reading.found && reading.pass.stores[0]?.waiting).toEqual({ spot: "4" });
  });

  it("answers 4xx, never 5xx, to anything else a client sends, and changes nothing", async () => {
    const { orderId, token } = newOrder();
    const task = await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", state: "READY" });
    const attempts: [string, Promise<{ status: number }>][] = [
      ["PUT", post(token, form({ locationId: "1" }), { method: "PUT" })],
      ["DELETE", post(token, null, { method: "DELETE" })],
      ["PATCH", post(token, form({ locationId: "1" }), { method: "PATCH" })],
      ["JSON", post(token, JSON.stringify({ locationId: "1" }), { contentType: "application/json" })],
      ["broken multipart", post(token, "--x\r\nnonsense", { contentType: "multipart/form-data; boundary=y" })],
      ["no content type", post(token, "locationId=1", { contentType: "" })],
      ["binary", post(token, new Uint8Array([0, 255, 254, 1, 2]), { contentType: "application/octet-stream" })],
      ["huge body", post(token, form({ locationId: "1", spot: "x".repeat(100_000) }))],
      ["long spot", post(token, form({ locationId: "1", spot: "x".repeat(61) }))],
      ["no store", post(token, form({ spot: "4" }))],
      ["not a store id", post(token, form({ locationId: "1 OR 1=1", spot: "4" }))],
      ["store given twice", post(token, "locationId=abc&locationId=1")],
      ["another store", post(token, form({ locationId: "3", spot: "4" }))],
      ["unknown store", post(token, form({ locationId: "99999999999", spot: "4" }))],
      [
        "forged link",
        post(links.signPickupPassToken({ shop: emulator.shop, orderId }, "x"), form({ locationId: "1" })),
      ],
      ["garbage link", post("%00%ff", form({ locationId: "1" }))],
    ];

    for (const [what, attempt] of attempts) {
      const { status } = await attempt;
      expect(status, what).toBeGreaterThanOrEqual(400);
      expect(status, what).toBeLessThan(500);
    }
    const stored = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.customerWaitingAt).toBeNull();
  });

  it("says which field to fix: a spot too long, or no store", async () => {
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1" });

    expect(await post(token, form({ locationId: "1", spot: "x".repeat(61) }))).toMatchObject({
      status: 400,
      answer: { ok: false, spotError: expect.stringContaining("60 characters"), locationId: "1" },
    });
    expect(await post(token, form({ locationId: "1" }), { method: "PUT" })).toMatchObject({ status: 405 });
    expect(await post(token, form({ locationId: "1", spot: "x".repeat(10_000) }))).toMatchObject({ status: 413 });
  });

  it("takes an odd spot as text on one line", async () => {
    const { orderId, token } = newOrder();
    const task = await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1" });

    const { status } = await post(token, form({ locationId: "1", spot: "<script>alert(1)</script>\n\u202e🚗" }));

    expect(status).toBe(200);
    const stored = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.customerWaitingSpot).toBe("<script>alert(1)</script> 🚗");
  });

  it("refuses a collected order in words, and a sixth tap in ten minutes with a 429", async () => {
    const collected = newOrder();
    await seedPickupTask(prisma, emulator.shop, {
      orderId: collected.orderId,
      locationId: "1",
      state: "PICKED_UP",
      completedAt: new Date(),
    });
    expect(await post(collected.token, form({ locationId: "1" }))).toMatchObject({
      status: 409,
      answer: { ok: false, message: "This order has already been collected" },
    });

    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, emulator.shop, { orderId, locationId: "1", state: "READY" });
    for (let tap = 1; tap <= 5; tap++) {
      expect((await post(token, form({ locationId: "1", spot: String(tap) }))).status).toBe(200);
    }
    expect(await post(token, form({ locationId: "1", spot: "6" }))).toMatchObject({
      status: 429,
      answer: { ok: false, message: expect.stringContaining("please wait a few minutes") },
    });
  });
});
