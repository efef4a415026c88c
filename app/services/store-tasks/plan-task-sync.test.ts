import { describe, expect, it } from "vitest";
import type { StoreTaskState } from "@prisma/client";
import { planTaskSync, taskKindOf, type FulfillmentOrderNow, type TaskNow } from "./plan-task-sync";

const fo = (overrides: Partial<FulfillmentOrderNow> = {}): FulfillmentOrderNow => ({
  status: "OPEN",
  locationId: "S1",
  deliveryMethod: "PICK_UP",
  orderCancelled: false,
  lineItems: [{ totalQuantity: 2, remainingQuantity: 2 }],
  ...overrides,
});

const task = (
  id: string,
  locationId: string,
  state: StoreTaskState,
  pending: TaskNow["pendingShopifyAction"] = null,
) => ({
  id,
  locationId,
  state,
  pendingShopifyAction: pending,
});

describe("a fulfilment order open at a store", () => {
  it("gets a new task there when it has none", () => {
    expect(planTaskSync(fo(), [], true)).toEqual({ end: [], here: { action: "CREATE", locationId: "S1" } });
  });

  it("in progress (picking reported) is still worked there", () => {
    expect(planTaskSync(fo({ status: "IN_PROGRESS" }), [], true).here).toEqual({ action: "CREATE", locationId: "S1" });
  });

  it("refreshes the open task it has there, whatever step it is at", () => {
    for (const state of ["NEW", "PICKING", "PACKED", "STAGED", "READY", "EXCEPTION"] as const) {
      expect(planTaskSync(fo(), [task("T1", "S1", state)], true), state).toEqual({
        end: [],
        here: { action: "REFRESH", taskId: "T1" },
      });
    }
  });

  it("reopens the task that ended there when it comes back, rather than adding one", () => {
    expect(planTaskSync(fo(), [task("T1", "S1", "CANCELLED")], true)).toEqual({
      end: [],
      here: { action: "REOPEN", taskId: "T1" },
    });
  });

  it("leaves a task the store has finished alone", () => {
    for (const state of ["PICKED_UP", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED"] as const) {
      expect(planTaskSync(fo(), [task("T1", "S1", state)], true), state).toEqual({ end: [], here: null });
    }
  });

  it("moved here from another store ends the task there as moved away and opens one here", () => {
    expect(planTaskSync(fo(), [task("T0", "S0", "PICKING")], true)).toEqual({
      end: [{ taskId: "T0", reason: "MOVED_AWAY" }],
      here: { action: "CREATE", locationId: "S1" },
    });
  });

  it("does not end tasks elsewhere that have already ended or left the store's hands", () => {
    const tasks = [task("T0", "S0", "CANCELLED"), task("T2", "S2", "OUT_FOR_DELIVERY")];
    expect(planTaskSync(fo(), tasks, true).end).toEqual([]);
  });
});

describe("a fulfilment order at a warehouse", () => {
  it("gets no task", () => {
    expect(planTaskSync(fo({ locationId: "W" }), [], false)).toEqual({ end: [], here: null });
  });

  it("moved there from a store ends the store's task as moved away", () => {
    expect(planTaskSync(fo({ locationId: "W" }), [task("T1", "S1", "NEW")], false)).toEqual({
      end: [{ taskId: "T1", reason: "MOVED_AWAY" }],
      here: null,
    });
  });

  it("does not reopen a task ended at a location that is no longer a store", () => {
    expect(planTaskSync(fo(), [task("T1", "S1", "CANCELLED")], false).here).toBeNull();
  });
});

describe("a fulfilment order on hold or scheduled", () => {
  for (const status of ["ON_HOLD", "SCHEDULED"]) {
    it(`(${status}) keeps the store's open task and creates none`, () => {
      expect(planTaskSync(fo({ status }), [task("T1", "S1", "EXCEPTION")], true).here).toEqual({
        action: "REFRESH",
        taskId: "T1",
      });
      expect(planTaskSync(fo({ status }), [], true)).toEqual({ end: [], here: null });
      expect(planTaskSync(fo({ status }), [task("T1", "S1", "CANCELLED")], true).here).toBeNull();
    });
  }
});

describe("a fulfilment order that has ended", () => {
  it("cancelled ends the open task as cancelled", () => {
    expect(planTaskSync(fo({ status: "CANCELLED" }), [task("T1", "S1", "READY")], true)).toEqual({
      end: [{ taskId: "T1", reason: "CANCELLED" }],
      here: null,
    });
  });

  it("of a cancelled order ends the task as cancelled, whatever the fulfilment order's status says", () => {
    const closed = fo({
      status: "CLOSED",
      orderCancelled: true,
      lineItems: [{ totalQuantity: 2, remainingQuantity: 0 }],
    });
    expect(planTaskSync(closed, [task("T1", "S1", "PICKING")], true).end).toEqual([
      { taskId: "T1", reason: "CANCELLED" },
    ]);
    expect(planTaskSync(fo({ orderCancelled: true }), [task("T1", "S1", "NEW")], true)).toEqual({
      end: [{ taskId: "T1", reason: "CANCELLED" }],
      here: null,
    });
  });

  it("closed after someone else fulfilled it ends the task as fulfilled elsewhere", () => {
    const fulfilled = fo({ status: "CLOSED", lineItems: [{ totalQuantity: 2, remainingQuantity: 0 }] });
    expect(planTaskSync(fulfilled, [task("T1", "S1", "STAGED")], true).end).toEqual([
      { taskId: "T1", reason: "FULFILLED_ELSEWHERE" },
    ]);
  });

  it("closed by the store's own handover being told to Shopify leaves the task to that call's job", () => {
    const fulfilled = fo({ status: "CLOSED", lineItems: [{ totalQuantity: 2, remainingQuantity: 0 }] });
    expect(planTaskSync(fulfilled, [task("T1", "S1", "READY", "FULFILL")], true)).toEqual({ end: [], here: null });
  });

  it("closed without a fulfilment (its lines went elsewhere, or incomplete) ends the task as closed", () => {
    for (const status of ["CLOSED", "INCOMPLETE"]) {
      expect(planTaskSync(fo({ status, lineItems: [] }), [task("T1", "S1", "NEW")], true).end, status).toEqual([
        { taskId: "T1", reason: "CLOSED" },
      ]);
    }
  });

  it("that Shopify no longer has ends the task as closed", () => {
    expect(planTaskSync(null, [task("T1", "S1", "NEW")], true).end).toEqual([{ taskId: "T1", reason: "CLOSED" }]);
  });

  it("with nothing left to fulfil is not worked, though its status is still open", () => {
    const done = fo({ lineItems: [{ totalQuantity: 1, remainingQuantity: 0 }] });
    expect(planTaskSync(done, [], true)).toEqual({ end: [], here: null });
  });

  it("leaves finished and already ended tasks as they are", () => {
    const tasks = [task("T1", "S1", "PICKED_UP"), task("T0", "S0", "CANCELLED")];
    expect(planTaskSync(fo({ status: "CANCELLED" }), tasks, true)).toEqual({ end: [], here: null });
  });
});

describe("the task's kind", () => {
  it("follows the fulfilment order's delivery method: pickup, local delivery, else shipped", () => {
    expect(taskKindOf("PICK_UP")).toBe("PICKUP");
    expect(taskKindOf("LOCAL")).toBe("LOCAL_DELIVERY");
    for (const method of ["SHIPPING", "NONE", "PICKUP_POINT", null]) expect(taskKindOf(method)).toBe("SHIP");
  });
});
