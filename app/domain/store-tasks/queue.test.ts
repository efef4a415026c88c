import { describe, expect, it } from "vitest";
import { isInView, QUEUE_VIEWS, queueCounts, queueOf, type QueuedTask } from "./queue";
import { STORE_TASK_KINDS, STORE_TASK_STATES } from "./types";

const now = new Date("2026-11-27T18:00:00Z");
const minutes = (offset: number) => new Date(now.getTime() + offset * 60_000);

function queued(id: string, overrides: Partial<QueuedTask> = {}): QueuedTask {
  return { id, kind: "PICKUP", state: "NEW", assignedAt: minutes(-30), dueAt: minutes(60), ...overrides };
}

describe("the store's lists", () => {
  it("puts pickup and local orders to pick, pickup orders ready, and ship orders not yet shipped in their lists", () => {
    const inViews = (kind: QueuedTask["kind"], state: QueuedTask["state"]) =>
      QUEUE_VIEWS.filter((view) => isInView({ kind, state }, view));
    expect(inViews("PICKUP", "STAGED")).toEqual(["TO_PICK"]);
    expect(inViews("LOCAL_DELIVERY", "PACKED")).toEqual(["TO_PICK"]);
    expect(inViews("PICKUP", "READY")).toEqual(["READY"]);
    expect(inViews("SHIP", "PACKED")).toEqual(["TO_SHIP"]);
    expect(inViews("SHIP", "SHIPPED")).toEqual([]);
    expect(inViews("LOCAL_DELIVERY", "OUT_FOR_DELIVERY")).toEqual([]);
    expect(inViews("PICKUP", "PICKED_UP")).toEqual([]);
    expect(inViews("PICKUP", "CANCELLED")).toEqual([]);
  });

  it("keeps an order waiting on a rerouted line in its list", () => {
    expect(isInView({ kind: "PICKUP", state: "EXCEPTION" }, "TO_PICK")).toBe(true);
    expect(isInView({ kind: "SHIP", state: "EXCEPTION" }, "TO_SHIP")).toBe(true);
  });

  it("shows each open task in at most one list", () => {
    for (const kind of STORE_TASK_KINDS) {
      for (const state of STORE_TASK_STATES) {
        expect(QUEUE_VIEWS.filter((view) => isInView({ kind, state }, view)).length).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("queue order", () => {
  it("puts customers waiting first, then late orders, then by due time", () => {
    const tasks = [
      queued("due-later", { dueAt: minutes(90) }),
      queued("no-due", { dueAt: null }),
      queued("late-lately", { dueAt: minutes(-5), state: "PICKING" }),
      queued("due-soon", { dueAt: minutes(20) }),
      queued("waiting-since-5", { state: "STAGED", customerWaitingAt: minutes(-5), dueAt: minutes(100) }),
      queued("late-long", { dueAt: minutes(-40) }),
      queued("waiting-since-9", { state: "PACKED", customerWaitingAt: minutes(-9), dueAt: minutes(200) }),
    ];
    expect(queueOf(tasks, "TO_PICK", now).map((task) => task.id)).toEqual([
      "waiting-since-9",
      "waiting-since-5",
      "late-long",
      "late-lately",
      "due-soon",
      "due-later",
      "no-due",
    ]);
  });

  it("breaks ties by the oldest assignment, then the id, so the list does not jump", () => {
    const tasks = [
      queued("b", { assignedAt: minutes(-10) }),
      queued("c", { assignedAt: minutes(-20) }),
      queued("a", { assignedAt: minutes(-10) }),
    ];
    expect(queueOf(tasks, "TO_PICK", now).map((task) => task.id)).toEqual(["c", "a", "b"]);
  });

  it("shows only the list's tasks", () => {
    const tasks = [
      queued("pick"),
      queued("ready", { state: "READY" }),
      queued("ship", { kind: "SHIP", state: "PICKING" }),
      queued("shipped", { kind: "SHIP", state: "SHIPPED" }),
    ];
    expect(queueOf(tasks, "READY", now).map((task) => task.id)).toEqual(["ready"]);
    expect(queueOf(tasks, "TO_SHIP", now).map((task) => task.id)).toEqual(["ship"]);
  });
});

describe("queue counts", () => {
  it("counts each list, the late tasks and the customers waiting", () => {
    const tasks = [
      queued("new"),
      queued("late", { state: "PICKING", dueAt: minutes(-1) }),
      queued("ready-waiting", { state: "READY", customerWaitingAt: minutes(-2), dueAt: minutes(-60) }),
      queued("local", { kind: "LOCAL_DELIVERY", state: "STAGED" }),
      queued("ship-late", { kind: "SHIP", state: "NEW", dueAt: minutes(-10) }),
      queued("shipped", { kind: "SHIP", state: "SHIPPED", dueAt: minutes(-10) }),
      queued("collected", { state: "PICKED_UP", customerWaitingAt: minutes(-20) }),
    ];
    expect(queueCounts(tasks, now)).toEqual({ toPick: 3, ready: 1, toShip: 1, late: 2, waiting: 1 });
  });
});
