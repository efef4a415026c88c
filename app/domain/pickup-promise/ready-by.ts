import type { OpeningHours } from "../locations/opening-hours";
import { addDays, instantAt, localDateOf, minuteOfDay, weekdayOf } from "../local-time";
import { hasCapacityToday } from "../routing/eligibility";
import { pickupReadyAt } from "../store-tasks/timers";
import type { NotTodayReason } from "./types";

/**
 * When a pickup order placed at `now` will be ready at one location. The store starts on it now,
 * unless it takes no more orders today (its daily capacity is used up, or its order cut-off has
 * passed): then it starts at its next opening on a later day. Either way the ready-by instant is
 * the store task's due time for an order assigned then (store-tasks/timers.ts pickupReadyAt).
 */

export interface PromiseTiming {
  readonly timeZone: string;
  /** null: always open. */
  readonly openingHours: OpeningHours | null;
  readonly preparationMinutes: number;
  readonly orderCutoff: string | null;
  readonly dailyCapacity: number | null;
  readonly ordersTakenToday: number;
}

export interface ReadySchedule {
  readonly readyBy: Date;
  readonly preparationStartsAt: Date;
  readonly notToday: NotTodayReason | null;
}

/** Whether a location with these hours ever opens (no hours at all: always open). */
export function opensAtAll(hours: OpeningHours | null): boolean {
  return hours === null || Object.values(hours).some((window) => window !== null);
}

/** Days a search for the next opening looks ahead: every weekday once. */
const WEEK = 7;

/** The first opening on a local day after the one `now` falls on; for a store always open, that day's midnight. */
function nextOpeningAfterToday(now: Date, hours: OpeningHours | null, timeZone: string): Date | null {
  const today = localDateOf(now, timeZone);
  for (let day = 1; day <= WEEK; day++) {
    const date = addDays(today, day);
    if (hours === null) return instantAt(date, 0, timeZone);
    const window = hours[weekdayOf(date)];
    const opens = window ? minuteOfDay(window.open) : null;
    if (opens !== null) return instantAt(date, opens, timeZone);
  }
  return null;
}

/** The order cut-off as minutes of the local day; null: none. */
function cutoffMinute(timing: Pick<PromiseTiming, "orderCutoff">): number | null {
  return timing.orderCutoff === null ? null : minuteOfDay(timing.orderCutoff);
}

/** Its daily capacity is used up, by routing's own rule: a store the promise books today is one routing still sends to. */
export function isFullyBooked(timing: Pick<PromiseTiming, "dailyCapacity" | "ordersTakenToday">): boolean {
  return !hasCapacityToday({
    dailyCapacity: timing.dailyCapacity ?? undefined,
    assignedToday: timing.ordersTakenToday,
  });
}

function notTodayReason(timing: PromiseTiming, now: Date): NotTodayReason | null {
  if (isFullyBooked(timing)) return "FULLY_BOOKED";
  const cutoff = cutoffMinute(timing);
  if (cutoff !== null && now >= instantAt(localDateOf(now, timing.timeZone), cutoff, timing.timeZone)) {
    return "PAST_CUTOFF";
  }
  return null;
}

/** null when the location never opens: it can promise nothing. */
export function readySchedule(timing: PromiseTiming, now: Date): ReadySchedule | null {
  if (!opensAtAll(timing.openingHours)) return null;
  const notToday = notTodayReason(timing, now);
  const preparationStartsAt = notToday ? nextOpeningAfterToday(now, timing.openingHours, timing.timeZone) : now;
  if (!preparationStartsAt) return null;
  return { readyBy: pickupReadyAt(preparationStartsAt, timing), preparationStartsAt, notToday };
}
