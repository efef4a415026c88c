import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { startAdminApiStub, type AdminApiStub } from "../../tests/support/admin-api-stub";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { loader as dashboardLoader } from "./app._index";

const STORE = "dashboard-shop";
const SHOP = `${STORE}.myshopify.com`;
const ACCESS_TOKEN = "shpat_dashboard";

let stub: AdminApiStub;
// Imported once the Admin API stand-in is listening: the Shopify client reads its URL at import.
let loader: typeof dashboardLoader;

beforeAll(async () => {
  stub = await startAdminApiStub({
    accessToken: ACCESS_TOKEN,
    rootValue: {
      shop: { name: "Windy City Outfitters", myshopifyDomain: SHOP, ianaTimezone: "America/Chicago" },
      locationsCount: { count: 13, precision: "EXACT" },
    },
  });
  process.env.SHOPIFY_EMULATOR_URL = stub.url;
  ({ loader } = await import("./app._index"));
  const { sessionStorage } = await import("~/shopify.server");
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "installed",
      isOnline: false,
      scope: TEST_APP.scopes,
      accessToken: ACCESS_TOKEN,
      expires: new Date(Date.now() + 3_600_000),
      refreshToken: "shprt_dashboard",
      refreshTokenExpires: new Date(Date.now() + 30 * 86_400_000),
    }),
  );
});

afterAll(async () => {
  await stub.close();
});

async function requestWithSessionToken(): Promise<Request> {
  const { token } = await getJwt(STORE, TEST_APP.apiKey, TEST_APP.apiSecret);
  return new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${token}` } });
}

describe("the dashboard", () => {
  it("shows the shop, its active locations and the app's health to an authenticated merchant", async () => {
    const data = await loader({ request: await requestWithSessionToken(), params: {}, context: {} });

    expect(data.shop).toBe(SHOP);
    expect(data.overview).toEqual({
      ok: true,
      detail: { name: "Windy City Outfitters", domain: SHOP, timezone: "America/Chicago", activeLocations: 13 },
    });
    expect(data.health.database.ok).toBe(true);
    expect(data.health.jobQueue).toEqual({
      ok: true,
      detail: { waiting: 0, active: 0, retrying: 0, failed: 0, deadLettered: 0 },
    });
    expect(stub.requests.map((request) => request.shop)).toEqual([SHOP]);
  });

  it("refuses a request whose session token was signed with another secret", async () => {
    const { token } = await getJwt(STORE, TEST_APP.apiKey, "someone-elses-secret");
    const request = new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${token}` } });
    const outcome = await loader({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(401);
  });
});
