import crypto from "node:crypto";
import type { Scenario, ScenarioLocation } from "../../scenarios/types";
import { WebhookDispatcher } from "../webhooks/dispatcher";
import { readWebhookSubscriptions, type WebhookSubscriptions } from "../webhooks/subscriptions";
import { ShopifyEmulator, type EmulatorEvent } from "./index";

/** Shared by the emulator's tests: a tiny shop, a signed session token, a GraphQL caller. */

export const APP = { apiKey: "emulator-test-key", apiSecret: "emulator-test-secret" } as const;
export const SHOP = "tiny-test-shop.myshopify.com";
export const WAREHOUSE = 1001;
export const STORE_A = 1002;
export const STORE_B = 1003;

function location(id: number, name: string, kind: "STORE" | "WAREHOUSE", rank: number, latitude: number, longitude: number): ScenarioLocation {
  return {
    id,
    name,
    kind,
    address: {
      address1: `${id} Test St`,
      city: "Chicago",
      province: "Illinois",
      provinceCode: "IL",
      zip: "60601",
      country: "United States",
      countryCode: "US",
      latitude,
      longitude,
    },
    isActive: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: kind === "STORE",
    rank,
    profile: {
      labourCostPerOrder: 3,
      shipping: { base: 5.5, perMile: 0.05 },
      openingHours: { monday: null, tuesday: null, wednesday: null, thursday: null, friday: null, saturday: null, sunday: null },
      timezone: "America/Chicago",
    },
  };
}

/** Warehouse (rank 1) with TEE and HOODIE; store A (rank 2) with all three SKUs; store B (rank 3) with CAP only. */
export function tinyScenario(): Scenario {
  return {
    shop: { name: "Tiny", domain: SHOP, currency: "USD", ianaTimezone: "America/Chicago", email: "owner@tiny.example" },
    locations: [
      location(WAREHOUSE, "Warehouse", "WAREHOUSE", 1, 41.7, -88.07),
      location(STORE_A, "Store A", "STORE", 2, 41.9, -87.68),
      location(STORE_B, "Store B", "STORE", 3, 41.94, -87.64),
    ],
    products: [
      { id: 1, title: "Tee", vendor: "Tiny", productType: "T-Shirts", variants: [{ id: 11, sku: "TEE-M", barcode: "2000000000015", price: "24.00", title: "M", inventoryItemId: 111 }] },
      { id: 2, title: "Hoodie", vendor: "Tiny", productType: "Sweatshirts", variants: [{ id: 21, sku: "HOODIE-L", barcode: "2000000000022", price: "68.00", title: "L", inventoryItemId: 211 }] },
      { id: 3, title: "Cap", vendor: "Tiny", productType: "Accessories", variants: [{ id: 31, sku: "CAP", barcode: "2000000000039", price: "20.00", title: "One size", inventoryItemId: 311 }] },
    ],
    inventory: [
      { locationId: WAREHOUSE, sku: "TEE-M", available: 10 },
      { locationId: WAREHOUSE, sku: "HOODIE-L", available: 10 },
      { locationId: STORE_A, sku: "TEE-M", available: 5 },
      { locationId: STORE_A, sku: "HOODIE-L", available: 5 },
      { locationId: STORE_A, sku: "CAP", available: 5 },
      { locationId: STORE_B, sku: "CAP", available: 2 },
    ],
  };
}

export const ADDRESS = {
  address1: "233 S Wacker Dr",
  city: "Chicago",
  provinceCode: "IL",
  zip: "60606",
  countryCode: "US",
  latitude: 41.8789,
  longitude: -87.6359,
};

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** A session token as App Bridge makes it: HS256 over the claims with the app secret. */
export function sessionToken(options: {
  shop: string;
  now: Date;
  apiKey?: string;
  secret?: string;
  expiresInSeconds?: number;
  sub?: string;
}): string {
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64Url(
    JSON.stringify({
      iss: `https://${options.shop}/admin`,
      dest: `https://${options.shop}`,
      aud: options.apiKey ?? APP.apiKey,
      sub: options.sub ?? "42",
      exp: nowSeconds + (options.expiresInSeconds ?? 60),
      nbf: nowSeconds - 5,
      iat: nowSeconds - 5,
      jti: crypto.randomUUID(),
      sid: "session-id",
    }),
  );
  const signature = crypto.createHmac("sha256", options.secret ?? APP.apiSecret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64Url(signature)}`;
}

export class TestClock {
  constructor(public time = new Date("2026-05-04T15:00:00Z")) {}
  now = () => new Date(this.time);
  advance(ms: number): void {
    this.time = new Date(this.time.getTime() + ms);
  }
}

export interface TestHarness {
  emulator: ShopifyEmulator;
  clock: TestClock;
  token: string;
  events: EmulatorEvent[];
  /** Posts a GraphQL document as the app would; returns the parsed JSON body and status. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; json: GraphqlBody }>;
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; locations?: unknown; extensions?: Record<string, unknown> }[];
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
}

export async function exchangeToken(emulator: ShopifyEmulator, shop: string, now: Date): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await emulator.handle({
    method: "POST",
    path: "/admin/oauth/access_token",
    shop,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken({ shop, now }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    }),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

export async function harness(options: { restoreRatePerSecond?: number } = {}): Promise<TestHarness> {
  const clock = new TestClock();
  const emulator = new ShopifyEmulator({ ...APP, now: clock.now, seed: 7, publicUrl: "http://emulator.test", ...options });
  emulator.loadScenario(SHOP, tinyScenario());
  const events: EmulatorEvent[] = [];
  emulator.onEvent((e) => events.push(e));
  const exchanged = await exchangeToken(emulator, SHOP, clock.now());
  const token = String(exchanged.body.access_token);
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await emulator.handle({
      method: "POST",
      path: "/admin/api/2026-04/graphql.json",
      shop: undefined,
      headers: { "X-Forwarded-Host": SHOP, "X-Shopify-Access-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, json: JSON.parse(response.body) as GraphqlBody };
  };
  return { emulator, clock, token, events, graphql };
}

export const gidOf = (type: string, id: number) => `gid://shopify/${type}/${id}`;

/**
 * Hands `events` to a webhook dispatcher reading `subscriptions` (the app's shopify.app.toml by
 * default) and says which topics it sent to the app and which it logged as not sent.
 */
export async function dispatchTopics(
  events: EmulatorEvent[],
  subscriptions: WebhookSubscriptions = readWebhookSubscriptions(),
): Promise<{ sent: string[]; notSent: string[] }> {
  const sent: string[] = [];
  const dispatcher = new WebhookDispatcher({
    appUrl: "https://omniroute.test",
    apiSecret: APP.apiSecret,
    subscriptions,
    fetch: (_url, init) => {
      sent.push(new Headers(init.headers).get("x-shopify-topic") ?? "");
      return Promise.resolve(new Response(null, { status: 200 }));
    },
  });
  for (const event of events) dispatcher.publish(event);
  await dispatcher.idle();
  const notSent = dispatcher
    .log()
    .filter((entry) => entry.outcome === "not-sent")
    .map((entry) => entry.topic);
  return { sent, notSent };
}
