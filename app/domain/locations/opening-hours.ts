/**
 * A location's opening hours, in its own time zone, and whether it is open at an instant.
 * Routing takes "open now" as a fact per location (RoutingLocation.isOpen); this derives it.
 */

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 24-hour local time. A close at or before the open runs past midnight. */
export interface OpeningWindow {
  readonly open: string;
  readonly close: string;
}

/** One window per weekday; null means closed all day. */
export type OpeningHours = Readonly<Record<Weekday, OpeningWindow | null>>;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new Error(`Not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Weekday and minute of the day at `at` in `timeZone`. */
export function localClock(at: Date, timeZone: string): { weekday: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = part("weekday").toLowerCase() as Weekday;
  return { weekday, minute: Number(part("hour")) * 60 + Number(part("minute")) };
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
