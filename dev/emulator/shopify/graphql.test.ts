import { describe, expect, it } from "vitest";
import { APP, SHOP, harness } from "./test-support";
import { ShopifyEmulator } from "./index";

describe("Admin GraphQL endpoint", () => {
  it("answers an unknown field with Shopify's validation error shape and HTTP 200", async () => {
    const { graphql } = await harness();
    const { status, json } = await graphql("query Overview { shop { name colour } }");
    expect(status).toBe(200);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([
      {
        message: "Field 'colour' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 30 }],
        path: ["query Overview", "shop", "colour"],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "colour" },
      },
    ]);
  });

  it("reports a missing required argument the way Shopify does", async () => {
    const { graphql } = await harness();
    const { json } = await graphql("{ order { id } }");
    expect(json.errors?.[0]).toMatchObject({
      message: "Field 'order' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments" },
    });
  });

  it("fails loudly with 'not emulated' for a schema field the emulator does not implement", async () => {
    const { graphql } = await harness();
    const { json } = await graphql("{ shop { name billingAddress { city } } }");
    expect(json.errors?.[0]?.message).toBe("not emulated: Shop.billingAddress");
    expect(json.errors?.[0]?.path).toEqual(["shop", "billingAddress"]);
  });

  it("answers a query it implements with data", async () => {
    const { graphql } = await harness();
    const { json } = await graphql(`{ shop { name myshopifyDomain ianaTimezone currencyCode } }`);
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({
      shop: { name: "Tiny", myshopifyDomain: SHOP, ianaTimezone: "America/Chicago", currencyCode: "USD" },
    });
  });

  it("answers the same document sent again with new variables, and a bad document every time it is sent", async () => {
    const { graphql } = await harness();
    const query = "query Some($first: Int!) { locations(first: $first) { nodes { id } } }";
    const one = await graphql(query, { first: 1 });
    const all = await graphql(query, { first: 10 });
    const oneAgain = await graphql(query, { first: 1 });
    const nodes = (answer: typeof one) => (answer.json.data as { locations: { nodes: unknown[] } }).locations.nodes;
    expect(nodes(one)).toHaveLength(1);
    expect(nodes(all).length).toBeGreaterThan(1);
    expect(oneAgain.json.data).toEqual(one.json.data);
    for (const bad of ["query Overview { shop { name colour } }", "query { shop { name "]) {
      const first = await graphql(bad);
      const second = await graphql(bad);
      expect(first.json.errors?.length).toBeGreaterThan(0);
      expect(second.json.errors).toEqual(first.json.errors);
    }
  });

  it("requires first or last on a connection, as Shopify does", async () => {
    const { graphql } = await harness();
    const { json } = await graphql("{ locations { nodes { id } } }");
    expect(json.errors?.[0]?.message).toBe("you must provide one of first or last");
  });

  it("refuses a request without an access token, or with a wrong one, with 401", async () => {
    const { emulator } = await harness();
    const call = (headers: Record<string, string>) =>
      emulator.handle({ method: "POST", path: "/admin/api/2026-04/graphql.json", shop: SHOP, headers, body: '{"query":"{ shop { name } }"}' });
    for (const headers of [{}, { "X-Shopify-Access-Token": "shpat_wrong" }] as Record<string, string>[]) {
      const response = await call(headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
  });

  it("refuses a token issued for another shop", async () => {
    const { emulator, token } = await harness();
    const other = new ShopifyEmulator({ ...APP });
    expect(other.shops()).toEqual([]);
    emulator.loadScenario("other-shop.myshopify.com", { ...(await import("./test-support")).tinyScenario() });
    const response = await emulator.handle({
      method: "POST",
      path: "/admin/api/2026-04/graphql.json",
      shop: "other-shop.myshopify.com",
      headers: { "X-Shopify-Access-Token": token },
      body: '{"query":"{ shop { name } }"}',
    });
    expect(response.status).toBe(401);
  });

  it("answers 404 for another API version and for an unknown shop", async () => {
    const { emulator, token } = await harness();
    const headers = { "X-Shopify-Access-Token": token };
    const body = '{"query":"{ shop { name } }"}';
    expect((await emulator.handle({ method: "POST", path: "/admin/api/2023-01/graphql.json", shop: SHOP, headers, body })).status).toBe(404);
    expect((await emulator.handle({ method: "POST", path: "/admin/api/2026-04/graphql.json", shop: "nobody.myshopify.com", headers, body })).status).toBe(404);
  });

  it("reports requested and actual cost and the bucket in extensions.cost", async () => {
    const { graphql } = await harness();
    const { json } = await graphql("{ locations(first: 10) { edges { node { id name } } } }");
    // A connection costs 2 + first × node (1): requested 12; three locations come back: actual 5.
    expect(json.extensions?.cost).toEqual({
      requestedQueryCost: 12,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 },
    });
  });

  it("charges a flat 10 for a mutation", async () => {
    const { graphql } = await harness();
    const { json } = await graphql(
      `mutation { inventorySetQuantities(input: { name: "available", reason: "correction", quantities: [] }) { userErrors { code } } }`,
    );
    expect(json.extensions?.cost.requestedQueryCost).toBe(10);
  });

  it("refuses a query whose requested cost exceeds 1,000 with MAX_COST_EXCEEDED", async () => {
    const { graphql } = await harness();
    const { json } = await graphql("{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }");
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
  });

  it("answers THROTTLED when the bucket cannot pay, charges nothing, and recovers as time passes", async () => {
    // A small plan: 5 points a second, a 100-point bucket; the clock stands still until advanced.
    const { graphql, clock } = await harness({ restoreRatePerSecond: 5 });
    const mutation = `mutation { inventorySetQuantities(input: { name: "available", reason: "correction", quantities: [] }) { userErrors { code } } }`;
    for (let i = 0; i < 10; i++) await graphql(mutation); // 10 × 10 points: the bucket is empty
    const query = "{ locations(first: 10) { nodes { id } } }"; // requested 12
    const throttled = await graphql(query);
    expect(throttled.json).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: {
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 5 },
        },
      },
    });
    clock.advance(2000); // +10 points: still short
    expect((await graphql(query)).json.errors?.[0]?.message).toBe("Throttled");
    clock.advance(1000); // +5 more: 15 ≥ 12
    const after = await graphql(query);
    expect(after.json.errors).toBeUndefined();
    // Paid 12, refunded 12 − 5 (three locations came back).
    expect(after.json.extensions?.cost.throttleStatus.currentlyAvailable).toBe(10);
  });

  it("sizes the bucket 20 seconds of restore: 20,000 points on Plus", async () => {
    const { graphql } = await harness({ restoreRatePerSecond: 1000 });
    const { json } = await graphql("{ shop { name } }");
    expect(json.extensions?.cost.throttleStatus).toMatchObject({ maximumAvailable: 20000, restoreRate: 1000 });
  });

  it("injects 5xx answers, forced throttles and delayed answers at the configured rates", async () => {
    const { emulator, token } = await harness();
    const call = () =>
      emulator.handle({
        method: "POST",
        path: "/admin/api/2026-04/graphql.json",
        shop: SHOP,
        headers: { "X-Shopify-Access-Token": token },
        body: '{"query":"{ shop { name } }"}',
      });
    emulator.faults = { adminErrorRate: 1, adminTimeoutRate: 0, throttleRate: 0 };
    expect([502, 503]).toContain((await call()).status);
    emulator.faults = { adminErrorRate: 0, adminTimeoutRate: 0, throttleRate: 1 };
    expect(JSON.parse((await call()).body).errors[0].extensions.code).toBe("THROTTLED");
    emulator.faults = { adminErrorRate: 0, adminTimeoutRate: 1, throttleRate: 0 };
    emulator.timeoutDelayMs = 30;
    const started = Date.now();
    const delayed = await call();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(delayed.status).toBe(200);
  });
});
