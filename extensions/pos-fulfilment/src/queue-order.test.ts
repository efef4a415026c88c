import { describe, expect, it } from "vitest";
import { inWorkOrder } from "./queue-order";
import { aTask } from "./test-support/fake-pos-server";

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 12, minutes)).toISOString();

describe("the order associates work in", () => {
  it("puts waiting customers before late orders, and late orders before the rest", () => {
    const onTime = aTask({ id: "on-time", dueAt: at(10) });
    const late = aTask({ id: "late", late: true, dueAt: at(30) });
    const waiting = aTask({ id: "waiting", waiting: { spot: null }, dueAt: at(50) });

    expect(inWorkOrder([onTime, late, waiting]).map((task) => task.id)).toEqual(["waiting", "late", "on-time"]);
  });

  it("orders by due time within a group, orders without one last", () => {
    const noDue = aTask({ id: "no-due", dueAt: null });
    const later = aTask({ id: "later", dueAt: at(40) });
    const sooner = aTask({ id: "sooner", dueAt: at(20) });

    expect(inWorkOrder([noDue, later, sooner]).map((task) => task.id)).toEqual(["sooner", "later", "no-due"]);
  });

  it("breaks ties by the oldest assignment, and leaves the input as it was", () => {
    const newer = aTask({ id: "newer", dueAt: null, assignedAt: at(5) });
    const older = aTask({ id: "older", dueAt: null, assignedAt: at(1) });
    const input = [newer, older];

    expect(inWorkOrder(input).map((task) => task.id)).toEqual(["older", "newer"]);
    expect(input.map((task) => task.id)).toEqual(["newer", "older"]);
  });
});
