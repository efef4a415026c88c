import type { Prisma } from "@prisma/client";
import { assignedToday, startOfLocalDay } from "~/domain/locations/daily-capacity";
import { assignedLocationIds, assignmentsDecidedSince } from "~/models/routing-decisions.server";

export interface ZonedLocation {
  readonly id: string;
  readonly timeZone: string;
}

/**
 * How many orders each location has taken since its own local midnight, for the daily capacity:
 * what routing counts before it sends a store more, and what the checkout's pickup promise counts,
 * so both see the same day. One query over the decisions since the earliest of the locations'
 * midnights; no locations cost nothing.
 */
export async function ordersTakenToday(
  db: Prisma.TransactionClient,
  shop: string,
  locations: readonly ZonedLocation[],
  now: Date,
  exceptOrderId?: string,
): Promise<Map<string, number>> {
  if (locations.length === 0) return new Map();
  // Once per time zone, not per location: a national chain has 2,000 locations in a handful of zones.
  const zoneDayStarts = new Map<string, Date>();
  const dayStartIn = (timeZone: string) => {
    const known = zoneDayStarts.get(timeZone);
    if (known) return known;
    const start = startOfLocalDay(now, timeZone);
    zoneDayStarts.set(timeZone, start);
    return start;
  };
  const dayStarts = new Map(locations.map((location) => [location.id, dayStartIn(location.timeZone)]));
  const earliest = new Date(Math.min(...[...dayStarts.values()].map((start) => start.getTime())));
  const decided = await assignmentsDecidedSince(db, shop, earliest, exceptOrderId);
  return assignedToday(
    decided.map((decision) => ({
      decidedAt: decision.decidedAt,
      locationIds: assignedLocationIds(decision.assignments),
    })),
    dayStarts,
  );
}
