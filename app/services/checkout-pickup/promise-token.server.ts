import { z } from "zod";
import { openToken, signToken } from "~/services/signed-links/signed-token.server";

/**
 * The promise checkout showed the shopper, handed to the checkout extension signed so that it can
 * come back with the order: the extension writes it to a cart metafield, Shopify copies that to
 * the order, and routing reads it there. The cart is the shopper's to write, so nothing in it is
 * believed but this token, and only for the shop and store it names, and only shortly before the
 * order was placed.
 */

/** The cart (and order) metafield the checkout extension writes: `{ "token": "<promise token>" }`, type json. */
export const PICKUP_PROMISE_METAFIELD = { namespace: "$app", key: "pickup_promise", type: "json" } as const;

/**
 * How long before the order a promise may have been given. A checkout left open longer has seen
 * stock and queues move; the promise worked out when the order arrived is the fairer one then.
 */
export const CHECKOUT_PROMISE_MAX_AGE_MS = 2 * 60 * 60 * 1000;

export interface CheckoutPromise {
  readonly shop: string;
  /** The store (numeric location id) the promise was given for. */
  readonly locationId: string;
  readonly readyBy: Date;
  /** "Ready today by 4:00 PM", as the shopper read it. */
  readonly headline: string;
  readonly note: string | null;
  /** When the app worked the promise out. */
  readonly issuedAt: Date;
}

/** Short keys: the token rides in a cart metafield and in every availability answer. */
const payloadSchema = z.object({
  s: z.string().min(1),
  l: z.string().regex(/^\d+$/),
  r: z.number().int().nonnegative(),
  h: z.string().min(1),
  n: z.string().nullable(),
  i: z.number().int().nonnegative(),
});

export function signCheckoutPromise(promise: CheckoutPromise, secret?: string): string {
  const payload: z.infer<typeof payloadSchema> = {
    s: promise.shop,
    l: promise.locationId,
    r: promise.readyBy.getTime(),
    h: promise.headline,
    n: promise.note,
    i: promise.issuedAt.getTime(),
  };
  return signToken("pickup-promise", JSON.stringify(payload), secret);
}

/** The promise in a token the app signed for this purpose; null for anything else. */
export function openCheckoutPromise(token: string | null | undefined, secret?: string): CheckoutPromise | null {
  const payload = openToken("pickup-promise", token, secret);
  if (payload === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const read = payloadSchema.safeParse(parsed);
  if (!read.success) return null;
  const { s, l, r, h, n, i } = read.data;
  return { shop: s, locationId: l, readyBy: new Date(r), headline: h, note: n, issuedAt: new Date(i) };
}

const metafieldValueSchema = z.object({ token: z.string().min(1).max(2048) });

/** The token in the order's pickup_promise metafield value; null when absent or not the extension's shape. */
export function tokenOfPromiseMetafield(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const read = metafieldValueSchema.safeParse(JSON.parse(value));
    return read.success ? read.data.token : null;
  } catch {
    return null;
  }
}

export interface PlacedPickupOrder {
  readonly shop: string;
  /** The store the shopper chose, as the order's pickup fulfilment order names it. */
  readonly locationId: string;
  /** The order's created_at. */
  readonly placedAt: Date;
}

/**
 * The promise the shopper was shown for this order, from its pickup_promise metafield: signed by
 * the app, for this shop and the store the order is to be picked up at, given before the order was
 * placed and not more than CHECKOUT_PROMISE_MAX_AGE_MS before. Null otherwise (no metafield, an
 * accelerated checkout that could not write one, a forged or stale token, another store's).
 */
export function checkoutPromiseOfOrder(
  metafieldValue: string | null | undefined,
  order: PlacedPickupOrder,
  secret?: string,
): CheckoutPromise | null {
  const promise = openCheckoutPromise(tokenOfPromiseMetafield(metafieldValue), secret);
  if (!promise || promise.shop !== order.shop || promise.locationId !== order.locationId) return null;
  // Shopify gives created_at in whole seconds: a promise given within the second the order was
  // placed in is before the order, though its milliseconds are past the truncated created_at.
  const issuedInSecond = Math.floor(promise.issuedAt.getTime() / 1000) * 1000;
  if (order.placedAt.getTime() < issuedInSecond) return null;
  if (order.placedAt.getTime() - promise.issuedAt.getTime() > CHECKOUT_PROMISE_MAX_AGE_MS) return null;
  return promise;
}
