import { instantAt, localDateOf } from "../local-time";

/**
 * How many orders each location has taken today, in its own time zone, for the daily capacity
 * a merchant may set on a location. Only decisions that assigned the location count.
 */
export interface DecidedAssignments {
  readonly decidedAt: Date;
  readonly locationIds: readonly string[];
}

/** When the local day containing `at` began in `timeZone` (midnight, or the clock's first minute that day). */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return instantAt(localDateOf(at, timeZone), 0, timeZone);
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
