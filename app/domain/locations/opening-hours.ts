/**
 * A location's opening hours, in its own time zone, and whether it is open at an instant.
 * Routing takes "open now" as a fact per location (RoutingLocation.isOpen); this derives it.
 */

import { localClock, minuteOfDay, WEEKDAYS, type Weekday } from "../local-time";

export { WEEKDAYS, type Weekday };

/** "HH:MM", 24-hour local time. A close at or before the open runs past midnight. */
export interface OpeningWindow {
  readonly open: string;
  readonly close: string;
}

/** One window per weekday; null means closed all day. */
export type OpeningHours = Readonly<Record<Weekday, OpeningWindow | null>>;

/** Whether `value` is "HH:MM", 24-hour. */
export function isTimeOfDay(value: string): boolean {
  return minuteOfDay(value) !== null;
}

function minutesOf(time: string): number {
  const minute = minuteOfDay(time);
  if (minute === null) throw new Error(`Not a time of day: ${time}`);
  return minute;
}

/**
 * Whether a location with these hours is open at `at`. No hours at all (null) means always
 * open: a newly mirrored location is usable before the merchant sets its hours.
 */
export function isOpenAt(hours: OpeningHours | null, timeZone: string, at: Date): boolean {
  if (!hours) return true;
  const { weekday, minute } = localClock(at, timeZone);
  const today = hours[weekday];
  if (today) {
    const open = minutesOf(today.open);
    const close = minutesOf(today.close);
    if (minute >= open && (close > open ? minute < close : true)) return true;
  }
  const yesterday = hours[WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7] ?? "sunday"];
  if (yesterday) {
    const open = minutesOf(yesterday.open);
    const close = minutesOf(yesterday.close);
    // Yesterday's window ran past midnight and has not closed yet.
    if (close <= open && minute < close) return true;
  }
  return false;
}
