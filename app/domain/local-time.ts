export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Wall-clock dates and times in a location's time zone, and the instant a wall-clock time falls
 * at, through the changes of clock: a time the spring change skips (02:30 in Chicago) is taken
 * an hour later, as the clock shows it; a time the autumn change repeats is its first occurrence.
 */

export interface LocalDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Building a formatter costs far more than using one; a shop has few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `purpose` in `timeZone`, built once per process. */
export function zonedFormatter(
  purpose: string,
  timeZone: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
): Intl.DateTimeFormat {
  const key = `${purpose}\u0000${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

const WALL_CLOCK = {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
} as const satisfies Intl.DateTimeFormatOptions;

// The last second read in each zone and its wall clock: routing asks whether each of a national
// chain's 2,000 locations is open at one instant, in a handful of zones, and formatToParts costs
// about 10 µs a call. Keyed by whole second, which is all the formatter reads.
const lastWallClock = new Map<string, { second: number; wall: number }>();

/** The wall clock at `at` in `timeZone`, as if it were UTC, in milliseconds (seconds kept). */
function wallClockMillis(at: number, timeZone: string): number {
  const second = Math.floor(at / 1000);
  const held = lastWallClock.get(timeZone);
  if (held && held.second === second) return held.wall;
  const parts = zonedFormatter("wall-clock", timeZone, WALL_CLOCK).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  lastWallClock.set(timeZone, { second, wall });
  return wall;
}

/** How far the zone's clock is ahead of UTC at `at`, in milliseconds (whole seconds). */
function offsetAt(at: number, timeZone: string): number {
  const wholeSecond = at - (((at % 1000) + 1000) % 1000);
  return wallClockMillis(wholeSecond, timeZone) - wholeSecond;
}

/** Weekday and minute of the day that the clock in `timeZone` shows at `at`. */
export function localClock(at: Date, timeZone: string): { weekday: Weekday; minute: number } {
  const wall = wallClockMillis(at.getTime(), timeZone);
  const wallDate = new Date(wall);
  return {
    weekday: WEEKDAYS[wallDate.getUTCDay()] ?? "sunday",
    minute: wallDate.getUTCHours() * 60 + wallDate.getUTCMinutes(),
  };
}

export function localDateOf(at: Date, timeZone: string): LocalDate {
  const wall = new Date(wallClockMillis(at.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The date as ISO 8601 writes it ("2026-11-30"), as PostgreSQL's date type reads it. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${String(date.year).padStart(4, "0")}-${pad(date.month)}-${pad(date.day)}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? "sunday";
}

/** The instant the wall clock in `timeZone` shows `minuteOfDay` (0–1439, or more: the next days) on `date`. */
export function instantAt(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  // The offsets a day either side bracket any change of clock near this time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((at) => at + offsetAt(at, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Skipped by the spring change: read with the offset before it, the clock shows it an hour on.
  return new Date(wall - before);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM", or null when it is not a time of day. */
export function minuteOfDay(time: string): number | null {
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
