import { ean13 } from "./random";
import type { ScenarioProduct } from "./types";

/**
 * An apparel and outdoor catalogue: styles × colours × sizes, with SKUs like TEE-BLK-M and
 * valid EAN-13 barcodes. Ids are offsets from fixed bases so they never collide.
 */

export const SIZES = ["XS", "S", "M", "L", "XL"] as const;

export const STYLES = [
  { code: "TEE", title: "Crew Tee", type: "T-Shirts", price: "24.00" },
  { code: "HOODIE", title: "Lakefront Hoodie", type: "Sweatshirts", price: "68.00" },
  { code: "FLEECE", title: "Prairie Fleece", type: "Fleece", price: "89.00" },
  { code: "PARKA", title: "Windy City Parka", type: "Outerwear", price: "249.00" },
  { code: "SHELL", title: "Rain Shell", type: "Outerwear", price: "149.00" },
  { code: "VEST", title: "Down Vest", type: "Outerwear", price: "119.00" },
  { code: "FLANNEL", title: "Flannel Shirt", type: "Shirts", price: "59.00" },
  { code: "CHINO", title: "Trail Chino", type: "Pants", price: "72.00" },
  { code: "JOGGER", title: "Jogger", type: "Pants", price: "58.00" },
  { code: "SHORT", title: "Hiking Short", type: "Shorts", price: "46.00" },
  { code: "LEGGING", title: "Trail Legging", type: "Pants", price: "64.00" },
  { code: "BEANIE", title: "Rib Beanie", type: "Accessories", price: "22.00" },
  { code: "GLOVE", title: "Insulated Glove", type: "Accessories", price: "38.00" },
  { code: "SOCK", title: "Merino Sock", type: "Accessories", price: "18.00" },
  { code: "BASELAYER", title: "Merino Base Layer", type: "Base Layers", price: "79.00" },
  { code: "POLO", title: "Pique Polo", type: "Shirts", price: "44.00" },
  { code: "CREW", title: "Crewneck Sweater", type: "Sweaters", price: "84.00" },
  { code: "ANORAK", title: "Lake Anorak", type: "Outerwear", price: "129.00" },
  { code: "SOFTSHELL", title: "Softshell Jacket", type: "Outerwear", price: "139.00" },
  { code: "TANK", title: "Training Tank", type: "T-Shirts", price: "26.00" },
] as const;

export const COLOURS = [
  { code: "BLK", name: "Black" },
  { code: "NVY", name: "Navy" },
  { code: "GRN", name: "Forest" },
  { code: "RED", name: "Brick" },
  { code: "GRY", name: "Heather Grey" },
] as const;

export const PRODUCT_ID_BASE = 8_000_000_000;
export const VARIANT_ID_BASE = 45_000_000_000;
export const INVENTORY_ITEM_ID_BASE = 47_000_000_000;

/** `styles × colours` products of five sizes each; `count` caps how many products are made. */
export function buildCatalogue(options: {
  colours: number;
  count?: number;
  vendor: string;
  series?: number;
}): ScenarioProduct[] {
  const products: ScenarioProduct[] = [];
  let variantIndex = 0;
  const series = options.series ?? 1;
  const total = options.count ?? STYLES.length * options.colours;
  for (let p = 0; p < total; p++) {
    const style = STYLES[p % STYLES.length];
    const colour = COLOURS[Math.floor(p / STYLES.length) % COLOURS.length];
    if (!style || !colour) throw new Error("catalogue index out of range");
    // Past styles × colours, later products are numbered editions of the same style.
    const edition = Math.floor(p / (STYLES.length * COLOURS.length));
    const base = edition === 0 ? `${style.code}-${colour.code}` : `${style.code}${edition}-${colour.code}`;
    const title = edition === 0 ? `${style.title} — ${colour.name}` : `${style.title} ${edition} — ${colour.name}`;
    const productId = PRODUCT_ID_BASE + p + 1;
    products.push({
      id: productId,
      title,
      vendor: options.vendor,
      productType: style.type,
      variants: SIZES.map((size) => {
        variantIndex++;
        return {
          id: VARIANT_ID_BASE + variantIndex,
          sku: `${base}-${size}`,
          barcode: ean13(`${series}${String(variantIndex).padStart(11, "0")}`),
          price: style.price,
          title: size,
          inventoryItemId: INVENTORY_ITEM_ID_BASE + variantIndex,
        };
      }),
    });
  }
  return products;
}
