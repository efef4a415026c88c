import crypto from "node:crypto";
import type { SeededRandom } from "../../seeded-random";

/**
 * POST /admin/oauth/access_token as @shopify/shopify-api calls it: token exchange of a
 * session token (an HS256 JWT signed with the app secret) for an access token, refresh of an
 * expiring offline token, and migration of a non-expiring token to an expiring one. Tokens
 * are kept per shop; the GraphQL endpoint accepts only live ones.
 */

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

/** Shopify's lifetimes for expiring offline tokens and their refresh tokens. */
export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;
export const ONLINE_TOKEN_SECONDS = 86_399;
/** Clock skew tolerated on session tokens, as the library does. */
const CLOCK_TOLERANCE_SECONDS = 10;

export interface AccessTokenRecord {
  token: string;
  shop: string;
  scope: string;
  /** Epoch milliseconds; null for a non-expiring token. */
  expiresAt: number | null;
  online: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  shop: string;
  expiresAt: number;
}

export interface TokenStoreSnapshot {
  accessTokens: AccessTokenRecord[];
  refreshTokens: RefreshTokenRecord[];
}

export interface TokenResponse {
  status: number;
  body: object;
}

function base64UrlDecode(part: string): Buffer {
  return Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

/** Verifies a session token's signature and claims; returns its payload or why it is refused. */
export function verifySessionToken(
  token: string,
  options: { apiKey: string; apiSecret: string; shop: string; now: Date },
): { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string } {
  const parts = token.split(".");
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || signature === undefined) return { ok: false, reason: "malformed JWT" };
  let headerJson: unknown;
  let payloadJson: unknown;
  try {
    headerJson = JSON.parse(base64UrlDecode(header).toString("utf8"));
    payloadJson = JSON.parse(base64UrlDecode(payload).toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed JWT" };
  }
  if (!headerJson || typeof headerJson !== "object" || !("alg" in headerJson) || headerJson.alg !== "HS256") {
    return { ok: false, reason: "unsupported algorithm" };
  }
  const expected = crypto.createHmac("sha256", options.apiSecret).update(`${header}.${payload}`).digest();
  const given = base64UrlDecode(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature verification failed" };
  }
  if (!payloadJson || typeof payloadJson !== "object") return { ok: false, reason: "malformed JWT" };
  const claims = payloadJson as Record<string, unknown>;
  const nowSeconds = options.now.getTime() / 1000;
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) {
    return { ok: false, reason: "token expired" };
  }
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) {
    return { ok: false, reason: "token not yet valid" };
  }
  if (claims.aud !== options.apiKey) return { ok: false, reason: "audience does not match the app" };
  if (claims.dest !== `https://${options.shop}`) return { ok: false, reason: "destination does not match the shop" };
  return { ok: true, payload: claims };
}

function parseBody(body: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(
      Object.entries(parsed).flatMap(([k, v]) => (typeof v === "string" || typeof v === "number" ? [[k, String(v)]] : [])),
    );
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}

function oauthError(status: number, error: string, description: string): TokenResponse {
  return { status, body: { error, error_description: description } };
}

export class TokenAuthority {
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly options: { apiKey: string; apiSecret: string; scopes: string; now: () => Date; prng: SeededRandom },
  ) {}

  /** True when `token` was issued for `shop` and has not expired. */
  isValid(shop: string, token: string | undefined): boolean {
    if (!token) return false;
    const record = this.accessTokens.get(token);
    if (!record || record.shop !== shop) return false;
    return record.expiresAt === null || record.expiresAt > this.options.now().getTime();
  }

  handle(shop: string, body: string, contentType: string | undefined): TokenResponse {
    const params = parseBody(body, contentType);
    if (params.client_id !== this.options.apiKey || params.client_secret !== this.options.apiSecret) {
      return oauthError(401, "invalid_client", "Client credentials are invalid");
    }
    if (params.grant_type === "refresh_token") return this.refresh(shop, params.refresh_token);
    if (params.grant_type !== TOKEN_EXCHANGE_GRANT) {
      return oauthError(400, "unsupported_grant_type", `Unsupported grant type ${params.grant_type ?? "(none)"}`);
    }
    const requested = params.requested_token_type ?? OFFLINE_TOKEN_TYPE;
    if (requested !== OFFLINE_TOKEN_TYPE && requested !== ONLINE_TOKEN_TYPE) {
      return oauthError(400, "invalid_request", "Unsupported requested_token_type");
    }
    const expiring = params.expiring === "1";
    const subject = params.subject_token ?? "";

    if (params.subject_token_type === OFFLINE_TOKEN_TYPE) {
      // Migration of a non-expiring offline token to an expiring one; the old token stops working.
      const old = this.accessTokens.get(subject);
      if (!old || old.shop !== shop || old.expiresAt !== null || old.online) {
        return oauthError(400, "invalid_subject_token", "The subject token is not a non-expiring offline access token for this shop");
      }
      this.accessTokens.delete(subject);
      return { status: 200, body: this.issueOffline(shop, true) };
    }
    if (params.subject_token_type !== ID_TOKEN_TYPE) {
      return oauthError(400, "invalid_request", "Unsupported subject_token_type");
    }
    const verified = verifySessionToken(subject, { ...this.options, shop, now: this.options.now() });
    if (!verified.ok) return oauthError(400, "invalid_subject_token", `Invalid subject token: ${verified.reason}`);
    if (requested === ONLINE_TOKEN_TYPE) return { status: 200, body: this.issueOnline(shop, verified.payload) };
    return { status: 200, body: this.issueOffline(shop, expiring) };
  }

  private mint(prefix: string): string {
    return `${prefix}_${this.options.prng.hex(32)}`;
  }

  private issueOffline(shop: string, expiring: boolean): object {
    const now = this.options.now().getTime();
    const token = this.mint("shpat");
    this.accessTokens.set(token, {
      token,
      shop,
      scope: this.options.scopes,
      expiresAt: expiring ? now + ACCESS_TOKEN_SECONDS * 1000 : null,
      online: false,
    });
    if (!expiring) return { access_token: token, scope: this.options.scopes };
    const refreshToken = this.mint("shprt");
    this.refreshTokens.set(refreshToken, { token: refreshToken, shop, expiresAt: now + REFRESH_TOKEN_SECONDS * 1000 });
    return {
      access_token: token,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
      scope: this.options.scopes,
    };
  }

  private issueOnline(shop: string, claims: Record<string, unknown>): object {
    const token = this.mint("shpua");
    this.accessTokens.set(token, {
      token,
      shop,
      scope: this.options.scopes,
      expiresAt: this.options.now().getTime() + ONLINE_TOKEN_SECONDS * 1000,
      online: true,
    });
    const userId = Number(typeof claims.sub === "string" ? claims.sub : 1) || 1;
    return {
      access_token: token,
      scope: this.options.scopes,
      expires_in: ONLINE_TOKEN_SECONDS,
      associated_user_scope: this.options.scopes,
      associated_user: {
        id: userId,
        first_name: "Emulated",
        last_name: "Staff",
        email: `staff-${userId}@${shop}`,
        account_owner: userId === 1,
        locale: "en",
        collaborator: false,
        email_verified: true,
      },
    };
  }

  private refresh(shop: string, refreshToken: string | undefined): TokenResponse {
    const record = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    if (!record || record.shop !== shop || record.expiresAt <= this.options.now().getTime()) {
      return oauthError(400, "invalid_grant", "The refresh token is invalid or expired");
    }
    // A refresh token is single use: the pair it belongs to is replaced.
    this.refreshTokens.delete(record.token);
    return { status: 200, body: this.issueOffline(shop, true) };
  }

  /** Forgets every token of a shop (an uninstall). */
  revokeShop(shop: string): void {
    for (const [token, record] of this.accessTokens) if (record.shop === shop) this.accessTokens.delete(token);
    for (const [token, record] of this.refreshTokens) if (record.shop === shop) this.refreshTokens.delete(token);
  }

  snapshot(): TokenStoreSnapshot {
    return { accessTokens: [...this.accessTokens.values()], refreshTokens: [...this.refreshTokens.values()] };
  }

  restore(snapshot: TokenStoreSnapshot): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
    for (const r of snapshot.accessTokens) this.accessTokens.set(r.token, r);
    for (const r of snapshot.refreshTokens) this.refreshTokens.set(r.token, r);
  }
}
