import { zonedFormatter } from "./local-time";

/**
 * Instants as a merchant reads them: in the shop's time zone, to the minute, with the zone's
 * short name ("2026-11-27 09:04 CST"), so a time on a page can be matched with the admin's.
 */

const MINUTE_WITH_ZONE = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;

/**
 * "YYYY-MM-DD HH:mm ZONE" in `timeZone` (an IANA name such as "America/Chicago"), with the
 * zone's short name as it stands at that instant: CST in winter, CDT in summer, UTC for UTC.
 * Seconds are dropped, not rounded. Throws a RangeError for a zone the runtime does not know.
 */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const parts = zonedFormatter("minute-with-zone", timeZone, MINUTE_WITH_ZONE).formatToParts(
    typeof at === "string" ? new Date(at) : at,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}
