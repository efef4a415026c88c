import { addDays, type LocalDate } from "../local-time";
import type { AnalyticsRange } from "./date-range";
import type { DayFigures, FulfilmentFigures, LocationFigures, Ratio } from "./fulfilment-metrics";

/**
 * The Analytics page's figures as the merchant reads them, formatted once on the server for the
 * shop's locale and currency (so server and browser render the same text): the headline cards,
 * a row per location, and the daily trend with its day labels.
 */

/** The seed's yardsticks: Zara fulfils 30 % of online orders within 24 h; Target's stock is 99.5 % accurate. */
export const ZARA_WITHIN_24H_SHARE = 0.3;
export const TARGET_INVENTORY_ACCURACY = 0.995;

/** The by-location table lists this many, busiest first; the CSV has every location. */
export const LOCATION_ROWS_SHOWN = 50;

export interface AnalyticsFormats {
  count(value: number): string;
  share(ratio: Ratio): string;
  money(cents: number | null): string;
  miles(value: number): string;
  duration(seconds: number | null): string;
  decimal(value: number | null): string;
  day(date: LocalDate): string;
}

const NONE = "—";

export function analyticsFormats(locale: string, currency: string): AnalyticsFormats {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const miles = new Intl.NumberFormat(locale, { style: "unit", unit: "mile", maximumFractionDigits: 0 });
  const minutes = new Intl.NumberFormat(locale, { style: "unit", unit: "minute", maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(locale, { style: "unit", unit: "hour", maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  return {
    count: (value) => count.format(value),
    share: (ratio) => (ratio.share === null ? NONE : percent.format(ratio.share)),
    money: (cents) => (cents === null ? NONE : money.format(cents / 100)),
    miles: (value) => miles.format(value),
    duration: (seconds) =>
      seconds === null ? NONE : seconds < 3600 ? minutes.format(seconds / 60) : hours.format(seconds / 3600),
    decimal: (value) => (value === null ? NONE : decimal.format(value)),
    day: (date) => day.format(new Date(Date.UTC(date.year, date.month - 1, date.day))),
  };
}

export type CardId =
  | "orders"
  | "bopis"
  | "shipFromStore"
  | "within24h"
  | "splits"
  | "cost"
  | "miles"
  | "unroutable"
  | "readyToCollected"
  | "uncollected"
  | "accuracy";

export interface AnalyticsCard {
  id: CardId;
  label: string;
  value: string;
  /** What the figure rests on, or how it compares. */
  detail: string;
}

export function analyticsCards(total: FulfilmentFigures, f: AnalyticsFormats): AnalyticsCard[] {
  const of = (ratio: Ratio, what: string) => `${f.count(ratio.count)} of ${f.count(ratio.of)} ${what}`;
  const saved = total.cost.savedPerOrderCents;
  return [
    {
      id: "orders",
      label: "Orders routed",
      value: f.count(total.orders),
      detail: "Every order Omniroute decided in the range",
    },
    {
      id: "bopis",
      label: "BOPIS share",
      value: f.share(total.bopis),
      detail: of(total.bopis, "orders collected in store"),
    },
    {
      id: "shipFromStore",
      label: "Ship-from-store share",
      value: f.share(total.shipFromStore),
      detail: of(total.shipFromStore, "orders shipped or delivered from a store"),
    },
    {
      id: "within24h",
      label: "Fulfilled within 24 h",
      value: f.share(total.within24h),
      detail: `${of(total.within24h, "store-fulfilled orders")}; Zara's figure is ${f.share({ count: 0, of: 1, share: ZARA_WITHIN_24H_SHARE })}`,
    },
    {
      id: "splits",
      label: "Split shipments per 100 orders",
      value: f.decimal(total.splitsPer100Orders),
      detail: `${f.count(total.splitOrders)} split ${total.splitOrders === 1 ? "order" : "orders"}`,
    },
    {
      id: "cost",
      label: "Average fulfilment cost per order",
      value: f.money(total.cost.averageCents),
      detail:
        saved === null
          ? "No order's warehouse-only cost is known yet"
          : `${f.money(total.cost.warehouseOnlyAverageCents)} from a warehouse only: ${saved >= 0 ? `${f.money(saved)} saved` : `${f.money(-saved)} more`} per order, over ${f.count(total.cost.orders)} ${total.cost.orders === 1 ? "order" : "orders"}`,
    },
    {
      id: "miles",
      label: "Distance shipped",
      value: f.miles(total.milesShipped),
      detail: `${f.count(total.shippedParcels)} parcels shipped or delivered`,
    },
    {
      id: "unroutable",
      label: "Unroutable rate",
      value: f.share(total.unroutable),
      detail: of(total.unroutable, "orders no location could take"),
    },
    {
      id: "readyToCollected",
      label: "Pickup ready to collected",
      value: f.duration(total.medianReadyToCollectedSeconds),
      detail: `Median over ${f.count(total.collected)} collected ${total.collected === 1 ? "pickup" : "pickups"}`,
    },
    {
      id: "uncollected",
      label: "Uncollected rate",
      value: f.share(total.uncollected),
      detail: of(total.uncollected, "pickups ready long enough to tell"),
    },
    {
      id: "accuracy",
      label: "Inventory accuracy",
      value: f.share(total.inventoryAccuracy),
      detail: `${of(total.inventoryAccuracy, "picks found on the shelf")}; Target's figure is ${f.share({ count: 0, of: 1, share: TARGET_INVENTORY_ACCURACY })}`,
    },
  ];
}

export interface LocationRow {
  locationId: string;
  name: string;
  kind: "STORE" | "WAREHOUSE";
  orders: string;
  bopis: string;
  shipFromStore: string;
  within24h: string;
  splits: string;
  averageCost: string;
  saved: string;
  miles: string;
  readyToCollected: string;
  uncollected: string;
  accuracy: string;
}

export function locationRow(location: LocationFigures, f: AnalyticsFormats): LocationRow {
  return {
    locationId: location.locationId,
    name: location.name,
    kind: location.kind,
    orders: f.count(location.orders),
    bopis: f.share(location.bopis),
    shipFromStore: f.share(location.shipFromStore),
    within24h: f.share(location.within24h),
    splits: f.decimal(location.splitsPer100Orders),
    averageCost: f.money(location.cost.averageCents),
    saved: f.money(location.cost.savedPerOrderCents),
    miles: f.miles(location.milesShipped),
    readyToCollected: f.duration(location.medianReadyToCollectedSeconds),
    uncollected: f.share(location.uncollected),
    accuracy: f.share(location.inventoryAccuracy),
  };
}

export interface TrendDay extends Omit<DayFigures, "day"> {
  label: string;
}

export function trendDays(days: readonly DayFigures[], range: AnalyticsRange, f: AnalyticsFormats): TrendDay[] {
  return days.map(({ day, ...figures }) => ({ ...figures, label: f.day(addDays(range.from, day)) }));
}
