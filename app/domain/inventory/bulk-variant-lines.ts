import { numericIdOf } from "../shopify-ids";
import { BulkLineError } from "./bulk-inventory-lines";

/**
 * Reads the JSONL of the catalogue's bulk query (ProductVariantsForMirror) one line at a time.
 * Every line is a variant with its inventory item and product inline, so each stands alone.
 */

export interface MirroredVariant {
  /** Numeric Shopify ids, as webhooks carry them. */
  readonly variantId: string;
  readonly inventoryItemId: string;
  readonly sku: string | null;
  readonly productTitle: string;
  readonly variantTitle: string;
  readonly barcode: string | null;
}

export type BulkVariantLine =
  { readonly kind: "variant"; readonly variant: MirroredVariant } | { readonly kind: "blank" };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Shopify sends "" for a variant without a SKU or barcode; the mirror holds none. */
function presentText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** One JSONL line of the bulk result. Throws BulkLineError on a line it cannot trust. */
export function readBulkVariantLine(line: string): BulkVariantLine {
  if (line.trim() === "") return { kind: "blank" };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new BulkLineError("Not JSON", line);
  }
  if (!isObject(record)) throw new BulkLineError("Not a JSON object", line);
  const variantId = numericIdOf(record.id, "ProductVariant");
  if (!variantId) throw new BulkLineError("Line is not a product variant", line);
  const inventoryItemId = numericIdOf(isObject(record.inventoryItem) ? record.inventoryItem.id : null, "InventoryItem");
  if (!inventoryItemId) throw new BulkLineError("Variant without its inventory item's id", line);
  const product = isObject(record.product) ? record.product : null;
  return {
    kind: "variant",
    variant: {
      variantId,
      inventoryItemId,
      sku: presentText(record.sku),
      productTitle: typeof product?.title === "string" ? product.title : "",
      variantTitle: typeof record.title === "string" ? record.title : "",
      barcode: presentText(record.barcode),
    },
  };
}

/**
 * How a shopper or associate reads a variant: "Trail Runner - 9 / Blue", as Shopify's own
 * displayName; a product with one variant is just its title (Shopify names that variant
 * "Default Title").
 */
export function variantDisplayTitle(productTitle: string, variantTitle: string): string {
  if (variantTitle === "" || variantTitle === "Default Title") return productTitle;
  if (productTitle === "") return variantTitle;
  return `${productTitle} - ${variantTitle}`;
}
