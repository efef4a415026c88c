import crypto from "node:crypto";
import { env } from "~/env.server";

/**
 * Links that carry their own proof: a payload the app wrote, readable by anyone (base64url) but
 * signed with the app's secret, so only the app can make one. Used where the caller has no
 * session to show: POS's Printing API fetching a print page, a shopper opening a pickup pass, the
 * promise checkout showed coming back with the order.
 *
 * A token is `<payload>.<signature>`. Each use signs under its own purpose, so a token made for
 * one is refused by every other, and none can pass for a Shopify session token (Shopify signs
 * those with the same secret).
 */

export type SignedTokenPurpose = "print-link" | "pickup-pass" | "pickup-promise";

/**
 * 128 bits of HMAC-SHA256: forging a signature is a 1 in 2^128 guess, and the token stays short
 * enough for a link in a text message.
 */
const SIGNATURE_BYTES = 16;

/** Longer than any token the app makes; a longer one is not read at all. */
const MAX_TOKEN_LENGTH = 2048;

function signature(purpose: SignedTokenPurpose, encodedPayload: string, secret: string): Buffer {
  return crypto
    .createHmac("sha256", secret)
    .update(`omniroute:${purpose}:${encodedPayload}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function signToken(
  purpose: SignedTokenPurpose,
  payload: string,
  secret: string = env.SHOPIFY_API_SECRET,
): string {
  const encoded = Buffer.from(payload, "utf8").toString("base64url");
  return `${encoded}.${signature(purpose, encoded, secret).toString("base64url")}`;
}

/** The payload of a token signed for `purpose` with `secret`; null for anything else. */
export function openToken(
  purpose: SignedTokenPurpose,
  token: string | null | undefined,
  secret: string = env.SHOPIFY_API_SECRET,
): string | null {
  const text = token ?? "";
  if (text.length > MAX_TOKEN_LENGTH) return null;
  const [encoded, signed, extra] = text.split(".");
  if (!encoded || !signed || extra !== undefined) return null;
  const expected = signature(purpose, encoded, secret);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return Buffer.from(encoded, "base64url").toString("utf8");
}
