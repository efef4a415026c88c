import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationChannel, NotificationStatus, PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { action as messagesAction, loader as messagesLoader } from "./route";

/**
 * The Messages page: the shop's customer messages, newest first, filtered and paged, each linked
 * to its order; and a resend, which only puts a FAILED message back in the sending job's queue.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof messagesLoader;
let action: typeof messagesAction;
const neighbour = uniqueShop();

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  const { upsertOrderFacts } = await import("~/models/routed-orders.server");
  const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");
  // The first admin request installs the shop; its zone is recorded on the installation.
  await load();
  expect(await recordShopTimeZone(emulator.shop, "America/Chicago")).toBe(true);
  await upsertOrderFacts(prisma, emulator.shop, shippedOrderFacts("5001"), "WEBHOOK");
  for (const [locationId, name] of [
    ["1001", "Lincoln Park"],
    ["1002", "Wicker Park"],
  ] as const) {
    await prisma.location.create({
      data: {
        shop: emulator.shop,
        locationId,
        name,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: new Date(),
        profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
      },
    });
  }
  // Friday 27 November 2026 in Chicago (CST, UTC−6), oldest first.
  await seed({ orderId: "5001", step: "CONFIRMATION_SMS", sendAt: "2026-11-27T15:00:00Z", status: "DELIVERED" });
  await seed({ orderId: "5001", step: "READY_SMS", sendAt: "2026-11-27T17:00:00Z", status: "FAILED" });
  await seed({
    orderId: "5001",
    step: "SHOPIFY:READY_FOR_PICKUP",
    channel: "EMAIL",
    sendAt: "2026-11-27T17:00:00Z",
    status: "SKIPPED",
    reason: "Sent by Shopify",
    locationId: null,
  });
  await seed({
    orderId: "5002",
    step: "PICKUP_REMINDER_PUSH",
    channel: "EMAIL",
    sendAt: "2026-11-28T05:30:00Z",
    locationId: "1002",
    recipient: "alex@example.com",
  });
  await seed({ orderId: "5003", step: "REMINDER_DAY_2", sendAt: "2026-11-29T16:00:00Z", status: "SENT" });
  await seed({ shop: neighbour, orderId: "5001", step: "READY_SMS", sendAt: "2026-11-27T17:30:00Z", status: "FAILED" });
});

afterAll(async () => {
  await emulator.close();
});

interface Seeded {
  shop?: string;
  orderId: string;
  step: string;
  channel?: NotificationChannel;
  sendAt: string;
  status?: NotificationStatus;
  reason?: string;
  locationId?: string | null;
  recipient?: string;
  attempts?: number;
}

async function seed(row: Seeded): Promise<string> {
  const created = await prisma.notification.create({
    data: {
      shop: row.shop ?? emulator.shop,
      orderId: row.orderId,
      step: row.step,
      channel: row.channel ?? "SMS",
      locationId: row.locationId === undefined ? "1001" : row.locationId,
      recipient: row.recipient ?? "+13125550123",
      sendAt: new Date(row.sendAt),
      status: row.status ?? "SCHEDULED",
      reason: row.reason ?? (row.status === "FAILED" ? "Unknown destination" : null),
      providerMessageId: row.status === "FAILED" ? "SM-failed" : null,
      errorCode: row.status === "FAILED" ? "30005" : null,
      attempts: row.attempts ?? (row.status === "FAILED" ? 1 : 0),
    },
    select: { id: true },
  });
  return created.id;
}

function request(path: string, init: RequestInit = {}): Request {
  return new Request(`${TEST_APP.appUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
}

function load(query = "") {
  return loader({ request: request(`/app/messages${query ? `?${query}` : ""}`), params: {}, context: {} });
}

async function resend(id: string): Promise<Response> {
  return action({
    request: request("/app/messages", { method: "POST", body: new URLSearchParams({ intent: "resend", id }) }),
    params: {},
    context: {},
  });
}

const steps = (page: Awaited<ReturnType<typeof load>>) => page.rows.map((row) => `${row.orderId} ${row.description}`);

describe("the shop's message log", () => {
  it("lists the shop's messages newest first, each with its order, store, status and masked recipient", async () => {
    const page = await load();

    expect(steps(page).slice(0, 2)).toEqual([
      "5003 Your order is still waiting (day 2)",
      "5002 Don't forget your order at the store (2 hours after ready, if not collected)",
    ]);
    // Two messages at the same send time, in either order (the later id first), then the oldest.
    expect(steps(page).slice(2, 4).sort()).toEqual([
      "5001 Ready for pickup",
      "5001 Ready for pickup, with the address and pickup window. Reply HELP for support",
    ]);
    expect(steps(page)[4]).toBe("5001 Order confirmed, being prepared at the store");
    expect(page.rows[1]).toMatchObject({
      orderName: "Order 5002",
      storeName: "Wicker Park",
      channelLabel: "Email",
      statusLabel: "Scheduled for 2026-11-27 23:30 CST",
      recipient: "a•••@example.com",
    });
    const confirmation = page.rows.at(-1);
    expect(confirmation).toMatchObject({ orderName: "#5001", statusLabel: "Delivered", recipient: "+1 •••• ••0123" });
    expect(page.rows.find((row) => row.sentByShopify)?.statusLabel).toBe("Sent by Shopify");
    expect(page.nextCursor).toBeNull();
    // The store filter is a search (/app/location-search): the page names only the one chosen.
    expect(page.storeName).toBeNull();
  });

  it("filters by status, channel, store and days in the shop's zone", async () => {
    expect(steps(await load("status=FAILED"))).toEqual([
      "5001 Ready for pickup, with the address and pickup window. Reply HELP for support",
    ]);
    expect((await load("channel=EMAIL")).rows.map((row) => row.orderId)).toEqual(["5002", "5001"]);
    const atWickerPark = await load("store=1002");
    expect(atWickerPark.rows.map((row) => row.orderId)).toEqual(["5002"]);
    expect(atWickerPark.storeName).toBe("Wicker Park");
    // 05:30 UTC on the 28th is 23:30 on the 27th in Chicago: the 27th's.
    expect((await load("from=2026-11-27&to=2026-11-27")).rows.map((row) => row.orderId)).toEqual([
      "5002",
      "5001",
      "5001",
      "5001",
    ]);
    expect((await load("from=2026-11-28")).rows.map((row) => row.orderId)).toEqual(["5003"]);
    expect((await load("to=2026-11-26")).rows).toEqual([]);
  });

  it("pages by a cursor it handed out, and starts over from a cursor it did not", async () => {
    const { messageLog } = await import("~/services/notifications/messages/messages.server");
    const first = await messageLog(emulator.shop, {}, "America/Chicago", 2);
    const second = await messageLog(emulator.shop, { cursor: first.nextCursor! }, "America/Chicago", 2);
    const third = await messageLog(emulator.shop, { cursor: second.nextCursor! }, "America/Chicago", 2);
    const all = (await load()).rows.map((row) => row.id);

    expect([...first.rows, ...second.rows, ...third.rows].map((row) => row.id)).toEqual(all);
    expect(third.nextCursor).toBeNull();
    const neighbourMessage = await prisma.notification.findFirstOrThrow({ where: { shop: neighbour } });
    for (const cursor of ["garbage", "' OR 1=1", "00000000-0000-4000-8000-000000000000", neighbourMessage.id]) {
      expect((await load(`cursor=${encodeURIComponent(cursor)}`)).rows.map((row) => row.id)).toEqual(all);
    }
  });

  it("ignores filter values the page would not send rather than failing", async () => {
    const all = (await load()).rows.map((row) => row.id);
    const hostile = new URLSearchParams({
      status: "DROP TABLE",
      channel: "FAX",
      store: "../1001",
      from: "2026-02-31",
      to: "yesterday",
    });

    expect((await load(hostile.toString())).rows.map((row) => row.id)).toEqual(all);
  });

  it("never shows another shop's messages", async () => {
    const theirs = await prisma.notification.findMany({ where: { shop: neighbour }, select: { id: true } });
    const failed = await load("status=FAILED&from=2026-11-27&to=2026-11-27");
    const all = await load();

    expect(theirs).toHaveLength(1);
    expect(failed.rows.map((row) => row.orderId)).toEqual(["5001"]);
    expect(all.rows.map((row) => row.id)).not.toContain(theirs[0]!.id);
  });
});

describe("resending a message", () => {
  it("puts a failed message back in the queue, due now, its attempts kept, saying who resent it", async () => {
    const id = await seed({ orderId: "5004", step: "READY_SMS", sendAt: "2026-11-27T17:00:00Z", status: "FAILED" });
    const before = Date.now();

    const response = await resend(id);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ resent: true });
    const row = await prisma.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "SCHEDULED",
      attempts: 1,
      reason: expect.stringMatching(/^Resent by Staff member \w+$/),
      providerMessageId: null,
      errorCode: null,
    });
    expect(row.sendAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await prisma.notification.count({ where: { shop: emulator.shop, orderId: "5004" } })).toBe(1);
  });

  it("is refused with a clear message for a message that did not fail, which is left as it was", async () => {
    for (const status of ["SCHEDULED", "SENT", "DELIVERED", "SKIPPED", "CANCELLED", "UNKNOWN"] as const) {
      const id = await seed({ orderId: `51${status.length}`, step: status, sendAt: "2026-11-27T17:00:00Z", status });
      const before = await prisma.notification.findUniqueOrThrow({ where: { id } });

      const response = await resend(id);

      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toMatch(/^Only a failed message can be resent: /);
      expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toEqual(before);
    }
  });

  it("moves a failed message once when resent twice", async () => {
    const id = await seed({ orderId: "5005", step: "READY_SMS", sendAt: "2026-11-27T17:00:00Z", status: "FAILED" });

    expect((await resend(id)).status).toBe(200);
    const second = await resend(id);

    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      resent: false,
      error: "Only a failed message can be resent: it is already scheduled",
    });
  });

  it("cannot touch another shop's message, nor an id that is none", async () => {
    const theirs = await seed({
      shop: neighbour,
      orderId: "5006",
      step: "READY_SMS",
      sendAt: "2026-11-27T17:00:00Z",
      status: "FAILED",
    });

    expect((await resend(theirs)).status).toBe(404);
    expect((await resend("not-a-uuid")).status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs } })).status).toBe("FAILED");
  });

  it("answers a post without the resend intent with 400", async () => {
    const response = await action({
      request: request("/app/messages", { method: "POST", body: new URLSearchParams({ id: "x" }) }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(400);
  });
});
