import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { signSessionToken } from "../emulator/session-token";
import { serveStandIn, type StandInAnswer } from "../extension-host/serve";
import type { Scenario } from "../scenarios/types";
import { bundleCheckoutScripts } from "./bundle";
import { checkoutStandInConfig } from "./config";
import { emulatorPickupOrder, payRequestSchema } from "./order-request";

/**
 * The Checkout stand-in of `npm run demo`: a shopper's cart, the pickup locations Shopify would
 * offer, the checkout extension's real target rendered under each with a `shopify` object standing
 * in for checkout, and Pay, which places the order in the emulator. It is its own origin, as
 * Shopify's CDN is to the app, so the extension's calls to `/api/checkout/…` go through CORS.
 * It signs session tokens as checkout does: for the shop, with the app's secret, no user.
 */
export interface CheckoutStandInOptions {
  /** 0 takes any free port. */
  port: number;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  scenario: Scenario;
  /** The Shopify emulator, where Pay places the order (it may start after the stand-in). */
  emulatorUrl: string;
}

export interface RunningCheckoutStandIn {
  url: string;
  close(): Promise<void>;
}

type Answer = StandInAnswer;

const PAGE_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "page");
const PAGES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/option.html": { file: "option.html", type: "text/html; charset=utf-8" },
  "/order-page.html": { file: "order-page.html", type: "text/html; charset=utf-8" },
  "/checkout.css": { file: "checkout.css", type: "text/css; charset=utf-8" },
};

/** Checkout's session tokens live a minute; the extension asks for one per call. */
const TOKEN_LIFETIME_SECONDS = 60;
/** A cart of 100 lines is a few KB. */
const MAX_BODY_BYTES = 64 * 1024;

const json = (status: number, value: unknown): Answer => ({
  status,
  type: "application/json",
  body: JSON.stringify(value),
});

async function readBody(request: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new Error("body too large");
  }
  return body;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function startCheckoutStandIn(options: CheckoutStandInOptions): Promise<RunningCheckoutStandIn> {
  const scripts = await bundleCheckoutScripts(options.appUrl);
  const config = checkoutStandInConfig(options.scenario);

  async function pay(request: http.IncomingMessage): Promise<Answer> {
    const body = payRequestSchema.safeParse(parsed(await readBody(request)));
    if (!body.success) return json(400, { error: body.error.issues[0]?.message ?? "invalid order" });
    const placed = await fetch(
      `${options.emulatorUrl}/_emulator/shops/${encodeURIComponent(config.shopDomain)}/orders`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(emulatorPickupOrder(body.data)),
      },
    );
    return { status: placed.status, type: "application/json", body: await placed.text() };
  }

  async function answer(request: http.IncomingMessage): Promise<Answer> {
    const url = new URL(request.url ?? "/", "http://checkout.local");
    if (url.pathname === "/orders" && request.method === "POST") return pay(request);
    if (request.method !== "GET") return { status: 405, type: "text/plain", body: "GET only" };
    const page = PAGES[url.pathname];
    if (page) return { status: 200, type: page.type, body: fs.readFileSync(path.join(PAGE_DIR, page.file), "utf8") };
    const script = scripts.get(url.pathname);
    if (script !== undefined) return { status: 200, type: "text/javascript; charset=utf-8", body: script };
    if (url.pathname === "/config.json") return json(200, config);
    if (url.pathname === "/session-token") {
      // Checkout's token names the shop (`dest`) and the app (`aud`); no admin user is behind it.
      const token = signSessionToken(
        { shop: config.shopDomain, apiKey: options.apiKey, now: new Date(), lifetimeSeconds: TOKEN_LIFETIME_SECONDS },
        options.apiSecret,
      );
      return json(200, { token });
    }
    return { status: 404, type: "text/plain", body: "Not found" };
  }

  const server = await serveStandIn(options.port, answer);
  return {
    url: server.url,
    async close() {
      await server.close();
    },
  };
}
