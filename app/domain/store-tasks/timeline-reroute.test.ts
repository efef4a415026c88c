import { describe, expect, it } from "vitest";
import { storeTaskTimeline, type TimelineEvent, type TimelineEventDetail } from "./timeline";

/** The order page's words for the app moving an order's lines away from a store, or holding it. */

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));

function stepsAfter(detail: TimelineEventDetail) {
  const events: TimelineEvent[] = [
    { at: at(0), fromState: null, toState: "NEW", staffMemberId: null, detail: { kind: "ASSIGNED" } },
    { at: at(5), fromState: "EXCEPTION", toState: "EXCEPTION", staffMemberId: null, detail },
  ];
  return storeTaskTimeline(events, []).slice(1);
}

describe("the store timeline of a rerouted order", () => {
  it("names the store the lines went to and why, as a problem the app dealt with", () => {
    const detail = { kind: "REROUTED", toLocationName: "Wicker Park", reason: "Tee not found at Loop" } as const;
    expect(stepsAfter(detail)).toEqual([
      {
        label: "Re-routed to Wicker Park: Tee not found at Loop",
        at: at(5),
        staffMemberId: null,
        tookSeconds: 300,
        problem: true,
      },
    ]);
  });

  it("says another location when the store it went to is not known", () => {
    const detail = { kind: "REROUTED", toLocationName: null, reason: "Tee damaged at Loop" } as const;
    expect(stepsAfter(detail)[0]?.label).toBe("Re-routed to another location: Tee damaged at Loop");
  });

  it("says the order is on hold in Shopify when no location can take it", () => {
    expect(stepsAfter({ kind: "HELD", reason: "Tee damaged at Loop" })[0]?.label).toBe(
      "On hold in Shopify, no location can take it: Tee damaged at Loop",
    );
  });

  it("tells an escalation that moved the order from one that found nowhere", () => {
    const reason = "not started 30 min before it was due at Loop";
    const moved = { kind: "ESCALATED", toLocationId: "7", toLocationName: "Wicker Park", reason } as const;
    const stayed = { kind: "ESCALATED", toLocationId: null, toLocationName: null, reason } as const;
    expect(stepsAfter(moved)[0]?.label).toBe(`Re-routed to Wicker Park: ${reason}`);
    expect(stepsAfter(stayed)[0]?.label).toBe(`Not re-routed, no other location can take it: ${reason}`);
  });
});

describe("the store timeline after the app's hold or a stock change", () => {
  it("says the hold was released and the store picks again", () => {
    const events: TimelineEvent[] = [
      { at: at(0), fromState: null, toState: "NEW", staffMemberId: null, detail: { kind: "ASSIGNED" } },
      {
        at: at(5),
        fromState: "EXCEPTION",
        toState: "EXCEPTION",
        staffMemberId: null,
        detail: { kind: "HELD", reason: "Tee damaged at Loop" },
      },
      { at: at(9), fromState: "EXCEPTION", toState: "PICKING", staffMemberId: null, detail: { kind: "HOLD_RELEASED" } },
    ];
    expect(storeTaskTimeline(events, []).at(-1)).toEqual({
      label: "Hold released — back to picking",
      at: at(9),
      staffMemberId: null,
      tookSeconds: 240,
      problem: false,
    });
  });

  it("says only that the hold was released while another item still waits to be moved", () => {
    expect(stepsAfter({ kind: "HOLD_RELEASED" })[0]).toMatchObject({ label: "Hold released", problem: false });
  });

  it("tells the merchant Shopify's stock was not set to 0, and why, as a problem", () => {
    const detail = { kind: "STOCK_ZERO_GAVE_UP", sku: "TEE-M", error: "the stock kept changing" } as const;
    expect(stepsAfter(detail)[0]).toMatchObject({
      label: "Shopify's stock of TEE-M at the store was not set to 0: the stock kept changing",
      problem: true,
    });
  });
});
