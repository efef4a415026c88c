/** The Inventory page's CSV export: a header, then one line per SKU at a location. */

export interface InventoryCsvRow {
  sku: string;
  productTitle: string | null;
  variantTitle: string | null;
  barcode: string | null;
  locationName: string;
  locationId: string;
  kind: string | null;
  available: number;
  reserved: number;
  sellable: number;
}

export const INVENTORY_CSV_HEADER = [
  "SKU",
  "Product",
  "Variant",
  "Barcode",
  "Location",
  "Location ID",
  "Kind",
  "Available",
  "Reserved by open orders",
  "Sellable for routing",
] as const;

/**
 * A text field as a spreadsheet should read it: quoted when it holds a separator, quote or line
 * break, and prefixed with an apostrophe when it would otherwise start a formula (a product
 * title such as "=HYPERLINK(…)" comes from the catalogue, which the merchant's staff edit).
 */
export function csvText(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function kindLabel(kind: string | null): string {
  if (kind === "STORE") return "Store";
  if (kind === "WAREHOUSE") return "Warehouse";
  return "";
}

export function inventoryCsvLine(row: InventoryCsvRow): string {
  return `${[
    csvText(row.sku),
    csvText(row.productTitle),
    csvText(row.variantTitle),
    csvText(row.barcode),
    csvText(row.locationName),
    csvText(row.locationId),
    kindLabel(row.kind),
    String(row.available),
    String(row.reserved),
    String(row.sellable),
  ].join(",")}\r\n`;
}

export function inventoryCsvHeaderLine(): string {
  return `${INVENTORY_CSV_HEADER.join(",")}\r\n`;
}
