import { csvText } from "../inventory/inventory-csv";
import type { FulfilmentFigures, LocationFigures, Ratio } from "./fulfilment-metrics";

/**
 * The Analytics page's CSV export: the range's total, then one line per location. Figures are
 * written for a spreadsheet to read (a dot for decimals, no grouping, shares as percentages with
 * two decimals, money in the shop's currency units), whatever the merchant's locale; an empty
 * cell where a figure cannot be told (a share of nothing).
 */

export const ANALYTICS_CSV_HEADER = [
  "Location",
  "Location ID",
  "Kind",
  "Orders",
  "BOPIS orders",
  "BOPIS share %",
  "Ship-from-store orders",
  "Ship-from-store share %",
  "Store-fulfilled orders with a known outcome",
  "Fulfilled within 24 h",
  "Fulfilled within 24 h %",
  "Split orders",
  "Splits per 100 orders",
  "Unroutable orders",
  "Unroutable %",
  "Orders costed",
  "Average cost per order",
  "Average warehouse-only cost per order",
  "Saved per order",
  "Parcels shipped",
  "Miles shipped",
  "Pickups collected",
  "Median ready to collected (minutes)",
  "Pickups uncollected",
  "Uncollected %",
  "Lines picked or reported",
  "Lines without a not-found exception",
  "Inventory accuracy %",
] as const;

function decimal(value: number | null, places: number): string {
  return value === null ? "" : value.toFixed(places);
}

function percent(ratio: Ratio): string {
  return ratio.share === null ? "" : (ratio.share * 100).toFixed(2);
}

function money(cents: number | null): string {
  return cents === null ? "" : (cents / 100).toFixed(2);
}

function figureCells(figures: FulfilmentFigures): string[] {
  return [
    String(figures.orders),
    String(figures.bopis.count),
    percent(figures.bopis),
    String(figures.shipFromStore.count),
    percent(figures.shipFromStore),
    String(figures.within24h.of),
    String(figures.within24h.count),
    percent(figures.within24h),
    String(figures.splitOrders),
    decimal(figures.splitsPer100Orders, 2),
    String(figures.unroutable.count),
    percent(figures.unroutable),
    String(figures.cost.orders),
    money(figures.cost.averageCents),
    money(figures.cost.warehouseOnlyAverageCents),
    money(figures.cost.savedPerOrderCents),
    String(figures.shippedParcels),
    decimal(figures.milesShipped, 2),
    String(figures.collected),
    decimal(figures.medianReadyToCollectedSeconds === null ? null : figures.medianReadyToCollectedSeconds / 60, 1),
    String(figures.uncollected.count),
    percent(figures.uncollected),
    String(figures.inventoryAccuracy.of),
    String(figures.inventoryAccuracy.count),
    percent(figures.inventoryAccuracy),
  ];
}

const line = (cells: readonly string[]) => `${cells.join(",")}\r\n`;

export function analyticsCsv(total: FulfilmentFigures, locations: readonly LocationFigures[]): string {
  return [
    line(ANALYTICS_CSV_HEADER),
    line(["All locations", "", "", ...figureCells(total)]),
    ...locations.map((location) =>
      line([
        csvText(location.name),
        csvText(location.locationId),
        location.kind === "WAREHOUSE" ? "Warehouse" : "Store",
        ...figureCells(location),
      ]),
    ),
  ].join("");
}
