import type { CheckoutProduct } from "../config";

/**
 * The shopper's cart in the Checkout stand-in: one line per variant, added to, set or removed;
 * and the same cart as checkout's `shopify.lines` gives it to an extension.
 */
export interface CartEntry {
  product: CheckoutProduct;
  quantity: number;
}

/** The cart with `quantity` more of `product` (a variant already in the cart gets the units added). */
export function addToCart(cart: readonly CartEntry[], product: CheckoutProduct, quantity: number): CartEntry[] {
  if (quantity < 1) return [...cart];
  const existing = cart.find((entry) => entry.product.variantId === product.variantId);
  if (!existing) return [...cart, { product, quantity }];
  return cart.map((entry) => (entry === existing ? { ...entry, quantity: entry.quantity + quantity } : entry));
}

/** The cart with the variant's quantity set; zero or less removes the line. */
export function setQuantity(cart: readonly CartEntry[], variantId: string, quantity: number): CartEntry[] {
  return quantity < 1
    ? cart.filter((entry) => entry.product.variantId !== variantId)
    : cart.map((entry) => (entry.product.variantId === variantId ? { ...entry, quantity } : entry));
}

/** A cart line as checkout's `shopify.lines` holds it: the fields the extension can read. */
export interface CheckoutCartLine {
  id: string;
  quantity: number;
  merchandise: { type: "variant"; id: string; title: string; sku: string };
  attributes: never[];
}

export function checkoutLines(cart: readonly CartEntry[]): CheckoutCartLine[] {
  return cart.map((entry, index) => ({
    id: `gid://shopify/CartLine/${index + 1}`,
    quantity: entry.quantity,
    merchandise: { type: "variant", id: entry.product.variantId, title: entry.product.title, sku: entry.product.sku },
    attributes: [],
  }));
}
