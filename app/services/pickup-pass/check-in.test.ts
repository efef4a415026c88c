import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { seedMirror } from "../../../tests/support/mirror";
import { seedPickupTask } from "../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../tests/support/shops";
import type * as CheckInModule from "./check-in.server";
import type * as LinkModule from "./pickup-pass-link.server";
import type * as TaskReads from "~/services/store-tasks/task-reads.server";
import type * as OrderTimeline from "~/services/store-tasks/order-timeline.server";

/**
 * "I'm here" on the pickup pass, against the store's queue as POS reads it: the order goes to
 * the top, waiting at the shopper's spot, with a critical tile; taps again change the spot, too
 * many are refused for a while, and an order that is not the store's to hand over is refused.
 */

let prisma: PrismaClient;
let checkIn: typeof CheckInModule.checkIn;
let links: typeof LinkModule;
let reads: typeof TaskReads;
let timeline: typeof OrderTimeline;
const shop = uniqueShop();
let orders = 0;

beforeAll(async () => {
  ({ prisma } = await import("~/db.server"));
  ({ checkIn } = await import("./check-in.server"));
  links = await import("./pickup-pass-link.server");
  reads = await import("~/services/store-tasks/task-reads.server");
  timeline = await import("~/services/store-tasks/order-timeline.server");
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
});

function newOrder(): { orderId: string; token: string } {
  orders += 1;
  const orderId = String(9100 + orders);
  return { orderId, token: links.signPickupPassToken({ shop, orderId }) };
}

const caller = (locationId = "1") => ({ shop, locationId, userId: null, staffMemberId: null });
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

async function arrivals(taskId: string): Promise<number> {
  return prisma.storeTaskEvent.count({ where: { taskId, detail: { path: ["kind"], equals: "CUSTOMER_ARRIVED" } } });
}

describe("I'm here", () => {
  it("puts the order first in its store's queue, waiting at the shopper's spot, with a critical tile", async () => {
    const now = new Date();
    const late = await seedPickupTask(prisma, shop, {
      orderId: "9001",
      locationId: "1",
      state: "PICKING",
      dueAt: minutesAfter(now, -5),
    });
    const { orderId, token } = newOrder();
    const ours = await seedPickupTask(prisma, shop, { orderId, locationId: "1", state: "PICKING" });
    const before = await reads.locationQueue(caller(), "TO_PICK", now);
    expect(before.ok && before.answer.tasks.map((task) => task.id)).toEqual([late.id, ours.id]);

    const outcome = await checkIn(token, { locationId: "1", spot: "Spot 4" }, now);

    expect(outcome).toMatchObject({ ok: true, spot: "4", firstArrival: true });
    const queue = await reads.locationQueue(caller(), "TO_PICK", now);
    if (!queue.ok) throw new Error(queue.refusal.message);
    expect(queue.answer.tasks.map((task) => task.id)).toEqual([ours.id, late.id]);
    expect(queue.answer.tasks[0]).toMatchObject({ waiting: { spot: "4" }, critical: true });
    expect(queue.answer.counts.waiting).toBe(1);
    // The order page's store timeline tells it.
    const [story] = await timeline.storeTimelineOfOrder(shop, orderId, "America/Chicago");
    expect(story?.steps.map((step) => step.label)).toContain("Customer arrived — spot 4");
    // Out of the queue the next tests read.
    await prisma.storeTask.update({ where: { id: late.id }, data: { state: "PICKED_UP", completedAt: now } });
  });

  it("changes the spot on a second tap, still waiting since the first, without a second arrival", async () => {
    const first = new Date();
    const { orderId, token } = newOrder();
    const task = await seedPickupTask(prisma, shop, { orderId, locationId: "1", state: "READY" });

    await checkIn(token, { locationId: "1", spot: "4" }, first);
    const again = await checkIn(token, { locationId: "1", spot: "Blue Volvo" }, minutesAfter(first, 2));

    expect(again).toMatchObject({ ok: true, spot: "Blue Volvo", firstArrival: false });
    const stored = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.customerWaitingAt).toEqual(first);
    expect(stored.customerWaitingSpot).toBe("Blue Volvo");
    const queue = await reads.locationQueue(caller(), "READY", minutesAfter(first, 2));
    expect(queue.ok && queue.answer.tasks.filter((view) => view.id === task.id)).toEqual([
      expect.objectContaining({ waiting: { spot: "Blue Volvo" } }),
    ]);
    const [story] = await timeline.storeTimelineOfOrder(shop, orderId, "America/Chicago");
    expect(story?.steps.map((step) => step.label).filter((label) => label.startsWith("Customer"))).toEqual([
      "Customer arrived — spot 4",
      "Customer now at spot Blue Volvo",
    ]);
  });

  it("takes five taps in ten minutes, refuses the sixth with a readable 429, and takes one again later", async () => {
    const start = new Date();
    const { orderId, token } = newOrder();
    const task = await seedPickupTask(prisma, shop, { orderId, locationId: "1", state: "READY" });
    for (let tap = 0; tap < 5; tap++) {
      expect(await checkIn(token, { locationId: "1", spot: `${tap}` }, minutesAfter(start, tap))).toMatchObject({
        ok: true,
      });
    }

    const sixth = await checkIn(token, { locationId: "1", spot: "9" }, minutesAfter(start, 5));

    expect(sixth).toEqual({
      ok: false,
      status: 429,
      message: expect.stringContaining("5 times in the last 10 minutes"),
    });
    expect(await arrivals(task.id)).toBe(5);
    expect((await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } })).customerWaitingSpot).toBe("4");
    // The first tap has aged out of the window.
    expect(await checkIn(token, { locationId: "1", spot: "9" }, minutesAfter(start, 10.5))).toMatchObject({ ok: true });
  });

  it("counts two taps at once as two, one after the other", async () => {
    const now = new Date();
    const { orderId, token } = newOrder();
    const task = await seedPickupTask(prisma, shop, { orderId, locationId: "1", state: "READY" });

    const outcomes = await Promise.all(["4", "5"].map((spot) => checkIn(token, { locationId: "1", spot }, now)));

    expect(outcomes.filter((outcome) => outcome.ok && outcome.firstArrival)).toHaveLength(1);
    expect(await arrivals(task.id)).toBe(2);
  });

  it("marks each of the order's open pickups at that store, and none at another", async () => {
    const { orderId, token } = newOrder();
    const here = await seedPickupTask(prisma, shop, { orderId, locationId: "1" });
    const alsoHere = await seedPickupTask(prisma, shop, { orderId, locationId: "1", state: "READY" });
    const elsewhere = await seedPickupTask(prisma, shop, { orderId, locationId: "3" });

    await checkIn(token, { locationId: "1", spot: "" }, new Date());

    const rows = await prisma.storeTask.findMany({ where: { id: { in: [here.id, alsoHere.id, elsewhere.id] } } });
    const waiting = Object.fromEntries(rows.map((row) => [row.id, row.customerWaitingAt !== null]));
    expect(waiting).toEqual({ [here.id]: true, [alsoHere.id]: true, [elsewhere.id]: false });
  });

  it("is refused when the order is collected, cancelled, moved away, or not at that store", async () => {
    const now = new Date();
    const cases = [
      { values: { state: "PICKED_UP", completedAt: now }, status: 409, message: "already been collected" },
      { values: { state: "CANCELLED", endedReason: "CANCELLED", endedAt: now }, status: 409, message: "cancelled" },
      { values: { state: "CANCELLED", endedReason: "MOVED_AWAY", endedAt: now }, status: 409, message: "moved" },
    ] as const;
    for (const { values, status, message } of cases) {
      const { orderId, token } = newOrder();
      const task = await seedPickupTask(prisma, shop, { orderId, locationId: "1", ...values });

      const outcome = await checkIn(token, { locationId: "1", spot: "4" }, now);

      expect(outcome).toMatchObject({ ok: false, status, message: expect.stringContaining(message) });
      expect(await arrivals(task.id)).toBe(0);
    }
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, shop, { orderId, locationId: "1" });
    expect(await checkIn(token, { locationId: "3", spot: "4" }, now)).toMatchObject({
      ok: false,
      status: 404,
      message: "This order is not for pickup at that store",
    });
  });

  it("is refused for a link the app did not sign, a form it cannot read, or a pass that has ended", async () => {
    const now = new Date();
    const { orderId, token } = newOrder();
    await seedPickupTask(prisma, shop, {
      orderId,
      locationId: "1",
      state: "PICKED_UP",
      completedAt: minutesAfter(now, -31 * 24 * 60),
    });
    const open = newOrder();
    await seedPickupTask(prisma, shop, { orderId: open.orderId, locationId: "1" });

    expect(await checkIn("forged.token", { locationId: "1" }, now)).toMatchObject({ ok: false, status: 404 });
    expect(await checkIn(token, { locationId: "1" }, now)).toMatchObject({ ok: false, status: 404 });
    expect(await checkIn(open.token, { locationId: "x", spot: "y".repeat(61) }, now)).toMatchObject({
      ok: false,
      status: 400,
      errors: { locationId: expect.any(String), spot: expect.any(String) },
    });
  });
});
