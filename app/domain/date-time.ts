/**
 * Instants as a merchant reads them: in the shop's time zone, to the minute, with the zone's
 * short name ("2026-11-27 09:04 CST"), so a time on a page can be matched with the admin's.
 */

// Building a formatter costs far more than using one; a shop has one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * "YYYY-MM-DD HH:mm ZONE" in `timeZone` (an IANA name such as "America/Chicago"), with the
 * zone's short name as it stands at that instant: CST in winter, CDT in summer, UTC for UTC.
 * Seconds are dropped, not rounded. Throws a RangeError for a zone the runtime does not know.
 */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(typeof at === "string" ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}
