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
