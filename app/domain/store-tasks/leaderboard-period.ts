import { addDays, instantAt, localDateOf } from "../local-time";

/** The spans the staff leaderboard can cover, each a number of the shop's calendar days up to now. */
export const LEADERBOARD_PERIODS = ["today", "7d", "30d"] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/** "Per store today", as the Stores page opens. */
export const DEFAULT_LEADERBOARD_PERIOD: LeaderboardPeriod = "today";

const CALENDAR_DAYS: Record<LeaderboardPeriod, number> = { today: 1, "7d": 7, "30d": 30 };

export const LEADERBOARD_PERIOD_LABELS: Record<LeaderboardPeriod, string> = {
  today: "Today",
  "7d": "7 days",
  "30d": "30 days",
};

/** The period a link or a bookmark asks for; anything else (missing, mistyped, old) is the default. */
export function leaderboardPeriodOf(value: string | null | undefined): LeaderboardPeriod {
  return LEADERBOARD_PERIODS.find((period) => period === value) ?? DEFAULT_LEADERBOARD_PERIOD;
}

/**
 * Where the period starts: midnight in the shop's zone, today for "today", six days earlier for
 * "7 days", so a week is today and the six days before it as the merchant's calendar shows them.
 */
export function leaderboardPeriodStart(period: LeaderboardPeriod, now: Date, timeZone: string): Date {
  const firstDay = addDays(localDateOf(now, timeZone), 1 - CALENDAR_DAYS[period]);
  return instantAt(firstDay, 0, timeZone);
}
