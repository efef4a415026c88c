import { describe, expect, it } from "vitest";
import { APP, SHOP, TestClock, exchangeToken, sessionToken, tinyScenario } from "./test-support";
import { ShopifyEmulator } from "./index";

function setup() {
  const clock = new TestClock();
  const emulator = new ShopifyEmulator({ ...APP, now: clock.now, seed: 3, scopes: "read_orders,write_inventory" });
  emulator.loadScenario(SHOP, tinyScenario());
  return { clock, emulator };
}

async function post(emulator: ShopifyEmulator, body: Record<string, string>) {
  const response = await emulator.handle({
    method: "POST",
    path: "/admin/oauth/access_token",
    shop: SHOP,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

async function shopName(emulator: ShopifyEmulator, token: string) {
  const response = await emulator.handle({
    method: "POST",
    path: "/admin/api/2026-04/graphql.json",
    shop: SHOP,
    headers: { "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query: "{ shop { name } }" }),
  });
  return response.status;
}

const exchangeBody = (subjectToken: string) => ({
  client_id: APP.apiKey,
  client_secret: APP.apiSecret,
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  subject_token: subjectToken,
  subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
  requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
  expiring: "1",
});

describe("token exchange", () => {
  it("exchanges a session token signed with the app secret for an expiring offline token that works", async () => {
    const { emulator, clock } = setup();
    const { status, body } = await exchangeToken(emulator, SHOP, clock.now());
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_[0-9a-f]{32}$/),
      refresh_token_expires_in: 7776000,
      scope: "read_orders,write_inventory",
    });
    expect(await shopName(emulator, String(body.access_token))).toBe(200);
  });

  it("stops accepting the access token once it expires", async () => {
    const { emulator, clock } = setup();
    const { body } = await exchangeToken(emulator, SHOP, clock.now());
    clock.advance(3600 * 1000 + 1);
    expect(await shopName(emulator, String(body.access_token))).toBe(401);
  });

  it("refreshes: a new working pair, the refresh token single-use", async () => {
    const { emulator, clock } = setup();
    const first = (await exchangeToken(emulator, SHOP, clock.now())).body;
    clock.advance(3700 * 1000);
    const refreshBody = {
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "refresh_token",
      refresh_token: String(first.refresh_token),
    };
    const refreshed = await post(emulator, refreshBody);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    expect(await shopName(emulator, String(refreshed.body.access_token))).toBe(200);
    const reused = await post(emulator, refreshBody);
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("refuses session tokens signed with another secret, for another app, for another shop, or expired", async () => {
    const { emulator, clock } = setup();
    const now = clock.now();
    const bad = [
      sessionToken({ shop: SHOP, now, secret: "not-the-secret" }),
      sessionToken({ shop: SHOP, now, apiKey: "another-app" }),
      sessionToken({ shop: "other.myshopify.com", now }),
      sessionToken({ shop: SHOP, now: new Date(now.getTime() - 3600_000) }),
    ];
    for (const token of bad) {
      const { status, body } = await post(emulator, exchangeBody(token));
      expect(status).toBe(400);
      expect(body.error).toBe("invalid_subject_token");
    }
  });

  it("refuses wrong client credentials with 401 invalid_client", async () => {
    const { emulator, clock } = setup();
    const body = { ...exchangeBody(sessionToken({ shop: SHOP, now: clock.now() })), client_secret: "wrong" };
    expect(await post(emulator, body)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("issues online tokens with the associated user from the session token", async () => {
    const { emulator, clock } = setup();
    const { status, body } = await post(emulator, {
      ...exchangeBody(sessionToken({ shop: SHOP, now: clock.now(), sub: "77" })),
      requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ expires_in: 86399, associated_user: { id: 77 } });
  });
});
