import { describe, expect, it } from "vitest";
import type { StoreTask } from "@prisma/client";
import { DEFAULT_STORE_SETTINGS } from "~/domain/store-tasks/settings";
import type { StoredStoreTaskEvent, StoreTaskWithLines } from "~/models/store-tasks.server";
import { taskSummaryView, taskView } from "./task-view";

/** The POS's view of a task at known times: its alerts, and a Shopify call the app gave up on. */

const NOW = new Date("2026-11-27T18:00:00Z");

function task(values: Partial<StoreTask>): StoreTask {
  return {
    id: "6f1d7c52-0d7b-4d8e-9d53-2f8b4a1c9e01",
    shop: "shop.myshopify.com",
    fulfillmentOrderId: "5001",
    orderId: "9001",
    orderName: "#1001",
    locationId: "1",
    kind: "PICKUP",
    state: "NEW",
    customerName: "Ada Lovelace",
    pickupCode: "K7M4QX",
    assignedAt: new Date("2026-11-27T17:50:00Z"),
    dueAt: new Date("2026-11-27T18:50:00Z"),
    startedAt: null,
    firstScanAt: null,
    packedAt: null,
    stagedAt: null,
    readyAt: null,
    completedAt: null,
    endedAt: null,
    endedReason: null,
    bin: null,
    carrier: null,
    trackingNumber: null,
    pendingShopifyAction: null,
    wrongScans: 0,
    rightScans: 0,
    customerWaitingAt: null,
    customerWaitingSpot: null,
    createdAt: new Date("2026-11-27T17:50:00Z"),
    updatedAt: new Date("2026-11-27T17:50:00Z"),
    ...values,
  };
}

const summary = (values: Partial<StoreTask>) =>
  taskSummaryView({ ...task(values), units: 1, lineCount: 1 }, NOW, DEFAULT_STORE_SETTINGS);

function event(at: string, detail: StoredStoreTaskEvent["detail"]): StoredStoreTaskEvent {
  return {
    id: at,
    shop: "shop.myshopify.com",
    taskId: "6f1d7c52-0d7b-4d8e-9d53-2f8b4a1c9e01",
    fromState: "PICKING",
    toState: "PICKING",
    staffMemberId: null,
    userId: null,
    locationId: "1",
    at: new Date(at),
    clientRequestId: null,
    detail,
  };
}

function shopifyProblemAfter(events: StoredStoreTaskEvent[]): string | null {
  const whole: StoreTaskWithLines = { ...task({ state: "PICKING" }), lines: [], events };
  return taskView(whole, {
    now: NOW,
    alertSettings: DEFAULT_STORE_SETTINGS,
    bins: new Map(),
    pickTargetSeconds: 360,
    requireIdCheck: false,
  }).shopifyProblem;
}

describe("a task's alerts on POS", () => {
  it("is neither late nor critical while new within the merchant's 15 minutes and before its due time", () => {
    expect(summary({})).toMatchObject({ late: false, notStarted: false, critical: false });
  });

  it("is not started, and critical, once new for longer than the merchant's minutes", () => {
    expect(summary({ assignedAt: new Date("2026-11-27T17:40:00Z") })).toMatchObject({
      late: false,
      notStarted: true,
      critical: true,
    });
  });

  it("is late, and critical, past its due time while being picked", () => {
    expect(summary({ state: "PICKING", dueAt: new Date("2026-11-27T17:55:00Z") })).toMatchObject({
      late: true,
      notStarted: false,
      critical: true,
    });
  });

  it("follows the merchant's setting for how long is too long", () => {
    const relaxed = { ...DEFAULT_STORE_SETTINGS, notStartedMinutes: 30 };
    const view = taskSummaryView(
      { ...task({ assignedAt: new Date("2026-11-27T17:40:00Z") }), units: 1, lineCount: 1 },
      NOW,
      relaxed,
    );
    expect(view.notStarted).toBe(false);
  });
});

describe("a customer waiting at the store, on POS", () => {
  const arrived = { customerWaitingAt: new Date("2026-11-27T17:58:00Z"), customerWaitingSpot: "4" };

  it("shows the shopper's spot, critical, while the order is still the store's", () => {
    expect(summary({ state: "READY", ...arrived })).toMatchObject({ waiting: { spot: "4" }, critical: true });
  });

  it("no longer shows them waiting once the order was handed over or left the store", () => {
    expect(summary({ state: "PICKED_UP", ...arrived })).toMatchObject({ waiting: null, critical: false });
    expect(summary({ state: "CANCELLED", ...arrived })).toMatchObject({ waiting: null, critical: false });
  });
});

describe("a Shopify call the app gave up on, on POS", () => {
  it("tells the associate Shopify did not accept the step", () => {
    expect(
      shopifyProblemAfter([
        event("2026-11-27T17:55:00Z", { kind: "SHOPIFY_GAVE_UP", effect: "PREPARED_FOR_PICKUP", error: "on hold" }),
      ]),
    ).toBe("Shopify did not accept that the order is ready for pickup — ask your manager");
  });

  it("says nothing once the merchant retried it, or when nothing was given up", () => {
    expect(
      shopifyProblemAfter([
        event("2026-11-27T17:55:00Z", { kind: "SHOPIFY_GAVE_UP", effect: "REPORT_PROGRESS", error: "on hold" }),
        event("2026-11-27T17:58:00Z", { kind: "SHOPIFY_RETRIED", effect: "REPORT_PROGRESS" }),
      ]),
    ).toBeNull();
    expect(shopifyProblemAfter([event("2026-11-27T17:55:00Z", { kind: "ASSIGNED" })])).toBeNull();
  });
});
