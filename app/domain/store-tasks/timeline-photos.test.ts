import { describe, expect, it } from "vitest";
import { storeTaskTimeline, type TimelineEvent } from "./timeline";
import { photosOfSteps, type TimelinePhoto } from "./timeline-photos";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 15, minute));

const event = (minute: number, partial: Partial<TimelineEvent>): TimelineEvent => ({
  at: at(minute),
  fromState: null,
  toState: "NEW",
  staffMemberId: "111",
  detail: null,
  ...partial,
});

const exception = (minute: number, lineItemId: string): TimelineEvent =>
  event(minute, {
    fromState: "PICKING",
    toState: "PICKING",
    detail: { kind: "EXCEPTION", lineItemId, reason: "DAMAGED", note: null },
  });

const LINES = [
  { lineItemId: "1", title: "Tee", variantTitle: null },
  { lineItemId: "2", title: "Cap", variantTitle: null },
];

function labelsWithPhotos(events: TimelineEvent[], photos: TimelinePhoto[]): Record<string, string[]> {
  const steps = storeTaskTimeline(events, LINES);
  const placed = photosOfSteps(steps, events, photos);
  return Object.fromEntries([...placed].map(([index, onStep]) => [steps[index]!.label, onStep.map((p) => p.id)]));
}

describe("photos on a task's timeline", () => {
  it("sit on the exception each was taken for: the last one reported before the photo", () => {
    const events = [
      event(0, { toState: "NEW", detail: { kind: "ASSIGNED" } }),
      event(2, { fromState: "NEW", toState: "PICKING", detail: { kind: "TRANSITION" } }),
      exception(4, "1"),
      exception(9, "2"),
    ];
    const photos: TimelinePhoto[] = [
      { id: "tee", purpose: "EXCEPTION", takenAt: new Date(at(4).getTime() + 20_000) },
      { id: "cap", purpose: "EXCEPTION", takenAt: at(10) },
    ];

    expect(labelsWithPhotos(events, photos)).toEqual({
      "Tee reported damaged": ["tee"],
      "Cap reported damaged": ["cap"],
    });
  });

  it("put a delivery's proof on Delivered", () => {
    const events = [
      event(0, { toState: "NEW", detail: { kind: "ASSIGNED" } }),
      event(30, {
        fromState: "PACKED",
        toState: "OUT_FOR_DELIVERY",
        detail: { kind: "TRANSITION", courierName: "Ana" },
      }),
      event(50, { fromState: "OUT_FOR_DELIVERY", toState: "DELIVERED", detail: { kind: "TRANSITION" } }),
    ];

    expect(labelsWithPhotos(events, [{ id: "door", purpose: "DELIVERY", takenAt: at(51) }])).toEqual({
      Delivered: ["door"],
    });
  });

  it("keep a photo whose step was never recorded on the step before it, so it is not hidden", () => {
    const events = [
      event(0, { toState: "NEW", detail: { kind: "ASSIGNED" } }),
      event(30, { fromState: "PACKED", toState: "OUT_FOR_DELIVERY", detail: { kind: "TRANSITION" } }),
    ];

    expect(labelsWithPhotos(events, [{ id: "door", purpose: "DELIVERY", takenAt: at(40) }])).toEqual({
      "Out for delivery": ["door"],
    });
  });
});
