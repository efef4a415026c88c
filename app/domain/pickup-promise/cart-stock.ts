import { meetsLineThreshold } from "../routing/eligibility";
import type { LocationKind } from "../routing/types";
import type { CartLine, LineStock } from "./types";

/**
 * Whether a location's stock covers the cart, item by item, by routing's own line rule (each
 * item at least its quantity, and for a store at least the store minimum). Two cart lines of the
 * same item draw on the same units, so the cart is counted per inventory item.
 */

export interface CartItem {
  readonly inventoryItemId: string;
  readonly title: string;
  readonly quantity: number;
}

/** The cart's items in the order they first appear, with their lines' quantities added up. */
export function itemsOfCart(cart: readonly CartLine[]): CartItem[] {
  const items = new Map<string, CartItem>();
  for (const line of cart) {
    const seen = items.get(line.inventoryItemId);
    items.set(line.inventoryItemId, {
      inventoryItemId: line.inventoryItemId,
      title: seen?.title ?? line.title,
      quantity: (seen?.quantity ?? 0) + line.quantity,
    });
  }
  return [...items.values()];
}

export interface StockAtLocation {
  readonly kind: LocationKind;
  readonly available: Readonly<Record<string, number>>;
  readonly reserved: Readonly<Record<string, number>>;
}

// hasOwn: an item id such as "constructor" must not read Object.prototype (as routing's stockOf).
const unitsIn = (record: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;

/** The mirror's units less other orders' reservations, never below 0; an item the location has never stocked has 0. */
export function availableUnits(stock: StockAtLocation, inventoryItemId: string): number {
  return Math.max(0, unitsIn(stock.available, inventoryItemId) - unitsIn(stock.reserved, inventoryItemId));
}

export function cartStockAt(items: readonly CartItem[], stock: StockAtLocation, storeMinUnits: number): LineStock[] {
  return items.map((item) => {
    const available = availableUnits(stock, item.inventoryItemId);
    return {
      inventoryItemId: item.inventoryItemId,
      title: item.title,
      quantity: item.quantity,
      available,
      enough: meetsLineThreshold(stock.kind, available, item.quantity, storeMinUnits),
    };
  });
}
