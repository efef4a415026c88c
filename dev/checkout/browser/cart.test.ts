import { describe, expect, it } from "vitest";
import type { CheckoutProduct } from "../config";
import { addToCart, checkoutLines, setQuantity } from "./cart";

const tee: CheckoutProduct = {
  variantId: "gid://shopify/ProductVariant/11",
  sku: "TEE-M",
  title: "Tee",
  price: "25.00",
};
const cap: CheckoutProduct = { variantId: "gid://shopify/ProductVariant/12", sku: "CAP", title: "Cap", price: "18.00" };

describe("the Checkout stand-in's cart", () => {
  it("keeps one line per variant, adding units to a variant already in the cart", () => {
    const cart = addToCart(addToCart(addToCart([], tee, 1), cap, 2), tee, 2);
    expect(cart.map((entry) => [entry.product.sku, entry.quantity])).toEqual([
      ["TEE-M", 3],
      ["CAP", 2],
    ]);
  });

  it("sets a line's quantity, and removes the line at zero", () => {
    const cart = addToCart(addToCart([], tee, 1), cap, 1);
    expect(setQuantity(cart, tee.variantId, 4)[0]?.quantity).toBe(4);
    expect(setQuantity(cart, tee.variantId, 0).map((entry) => entry.product.sku)).toEqual(["CAP"]);
  });

  it("gives the extension checkout's cart lines: variant merchandise with its GID and quantity", () => {
    const [line] = checkoutLines(addToCart([], cap, 2));
    expect(line).toMatchObject({ quantity: 2, merchandise: { type: "variant", id: cap.variantId } });
  });
});
