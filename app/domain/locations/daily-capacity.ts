import { localClock } from "./opening-hours";

/**
 * How many orders each location has taken today, in its own time zone, for the daily capacity
 * a merchant may set on a location. Only decisions that assigned the location count.
 */
export interface DecidedAssignments {
  readonly decidedAt: Date;
  readonly locationIds: readonly string[];
}

/**
 * When the local day containing `at` began. Counted back from the local clock, so on the two
 * days a year the clocks change the day may start an hour off: a capacity counter can bear it.
 */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const { minute } = localClock(at, timeZone);
  const intoMinute = at.getUTCSeconds() * 1000 + at.getUTCMilliseconds();
  return new Date(at.getTime() - minute * 60_000 - intoMinute);
}

export function assignedToday(
  decisions: readonly DecidedAssignments[],
  dayStarts: ReadonlyMap<string, Date>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const decision of decisions) {
    for (const locationId of new Set(decision.locationIds)) {
      const dayStart = dayStarts.get(locationId);
      if (dayStart && decision.decidedAt >= dayStart) counts.set(locationId, (counts.get(locationId) ?? 0) + 1);
    }
  }
  return counts;
}
