import { isTimeOfDay, WEEKDAYS, type OpeningHours, type OpeningWindow, type Weekday } from "./opening-hours";

/**
 * A location's opening hours and time zone as the merchant edits them on the Locations page
 * (every value a string, as posted), the form as it starts from saved hours, and the one-line
 * summary the page shows. No schema here: the page's browser code imports this file, so zod
 * stays out of the browser; parse-hours.ts, which only the server imports, parses the form.
 *
 * Hours are either "always" (stored as null: open around the clock, every day) or "weekly": per
 * weekday, closed, or one window from an opening to a closing time, "HH:MM" 00:00–23:59 in the
 * location's time zone.
 */

/** Monday first, as merchants read a week. */
export const WEEK: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};

const SHORT_DAY_NAMES: Readonly<Record<Weekday, string>> = {
  monday: "Mon",
  tuesday: "Tue",
  wednesday: "Wed",
  thursday: "Thu",
  friday: "Fri",
  saturday: "Sat",
  sunday: "Sun",
};

/** "on" when the location opens that day (a checkbox); absent or empty when closed. */
export type DayOpenField = `${Weekday}IsOpen`;
export type DayTimeField = `${Weekday}Opens` | `${Weekday}Closes`;
export type HoursField = "timeZone" | "hours" | DayOpenField | DayTimeField;

export const HOURS_FIELDS: readonly HoursField[] = [
  "timeZone",
  "hours",
  ...WEEK.flatMap((day) => [`${day}IsOpen`, `${day}Opens`, `${day}Closes`] as const),
];

/** `hours` is "always" (open around the clock, stored as null) or "weekly" (the days below). */
export type HoursForm = Partial<Record<HoursField, string>>;

export interface HoursValues {
  /** null means always open. */
  openingHours: OpeningHours | null;
  timeZone: string;
}

/** What the form starts from for a day without saved hours. */
const DEFAULT_WINDOW: OpeningWindow = { open: "10:00", close: "21:00" };

/**
 * The name a time zone goes by (America/Chicago for US/Central or america/chicago), or null when
 * the runtime knows no such zone.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The form as it starts for saved hours (null: always open). */
export function hoursFormOf(hours: OpeningHours | null, timeZone: string): Required<HoursForm> {
  const form = { timeZone, hours: hours ? "weekly" : "always" } as Required<HoursForm>;
  for (const day of WEEK) {
    const window = hours?.[day] ?? null;
    form[`${day}IsOpen`] = hours === null || window !== null ? "on" : "";
    form[`${day}Opens`] = (window ?? DEFAULT_WINDOW).open;
    form[`${day}Closes`] = (window ?? DEFAULT_WINDOW).close;
  }
  return form;
}

function isWindow(value: unknown): value is OpeningWindow {
  if (typeof value !== "object" || value === null) return false;
  const { open, close } = value as Record<string, unknown>;
  return typeof open === "string" && typeof close === "string" && isTimeOfDay(open) && isTimeOfDay(close);
}

/**
 * Hours as stored (JSON): null when always open, the hours when every weekday reads, undefined
 * when they do not (routing then counts the location as never open).
 */
export function readStoredOpeningHours(stored: unknown): OpeningHours | null | undefined {
  if (stored === null || stored === undefined) return null;
  if (typeof stored !== "object" || Array.isArray(stored)) return undefined;
  const record = stored as Record<string, unknown>;
  const days = {} as Record<Weekday, OpeningWindow | null>;
  for (const day of WEEKDAYS) {
    const value = record[day];
    if (value === null) days[day] = null;
    else if (isWindow(value)) days[day] = { open: value.open, close: value.close };
    else return undefined;
  }
  return days;
}

function describeWindow(window: OpeningWindow | null): string {
  if (!window) return "closed";
  return `${window.open}–${window.close}${window.close < window.open ? " (next day)" : ""}`;
}

/**
 * One line for the hours: "Mon–Fri 10:00–21:00, Sat 10:00–18:00, Sun closed", "Every day
 * 09:00–17:00", "Always open". Consecutive days with the same hours share a range.
 */
export function summariseOpeningHours(hours: OpeningHours | null): string {
  if (!hours) return "Always open";
  const runs: { first: Weekday; last: Weekday; text: string }[] = [];
  for (const day of WEEK) {
    const text = describeWindow(hours[day]);
    const run = runs[runs.length - 1];
    if (run && run.text === text) run.last = day;
    else runs.push({ first: day, last: day, text });
  }
  const [only] = runs;
  if (runs.length === 1 && only) return only.text === "closed" ? "Closed every day" : `Every day ${only.text}`;
  return runs
    .map(({ first, last, text }) => {
      const days = first === last ? SHORT_DAY_NAMES[first] : `${SHORT_DAY_NAMES[first]}–${SHORT_DAY_NAMES[last]}`;
      return `${days} ${text}`;
    })
    .join(", ");
}

/** A time zone as merchants read it: "America/New York". */
export function timeZoneLabel(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}

export interface TimeZoneOption {
  label: string;
  value: string;
}

/**
 * The time zones to choose from, by name, each with its offset from UTC at `at`:
 * "America/Chicago (GMT-06:00)".
 */
export function timeZoneOptions(zones: readonly string[], at: Date): TimeZoneOption[] {
  return [...new Set(zones)].sort().map((zone) => {
    const offset =
      new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
        .formatToParts(at)
        .find((part) => part.type === "timeZoneName")?.value ?? "";
    // Some ICU versions write UTC itself as a bare "GMT".
    const shown = offset === "GMT" ? "GMT+00:00" : offset;
    return { label: shown ? `${timeZoneLabel(zone)} (${shown})` : timeZoneLabel(zone), value: zone };
  });
}
