import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { seedMirror } from "../../../tests/support/mirror";
import { seedPickupTask } from "../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../tests/support/shops";
import type * as TaskReads from "./task-reads.server";

/** What POS reads of a store's queue when the store has more open orders than one screen holds. */

let prisma: PrismaClient;
let reads: typeof TaskReads;
const shop = uniqueShop();

beforeAll(async () => {
  ({ prisma } = await import("~/db.server"));
  reads = await import("./task-reads.server");
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
  ]);
});

describe("a store's queue on POS", () => {
  it("sends the most urgent of a long list, says how many more there are, and counts them all", async () => {
    const now = new Date();
    const total = reads.QUEUE_LIST_LIMIT + 3;
    for (let index = 0; index < total; index += 1) {
      // Due one minute apart, the first already late: the list is in due order.
      await seedPickupTask(prisma, shop, {
        orderId: String(7000 + index),
        orderName: `#${7000 + index}`,
        locationId: "1",
        dueAt: new Date(now.getTime() + (index - 1) * 60_000),
      });
    }

    const outcome = await reads.locationQueue(
      { shop, locationId: "1", userId: null, staffMemberId: null },
      "TO_PICK",
      now,
    );

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { tasks, more, counts } = outcome.answer;
    expect(tasks).toHaveLength(reads.QUEUE_LIST_LIMIT);
    expect(more).toBe(3);
    expect(counts).toMatchObject({ toPick: total, late: 1 });
    expect(tasks[0]).toMatchObject({ orderName: "#7000", late: true });
    expect(tasks.map((task) => task.orderName)).not.toContain(`#${7000 + total - 1}`);
  });
});
