import { describe, expect, it } from "vitest";
import { nextSendableAt, type SendingWindows } from "./quiet-hours";
import type { MessageKind } from "./steps";

const CHICAGO = "America/Chicago";
const LOS_ANGELES = "America/Los_Angeles";

const sendable = (desired: string, kind: MessageKind, zone: string, windows?: SendingWindows) =>
  nextSendableAt(new Date(desired), kind, zone, windows).toISOString();

describe("quiet hours: when a customer message may go out", () => {
  // 10 November 2026: Chicago is UTC−6 (CST), Los Angeles UTC−8 (PST).
  it.each([
    ["inside the event window", "2026-11-10T16:00:00.000Z", "EVENT", CHICAGO, "2026-11-10T16:00:00.000Z"],
    ["at the event window's opening, 08:00", "2026-11-10T14:00:00.000Z", "EVENT", CHICAGO, "2026-11-10T14:00:00.000Z"],
    [
      "before the event window: 06:00 waits for 08:00",
      "2026-11-10T12:00:00.000Z",
      "EVENT",
      CHICAGO,
      "2026-11-10T14:00:00.000Z",
    ],
    [
      "at the event window's end, 21:00: the next morning",
      "2026-11-11T03:00:00.000Z",
      "EVENT",
      CHICAGO,
      "2026-11-11T14:00:00.000Z",
    ],
    ["a minute before 21:00 goes", "2026-11-11T02:59:00.000Z", "EVENT", CHICAGO, "2026-11-11T02:59:00.000Z"],
    ["a nudge at 08:30 waits for 09:00", "2026-11-10T14:30:00.000Z", "NUDGE", CHICAGO, "2026-11-10T15:00:00.000Z"],
    [
      "a nudge at 20:00 waits for tomorrow 09:00",
      "2026-11-11T02:00:00.000Z",
      "NUDGE",
      CHICAGO,
      "2026-11-11T15:00:00.000Z",
    ],
    ["a nudge at midnight waits for 09:00", "2026-11-11T06:00:00.000Z", "NUDGE", CHICAGO, "2026-11-11T15:00:00.000Z"],
    [
      "Los Angeles: 06:30 waits for 08:00",
      "2026-11-10T14:30:00.000Z",
      "EVENT",
      LOS_ANGELES,
      "2026-11-10T16:00:00.000Z",
    ],
    [
      "Los Angeles: a nudge at 19:59 goes",
      "2026-11-11T03:59:00.000Z",
      "NUDGE",
      LOS_ANGELES,
      "2026-11-11T03:59:00.000Z",
    ],
    [
      "Los Angeles: an event at 21:30 waits for tomorrow 08:00",
      "2026-11-11T05:30:00.000Z",
      "EVENT",
      LOS_ANGELES,
      "2026-11-11T16:00:00.000Z",
    ],
  ] as const)("%s", (_name, desired, kind, zone, expected) => {
    expect(sendable(desired, kind, zone)).toBe(expected);
  });

  it("judges one instant by each recipient's own clock", () => {
    // 08:30 in Chicago is 06:30 in Los Angeles.
    expect(sendable("2026-11-10T14:30:00.000Z", "EVENT", CHICAGO)).toBe("2026-11-10T14:30:00.000Z");
    expect(sendable("2026-11-10T14:30:00.000Z", "EVENT", LOS_ANGELES)).toBe("2026-11-10T16:00:00.000Z");
  });

  describe("on the spring change (8 March 2026: 02:00 becomes 03:00)", () => {
    it.each([
      [
        "Chicago, 01:30 CST: event at 08:00 CDT",
        "2026-03-08T07:30:00.000Z",
        "EVENT",
        CHICAGO,
        "2026-03-08T13:00:00.000Z",
      ],
      [
        "Chicago, 01:30 CST: nudge at 09:00 CDT",
        "2026-03-08T07:30:00.000Z",
        "NUDGE",
        CHICAGO,
        "2026-03-08T14:00:00.000Z",
      ],
      [
        "Chicago, 21:00 CST the evening before",
        "2026-03-08T03:00:00.000Z",
        "EVENT",
        CHICAGO,
        "2026-03-08T13:00:00.000Z",
      ],
      [
        "Chicago, 20:30 CDT on the day: nudge next day",
        "2026-03-09T01:30:00.000Z",
        "NUDGE",
        CHICAGO,
        "2026-03-09T14:00:00.000Z",
      ],
      [
        "Los Angeles, 01:30 PST: event at 08:00 PDT",
        "2026-03-08T09:30:00.000Z",
        "EVENT",
        LOS_ANGELES,
        "2026-03-08T15:00:00.000Z",
      ],
      [
        "Los Angeles, 03:30 PDT: nudge at 09:00 PDT",
        "2026-03-08T10:30:00.000Z",
        "NUDGE",
        LOS_ANGELES,
        "2026-03-08T16:00:00.000Z",
      ],
    ] as const)("%s", (_name, desired, kind, zone, expected) => {
      expect(sendable(desired, kind, zone)).toBe(expected);
    });
  });

  describe("on the autumn change (1 November 2026: 02:00 becomes 01:00)", () => {
    it.each([
      [
        "Chicago, first 01:30 (CDT): event at 08:00 CST",
        "2026-11-01T06:30:00.000Z",
        "EVENT",
        CHICAGO,
        "2026-11-01T14:00:00.000Z",
      ],
      [
        "Chicago, second 01:30 (CST): event at 08:00 CST",
        "2026-11-01T07:30:00.000Z",
        "EVENT",
        CHICAGO,
        "2026-11-01T14:00:00.000Z",
      ],
      [
        "Chicago, 22:00 CDT the evening before",
        "2026-11-01T03:00:00.000Z",
        "EVENT",
        CHICAGO,
        "2026-11-01T14:00:00.000Z",
      ],
      [
        "Los Angeles, 20:30 PDT the evening before: nudge",
        "2026-11-01T03:30:00.000Z",
        "NUDGE",
        LOS_ANGELES,
        "2026-11-01T17:00:00.000Z",
      ],
      [
        "Los Angeles, 21:00 PDT the evening before: event",
        "2026-11-01T04:00:00.000Z",
        "EVENT",
        LOS_ANGELES,
        "2026-11-01T16:00:00.000Z",
      ],
    ] as const)("%s", (_name, desired, kind, zone, expected) => {
      expect(sendable(desired, kind, zone)).toBe(expected);
    });
  });

  it("follows the merchant's own windows", () => {
    const narrow: SendingWindows = { EVENT: { start: "08:00", end: "20:00" }, NUDGE: { start: "10:00", end: "18:00" } };
    // 09:30 Chicago.
    expect(sendable("2026-11-10T15:30:00.000Z", "NUDGE", CHICAGO, narrow)).toBe("2026-11-10T16:00:00.000Z");
    // 20:15 Chicago: Florida's 8-to-8 would wait for the morning.
    expect(sendable("2026-11-11T02:15:00.000Z", "EVENT", CHICAGO, narrow)).toBe("2026-11-11T14:00:00.000Z");
  });
});
