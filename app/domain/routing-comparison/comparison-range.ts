import { addDays, instantAt, localDateOf, type LocalDate } from "../local-time";

/** How many of the shop's calendar days "Compare with the last 30 days" replays, today included. */
export const COMPARISON_DAYS = 30;

export interface ComparisonRange {
  /** Midnight, in the shop's time zone, that starts the first day. */
  readonly from: Date;
  /** Now: today's orders so far count. */
  readonly to: Date;
  readonly firstDay: LocalDate;
  readonly lastDay: LocalDate;
}

/** The last `days` calendar days in `timeZone`, today included, up to `now`. */
export function lastDaysRange(now: Date, timeZone: string, days: number = COMPARISON_DAYS): ComparisonRange {
  const lastDay = localDateOf(now, timeZone);
  const firstDay = addDays(lastDay, -(days - 1));
  return { from: instantAt(firstDay, 0, timeZone), to: now, firstDay, lastDay };
}
