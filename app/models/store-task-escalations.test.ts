import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { newStoreTasksDueBy, newStoreTasksDueByQuery } from "./store-task-escalations.server";
import { changeStoreTask } from "./store-tasks-associate.server";
import { createStoreTask, recordStoreTaskEvent } from "./store-tasks.server";

const ASSIGNED = new Date("2026-11-30T15:00:00Z");
const SCAN_AT = new Date("2026-11-30T16:00:00Z");

let next = 80_000;

async function task(shop: string, dueAt: Date | null): Promise<string> {
  next += 10;
  return prisma.$transaction((tx) =>
    createStoreTask(
      tx,
      shop,
      {
        fulfillmentOrderId: String(next),
        orderId: String(next + 1),
        orderName: `#${next}`,
        locationId: "501",
        kind: "PICKUP",
        customerName: null,
        lines: [],
      },
      { pickupCode: `E${next}`.slice(0, 6), at: ASSIGNED, dueAt },
    ),
  );
}

describe("the escalation scan's candidates", () => {
  it("are every shop's new tasks due by then and never escalated, soonest due first", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    const later = await task(shop, new Date("2026-11-30T15:50:00Z"));
    const sooner = await task(other, new Date("2026-11-30T15:40:00Z"));
    await task(shop, new Date("2026-11-30T16:30:00Z"));
    await task(shop, null);
    const started = await task(shop, new Date("2026-11-30T15:30:00Z"));
    await prisma.$transaction((tx) => changeStoreTask(tx, shop, started, { state: "PICKING" }));
    const escalated = await task(shop, new Date("2026-11-30T15:30:00Z"));
    await recordStoreTaskEvent(prisma, shop, {
      taskId: escalated,
      fromState: "NEW",
      toState: "NEW",
      locationId: "501",
      at: SCAN_AT,
      detail: { kind: "ESCALATED", toLocationId: null, toLocationName: null, reason: "Nowhere else has it" },
    });

    const ids = (await newStoreTasksDueBy(prisma, SCAN_AT)).map((candidate) => candidate.id);

    expect(ids.filter((id) => [later, sooner, started, escalated].includes(id))).toEqual([sooner, later]);
  });

  it("can be read through the partial index kept for them, not a scan of every task", async () => {
    const plan = await prisma.$transaction(async (tx) => {
      // Too few rows here for the planner to prefer an index on its own: take the choice away to
      // see that the index's predicate matches the query's.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${newStoreTasksDueByQuery(SCAN_AT)}`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");

    expect(text).toContain("StoreTask_new_due_idx");
  });
});
