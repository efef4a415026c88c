import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { seedMirror } from "../../../tests/support/mirror";
import { seedPickupTask } from "../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../tests/support/shops";
import type * as RunningLate from "./running-late.server";

/** Pickup orders past their promise and not ready: the shopper is told once, and only they are. */

let prisma: PrismaClient;
let runningLate: typeof RunningLate;
const shop = uniqueShop();
const HOUR = 60 * 60_000;

beforeAll(async () => {
  ({ prisma } = await import("~/db.server"));
  runningLate = await import("./running-late.server");
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
  ]);
});

async function pickupOrder(orderId: string, values: { state: "NEW" | "READY"; dueAt: Date }) {
  await prisma.orderContact.create({ data: { shop, orderId, email: `shopper-${orderId}@example.com` } });
  return seedPickupTask(prisma, shop, { orderId, locationId: "1", ...values });
}

const delayNotices = (orderId: string) =>
  prisma.notification.findMany({ where: { shop, orderId, step: "DELAY_NOTICE" }, orderBy: { channel: "asc" } });

describe("pickup orders running late", () => {
  it("tell the shopper of a late order once, by email when there is no phone, and leave ready or on-time orders alone", async () => {
    // Noon in Chicago: inside the event messages' window.
    const now = new Date("2026-11-30T18:00:00Z");
    await pickupOrder("5001", { state: "NEW", dueAt: new Date(now.getTime() - HOUR) });
    await pickupOrder("5002", { state: "READY", dueAt: new Date(now.getTime() - HOUR) });
    await pickupOrder("5003", { state: "NEW", dueAt: new Date(now.getTime() + HOUR) });

    await runningLate.tellLatePickupOrders(now);
    const again = await runningLate.tellLatePickupOrders(now);

    expect((await delayNotices("5001")).map((row) => [row.channel, row.status, row.reason])).toEqual([
      ["SMS", "SKIPPED", "No phone number on the order"],
      ["EMAIL", "SCHEDULED", null],
    ]);
    expect((await delayNotices("5001")).find((row) => row.channel === "EMAIL")?.sendAt).toEqual(now);
    expect(await delayNotices("5002")).toEqual([]);
    expect(await delayNotices("5003")).toEqual([]);
    expect(again).toBe(0);
  });
});
