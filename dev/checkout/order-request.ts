import { z } from "zod";
import type { PlaceOrderInput } from "../emulator/shopify/orders";

/**
 * What the Checkout stand-in page sends when the shopper pays (POST /orders), checked before it
 * becomes an order in the emulator: a pickup order, as the admin panel's "Pick up in store" places one.
 */
export const payRequestSchema = z.object({
  lines: z
    .array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1).max(999) }))
    .min(1)
    .max(100),
  pickupLocationId: z.string().regex(/^\d+$/),
  email: z.string().email(),
  /** What the checkout extension wrote to the cart's metafields (its pickup promise, when it could). */
  cartMetafields: z
    .array(
      z.object({
        namespace: z.string().min(1).max(255).optional(),
        key: z.string().min(1).max(64),
        type: z.string().min(1).max(64),
        value: z.string().max(10_000),
      }),
    )
    .max(25)
    .default([]),
});

export type PayRequest = z.infer<typeof payRequestSchema>;

/** The emulator's order-creation body (its control API, POST /_emulator/shops/<shop>/orders). */
export function emulatorPickupOrder(request: PayRequest): PlaceOrderInput {
  return {
    deliveryMethod: "PICK_UP",
    lines: request.lines.map((line) => ({ ...line })),
    pickupLocationId: request.pickupLocationId,
    shippingLineTitle: "Pickup in store",
    customer: { email: request.email, firstName: "Demo", lastName: "Shopper" },
    // Shopify copies each to the order where the app's order metafield definition allows it.
    cartMetafields: request.cartMetafields.map((metafield) => ({ ...metafield })),
  };
}
