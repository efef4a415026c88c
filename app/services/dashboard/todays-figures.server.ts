import { sqlPool } from "~/db.server";
import { dayBoundaries, type AnalyticsRange } from "~/domain/analytics/date-range";
import { glanceFigures, routesByDay, type DayRoutes, type GlanceFigures } from "~/domain/analytics/dashboard-glance";
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
 * Today so far (midnight in the shop's zone until `now`) and the days before it, from aggregates:
 * the decisions counted by day and route, today's routed orders grouped for their warehouse-only
 * cost, the shop's warehouses, and its open exception holds; four statements run at once.
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
  const [counts, costGroups, locations, exceptionHolds] = await Promise.all([
    countDecisionsByDay(sqlPool, shop, dayStarts),
    listCostGroups(sqlPool, shop, dayStarts[todayIndex]!, dayStarts[todayIndex + 1]!),
    listAnalyticsLocations(sqlPool, shop),
    countOpenExceptionHolds(sqlPool, shop),
  ]);
  return {
    today,
    from: range.from,
    glance: glanceFigures(
      counts.filter((count) => count.day === todayIndex),
      costGroups,
      warehouseRates(locations),
    ),
    trend: routesByDay(counts, DASHBOARD_TREND_DAYS),
    exceptionHolds,
  };
}
