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

/** A day's window in minutes since local midnight; a close at or before the open runs past midnight. */
interface MinuteWindow {
  readonly open: number;
  readonly close: number;
}

/** Opening hours read once into minutes, by weekday index (WEEKDAYS): null is closed all day. */
export type WeeklyMinutes = readonly (MinuteWindow | null)[];

/** The hours in minutes, for asking isOpenOnClock about many instants or many locations. */
export function weeklyMinutesOf(hours: OpeningHours): WeeklyMinutes {
  return WEEKDAYS.map((weekday) => {
    const window = hours[weekday];
    return window ? { open: minutesOf(window.open), close: minutesOf(window.close) } : null;
  });
}

/** Whether a location with these hours is open when its local clock shows `clock`. */
export function isOpenOnClock(week: WeeklyMinutes, clock: { weekday: Weekday; minute: number }): boolean {
  const day = WEEKDAYS.indexOf(clock.weekday);
  const { minute } = clock;
  const today = week[day];
  if (today && minute >= today.open && (today.close > today.open ? minute < today.close : true)) return true;
  const yesterday = week[(day + 6) % 7];
  // Yesterday's window ran past midnight and has not closed yet.
  return !!yesterday && yesterday.close <= yesterday.open && minute < yesterday.close;
}

/**
 * Whether a location with these hours is open at `at`. No hours at all (null) means always
 * open: a newly mirrored location is usable before the merchant sets its hours.
 */
export function isOpenAt(hours: OpeningHours | null, timeZone: string, at: Date): boolean {
  if (!hours) return true;
  return isOpenOnClock(weeklyMinutesOf(hours), localClock(at, timeZone));
}
