import { formatLocalDate, localDateOf } from "~/domain/local-time";
import {
  analyticsCards,
  analyticsFormats,
  LOCATION_ROWS_SHOWN,
  locationRow,
  trendDays,
  type AnalyticsCard,
  type LocationRow,
  type TrendDay,
} from "~/domain/analytics/analytics-view";
import { analyticsCsv } from "~/domain/analytics/analytics-csv";
import { rangeQuery, readAnalyticsRange, type AnalyticsRange } from "~/domain/analytics/date-range";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import type { AuthenticatedAdmin } from "~/shopify/admin-client-for-request.server";
import { shopAnalytics } from "./analytics.server";

/** The Analytics page and its CSV export: the range read from the URL, the figures formatted for the merchant. */

export interface RangeView {
  /** The preset chosen ("7", "30", "90") or "custom". */
  preset: string;
  from: string;
  to: string;
  today: string;
  days: number;
  /** The query that reopens the range. */
  query: string;
}

export interface AnalyticsPage {
  range: RangeView;
  timeZone: string;
  currency: string;
  currencyProblem: string | null;
  orders: number;
  cards: AnalyticsCard[];
  locations: LocationRow[];
  locationCount: number;
  trend: TrendDay[];
  /** Formatted axis steps are made in the browser from these. */
  locale: string;
}

export type AnalyticsPageOutcome =
  { ok: true; page: AnalyticsPage } | { ok: false; error: string; today: string; timeZone: string };

function rangeView(range: AnalyticsRange, today: string): RangeView {
  return {
    preset: range.preset === null ? "custom" : String(range.preset),
    from: formatLocalDate(range.from),
    to: formatLocalDate(range.to),
    today,
    days: range.days,
    query: rangeQuery(range),
  };
}

export async function loadAnalyticsPage(
  context: AuthenticatedAdmin,
  request: Request,
  now: Date,
): Promise<AnalyticsPageOutcome> {
  const shop = context.session.shop;
  const timeZone = await shopTimeZone(shop);
  const today = localDateOf(now, timeZone);
  const reading = readAnalyticsRange(new URL(request.url).searchParams, today);
  if (!reading.ok) return { ok: false, error: reading.error, today: formatLocalDate(today), timeZone };
  const [money, figures] = await Promise.all([
    shopMoneyFormat(context, request),
    shopAnalytics(shop, reading.range, timeZone, now),
  ]);
  const formats = analyticsFormats(money.locale, money.currency);
  return {
    ok: true,
    page: {
      range: rangeView(reading.range, formatLocalDate(today)),
      timeZone,
      currency: money.currency,
      currencyProblem: money.currencyProblem,
      orders: figures.total.orders,
      cards: analyticsCards(figures.total, formats),
      locations: figures.locations.slice(0, LOCATION_ROWS_SHOWN).map((location) => locationRow(location, formats)),
      locationCount: figures.locations.length,
      trend: trendDays(figures.days, reading.range, formats),
      locale: money.locale,
    },
  };
}

export type AnalyticsCsvOutcome = { ok: true; csv: string; filename: string } | { ok: false; error: string };

/** The range's figures as CSV, in total and for every location. */
export async function analyticsCsvExport(
  shop: string,
  params: URLSearchParams,
  now: Date,
): Promise<AnalyticsCsvOutcome> {
  const timeZone = await shopTimeZone(shop);
  const reading = readAnalyticsRange(params, localDateOf(now, timeZone));
  if (!reading.ok) return { ok: false, error: reading.error };
  const figures = await shopAnalytics(shop, reading.range, timeZone, now);
  return {
    ok: true,
    csv: analyticsCsv(figures.total, figures.locations),
    filename: `analytics-${formatLocalDate(reading.range.from)}-to-${formatLocalDate(reading.range.to)}.csv`,
  };
}
