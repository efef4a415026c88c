import type { CartInstructions, MetafieldChange, MetafieldChangeResult } from "@shopify/ui-extensions/checkout";

/**
 * The promise shown under the chosen pickup option, handed on with the order: written to a cart
 * metafield, which Shopify copies to the order (the app's order metafield definition allows it),
 * where routing reads it. The value is the app's signed token only, so the app believes nothing
 * else of it; app/services/checkout-pickup/promise-token.server.ts reads it.
 */
export const PICKUP_PROMISE_METAFIELD = { namespace: "$app", key: "pickup_promise", type: "json" } as const;

export function promiseMetafieldChange(promiseToken: string): MetafieldChange {
  return {
    type: "updateCartMetafield",
    metafield: { ...PICKUP_PROMISE_METAFIELD, value: JSON.stringify({ token: promiseToken }) },
  };
}

export interface MetafieldWriter {
  instructions: { value: CartInstructions };
  applyMetafieldChange(change: MetafieldChange): Promise<MetafieldChangeResult>;
}

/**
 * Writes the token when checkout allows it. Whether or not it lands changes nothing the shopper
 * sees: an accelerated checkout (Apple Pay, Google Pay) cannot write, and then the app works the
 * promise out again when the order arrives. Resolves to whether it was written.
 */
export async function handOnPromise(checkout: MetafieldWriter, promiseToken: string): Promise<boolean> {
  try {
    if (!checkout.instructions.value.metafields.canSetCartMetafields) return false;
    const result = await checkout.applyMetafieldChange(promiseMetafieldChange(promiseToken));
    return result.type === "success";
  } catch {
    return false;
  }
}
