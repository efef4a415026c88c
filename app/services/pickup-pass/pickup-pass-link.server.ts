import { env } from "~/env.server";
import { openToken, signToken } from "~/services/signed-links/signed-token.server";

/**
 * The pickup pass link: one per order, the same every time it is made, so the link the merchant
 * copies, the shopper's email and a text message all open the same pass. It names the shop and
 * the order, signed with the app's secret; it carries no expiry of its own because the pass
 * lives as long as the order's pickup does (pickup-pass.ts passIsLive), which the app reads
 * each time it is opened.
 */

export interface PickupPassClaims {
  shop: string;
  /** Shopify's numeric order id. */
  orderId: string;
}

export const PICKUP_PASS_PATH = "/pickup/";

const MYSHOPIFY = ".myshopify.com";
const ORDER_ID = /^\d{1,20}$/;
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9.-]{0,254}$/;

/**
 * "handle:orderId": a shop's myshopify domain is written as its handle, which has no dot, so
 * any other domain (written whole) reads back unambiguously. Keeps the link short for a text.
 */
function payloadOf({ shop, orderId }: PickupPassClaims): string {
  const shopKey = shop.endsWith(MYSHOPIFY) ? shop.slice(0, -MYSHOPIFY.length) : shop;
  return `${shopKey}:${orderId}`;
}

function claimsOf(payload: string): PickupPassClaims | null {
  const separator = payload.lastIndexOf(":");
  const shopKey = payload.slice(0, separator);
  const orderId = payload.slice(separator + 1);
  if (separator < 1 || !ORDER_ID.test(orderId) || !SHOP_DOMAIN.test(shopKey)) return null;
  return { shop: shopKey.includes(".") ? shopKey : `${shopKey}${MYSHOPIFY}`, orderId };
}

export function signPickupPassToken(claims: PickupPassClaims, secret: string = env.SHOPIFY_API_SECRET): string {
  if (!ORDER_ID.test(claims.orderId)) throw new RangeError(`Not a Shopify order id: ${claims.orderId}`);
  return signToken("pickup-pass", payloadOf(claims), secret);
}

/** The shop and order a pass link names; null when it is not one the app signed. */
export function readPickupPassToken(
  token: string | null | undefined,
  secret: string = env.SHOPIFY_API_SECRET,
): PickupPassClaims | null {
  const payload = openToken("pickup-pass", token, secret);
  return payload === null ? null : claimsOf(payload);
}

/** The pass's address under the app's public URL. */
export function pickupPassUrl(claims: PickupPassClaims, appUrl: string = env.SHOPIFY_APP_URL): string {
  return new URL(`${PICKUP_PASS_PATH}${signPickupPassToken(claims)}`, appUrl).toString();
}
