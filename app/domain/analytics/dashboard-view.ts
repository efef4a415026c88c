import { addDays, type LocalDate } from "../local-time";
import type { AnalyticsFormats } from "./analytics-view";
import { ratio } from "./fulfilment-metrics";
import { DASHBOARD_ROUTES, type DashboardRoute, type DayRoutes, type GlanceFigures } from "./dashboard-glance";

/**
 * The Dashboard's figures as the merchant reads them, formatted once on the server for the shop's
 * locale and currency (as the Analytics page's are): today's cards, today's orders by how they
 * were fulfilled, and the last days' orders for the trend chart.
 */

export const DASHBOARD_TREND_DAYS = 30;

export const ROUTE_LABELS: Readonly<Record<DashboardRoute, string>> = {
  pickup: "Collected in store",
  shipFromStore: "Shipped from a store",
  shipFromWarehouse: "Shipped from a warehouse",
  localDelivery: "Local delivery",
  unroutable: "Unroutable",
};

export type GlanceCardId = "orders" | "bopis" | "shipFromStore" | "saved" | "late" | "exceptions" | "deadLetters";

export interface GlanceCard {
  id: GlanceCardId;
  label: string;
  value: string;
  detail: string;
  /** Where the merchant would go next from this figure. */
  link: { url: string; label: string } | null;
  /** Something needs the merchant: the card is marked. */
  alert: boolean;
}

/** What the Dashboard knows besides the decisions: store work, exception holds and dead letters. */
export interface OperationsToday {
  lateTasks: number;
  notStartedTasks: number;
  storesNeedingAttention: number;
  exceptionHolds: number;
  storesWithExceptionHolds: number;
  /** Null when the job queue could not be asked. */
  deadLetters: number | null;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export function glanceCards(glance: GlanceFigures, operations: OperationsToday, f: AnalyticsFormats): GlanceCard[] {
  const of = (count: number, total: number, what: string) => `${f.count(count)} of ${f.count(total)} ${what}`;
  const cost = glance.cost;
  const saved = cost.savedCents;
  return [
    {
      id: "orders",
      label: "Orders routed today",
      value: f.count(glance.orders),
      detail: `${f.count(glance.byRoute.unroutable)} unroutable`,
      link: { url: "/app/orders", label: "Open Orders" },
      alert: false,
    },
    {
      id: "bopis",
      label: "BOPIS share",
      value: f.share(glance.bopis),
      detail: of(glance.bopis.count, glance.bopis.of, "orders collected in store"),
      link: null,
      alert: false,
    },
    {
      id: "shipFromStore",
      label: "Ship-from-store share",
      value: f.share(glance.shipFromStore),
      detail: of(glance.shipFromStore.count, glance.shipFromStore.of, "orders shipped or delivered from a store"),
      link: null,
      alert: false,
    },
    {
      id: "saved",
      label: saved !== null && saved < 0 ? "Cost over warehouse-only" : "Saved against warehouse-only",
      value: saved === null ? f.money(null) : f.money(Math.abs(saved)),
      detail:
        saved === null
          ? "No routed order's warehouse-only cost is known yet today"
          : `${f.money(cost.costCents)} as routed against ${f.money(cost.warehouseOnlyCents)} from a warehouse only, over ${f.count(cost.orders)} ${plural(cost.orders, "order", "orders")}`,
      link: { url: "/app/analytics?days=7", label: "Open Analytics" },
      alert: false,
    },
    {
      id: "late",
      label: "Late store tasks",
      value: f.count(operations.lateTasks),
      detail:
        operations.storesNeedingAttention === 0
          ? "Every store is on time"
          : `${f.count(operations.notStartedTasks)} not started; ${f.count(operations.storesNeedingAttention)} ${plural(operations.storesNeedingAttention, "store needs", "stores need")} attention`,
      link: { url: "/app/stores", label: "Open Stores" },
      alert: operations.lateTasks > 0 || operations.notStartedTasks > 0,
    },
    {
      id: "exceptions",
      label: "Exception holds",
      value: f.count(operations.exceptionHolds),
      detail:
        operations.exceptionHolds === 0
          ? "No SKU is held out of stock after a pick exception"
          : `SKUs held out of stock at ${f.count(operations.storesWithExceptionHolds)} ${plural(operations.storesWithExceptionHolds, "store", "stores")} until Shopify reports their stock again`,
      link: operations.exceptionHolds === 0 ? null : { url: "/app/inventory", label: "Open Inventory" },
      alert: false,
    },
    {
      id: "deadLetters",
      label: "Dead letters",
      value: operations.deadLetters === null ? "—" : f.count(operations.deadLetters),
      detail:
        operations.deadLetters === null
          ? "The job queue did not answer"
          : operations.deadLetters === 0
            ? "No background work gave up"
            : "Background work that gave up after its retries",
      link: operations.deadLetters ? { url: "/app/orders", label: "Retry on Orders" } : null,
      alert: (operations.deadLetters ?? 0) > 0,
    },
  ];
}

export interface RouteRow {
  route: DashboardRoute;
  label: string;
  orders: string;
  share: string;
}

/** Today's orders by how they were fulfilled, each with its share of the day's orders. */
export function routeRows(glance: GlanceFigures, f: AnalyticsFormats): RouteRow[] {
  return DASHBOARD_ROUTES.map((route) => {
    const count = glance.byRoute[route];
    return {
      route,
      label: ROUTE_LABELS[route],
      orders: f.count(count),
      share: f.share(ratio(count, glance.orders)),
    };
  });
}

export interface DashboardTrendDay extends Omit<DayRoutes, "day"> {
  label: string;
}

/** The trend's days, labelled; `from` is the first day's date. */
export function dashboardTrendDays(
  days: readonly DayRoutes[],
  from: LocalDate,
  f: AnalyticsFormats,
): DashboardTrendDay[] {
  return days.map(({ day, ...routes }) => ({ ...routes, label: f.day(addDays(from, day)) }));
}

/** "Tuesday, December 1" in the merchant's locale. */
export function dayHeading(date: LocalDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(date.year, date.month - 1, date.day)),
  );
}
