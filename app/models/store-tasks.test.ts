import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { uniqueShop } from "../../tests/support/shops";
import { statementsSentDuring } from "../../tests/support/statements";
import { binLocationsFor, saveBinLocation } from "./item-bin-locations.server";
import {
  createStoreTask,
  endStoreTask,
  findStoreTask,
  findStoreTaskWithBins,
  isPickupCodeInUse,
  listLocationQueue,
  lockStoreTask,
  lockStoreTaskForRequest,
  OPEN_TASK_STATES,
  isStoreLocation,
  openStoreTasksOfOrder,
  readForStoreTaskSync,
  recordStoreTaskEvent,
  refreshStoreTask,
  reopenStoreTask,
  storeLocationTiming,
  storeTasksOnBoardSince,
  type StoreTaskFacts,
} from "./store-tasks.server";

const AT = new Date("2026-11-30T15:00:00Z");
const MEANWHILE = new Date("2026-11-30T15:05:00Z");
const LATER = new Date("2026-11-30T15:10:00Z");

let nextId = 1000;

function facts(overrides: Partial<StoreTaskFacts> = {}): StoreTaskFacts {
  nextId += 10;
  return {
    fulfillmentOrderId: String(nextId),
    orderId: String(nextId + 1),
    orderName: `#${nextId}`,
    locationId: "501",
    kind: "PICKUP",
    customerName: "Ada Lovelace",
    lines: [
      {
        lineItemId: String(nextId + 2),
        sku: "TEE-M",
        barcode: "012345678905",
        title: "Tee",
        variantTitle: "M",
        imageUrl: null,
        quantity: 2,
      },
      {
        lineItemId: String(nextId + 3),
        sku: "CAP",
        barcode: null,
        title: "Cap",
        variantTitle: null,
        imageUrl: "https://cdn.example/cap.png",
        quantity: 1,
      },
    ],
    ...overrides,
  };
}

function code(): string {
  return `C${(nextId++).toString(36).toUpperCase()}`.padEnd(6, "Z").slice(0, 6);
}

async function newTask(shop: string, taskFacts = facts()): Promise<string> {
  return prisma.$transaction((tx) => createStoreTask(tx, shop, taskFacts, { pickupCode: code(), at: AT }));
}

describe("a store task created from its fulfilment order", () => {
  it("is NEW, at its store, with its lines in order and an ASSIGNED event, written in one statement", async () => {
    const shop = uniqueShop();
    const taskFacts = facts();
    const { result: id, sent } = await statementsSentDuring(() =>
      createStoreTask(prisma, shop, taskFacts, { pickupCode: code(), at: AT }),
    );

    expect(sent).toHaveLength(1);

    const task = await findStoreTask(prisma, shop, "501", id);
    expect(task).toMatchObject({
      state: "NEW",
      kind: "PICKUP",
      orderName: taskFacts.orderName,
      customerName: "Ada Lovelace",
      assignedAt: AT,
      endedAt: null,
    });
    expect(task!.lines.map((line) => [line.title, line.quantity, line.picked])).toEqual([
      ["Tee", 2, 0],
      ["Cap", 1, 0],
    ]);
    expect(task!.events).toMatchObject([{ fromState: null, toState: "NEW", at: AT, detail: { kind: "ASSIGNED" } }]);
  });

  it("reads its lines and events exactly as Prisma's own relation read gives them", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    await refreshStoreTask(prisma, shop, id, { ...facts(), lines: [] }, MEANWHILE);
    await recordStoreTaskEvent(prisma, shop, {
      taskId: id,
      fromState: "NEW",
      toState: "PICKING",
      locationId: "501",
      at: new Date("2026-11-30T15:06:07.089Z"),
      staffMemberId: "77",
      clientRequestId: "pick-1",
      detail: { kind: "TRANSITION", bin: "A3" },
    });

    const viaPrisma = await prisma.storeTask.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    const read = await findStoreTask(prisma, shop, "501", id);
    expect(read).toEqual(viaPrisma);
    expect(read!.lines.every((line) => line.takenOffAt?.getTime() === MEANWHILE.getTime())).toBe(true);
  });

  it("reads with the task the bins of its items at its own store, as binLocationsFor gives them", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    const confirmedAt = new Date("2026-11-29T10:11:12.345Z");
    await saveBinLocation(prisma, shop, {
      locationId: "501",
      sku: "TEE-M",
      code: "Aisle 4, Bin 12",
      source: "MERCHANT",
      confirmedAt,
    });
    await saveBinLocation(prisma, shop, {
      locationId: "502",
      sku: "CAP",
      code: "Elsewhere",
      source: "PICKER",
      confirmedAt,
    });
    await saveBinLocation(prisma, shop, {
      locationId: "501",
      sku: "NOT-ON-IT",
      code: "B9",
      source: "PICKER",
      confirmedAt,
    });

    const found = await findStoreTaskWithBins(prisma, shop, "501", id);

    expect(found!.task).toEqual(await findStoreTask(prisma, shop, "501", id));
    expect(found!.bins).toEqual(await binLocationsFor(prisma, shop, "501", ["TEE-M", "CAP"]));
    expect([...found!.bins.keys()]).toEqual(["TEE-M"]);
    expect(await findStoreTaskWithBins(prisma, uniqueShop(), "501", id)).toBeNull();
  });

  it("locks for a POS request with the event that request already recorded, on any task", async () => {
    const shop = uniqueShop();
    const [id, otherId] = [await newTask(shop), await newTask(shop)];
    await recordStoreTaskEvent(prisma, shop, {
      taskId: otherId,
      fromState: "NEW",
      toState: "PICKING",
      locationId: "501",
      at: LATER,
      clientRequestId: "used-once",
    });

    const fresh = await prisma.$transaction((tx) => lockStoreTaskForRequest(tx, shop, "501", id, "new-request"));
    const replay = await prisma.$transaction((tx) => lockStoreTaskForRequest(tx, shop, "501", id, "used-once"));
    const elsewhere = await prisma.$transaction((tx) => lockStoreTaskForRequest(tx, uniqueShop(), "501", id, "x"));

    expect(fresh).toMatchObject({ task: { id, state: "NEW" }, recorded: null });
    expect(replay!.recorded).toMatchObject({ taskId: otherId, toState: "PICKING", at: LATER });
    expect(elsewhere).toBeNull();
  });

  it("is found only by its own shop and store", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    const id = await newTask(shop);

    expect(await findStoreTask(prisma, other, "501", id)).toBeNull();
    expect(await findStoreTask(prisma, shop, "502", id)).toBeNull();
    expect(await findStoreTask(prisma, shop, "501", "not-a-task-id")).toBeNull();
    expect(await listLocationQueue(prisma, other, "501")).toEqual([]);
    expect(await prisma.$transaction((tx) => lockStoreTask(tx, other, "501", id))).toBe(false);
    expect(await prisma.$transaction((tx) => lockStoreTask(tx, shop, "501", id))).toBe(true);
  });

  it("is in its store's queue with its units and line count, until it ends", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    expect(await listLocationQueue(prisma, shop, "501")).toMatchObject([{ id, units: 3, lineCount: 2 }]);

    const ended = await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id, state: "NEW", locationId: "501" }, "MOVED_AWAY", LATER),
    );

    expect(ended).toBe(true);
    expect(await listLocationQueue(prisma, shop, "501")).toEqual([]);
    expect(await listLocationQueue(prisma, shop, "501", ["CANCELLED"])).toMatchObject([{ id }]);
  });
});

describe("refreshing an open task from its fulfilment order", () => {
  it("keeps the picks made, never above the new quantity, and takes lines that left the order off", async () => {
    const shop = uniqueShop();
    const taskFacts = facts();
    const id = await newTask(shop, taskFacts);
    const [tee, cap] = taskFacts.lines;
    await prisma.storeTaskLine.update({
      where: { taskId_lineItemId: { taskId: id, lineItemId: tee!.lineItemId } },
      data: { picked: 2 },
    });

    await prisma.$transaction((tx) =>
      refreshStoreTask(
        tx,
        shop,
        id,
        { ...taskFacts, customerName: "Ada King", lines: [{ ...tee!, quantity: 1 }] },
        LATER,
      ),
    );

    const task = await findStoreTask(prisma, shop, "501", id);
    expect(task!.customerName).toBe("Ada King");
    expect(task!.lines).toMatchObject([
      { lineItemId: tee!.lineItemId, quantity: 1, picked: 1, takenOffAt: null },
      { lineItemId: cap!.lineItemId, takenOffAt: LATER },
    ]);
    expect(await listLocationQueue(prisma, shop, "501")).toMatchObject([{ id, units: 1, lineCount: 1 }]);
  });
});

describe("ending a task", () => {
  it("cancels an open task with the reason and an ENDED event, once", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    await prisma.storeTask.update({ where: { id }, data: { state: "PICKING" } });
    const end = () =>
      prisma.$transaction((tx) =>
        endStoreTask(tx, shop, { id, state: "PICKING", locationId: "501" }, "CANCELLED", LATER),
      );

    expect(await end()).toBe(true);
    expect(await end()).toBe(false);

    const task = await findStoreTask(prisma, shop, "501", id);
    expect(task).toMatchObject({ state: "CANCELLED", endedAt: LATER, endedReason: "CANCELLED" });
    expect(task!.events.map((event) => [event.fromState, event.toState, event.detail])).toEqual([
      [null, "NEW", { kind: "ASSIGNED" }],
      ["PICKING", "CANCELLED", { kind: "ENDED", reason: "CANCELLED" }],
    ]);
  });

  it("leaves a task the store has finished as it is", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    await prisma.storeTask.update({ where: { id }, data: { state: "PICKED_UP" } });

    const ended = await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id, state: "PICKED_UP", locationId: "501" }, "FULFILLED_ELSEWHERE", LATER),
    );

    expect(ended).toBe(false);
    expect(await findStoreTask(prisma, shop, "501", id)).toMatchObject({ state: "PICKED_UP", endedReason: null });
  });
});

describe("the tasks on the stores' board", () => {
  it("are every open one and those packed, collected or ended since the time given, of those stores and shop only", async () => {
    const shop = uniqueShop();
    await newTask(shop);
    const packed = await newTask(shop);
    await prisma.storeTask.update({ where: { id: packed }, data: { state: "PACKED", packedAt: MEANWHILE } });
    const collected = await newTask(shop);
    await prisma.storeTask.update({ where: { id: collected }, data: { state: "PICKED_UP", completedAt: AT } });
    const cancelled = await newTask(shop);
    await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id: cancelled, state: "NEW", locationId: "501" }, "CANCELLED", LATER),
    );
    await newTask(shop, facts({ locationId: "502" }));
    await newTask(uniqueShop());

    const board = (since: Date) =>
      storeTasksOnBoardSince(prisma, shop, ["501"], since).then((tasks) =>
        tasks.map((task) => [task.state, task.packedAt, task.completedAt, task.endedAt]).sort(),
      );

    expect(await board(AT)).toEqual(
      [
        ["CANCELLED", null, null, LATER],
        ["NEW", null, null, null],
        ["PACKED", MEANWHILE, null, null],
        ["PICKED_UP", null, AT, null],
      ].sort(),
    );
    expect(await board(MEANWHILE)).toEqual(
      [
        ["CANCELLED", null, null, LATER],
        ["NEW", null, null, null],
        ["PACKED", MEANWHILE, null, null],
      ].sort(),
    );
    expect(await storeTasksOnBoardSince(prisma, shop, [], AT)).toEqual([]);
  });
});

describe("a task whose fulfilment order comes back to the store", () => {
  it("starts over as NEW with its picks cleared and its history kept", async () => {
    const shop = uniqueShop();
    const taskFacts = facts();
    const id = await newTask(shop, taskFacts);
    await prisma.storeTask.update({ where: { id }, data: { state: "PICKING", startedAt: AT } });
    await prisma.storeTaskLine.updateMany({ where: { taskId: id }, data: { picked: 1, manualReason: "NO_BARCODE" } });
    await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id, state: "PICKING", locationId: "501" }, "MOVED_AWAY", MEANWHILE),
    );

    await prisma.$transaction((tx) =>
      reopenStoreTask(tx, shop, { id, state: "CANCELLED" }, taskFacts, { pickupCode: "REOPEN", at: LATER }),
    );

    const task = await findStoreTask(prisma, shop, "501", id);
    expect(task).toMatchObject({
      state: "NEW",
      assignedAt: LATER,
      startedAt: null,
      endedAt: null,
      endedReason: null,
      pickupCode: "REOPEN",
    });
    expect(task!.lines.every((line) => line.picked === 0 && line.manualReason === null)).toBe(true);
    expect(task!.events.map((event) => event.toState)).toEqual(["NEW", "CANCELLED", "NEW"]);
  });
});

describe("the database keeps", () => {
  it("one open task per fulfilment order", async () => {
    const shop = uniqueShop();
    const taskFacts = facts();
    await newTask(shop, taskFacts);

    await expect(newTask(shop, { ...taskFacts, locationId: "502" })).rejects.toThrow();
  });

  it("a pickup code on one open task of the shop at a time; an ended task frees it", async () => {
    const shop = uniqueShop();
    const first = await prisma.$transaction((tx) =>
      createStoreTask(tx, shop, facts(), { pickupCode: "K7M4QX", at: AT }),
    );
    expect(await isPickupCodeInUse(prisma, shop, "K7M4QX")).toBe(true);
    expect(await isPickupCodeInUse(prisma, uniqueShop(), "K7M4QX")).toBe(false);

    await expect(
      prisma.$transaction((tx) => createStoreTask(tx, shop, facts(), { pickupCode: "K7M4QX", at: AT })),
    ).rejects.toThrow();
    await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id: first, state: "NEW", locationId: "501" }, "CANCELLED", LATER),
    );

    expect(await isPickupCodeInUse(prisma, shop, "K7M4QX")).toBe(false);
    await prisma.$transaction((tx) => createStoreTask(tx, shop, facts(), { pickupCode: "K7M4QX", at: AT }));
    await prisma.$transaction((tx) => createStoreTask(tx, uniqueShop(), facts(), { pickupCode: "K7M4QX", at: AT }));
  });

  it("the open states of the domain in both partial indexes", async () => {
    const indexes = await prisma.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'StoreTask' AND indexname LIKE 'StoreTask_open_%'`;

    expect(indexes).toHaveLength(2);
    for (const { indexdef } of indexes) {
      const states = [...indexdef.matchAll(/'(\w+)'::"StoreTaskState"/g)].map((match) => match[1]);
      expect(states.sort()).toEqual([...OPEN_TASK_STATES].sort());
    }
  });
});

describe("an event recorded with a client request id", () => {
  it("is recorded once however often the request is sent, and the first one is returned", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    const event = {
      taskId: id,
      fromState: "NEW" as const,
      toState: "PICKING" as const,
      locationId: "501",
      at: LATER,
      staffMemberId: "77",
      clientRequestId: "4a4c0f3e-3d7e-4d1b-9d6b-1d1f5e0c2a11",
      detail: { kind: "TRANSITION" as const },
    };

    const results = await Promise.all(
      [0, 1, 2].map(() => prisma.$transaction((tx) => recordStoreTaskEvent(tx, shop, event))),
    );

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.event.id)).size).toBe(1);
    expect(results[0]!.event).toMatchObject({
      toState: "PICKING",
      staffMemberId: "77",
      detail: { kind: "TRANSITION" },
    });
    expect(await prisma.storeTaskEvent.count({ where: { shop, clientRequestId: event.clientRequestId } })).toBe(1);
    // Another shop's request ids are its own.
    const elsewhere = await newTask(uniqueShop());
    expect((await recordStoreTaskEvent(prisma, uniqueShop(), { ...event, taskId: elsewhere })).created).toBe(true);
  });

  it("leaves the transaction usable when it was a duplicate", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    const event = {
      taskId: id,
      fromState: null,
      toState: "NEW" as const,
      locationId: "501",
      at: AT,
      clientRequestId: "r1",
    };
    await recordStoreTaskEvent(prisma, shop, event);

    const after = await prisma.$transaction(async (tx) => {
      const again = await recordStoreTaskEvent(tx, shop, event);
      return { again, count: await tx.storeTaskEvent.count({ where: { taskId: id } }) };
    });

    expect(after.again.created).toBe(false);
    expect(after.count).toBe(2);
  });

  it("refuses a detail its schema would not read back", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    const unreadable = JSON.parse('{"kind":"ENDED","reason":"LOST"}') as { kind: "ASSIGNED" };

    await expect(
      recordStoreTaskEvent(prisma, shop, {
        taskId: id,
        fromState: null,
        toState: "NEW",
        locationId: "501",
        at: AT,
        detail: unreadable,
      }),
    ).rejects.toThrow(/Refusing to store detail of StoreTaskEvent/);
  });

  it("whose stored detail does not parse makes reading the task fail, naming the event", async () => {
    const shop = uniqueShop();
    const id = await newTask(shop);
    await prisma.storeTaskEvent.updateMany({ where: { taskId: id }, data: { detail: { kind: "SOMETHING" } } });

    await expect(findStoreTask(prisma, shop, "501", id)).rejects.toThrow(/StoreTaskEvent .* has unreadable detail/);
  });
});

describe("the open tasks of an order", () => {
  it("are those not ended, of that order and shop only", async () => {
    const shop = uniqueShop();
    const first = facts();
    const firstId = await newTask(shop, first);
    const secondId = await newTask(shop, facts({ orderId: first.orderId, locationId: "502" }));
    await prisma.$transaction((tx) =>
      endStoreTask(tx, shop, { id: secondId, state: "NEW", locationId: "502" }, "MOVED_AWAY", LATER),
    );
    await newTask(uniqueShop(), facts({ orderId: first.orderId }));

    expect(await openStoreTasksOfOrder(prisma, shop, first.orderId)).toEqual([
      { id: firstId, fulfillmentOrderId: first.fulfillmentOrderId, locationId: "501" },
    ]);
  });
});

describe("what a sync reads besides its tasks", () => {
  async function seedLocation(shop: string, locationId: string, kind: "STORE" | "WAREHOUSE", deleted = false) {
    await prisma.location.create({
      data: {
        shop,
        locationId,
        name: `Location ${locationId}`,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: kind === "STORE",
        pickupTime: kind === "STORE" ? "ONE_HOUR" : null,
        deletedAt: deleted ? AT : null,
        syncedAt: AT,
        profile: { create: { kind, timeZone: "America/Chicago", preparationMinutes: 30, sameDayCutoff: "16:00" } },
      },
    });
  }

  it("is what the store, timing and open-task readers each give, with the order's cancellation", async () => {
    const shop = uniqueShop();
    await seedLocation(shop, "501", "STORE");
    await seedLocation(shop, "502", "WAREHOUSE");
    await seedLocation(shop, "503", "STORE", true);
    const first = facts();
    await newTask(shop, first);
    await newTask(shop, facts({ orderId: first.orderId, locationId: "502" }));
    await prisma.routedOrder.create({
      data: {
        shop,
        orderId: first.orderId,
        name: first.orderName,
        placedAt: AT,
        lines: [],
        source: "WEBHOOK",
        cancelledAt: LATER,
      },
    });

    for (const locationId of ["501", "502", "503", "599"]) {
      const reads = await readForStoreTaskSync(sqlPool, shop, first.orderId, locationId);
      expect(reads.locationIsStore).toBe(await isStoreLocation(sqlPool, shop, locationId));
      expect(reads.timing).toEqual(await storeLocationTiming(sqlPool, shop, locationId));
      expect(reads.orderCancelled).toBe(true);
      expect(reads.openTaskFulfillmentOrderIds.sort()).toEqual(
        [
          ...new Set(
            (await openStoreTasksOfOrder(sqlPool, shop, first.orderId)).map((task) => task.fulfillmentOrderId),
          ),
        ].sort(),
      );
    }
    expect((await readForStoreTaskSync(sqlPool, shop, first.orderId, "501")).timing).toMatchObject({
      timeZone: "America/Chicago",
      preparationMinutes: 30,
      shopifyPickupTime: "ONE_HOUR",
    });
    expect(await readForStoreTaskSync(sqlPool, shop, "no-such-order", null)).toEqual({
      orderCancelled: false,
      locationIsStore: false,
      timing: null,
      openTaskFulfillmentOrderIds: [],
      pickupCodeInUse: false,
    });
  });

  it("says whether the pickup code offered for a new task is an open task's, as isPickupCodeInUse does", async () => {
    const shop = uniqueShop();
    const open = await newTask(shop);
    const ended = await newTask(shop);
    await prisma.storeTask.update({ where: { id: ended }, data: { state: "CANCELLED", endedAt: LATER } });
    const codeOf = async (id: string) => (await prisma.storeTask.findUniqueOrThrow({ where: { id } })).pickupCode;
    const offered = { open: await codeOf(open), ended: await codeOf(ended), fresh: "FRESH1" };

    for (const [kind, pickupCode] of Object.entries(offered)) {
      const reads = await readForStoreTaskSync(sqlPool, shop, "8801", null, pickupCode);
      expect({ kind, inUse: reads.pickupCodeInUse }).toEqual({
        kind,
        inUse: await isPickupCodeInUse(sqlPool, shop, pickupCode),
      });
    }
    expect(await isPickupCodeInUse(sqlPool, shop, offered.open)).toBe(true);
    expect(await isPickupCodeInUse(sqlPool, shop, offered.ended)).toBe(false);
    // Another shop's open task does not make the code taken here.
    expect((await readForStoreTaskSync(sqlPool, uniqueShop(), "8801", null, offered.open)).pickupCodeInUse).toBe(false);
  });

  it("locks the order's row until its transaction ends: a cancellation recorded meanwhile waits for it", async () => {
    const shop = uniqueShop();
    await prisma.routedOrder.create({
      data: { shop, orderId: "8801", name: "#8801", placedAt: AT, lines: [], source: "WEBHOOK" },
    });
    let releaseSync: () => void = () => undefined;
    const syncHolds = new Promise<void>((resolve) => (releaseSync = resolve));
    let read: () => void = () => undefined;
    const hasRead = new Promise<void>((resolve) => (read = resolve));
    const sync = inSqlTransaction(async (tx) => {
      await readForStoreTaskSync(tx, shop, "8801", null);
      read();
      await syncHolds;
    });
    await hasRead;

    const cancellation = inSqlTransaction(async (tx) => {
      await tx.query("SET LOCAL lock_timeout = '300ms'");
      await tx.query(`UPDATE "RoutedOrder" SET "cancelledAt" = now() WHERE "shop" = $1 AND "orderId" = '8801'`, [shop]);
    });

    await expect(cancellation).rejects.toThrow(/lock timeout/);
    releaseSync();
    await sync;
  });
});
