import { sqlPool } from "~/db.server";
import { dayBoundaries, type AnalyticsRange } from "~/domain/analytics/date-range";
import {
  glanceFigures,
  routesByDay,
  type DayRoutes,
  type DecisionCount,
  type GlanceFigures,
} from "~/domain/analytics/dashboard-glance";
import { DASHBOARD_TREND_DAYS } from "~/domain/analytics/dashboard-view";
import { addDays, localDateOf, type LocalDate } from "~/domain/local-time";
import { listAnalyticsLocations } from "~/models/analytics.server";
import {
  countDecisionsByDay,
  countOpenExceptionHolds,
  listCostGroups,
  type OpenExceptionHolds,
} from "~/models/dashboard.server";
import { warehouseRates } from "~/services/analytics/analytics.server";

export interface TodaysFigures {
  /** The shop's date now, and the trend's first day. */
  today: LocalDate;
  from: LocalDate;
  glance: GlanceFigures;
  /** The last days' orders by how they were fulfilled, today last. */
  trend: DayRoutes[];
  exceptionHolds: OpenExceptionHolds;
}

/**
 * How long the days before today are kept counted in this process. A decision is stored once, at
 * the time it is taken, and never moves to another day, so the past days' counts change only when
 * a location's kind changes (store or warehouse) or a redaction removes orders: the trend may show
 * those up to this late, while a national chain's month (120,000 decisions) is not counted again on
 * every load. Today is always counted afresh.
 */
const SETTLED_DAYS_KEPT_MS = 10 * 60_000;
/** Shops whose past days are kept at once; the least recently read is dropped first. */
const SETTLED_DAYS_SHOPS = 500;
const settledDays = new Map<string, { key: string; counts: DecisionCount[]; until: number }>();

/** The decisions counted on the days before today (`dayStarts` ends at today's midnight). */
async function countSettledDays(shop: string, dayStarts: readonly Date[], now: number): Promise<DecisionCount[]> {
  const key = `${dayStarts[0]!.toISOString()}/${dayStarts.at(-1)!.toISOString()}`;
  const kept = settledDays.get(shop);
  settledDays.delete(shop);
  if (kept && kept.key === key && kept.until > now) {
    settledDays.set(shop, kept);
    return kept.counts;
  }
  const counts = await countDecisionsByDay(sqlPool, shop, dayStarts);
  settledDays.set(shop, { key, counts, until: now + SETTLED_DAYS_KEPT_MS });
  const oldest = settledDays.keys().next().value;
  if (settledDays.size > SETTLED_DAYS_SHOPS && oldest !== undefined) settledDays.delete(oldest);
  return counts;
}

/** Forgets the past days kept, so the next Dashboard counts them again (tests that add history). */
export function forgetSettledDays(): void {
  settledDays.clear();
}

/**
 * Today so far (midnight in the shop's zone until `now`) and the days before it, from aggregates:
 * the decisions counted by day and route (the past days kept a few minutes), today's routed orders
 * grouped for their warehouse-only cost, the shop's warehouses, and its open exception holds; the
 * statements run at once.
 */
export async function todaysFigures(shop: string, timeZone: string, now: Date): Promise<TodaysFigures> {
  const today = localDateOf(now, timeZone);
  const range: AnalyticsRange = {
    from: addDays(today, -(DASHBOARD_TREND_DAYS - 1)),
    to: today,
    days: DASHBOARD_TREND_DAYS,
    preset: null,
  };
  const dayStarts = dayBoundaries(range, timeZone);
  const todayIndex = DASHBOARD_TREND_DAYS - 1;
  const todayStarts = [dayStarts[todayIndex]!, dayStarts[todayIndex + 1]!];
  const [pastCounts, todayCounts, costGroups, locations, exceptionHolds] = await Promise.all([
    countSettledDays(shop, dayStarts.slice(0, todayIndex + 1), now.getTime()),
    countDecisionsByDay(sqlPool, shop, todayStarts),
    listCostGroups(sqlPool, shop, todayStarts[0]!, todayStarts[1]!),
    listAnalyticsLocations(sqlPool, shop),
    countOpenExceptionHolds(sqlPool, shop),
  ]);
  const todays = todayCounts.map((count) => ({ ...count, day: todayIndex }));
  return {
    today,
    from: range.from,
    glance: glanceFigures(todays, costGroups, warehouseRates(locations)),
    trend: routesByDay([...pastCounts, ...todays], DASHBOARD_TREND_DAYS),
    exceptionHolds,
  };
}
