import "@shopify/shopify-api/adapters/node";
import { ApiVersion, GraphqlQueryError, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { APP, SHOP, STORE_A, gidOf, sessionToken, tinyScenario, ADDRESS } from "./test-support";
import { ShopifyEmulator } from "./index";

/**
 * The app's real Shopify library against the emulator: token exchange, refresh and the Admin
 * GraphQL client, through the library's runtime fetch, rewritten to the emulator exactly as
 * app/shopify/emulator-redirect.server.ts does (origin swapped, shop in X-Forwarded-Host).
 */

const emulator = new ShopifyEmulator({ ...APP, seed: 11 });
emulator.loadScenario(SHOP, tinyScenario());

beforeAll(() => {
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const response = await emulator.handle({
      method: init?.method ?? "GET",
      path: `${url.pathname}${url.search}`,
      shop: url.hostname,
      headers,
      body: typeof init?.body === "string" ? init.body : "",
    });
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
});

const shopify = shopifyApi({
  apiKey: APP.apiKey,
  apiSecretKey: APP.apiSecret,
  apiVersion: ApiVersion.April26,
  hostName: "omniroute.test",
  isEmbeddedApp: true,
  scopes: ["read_orders"],
  logger: { level: LogSeverity.Error },
});

describe("the real @shopify/shopify-api against the emulator", () => {
  it("exchanges a session token, queries with the GraphQL client, and refreshes the token", async () => {
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: sessionToken({ shop: SHOP, now: new Date() }),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(session.shop).toBe(SHOP);
    expect(session.isOnline).toBe(false);
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires).toBeInstanceOf(Date);

    const order = emulator.placeOrder(SHOP, { lines: [{ sku: "CAP", quantity: 1 }], deliveryMethod: "SHIPPING", shippingAddress: ADDRESS });
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request<{ order: { name: string; fulfillmentOrders: { nodes: { assignedLocation: { location: { id: string } } }[] } } }>(
      `query Routed($id: ID!) { order(id: $id) { name fulfillmentOrders(first: 5) { nodes { assignedLocation { location { id } } } } } }`,
      { variables: { id: order.id } },
    );
    expect(response.data?.order).toEqual({
      name: order.name,
      fulfillmentOrders: { nodes: [{ assignedLocation: { location: { id: gidOf("Location", STORE_A) } } }] },
    });
    // order 1 + fulfillmentOrders (2 + 5 × (node 1 + assignedLocation 1 + location 1)) = 18
    expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 18, throttleStatus: { maximumAvailable: 2000 } });

    const { session: refreshed } = await shopify.auth.refreshToken({ shop: SHOP, refreshToken: session.refreshToken ?? "" });
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    const again = await new shopify.clients.Graphql({ session: refreshed }).request<{ shop: { name: string } }>("{ shop { name } }");
    expect(again.data?.shop.name).toBe("Tiny");
  });

  it("surfaces validation errors to the client as GraphqlQueryError with Shopify's body", async () => {
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: sessionToken({ shop: SHOP, now: new Date() }),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    const client = new shopify.clients.Graphql({ session });
    const failure = await client.request("{ shop { colour } }").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphqlQueryError);
    expect((failure as GraphqlQueryError).body).toMatchObject({
      errors: { graphQLErrors: [{ extensions: { code: "undefinedField", fieldName: "colour" } }] },
    });
  });
});
