/** Admin GraphQL DateTime: UTC, seconds precision, as Shopify returns it. */
export function graphqlTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it,
 * and every webhook payload formats several timestamps (the emulator's own CPU under load).
 */
const restFormatters = new Map<string, Intl.DateTimeFormat>();

function restFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = restFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    restFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** REST and webhook timestamps: the shop's local time with its offset, e.g. 2026-04-01T09:30:00-05:00. */
export function restTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const parts = restFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const offsetName = part("timeZoneName").replace("GMT", "");
  const offset = offsetName === "" ? "+00:00" : offsetName;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}${offset}`;
}
