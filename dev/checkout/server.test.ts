import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulatorServer, type RunningEmulator } from "../emulator/server";
import { scenarios } from "../scenarios";
import { startCheckoutStandIn, type RunningCheckoutStandIn } from "./server";

/** The Checkout stand-in's own server: its page and bundles, checkout's session tokens, and Pay into the emulator. */
const APP = { apiKey: "checkout-test-key", apiSecret: "checkout-test-secret" };
const running: (RunningEmulator | RunningCheckoutStandIn)[] = [];
afterEach(async () => {
  for (const server of running.splice(0).reverse()) await server.close();
});

async function start(): Promise<{ emulator: RunningEmulator; checkout: RunningCheckoutStandIn }> {
  const emulator = await startEmulatorServer({
    port: 0,
    publicUrl: "http://127.0.0.1:0",
    appUrl: "http://127.0.0.1:1",
    ...APP,
    scopes: "read_orders",
    scenario: "chicago",
    deliverWebhook: async () => new Response(null, { status: 200 }),
    onWarning: () => {},
  });
  running.push(emulator);
  const checkout = await startCheckoutStandIn({
    port: 0,
    appUrl: "http://127.0.0.1:3999",
    ...APP,
    scenario: scenarios.chicago(),
    emulatorUrl: emulator.url,
  });
  running.push(checkout);
  return { emulator, checkout };
}

function claimsOf(token: string): Record<string, unknown> {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const expected = crypto.createHmac("sha256", APP.apiSecret).update(`${header}.${payload}`).digest("base64url");
  expect(signature).toBe(expected);
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

describe("the Checkout stand-in's server", () => {
  it("serves the extension's real target built with the app's URL, as the Shopify CLI builds it", async () => {
    const { checkout } = await start();
    const target = await (await fetch(new URL("/targets/pickup-option.js", checkout.url))).text();
    expect(target).toContain("http://127.0.0.1:3999");
    expect(target).toContain("/api/checkout/pickup-availability");
    expect((await fetch(new URL("/option.html", checkout.url))).status).toBe(200);
  });

  it("signs session tokens as checkout does: for the app, with the shop as their destination", async () => {
    const { checkout, emulator } = await start();
    const { token } = (await (await fetch(new URL("/session-token", checkout.url))).json()) as { token: string };
    const claims = claimsOf(token);
    expect(claims.aud).toBe(APP.apiKey);
    expect(claims.dest).toBe(`https://${emulator.shop}`);
  });

  it("places a paid cart in the emulator as a pickup order at the chosen store", async () => {
    const { checkout, emulator } = await start();
    const lincolnPark = emulator.scenario.locations.find((location) => location.name === "Lincoln Park");
    const [first, second] = emulator.scenario.products.flatMap((product) => product.variants);
    if (!lincolnPark || !first || !second) throw new Error("the chicago scenario has Lincoln Park and products");
    const paid = await fetch(new URL("/orders", checkout.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        lines: [
          { sku: first.sku, quantity: 1 },
          { sku: second.sku, quantity: 2 },
        ],
        pickupLocationId: String(lincolnPark.id),
        email: "shopper@example.com",
      }),
    });
    expect(paid.status).toBe(201);
    const order = (await paid.json()) as { name: string };
    expect(order.name).toBe("#1001");
    const atStore = emulator.shopify.ordersAt(emulator.shop, lincolnPark.id);
    expect(atStore.map((placed) => placed.name)).toEqual(["#1001"]);
  });

  it("refuses a cart it cannot place, saying why", async () => {
    const { checkout } = await start();
    const refused = await fetch(new URL("/orders", checkout.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lines: [], pickupLocationId: "1", email: "shopper@example.com" }),
    });
    expect(refused.status).toBe(400);
  });
});
