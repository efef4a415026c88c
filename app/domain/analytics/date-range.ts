import { addDays, formatLocalDate, instantAt, type LocalDate } from "../local-time";

/**
 * The days the Analytics page covers, in the shop's time zone: a preset (the last 7, 30 or 90
 * days, today included) or a custom range of dates, both ends included. The query comes from a
 * URL anyone can edit, so every refusal is a sentence the page can show.
 */

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 30;
/** A year and a day: enough for a year-on-year look, few enough to read in one go. */
export const MAX_RANGE_DAYS = 366;

export interface AnalyticsRange {
  /** First day, included. */
  readonly from: LocalDate;
  /** Last day, included. */
  readonly to: LocalDate;
  readonly days: number;
  /** The preset chosen, or null for a custom range. */
  readonly preset: RangePreset | null;
}

export type RangeReading = { ok: true; range: AnalyticsRange } | { ok: false; error: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-11-30" as a date, or null when it is not a real calendar date. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return { year, month, day };
}

/** Days from `a` to `b` (b − a), both calendar dates. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

function presetRange(preset: RangePreset, today: LocalDate): AnalyticsRange {
  return { from: addDays(today, -(preset - 1)), to: today, days: preset, preset };
}

/**
 * Reads `days` (7, 30 or 90) or `from` and `to` (YYYY-MM-DD) from the page's query; nothing
 * gives the last 30 days. `today` is the shop's date now: a range cannot end after it.
 */
export function readAnalyticsRange(params: URLSearchParams, today: LocalDate): RangeReading {
  const days = params.get("days");
  const fromText = params.get("from");
  const toText = params.get("to");
  const custom = fromText !== null || toText !== null;
  if (days !== null && custom)
    return { ok: false, error: "Choose either a preset (days) or a custom range (from and to), not both" };
  if (!custom) {
    if (days === null || days === "") return { ok: true, range: presetRange(DEFAULT_PRESET, today) };
    const preset = RANGE_PRESETS.find((candidate) => String(candidate) === days);
    if (preset === undefined) return { ok: false, error: "Choose the last 7, 30 or 90 days" };
    return { ok: true, range: presetRange(preset, today) };
  }
  if (fromText === null || toText === null)
    return { ok: false, error: "A custom range needs both a start and an end date" };
  const from = parseLocalDate(fromText);
  const to = parseLocalDate(toText);
  if (from === null) return { ok: false, error: "Enter the start date as YYYY-MM-DD, like 2026-11-01" };
  if (to === null) return { ok: false, error: "Enter the end date as YYYY-MM-DD, like 2026-11-30" };
  if (daysBetween(from, to) < 0) return { ok: false, error: "The start date must be on or before the end date" };
  if (daysBetween(to, today) < 0)
    return { ok: false, error: `The range cannot end after today (${formatLocalDate(today)})` };
  const span = daysBetween(from, to) + 1;
  if (span > MAX_RANGE_DAYS) return { ok: false, error: `Choose a range of at most ${MAX_RANGE_DAYS} days` };
  return { ok: true, range: { from, to, days: span, preset: null } };
}

/** The instant each day of the range starts in `timeZone`, and then the end of its last day. */
export function dayBoundaries(range: AnalyticsRange, timeZone: string): Date[] {
  const boundaries: Date[] = [];
  for (let offset = 0; offset <= range.days; offset++)
    boundaries.push(instantAt(addDays(range.from, offset), 0, timeZone));
  return boundaries;
}

/** The query string that reopens the range (for links and the CSV export). */
export function rangeQuery(range: AnalyticsRange): string {
  return range.preset !== null
    ? `days=${range.preset}`
    : `from=${formatLocalDate(range.from)}&to=${formatLocalDate(range.to)}`;
}
