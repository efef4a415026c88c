import { formatLocalDate, localDateOf } from "../local-time";

/**
 * The day a location's daily capacity counts against: its own local date (its profile's time
 * zone, UTC when it has none), so a Chicago store's day turns at Chicago's midnight whatever the
 * shop's or the server's zone. Routing counts each order a location takes on that day.
 */
export function capacityDayOf(at: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(at, timeZone));
}
