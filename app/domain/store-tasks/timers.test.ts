import { describe, expect, it } from "vitest";
import { type OpeningHours, type OpeningWindow, type Weekday } from "../locations/opening-hours";
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "./settings";
import { addOpenMinutes, dueAtFor, isLate, taskAlerts, type LocationTiming, type TaskClock } from "./timers";

const CHICAGO = "America/Chicago";

function hours(window: OpeningWindow | null, closed: readonly Weekday[] = []): OpeningHours {
  const on = (day: Weekday) => (closed.includes(day) ? null : window);
  return {
    sunday: on("sunday"),
    monday: on("monday"),
    tuesday: on("tuesday"),
    wednesday: on("wednesday"),
    thursday: on("thursday"),
    friday: on("friday"),
    saturday: on("saturday"),
  };
}

const TEN_TO_NINE = hours({ open: "10:00", close: "21:00" });

function store(overrides: Partial<LocationTiming> = {}): LocationTiming {
  return { timeZone: CHICAGO, openingHours: TEN_TO_NINE, preparationMinutes: 60, sameDayCutoff: "16:00", ...overrides };
}

const utc = (iso: string) => new Date(iso);
const due = (kind: TaskClock["kind"], assignedAt: string, location = store(), readyBy?: string) =>
  dueAtFor(
    { kind, assignedAt: utc(assignedAt), readyBy: readyBy ? utc(readyBy) : null },
    location,
    DEFAULT_STORE_SETTINGS,
  ).toISOString();

describe("preparation time counted in opening hours", () => {
  it("counts straight through while the store is open", () => {
    // Friday 27 November 2026, 14:00 CST.
    expect(addOpenMinutes(utc("2026-11-27T20:00:00Z"), 60, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-11-27T21:00:00.000Z",
    );
  });

  it("stops at closing and carries on when the store opens", () => {
    // 20:30 CST: 30 minutes tonight, 30 from 10:00 tomorrow.
    expect(addOpenMinutes(utc("2026-11-28T02:30:00Z"), 60, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-11-28T16:30:00.000Z",
    );
    // 08:00 CST, before opening: from 10:00.
    expect(addOpenMinutes(utc("2026-11-27T14:00:00Z"), 60, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-11-27T17:00:00.000Z",
    );
    // Exactly at closing: nothing left today.
    expect(addOpenMinutes(utc("2026-11-28T03:00:00Z"), 60, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-11-28T17:00:00.000Z",
    );
  });

  it("skips the days the store is closed", () => {
    // Saturday 28 November 20:45 CST, closed Sundays: 15 minutes Saturday, 45 from Monday 10:00.
    const closedSundays = hours({ open: "10:00", close: "21:00" }, ["sunday"]);
    expect(addOpenMinutes(utc("2026-11-29T02:45:00Z"), 60, closedSundays, CHICAGO).toISOString()).toBe(
      "2026-11-30T16:45:00.000Z",
    );
  });

  it("follows hours that run past midnight", () => {
    const lateBar = hours({ open: "18:00", close: "02:00" });
    // 01:30 CST Friday is in Thursday's evening: 30 minutes to 02:00, 30 more from 18:00.
    expect(addOpenMinutes(utc("2026-11-27T07:30:00Z"), 60, lateBar, CHICAGO).toISOString()).toBe(
      "2026-11-28T00:30:00.000Z",
    );
  });

  it("counts every minute for a store always open, and for hours that never open", () => {
    expect(addOpenMinutes(utc("2026-11-27T07:30:00Z"), 90, null, CHICAGO).toISOString()).toBe(
      "2026-11-27T09:00:00.000Z",
    );
    expect(addOpenMinutes(utc("2026-11-27T07:30:00Z"), 90, hours(null), CHICAGO).toISOString()).toBe(
      "2026-11-27T09:00:00.000Z",
    );
  });

  it("opens at the local time on the day the clocks go forward", () => {
    // Saturday 7 March 2026 20:30 CST; Sunday opens 10:00 CDT (15:00Z), not 16:00Z.
    expect(addOpenMinutes(utc("2026-03-08T02:30:00Z"), 120, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-03-08T16:30:00.000Z",
    );
  });

  it("opens at the local time on the day the clocks go back", () => {
    // Saturday 31 October 2026 20:30 CDT; Sunday opens 10:00 CST (16:00Z).
    expect(addOpenMinutes(utc("2026-11-01T01:30:00Z"), 120, TEN_TO_NINE, CHICAGO).toISOString()).toBe(
      "2026-11-01T17:30:00.000Z",
    );
  });

  it("counts real minutes through the skipped hour of a store open around the clock", () => {
    const allDay = hours({ open: "00:00", close: "00:00" });
    // 01:30 CST + 60 minutes reads 03:30 CDT on the wall.
    expect(addOpenMinutes(utc("2026-03-08T07:30:00Z"), 60, allDay, CHICAGO).toISOString()).toBe(
      "2026-03-08T08:30:00.000Z",
    );
  });
});

describe("when a task is due", () => {
  it("holds a pickup order to its ready-by promise when it has one", () => {
    expect(due("PICKUP", "2026-11-27T20:00:00Z", store(), "2026-11-27T23:15:00Z")).toBe("2026-11-27T23:15:00.000Z");
  });

  it("otherwise gives a pickup order the location's preparation time in opening hours", () => {
    expect(due("PICKUP", "2026-11-27T20:00:00Z")).toBe("2026-11-27T21:00:00.000Z");
    expect(due("PICKUP", "2026-11-28T02:30:00Z", store({ preparationMinutes: 120 }))).toBe("2026-11-28T17:30:00.000Z");
  });

  it("gives a same-day local delivery that day's cut-off in the location's zone", () => {
    // 11:00 CST → 16:00 CST.
    expect(due("LOCAL_DELIVERY", "2026-11-27T17:00:00Z")).toBe("2026-11-27T22:00:00.000Z");
    // In summer 16:00 CDT is 21:00Z.
    expect(due("LOCAL_DELIVERY", "2026-07-01T15:00:00Z")).toBe("2026-07-01T21:00:00.000Z");
  });

  it("moves a delivery assigned after the cut-off to the next day the store opens", () => {
    // Friday 17:00 CST → Saturday 16:00.
    expect(due("LOCAL_DELIVERY", "2026-11-27T23:00:00Z")).toBe("2026-11-28T22:00:00.000Z");
    // Saturday 17:00 CST, closed Sundays → Monday 16:00.
    const closedSundays = store({ openingHours: hours({ open: "10:00", close: "21:00" }, ["sunday"]) });
    expect(due("LOCAL_DELIVERY", "2026-11-28T23:00:00Z", closedSundays)).toBe("2026-11-30T22:00:00.000Z");
  });

  it("puts the cut-off at the local time on the days the clocks change", () => {
    // Saturday 7 March 18:00 CST → Sunday 16:00 CDT, 21:00Z.
    expect(due("LOCAL_DELIVERY", "2026-03-08T00:00:00Z")).toBe("2026-03-08T21:00:00.000Z");
    // Sunday 1 November 09:00 CST → 16:00 CST, 22:00Z.
    expect(due("LOCAL_DELIVERY", "2026-11-01T15:00:00Z")).toBe("2026-11-01T22:00:00.000Z");
  });

  it("gives a local delivery without a cut-off the preparation time", () => {
    expect(due("LOCAL_DELIVERY", "2026-11-27T20:00:00Z", store({ sameDayCutoff: null }))).toBe(
      "2026-11-27T21:00:00.000Z",
    );
  });

  it("gives a ship-from-store order the ship SLA in hours, whatever the clocks do", () => {
    expect(due("SHIP", "2026-11-27T20:00:00Z")).toBe("2026-11-28T20:00:00.000Z");
    expect(due("SHIP", "2026-03-07T18:00:00Z")).toBe("2026-03-08T18:00:00.000Z");
    const twoDays = { ...DEFAULT_STORE_SETTINGS, shipSlaHours: 48 };
    expect(dueAtFor({ kind: "SHIP", assignedAt: utc("2026-11-27T20:00:00Z") }, store(), twoDays).toISOString()).toBe(
      "2026-11-29T20:00:00.000Z",
    );
  });
});

describe("a task's alerts", () => {
  const assignedAt = utc("2026-11-27T16:00:00Z");
  const dueAt = utc("2026-11-27T17:00:00Z");
  const minutesAfterAssigned = (minutes: number) => new Date(assignedAt.getTime() + minutes * 60_000);
  const clock = (overrides: Partial<TaskClock> = {}): TaskClock => ({
    kind: "PICKUP",
    state: "NEW",
    assignedAt,
    dueAt,
    ...overrides,
  });
  const withEscalation: StoreSettings = {
    ...DEFAULT_STORE_SETTINGS,
    escalation: { enabled: true, minutesBeforeDue: 30 },
  };

  it("is late after its due time until the store's part is done", () => {
    expect(isLate(clock({ state: "PICKING" }), dueAt)).toBe(false);
    expect(isLate(clock({ state: "PICKING" }), minutesAfterAssigned(61))).toBe(true);
    expect(isLate(clock({ state: "EXCEPTION" }), minutesAfterAssigned(61))).toBe(true);
    for (const state of ["READY", "PICKED_UP", "CANCELLED"] as const) {
      expect(isLate(clock({ state }), minutesAfterAssigned(61))).toBe(false);
    }
    expect(isLate(clock({ kind: "SHIP", state: "PACKED" }), minutesAfterAssigned(61))).toBe(true);
    expect(isLate(clock({ kind: "SHIP", state: "SHIPPED" }), minutesAfterAssigned(61))).toBe(false);
    expect(isLate(clock({ kind: "LOCAL_DELIVERY", state: "OUT_FOR_DELIVERY" }), minutesAfterAssigned(61))).toBe(false);
    expect(isLate(clock({ dueAt: null }), minutesAfterAssigned(6000))).toBe(false);
  });

  it("turns critical when still new more than 15 minutes after assignment", () => {
    expect(taskAlerts(clock(), DEFAULT_STORE_SETTINGS, minutesAfterAssigned(15))).toMatchObject({
      notStarted: false,
      critical: false,
    });
    expect(taskAlerts(clock(), DEFAULT_STORE_SETTINGS, minutesAfterAssigned(15.5))).toMatchObject({
      notStarted: true,
      critical: true,
    });
    expect(taskAlerts(clock({ state: "PICKING" }), DEFAULT_STORE_SETTINGS, minutesAfterAssigned(50)).notStarted).toBe(
      false,
    );
    const patient = { ...DEFAULT_STORE_SETTINGS, notStartedMinutes: 45 };
    expect(taskAlerts(clock(), patient, minutesAfterAssigned(30)).notStarted).toBe(false);
  });

  it("escalates only when the merchant turned it on", () => {
    expect(taskAlerts(clock(), DEFAULT_STORE_SETTINGS, minutesAfterAssigned(59)).escalate).toBe(false);
  });

  it("escalates a task still new within 30 minutes of its due time, or past it", () => {
    expect(taskAlerts(clock(), withEscalation, minutesAfterAssigned(29)).escalate).toBe(false);
    expect(taskAlerts(clock(), withEscalation, minutesAfterAssigned(30)).escalate).toBe(true);
    expect(taskAlerts(clock(), withEscalation, minutesAfterAssigned(90)).escalate).toBe(true);
    expect(taskAlerts(clock({ state: "PICKING" }), withEscalation, minutesAfterAssigned(45)).escalate).toBe(false);
    expect(taskAlerts(clock({ dueAt: null }), withEscalation, minutesAfterAssigned(45)).escalate).toBe(false);
  });

  it("lists a pickup order ready for 7 days as uncollected", () => {
    const readyAt = utc("2026-11-20T18:00:00Z");
    const ready = clock({ state: "READY", readyAt });
    expect(taskAlerts(ready, DEFAULT_STORE_SETTINGS, utc("2026-11-27T17:59:59Z")).uncollected).toBe(false);
    expect(taskAlerts(ready, DEFAULT_STORE_SETTINGS, utc("2026-11-27T18:00:00Z")).uncollected).toBe(true);
    expect(
      taskAlerts(clock({ state: "PICKED_UP", readyAt }), DEFAULT_STORE_SETTINGS, utc("2026-12-27T18:00:00Z")),
    ).toMatchObject({ uncollected: false });
  });

  it("counts uncollected days as 24 hours each across a change of clock", () => {
    // Ready Saturday 31 October 12:00 CDT; seven 24-hour days later is Saturday 7 November 11:00 CST.
    const ready = clock({ state: "READY", readyAt: utc("2026-10-31T17:00:00Z") });
    expect(taskAlerts(ready, DEFAULT_STORE_SETTINGS, utc("2026-11-07T16:59:00Z")).uncollected).toBe(false);
    expect(taskAlerts(ready, DEFAULT_STORE_SETTINGS, utc("2026-11-07T17:00:00Z")).uncollected).toBe(true);
  });

  it("turns critical while a customer waits at the store, not after the handover", () => {
    const waiting = clock({ state: "READY", customerWaitingAt: minutesAfterAssigned(5) });
    expect(taskAlerts(waiting, DEFAULT_STORE_SETTINGS, minutesAfterAssigned(6))).toMatchObject({
      customerWaiting: true,
      critical: true,
      late: false,
    });
    expect(
      taskAlerts({ ...waiting, state: "PICKED_UP" }, DEFAULT_STORE_SETTINGS, minutesAfterAssigned(6)).customerWaiting,
    ).toBe(false);
  });

  it("turns critical when late", () => {
    expect(taskAlerts(clock({ state: "PACKED" }), DEFAULT_STORE_SETTINGS, minutesAfterAssigned(61))).toEqual({
      late: true,
      notStarted: false,
      escalate: false,
      uncollected: false,
      customerWaiting: false,
      critical: true,
    });
  });
});
