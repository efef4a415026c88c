import crypto from "node:crypto";

/**
 * Shopify admin session tokens (the `id_token` App Bridge hands an embedded app): a JWT
 * signed HS256 with the app's secret. The emulator's admin stand-in mints them as Shopify's
 * admin does, so the app's real `authenticate.admin` verifies them unchanged.
 */
export interface SessionTokenClaims {
  shop: string;
  apiKey: string;
  userId?: string;
  now: Date;
  lifetimeSeconds?: number;
}

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export function signSessionToken(claims: SessionTokenClaims, apiSecret: string): string {
  const issuedAt = Math.floor(claims.now.getTime() / 1000);
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    iss: `https://${claims.shop}/admin`,
    dest: `https://${claims.shop}`,
    aud: claims.apiKey,
    sub: claims.userId ?? "1",
    exp: issuedAt + (claims.lifetimeSeconds ?? 60),
    nbf: issuedAt - 5,
    iat: issuedAt,
    jti: crypto.randomUUID(),
    sid: crypto
      .createHash("sha256")
      .update(`${claims.shop}:${claims.userId ?? "1"}`)
      .digest("hex")
      .slice(0, 32),
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = crypto.createHmac("sha256", apiSecret).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

/** The `host` query parameter Shopify adds to embedded URLs: base64 of admin.shopify.com/store/<name>. */
export function hostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64url");
}
