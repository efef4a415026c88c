import { analyticsFormats } from "~/domain/analytics/analytics-view";
import {
  dashboardTrendDays,
  dayHeading,
  glanceCards,
  routeRows,
  type DashboardTrendDay,
  type GlanceCard,
  type RouteRow,
} from "~/domain/analytics/dashboard-view";
import { formatDateTime } from "~/domain/date-time";
import { listShopDeadLetters } from "~/services/dead-letters/dead-letters.server";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import type { AuthenticatedAdmin } from "~/shopify/admin-client-for-request.server";
import type { ShopOverview } from "~/shopify/operations/shop-overview.server";
import { getAppHealth, type AppHealth, type Check } from "./app-health.server";
import { listRecentOrders, type RecentOrder } from "./recent-orders.server";
import { getShopOverview } from "./shop-overview.server";
import { storesNeedingAttention, type StoreNeedingAttention } from "./stores-needing-attention.server";
import { todaysFigures } from "./todays-figures.server";

/** The Dashboard: how the shop is doing today, the last 30 days, what needs the merchant, and the app's health. */

/** The stores-needing-attention card lists this many; the Stores page has every one. */
export const ATTENTION_STORES_SHOWN = 8;

export interface DashboardPage {
  shop: string;
  /** The shop's name from Shopify, else its domain. */
  shopName: string;
  today: string;
  timeZone: string;
  currency: string;
  currencyProblem: string | null;
  locale: string;
  cards: GlanceCard[];
  ordersToday: number;
  routes: RouteRow[];
  trend: DashboardTrendDay[];
  trendOrders: number;
  storesAttention: StoreNeedingAttention[];
  storesAttentionCount: number;
  /** Work that gave up, newest first, its time formatted in the shop's zone. */
  deadLetters: { id: string; description: string; error: string; failedAt: string }[];
  recentOrders: RecentOrder[];
  overview: Check<ShopOverview>;
  health: AppHealth;
}

export async function loadDashboard(context: AuthenticatedAdmin, request: Request, now: Date): Promise<DashboardPage> {
  const shop = context.session.shop;
  const timeZone = await shopTimeZone(shop);
  const [money, overview, health, figures, attention, deadLetters, recentOrders] = await Promise.all([
    shopMoneyFormat(context, request),
    getShopOverview(context),
    getAppHealth(shop),
    todaysFigures(shop, timeZone, now),
    storesNeedingAttention(shop, now),
    listShopDeadLetters(shop),
    listRecentOrders(shop),
  ]);
  const formats = analyticsFormats(money.locale, money.currency);
  const cards = glanceCards(
    figures.glance,
    {
      lateTasks: attention.reduce((sum, store) => sum + store.late, 0),
      notStartedTasks: attention.reduce((sum, store) => sum + store.notStarted, 0),
      storesNeedingAttention: attention.length,
      exceptionHolds: figures.exceptionHolds.holds,
      storesWithExceptionHolds: figures.exceptionHolds.stores,
      deadLetters: health.jobQueue.ok ? health.jobQueue.detail.deadLettered : null,
    },
    formats,
  );
  return {
    shop,
    shopName: overview.ok ? overview.detail.name : shop,
    today: dayHeading(figures.today, money.locale),
    timeZone,
    currency: money.currency,
    currencyProblem: money.currencyProblem,
    locale: money.locale,
    cards,
    ordersToday: figures.glance.orders,
    routes: routeRows(figures.glance, formats),
    trend: dashboardTrendDays(figures.trend, figures.from, formats),
    trendOrders: figures.trend.reduce((sum, day) => sum + day.orders, 0),
    storesAttention: attention.slice(0, ATTENTION_STORES_SHOWN),
    storesAttentionCount: attention.length,
    deadLetters: deadLetters.map((letter) => ({ ...letter, failedAt: formatDateTime(letter.failedAt, timeZone) })),
    recentOrders,
    overview,
    health,
  };
}
