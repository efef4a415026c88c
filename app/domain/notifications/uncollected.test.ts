import { describe, expect, it } from "vitest";
import { autoCancelAt } from "./schedule";
import { ordersToAutoCancel, type PickupOrderWaiting } from "./uncollected";

const NOW = new Date("2026-11-20T15:00:00.000Z");
const daysBefore = (days: number, extraMinutes = 0) =>
  new Date(NOW.getTime() - days * 24 * 60 * 60_000 - extraMinutes * 60_000);

const ready = (
  orderId: string,
  readyAt: Date | null,
  overrides: Partial<PickupOrderWaiting> = {},
): PickupOrderWaiting => ({
  orderId,
  kind: "PICKUP",
  state: "READY",
  readyAt,
  ...overrides,
});

describe("which uncollected orders an auto-cancel policy would cancel", () => {
  const orders = [
    ready("exactly-7-days", daysBefore(7)),
    ready("ten-days", daysBefore(10, 30)),
    ready("a-minute-short", daysBefore(7, -1)),
    ready("three-days", daysBefore(3)),
    ready("collected", daysBefore(12), { state: "PICKED_UP" }),
    ready("cancelled", daysBefore(12), { state: "CANCELLED" }),
    ready("still-picking", null, { state: "PICKING" }),
    ready("a-shipment", daysBefore(12), { kind: "SHIP", state: "READY" }),
  ];

  it("lists pickup orders ready D days or more and not collected, longest waiting first", () => {
    expect(ordersToAutoCancel(orders, { days: 7 }, NOW)).toEqual([
      { orderId: "ten-days", readyAt: daysBefore(10, 30), dueAt: daysBefore(3, 30), daysWaiting: 10 },
      { orderId: "exactly-7-days", readyAt: daysBefore(7), dueAt: NOW, daysWaiting: 7 },
    ]);
  });

  it("follows the merchant's D: a shorter policy cancels more", () => {
    expect(ordersToAutoCancel(orders, { days: 3 }, NOW).map((order) => order.orderId)).toEqual([
      "ten-days",
      "exactly-7-days",
      "a-minute-short",
      "three-days",
    ]);
  });

  it("lists nothing when no order has waited long enough", () => {
    expect(ordersToAutoCancel(orders, { days: 30 }, NOW)).toEqual([]);
  });

  it("cancels D 24-hour days after the order was ready", () => {
    expect(autoCancelAt(new Date("2026-11-01T15:00:00.000Z"), 7).toISOString()).toBe("2026-11-08T15:00:00.000Z");
  });
});
