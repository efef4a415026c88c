import { describe, expect, it } from "vitest";
import { storeTaskTimeline, type TimelineEvent, type TimelineEventDetail } from "./timeline";

/** The order page's words for the shopper's "I'm here" on their pickup pass. */

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));

function event(minute: number, detail: TimelineEventDetail): TimelineEvent {
  const assigned = detail.kind === "ASSIGNED";
  return {
    at: at(minute),
    fromState: assigned ? null : "READY",
    toState: assigned ? "NEW" : "READY",
    staffMemberId: null,
    detail,
  };
}

const labels = (events: TimelineEvent[]) => storeTaskTimeline(events, []).map((step) => step.label);

describe("a shopper's arrival on the store timeline", () => {
  it("says the customer arrived and where", () => {
    expect(labels([event(0, { kind: "ASSIGNED" }), event(30, { kind: "CUSTOMER_ARRIVED", spot: "4" })])).toEqual([
      "Assigned to the store",
      "Customer arrived — spot 4",
    ]);
  });

  it("tells a changed spot once, and a repeated tap not at all", () => {
    expect(
      labels([
        event(0, { kind: "ASSIGNED" }),
        event(30, { kind: "CUSTOMER_ARRIVED", spot: null }),
        event(31, { kind: "CUSTOMER_ARRIVED", spot: "4" }),
        event(32, { kind: "CUSTOMER_ARRIVED", spot: "4" }),
        event(33, { kind: "CUSTOMER_ARRIVED", spot: "Red Honda" }),
      ]),
    ).toEqual([
      "Assigned to the store",
      "Customer arrived",
      "Customer now at spot 4",
      "Customer now at spot Red Honda",
    ]);
  });

  it("counts an arrival after the order came back to the store as a new one", () => {
    expect(
      labels([
        event(0, { kind: "ASSIGNED" }),
        event(30, { kind: "CUSTOMER_ARRIVED", spot: "4" }),
        { ...event(40, { kind: "ASSIGNED" }), fromState: "CANCELLED" },
        event(90, { kind: "CUSTOMER_ARRIVED", spot: "4" }),
      ]),
    ).toEqual([
      "Assigned to the store",
      "Customer arrived — spot 4",
      "Assigned to the store again",
      "Customer arrived — spot 4",
    ]);
  });
});
