import { describe, expect, it } from "vitest";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { adminClientForRequest } from "./admin-client-for-request.server";
import { CostMeter } from "./cost-meter";
import { SHOP_OVERVIEW_QUERY } from "./operations/shop-overview.server";

/**
 * The page's client over a scripted `admin.graphql`: each step is what the Shopify library
 * gives a page for one send, an answer or the Response it throws.
 */

type Step = { answer: unknown } | { throws: Response };

const OVERVIEW = {
  shop: { name: "Unit Shop", myshopifyDomain: "unit-shop.myshopify.com", ianaTimezone: "Europe/Paris" },
  locationsCount: { count: 2, precision: "EXACT" },
};
const COST = {
  requestedQueryCost: 2,
  actualQueryCost: 2,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1998, restoreRate: 100 },
};

function scriptedPage(shop: string, steps: Step[]) {
  let sends = 0;
  const graphql = async () => {
    sends += 1;
    const step = steps.shift();
    if (!step) throw new Error("test script ran out of answers");
    if ("throws" in step) throw step.throws;
    return new Response(JSON.stringify(step.answer), { headers: { "Content-Type": "application/json" } });
  };
  // Only the one call the transport makes is scripted, not the library's whole generic client.
  const admin = { graphql: graphql as unknown as AdminApiContext["graphql"] };
  return { context: { admin, session: { shop } }, sends: () => sends };
}

const noWait = { sleep: async () => {}, random: () => 0 };

describe("a page's Admin client", () => {
  it("answers a codegen-typed document through the request's admin.graphql and records its cost", async () => {
    const page = scriptedPage("typed.myshopify.com", [{ answer: { data: OVERVIEW, extensions: { cost: COST } } }]);
    const meter = new CostMeter();

    const { data, cost } = await adminClientForRequest(page.context, { ...noWait, costMeter: meter }).request(
      SHOP_OVERVIEW_QUERY,
      {},
    );

    expect(data.shop.ianaTimezone).toBe("Europe/Paris");
    expect(cost).toEqual({ requested: 2, actual: 2 });
    expect(meter.total()).toMatchObject({ calls: 1, requested: 2, actual: 2 });
  });

  it("reads the library's thrown copy of Shopify's 503 as Shopify's answer, and sends again", async () => {
    const page = scriptedPage("unavailable.myshopify.com", [
      { throws: new Response(JSON.stringify({ errors: "Service Unavailable" }), { status: 503 }) },
      { answer: { data: OVERVIEW, extensions: { cost: COST } } },
    ]);
    const meter = new CostMeter();

    const { data } = await adminClientForRequest(page.context, { ...noWait, costMeter: meter }).request(
      SHOP_OVERVIEW_QUERY,
      {},
    );

    expect(data.shop.name).toBe("Unit Shop");
    expect(page.sends()).toBe(2);
    expect(meter.total()).toMatchObject({ calls: 1, failedRetries: 1 });
  });

  it.each([
    ["a 401 asking App Bridge to retry with a new token", 401, { "X-Shopify-Retry-Invalid-Session-Request": "1" }],
    ["a redirect to the bounce page", 302, { Location: "/auth/session-token" }],
  ])("throws the library's re-authentication (%s) on for Remix to send, without sending again", async (_, status, headers) => {
    const reauthenticate = new Response(null, { status, headers });
    const page = scriptedPage("reauth.myshopify.com", [{ throws: reauthenticate }]);

    const outcome = await adminClientForRequest(page.context, noWait)
      .request(SHOP_OVERVIEW_QUERY, {})
      .catch((thrown: unknown) => thrown);

    expect(outcome).toBe(reauthenticate);
    expect(page.sends()).toBe(1);
  });
});
